package gen

import (
	"fmt"
	"go/token"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/tarogen/tarogen/spec"
)

// unionInfo is a sealed union: an interface with an unexported method that
// only its member types implement, so a value of any other type is a
// compile error (`Data: 5` does not compile).
type unionInfo struct {
	key     string // the union as written, normalised: "string | ArrayBuffer"
	goName  string // e.g. "Data"
	marker  string // the unexported method, e.g. "isData"
	members []unionMember
	doc     string
}

// unionMember is one member: a wrapper type over a Go type that cannot
// carry a method of its own (string, []byte, a slice…), or a type the
// package declares, which implements the union itself (no wrapper).
type unionMember struct {
	ts      string       // the member as written, e.g. "ArrayBuffer"
	goName  string       // the type in a type switch, e.g. "Binary", "SocketTask"
	typ     typ          // the member's Go type
	wrapper *wrapperInfo // nil when the declared type implements the union
	ptr     bool         // a class: *Class implements the union
}

// wrapperInfo is a named type over a member's Go type. One wrapper serves
// every union with that member under that name: ArrayBuffer is one type
// that implements both StringOrArrayBuffer and ArrayBufferOrNumber.
type wrapperInfo struct {
	goName string
	typ    typ
	text   string   // typ's Go source, to tell a shared wrapper from a clash
	ts     string   // the TypeScript member it wraps
	unions []string // the unions it is a member of, for its doc
}

// enumInfo is a string literal union: a named string type and a constant
// per value.
type enumInfo struct {
	key    string // the context's name and the values, e.g. `SendOptionType="a" | "b"`
	goName string
	values []enumValue
	doc    string
}

type enumValue struct {
	goName string
	value  string
	doc    []string
	pos    spec.Pos
}

// maxJoinedMembers bounds the unions named after their members
// (StringOrArrayBuffer): a longer name reads worse than the context's
// (SendOptionData), and a name that grows with the member count makes the
// output grow with its square, since every wrapper's doc names the union.
const (
	maxJoinedMembers = 3
	maxJoinedLen     = 40
)

func (g *generator) unionType(t *spec.UnionType, sc scope, hint string) typ {
	members := unionMembers(t)
	if len(members) == 1 {
		return g.goType(members[0], sc, hint)
	}
	if len(members) == 0 {
		return tAny
	}
	if lt, ok := g.literalUnion(members, hint, t.Pos); ok {
		return lt
	}
	// Map every member; a member that is itself a union contributes its
	// members (a union of unions is one union in Go), and a member that
	// is any makes the whole union any: every value is already allowed.
	var ms []unionMember
	seen := map[string]bool{}
	for _, m := range members {
		mt := g.goType(m, sc, hint+memberWord(m))
		var add []unionMember
		switch mt.kind {
		case kAny:
			return tAny
		case kVoid:
			continue
		case kUnion:
			add = mt.union.members
		default:
			add = []unionMember{{ts: m.String(), typ: mt}}
		}
		for _, um := range add {
			text := typeSource(um.typ)
			if !seen[text] {
				seen[text] = true
				ms = append(ms, unionMember{ts: um.ts, typ: um.typ})
			}
		}
	}
	if len(ms) == 1 {
		return ms[0].typ
	}
	var tss []string
	for _, m := range ms {
		tss = append(tss, m.ts)
	}
	key := strings.Join(tss, " | ")
	if u := g.unionOf[key]; u != nil {
		return typ{kind: kUnion, union: u, code: func() *jen.Statement { return jen.Id(u.goName) }}
	}
	u := g.planUnion(key, ms, hint, t.Pos)
	return typ{kind: kUnion, union: u, code: func() *jen.Statement { return jen.Id(u.goName) }}
}

// unionMembers flattens nested unions and drops null, undefined and void:
// they only say "optional", which Go says with nil or the field's flag.
func unionMembers(t *spec.UnionType) []spec.Type {
	var out []spec.Type
	for _, m := range t.Types {
		switch m := m.(type) {
		case *spec.UnionType:
			out = append(out, unionMembers(m)...)
			continue
		case *spec.PrimitiveType:
			if m.Name == "null" || m.Name == "undefined" || m.Name == "void" {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// literalUnion maps a union of literals: string literals are an enum, a
// union of numbers (literal or not) is float64, of booleans bool, and
// string literals mixed with string are string.
func (g *generator) literalUnion(members []spec.Type, hint string, pos spec.Pos) (typ, bool) {
	allLit, str, num, boo := true, true, true, true
	for _, m := range members {
		l, lit := m.(*spec.LiteralType)
		p, prim := m.(*spec.PrimitiveType)
		allLit = allLit && lit
		str = str && (lit && l.Lit == "string" || prim && p.Name == "string")
		num = num && (lit && l.Lit == "number" || prim && p.Name == "number")
		boo = boo && (lit && l.Lit == "boolean" || prim && p.Name == "boolean")
	}
	switch {
	case str && allLit:
		return g.enumType(members, hint, pos), true
	case str:
		return tString, true
	case num:
		return tFloat, true
	case boo:
		return tBool, true
	}
	return typ{}, false
}

// memberWord is the word a member adds to a name: "ArrayBuffer",
// "StringArray" for string[].
func memberWord(m spec.Type) string {
	return exportedName(strings.NewReplacer("[]", "Array", "<", " ", ">", " ").Replace(m.String()))
}

// typeSource is t's Go source, to compare types.
func typeSource(t typ) string { return fmt.Sprintf("%#v", t.code()) }

// planUnion names a union and its members. The name is the overlay's, or
// the members' words joined by "Or" for a short union
// (StringOrArrayBuffer), or the context's name (SendOptionData). A wrapper
// is named by its member's word after a joined name (ArrayBuffer: never
// StringOrArrayBufferArrayBuffer), else the union's name and the word
// (SendOptionDataArrayBuffer); the overlay's members section wins.
func (g *generator) planUnion(key string, ms []unionMember, hint string, pos spec.Pos) *unionInfo {
	u := &unionInfo{key: key}
	var words []string
	for _, m := range ms {
		words = append(words, exportedName(strings.NewReplacer("[]", "Array", "<", " ", ">", " ").Replace(m.ts)))
	}
	joined := strings.Join(words, "Or")
	o := g.ov.Unions[key]
	what := "union " + key
	switch {
	case o != nil:
		u.goName, u.doc = o.Name, o.Doc
		if !g.claim(u.goName, what, o.Pos) {
			g.ds.Errorf(o.Pos, "union %s: Go name %s is already used by %s", key, u.goName, g.claimedBy(u.goName))
		}
	case len(ms) <= maxJoinedMembers && len(joined) <= maxJoinedLen && g.claim(joined, what, pos):
		u.goName = joined
	default:
		u.goName = g.numbered(hint, what, pos)
	}
	u.marker = "is" + u.goName
	for i, m := range ms {
		m.goName = ""
		if o != nil {
			m.goName = o.Members[m.ts]
		}
		g.planMember(u, &m, words[i], u.goName == joined, pos)
		u.members = append(u.members, m)
	}
	g.unions = append(g.unions, u)
	g.unionOf[key] = u
	return u
}

// planMember decides how a member implements u: a declared named type
// implements it itself; anything else gets a wrapper.
func (g *generator) planMember(u *unionInfo, m *unionMember, word string, joinedName bool, pos spec.Pos) {
	if m.goName == "" {
		switch {
		case m.typ.kind == kClass:
			m.goName, m.ptr = typeName(m.typ), true
			return
		case m.typ.kind == kStruct || m.typ.kind == kEnum || m.typ.decl != nil:
			if name := typeName(m.typ); name != "" {
				m.goName = name
				return
			}
		}
	}
	names := []string{m.goName}
	if m.goName == "" {
		names = []string{u.goName + word}
		if joinedName {
			names = []string{word, u.goName + word}
		}
	}
	text := typeSource(m.typ)
	for _, n := range names {
		if w := g.wrappers[n]; w != nil && w.text == text {
			w.unions = append(w.unions, u.goName)
			m.goName, m.wrapper = n, w
			return
		}
		if g.claim(n, "member "+m.ts+" of union "+u.key, pos) {
			w := &wrapperInfo{goName: n, typ: m.typ, text: text, ts: m.ts, unions: []string{u.goName}}
			g.wrappers[n] = w
			m.goName, m.wrapper = n, w
			return
		}
	}
	if m.goName != "" && len(names) == 1 && g.ov.Unions[u.key] != nil && g.ov.Unions[u.key].Members[m.ts] == m.goName {
		o := g.ov.Unions[u.key]
		g.ds.Errorf(o.Pos, "union %s: member name %s is already used by %s", u.key, m.goName, g.claimedBy(m.goName))
		return
	}
	n := g.numbered(u.goName+word, "member "+m.ts+" of union "+u.key, pos)
	w := &wrapperInfo{goName: n, typ: m.typ, text: text, ts: m.ts, unions: []string{u.goName}}
	g.wrappers[n] = w
	m.goName, m.wrapper = n, w
}

// typeName is the name of a named Go type t, or "".
func typeName(t typ) string {
	if t.code == nil {
		return ""
	}
	src := strings.TrimPrefix(typeSource(t), "*")
	if token.IsIdentifier(src) && !token.IsKeyword(src) && !predeclaredTypes[src] {
		return src
	}
	return ""
}

// predeclaredTypes are Go's own type names: never a package's type.
var predeclaredTypes = map[string]bool{"any": true, "bool": true, "byte": true, "error": true, "float32": true, "float64": true,
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true, "rune": true, "string": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true, "complex64": true, "complex128": true}

// enumType plans a string literal union: a named string type (hint) with
// one constant per value. Two values that normalise to one Go name
// ("utf-16le" and "utf16le") keep both: the second keeps its punctuation
// as "_" (EncodingUtf_16le), or failing that gets a number, with a
// warning (enumValue).
func (g *generator) enumType(members []spec.Type, hint string, pos spec.Pos) typ {
	// The same values in the same context (a generic type instantiated
	// twice, a type mapped from two places) are one enum; other values
	// under the same name get a number.
	key := hint + "=" + (&spec.UnionType{Types: members}).String()
	for _, e := range g.enums {
		if e.key == key {
			return typ{kind: kEnum, enum: e, code: func() *jen.Statement { return jen.Id(e.goName) }}
		}
	}
	e := &enumInfo{key: key, goName: g.numbered(hint, "string literal union", pos)}
	for _, m := range members {
		l := m.(*spec.LiteralType)
		e.values = append(e.values, g.enumValue(e.goName, l.Value, "", l.Pos))
	}
	g.enums = append(g.enums, e)
	return typ{kind: kEnum, enum: e, code: func() *jen.Statement { return jen.Id(e.goName) }}
}

// enumValue names one constant of the enum typeName.
func (g *generator) enumValue(typeName, value, doc string, pos spec.Pos) enumValue {
	base := typeName + exportedName(value)
	what := fmt.Sprintf("value %q of %s", value, typeName)
	name := base
	if !g.claim(base, what, pos) {
		// Spelled out, "ucs-2" beside "ucs2" is EncodingUcs_2: the
		// punctuation the first name dropped is what tells them apart.
		name = g.numbered(typeName+spelledName(value), what, pos)
	}
	if name != base {
		g.ds.Warnf(pos, "value %q of %s: Go name %s is already used by %s; named %s", value, typeName, base, g.claimedBy(base), name)
	}
	return enumValue{goName: name, value: value, doc: docLines(doc), pos: pos}
}

// planEnumDecl names the constants of a declared enum (a 参数|说明 table).
func (g *generator) planEnumDecl(di *declInfo) {
	for _, v := range di.d.Values {
		di.values = append(di.values, g.enumValue(di.goName, v.Value, v.Doc, v.Pos))
	}
}

func (g *generator) emitUnion(f *jen.File, u *unionInfo) {
	var names []string
	for _, m := range u.members {
		names = append(names, m.goName)
	}
	doc := docLines("is one of "+strings.Join(names, ", ")+": the TypeScript union "+u.key+".", u.doc,
		"The union is sealed: only these types implement it, so a value of any other type does not compile.")
	f.Add(comment(jen.Null(), u.goName, doc).Type().Id(u.goName).Interface(jen.Id(u.marker).Params()))
	for _, m := range u.members {
		recv := jen.Id(m.goName)
		if m.ptr {
			recv = jen.Op("*").Id(m.goName)
		}
		f.Func().Params(recv).Id(u.marker).Params().Block()
	}
}

// emitWrapper writes a member wrapper type.
func (g *generator) emitWrapper(f *jen.File, w *wrapperInfo) {
	doc := []string{"is the " + w.ts + " member of " + strings.Join(w.unions, ", ") + "."}
	f.Add(comment(jen.Null(), w.goName, doc).Type().Id(w.goName).Add(w.typ.code()))
}

func (g *generator) emitEnum(f *jen.File, e *enumInfo) {
	f.Add(comment(jen.Null(), e.goName, docLines("is a TypeScript string literal union.", e.doc)).Type().Id(e.goName).String())
	f.Const().DefsFunc(func(gr *jen.Group) {
		for _, v := range e.values {
			gr.Id(v.goName).Id(e.goName).Op("=").Lit(v.value)
		}
	})
}

// spelledName is an exported name that keeps a value's punctuation as
// underscores: "ucs-2" → Ucs_2, "utf-16le" → Utf_16le.
func spelledName(value string) string {
	var parts []string
	for _, w := range strings.FieldsFunc(value, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		parts = append(parts, strings.TrimPrefix(exportedName(w), "X"))
	}
	name := strings.Join(parts, "_")
	if name == "" || !unicode.IsLetter([]rune(name)[0]) {
		name = "X" + name
	}
	return name
}
