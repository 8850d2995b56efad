package gen

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/tarogen/tarogen/spec"
)

// unionInfo is a sealed union: an interface with an unexported method that
// only the member wrapper types implement, so a value of any other type is
// a compile error (`Data: 5` does not compile).
type unionInfo struct {
	key     string // the union as written, normalised: "string | ArrayBuffer"
	goName  string // e.g. "Data"
	marker  string // the unexported method, e.g. "isData"
	members []unionMember
	doc     string
}

type unionMember struct {
	ts     string // the member as written, e.g. "ArrayBuffer"
	goName string // wrapper type, e.g. "Binary"
	typ    typ    // what the wrapper wraps
}

// enumInfo is a string literal union: a named string type and a constant
// per value.
type enumInfo struct {
	goName string
	values []enumValue
	doc    string
}

type enumValue struct {
	goName string
	value  string
}

func (g *generator) unionType(t *spec.UnionType, sc scope, hint string) typ {
	// null and undefined members only say "optional"; Go has nil or the
	// field's optional flag for that.
	var members []spec.Type
	for _, m := range t.Types {
		if p, ok := m.(*spec.PrimitiveType); ok && (p.Name == "null" || p.Name == "undefined") {
			continue
		}
		members = append(members, m)
	}
	if len(members) == 1 {
		return g.goType(members[0], sc, hint)
	}
	if len(members) == 0 {
		return tAny
	}
	allString, allNumber, allBool := true, true, true
	for _, m := range members {
		l, ok := m.(*spec.LiteralType)
		allString = allString && ok && l.Lit == "string"
		allNumber = allNumber && ok && l.Lit == "number"
		allBool = allBool && ok && l.Lit == "boolean"
	}
	switch {
	case allString:
		return g.enumType(members, hint)
	case allNumber:
		return tFloat
	case allBool:
		return tBool
	}
	key := (&spec.UnionType{Types: members}).String()
	if u := g.unionOf[key]; u != nil {
		return typ{kind: kUnion, union: u, code: func() *jen.Statement { return jen.Id(u.goName) }}
	}
	u := &unionInfo{key: key}
	var words []string
	for _, m := range members {
		words = append(words, exportedName(strings.NewReplacer("[]", "Array", "<", " ", ">", " ").Replace(m.String())))
	}
	u.goName = strings.Join(words, "Or")
	if o := g.ov.Unions[key]; o != nil {
		u.goName, u.doc = o.Name, o.Doc
	}
	if !g.claim(u.goName, "union "+key) {
		u.goName = hint
		if !g.claim(u.goName, "union "+key) {
			g.ds.Errorf(t.Pos, "union %s: Go name %s is already used; name it in the overlay's unions section", key, u.goName)
		}
	}
	u.marker = "is" + u.goName
	o := g.ov.Unions[key]
	for i, m := range members {
		mt := g.goType(m, sc, hint)
		name := u.goName + words[i]
		if o != nil && o.Members[m.String()] != "" {
			name = o.Members[m.String()]
		}
		if !g.claim(name, "member of union "+key) {
			g.ds.Errorf(t.Pos, "union %s: member name %s is already used; name it in the overlay", key, name)
		}
		u.members = append(u.members, unionMember{ts: m.String(), goName: name, typ: mt})
	}
	g.unions = append(g.unions, u)
	g.unionOf[key] = u
	return typ{kind: kUnion, union: u, code: func() *jen.Statement { return jen.Id(u.goName) }}
}

// member returns the wrapper for a member written ts, or nil.
func (u *unionInfo) member(ts string) *unionMember {
	for i := range u.members {
		if u.members[i].ts == ts {
			return &u.members[i]
		}
	}
	return nil
}

func (g *generator) enumType(members []spec.Type, hint string) typ {
	for _, e := range g.enums {
		if e.goName == hint {
			return typ{kind: kEnum, enum: e, code: func() *jen.Statement { return jen.Id(e.goName) }}
		}
	}
	e := &enumInfo{goName: hint}
	g.claim(hint, "enum")
	for _, m := range members {
		v := m.(*spec.LiteralType).Value
		name := hint + exportedName(v)
		if !g.claim(name, "enum value") {
			name += "_"
			g.claim(name, "enum value")
		}
		e.values = append(e.values, enumValue{goName: name, value: v})
	}
	g.enums = append(g.enums, e)
	return typ{kind: kEnum, enum: e, code: func() *jen.Statement { return jen.Id(e.goName) }}
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
		f.Add(comment(jen.Null(), m.goName, []string{"is the " + m.ts + " member of " + u.goName + "."}).Type().Id(m.goName).Add(m.typ.code()))
		f.Func().Params(jen.Id(m.goName)).Id(u.marker).Params().Block()
	}
}

func (g *generator) emitEnum(f *jen.File, e *enumInfo) {
	f.Add(comment(jen.Null(), e.goName, docLines("is a TypeScript string literal union.", e.doc)).Type().Id(e.goName).String())
	f.Const().DefsFunc(func(gr *jen.Group) {
		for _, v := range e.values {
			gr.Id(v.goName).Id(e.goName).Op("=").Lit(v.value)
		}
	})
}

// declScope instantiates a declared type's parameters. Go methods cannot
// have type parameters of their own, and a generic SocketTask[T] would make
// every user choose T even to call Close; so each generic type is
// instantiated once, when the package is generated, from (first that
// applies) the overlay entry of the type, the overlay entry of its page,
// the parameter's default, else any.
func (g *generator) declScope(di *declInfo) scope {
	if di.typeArgs == nil {
		di.typeArgs = map[string]spec.Type{}
		params := di.d.TypeParams
		if di.d.Func != nil {
			params = append(params, di.d.Func.TypeParams...)
		}
		for _, p := range params {
			di.typeArgs[p.Name] = g.typeArg(p, di.path, di.page.Name)
		}
	}
	return scope{page: di.page, args: di.typeArgs}
}

// apiScope instantiates a function's or method's type parameters the same
// way, looking at the overlay entries of the API and of its page.
func (g *generator) apiScope(a *apiInfo) scope {
	args := map[string]spec.Type{}
	if a.fn.Signature != nil {
		for _, p := range a.fn.Signature.TypeParams {
			args[p.Name] = g.typeArg(p, a.qname, a.page.Name)
		}
	}
	return scope{page: a.page, args: args}
}

func (g *generator) typeArg(p *spec.TypeParamType, paths ...string) spec.Type {
	for _, path := range paths {
		if e := g.entry(path); e != nil {
			if src, ok := e.TypeArgs[p.Name]; ok {
				return g.parseOverlayType(src, e.Pos)
			}
		}
	}
	if p.Default != nil {
		return p.Default
	}
	return nil
}
