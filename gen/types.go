package gen

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/tarogen/tarogen/overlay"
	"github.com/tarogen/tarogen/parser/typeexpr"
	"github.com/tarogen/tarogen/spec"
)

type tkind int

const (
	kAny    tkind = iota // any
	kVoid                // no value (a void result)
	kString              // string or a named string type
	kBool                // bool
	kNumber              // float64, or an overlay's integer type
	kBytes               // []byte
	kSlice               // []T
	kMap                 // map[string]T
	kStruct              // a declared object type
	kFunc                // a func type, declared or inline
	kUnion               // a sealed union
	kEnum                // a named string type with constants
	kClass               // *Class
)

// typ is a mapped Go type: how to write it and what kind of value it is,
// which the bodies need (to check a required field, to convert a value).
type typ struct {
	kind  tkind
	code  func() *jen.Statement
	goSrc string // the overlay's goType as written, if any
	decl  *declInfo
	union *unionInfo
	enum  *enumInfo
	elem  *typ
	fn    *funcInfo
	class string
}

// funcInfo is the shape of a func type, for building calls to it.
type funcInfo struct {
	params []funcParam
	result typ
}

type funcParam struct {
	name string
	typ  typ
	rest bool // variadic: ...T
}

func simple(kind tkind, c func() *jen.Statement) typ { return typ{kind: kind, code: c} }

var (
	tAny     = simple(kAny, func() *jen.Statement { return jen.Any() })
	tVoid    = simple(kVoid, func() *jen.Statement { return jen.Null() })
	tString  = simple(kString, func() *jen.Statement { return jen.String() })
	tBool    = simple(kBool, func() *jen.Statement { return jen.Bool() })
	tFloat   = simple(kNumber, func() *jen.Statement { return jen.Float64() })
	tBytes   = simple(kBytes, func() *jen.Statement { return jen.Index().Byte() })
	tAnyMap  = typ{kind: kMap, code: func() *jen.Statement { return jen.Map(jen.String()).Any() }, elem: &tAny}
	maxDepth = 64
)

// scope carries what a type expression is read in: its page (for names the
// parser left unresolved) and the instantiation of type parameters.
type scope struct {
	page  *spec.Page
	args  map[string]spec.Type
	depth int
}

// goType maps a TypeScript type to Go. hint names anonymous types that
// need a Go name (string literal unions), e.g. "UDPSocketSendOptionType".
func (g *generator) goType(t spec.Type, sc scope, hint string) typ {
	sc.depth++
	if t == nil || sc.depth > maxDepth {
		return tAny
	}
	switch t := t.(type) {
	case *spec.PrimitiveType:
		switch t.Name {
		case "string":
			return tString
		case "number", "bigint":
			return tFloat
		case "boolean":
			return tBool
		case "void", "undefined", "never":
			return tVoid
		case "object":
			// Taro's objects are JSON-like bags (a 1.x page's Object header).
			return tAnyMap
		}
		return tAny // any, unknown, null, symbol
	case *spec.LiteralType:
		switch t.Lit {
		case "string":
			return tString
		case "number":
			return tFloat
		}
		return tBool
	case *spec.ArrayType:
		el := g.goType(t.Elem, sc, hint)
		return typ{kind: kSlice, elem: &el, code: func() *jen.Statement { return jen.Index().Add(el.code()) }}
	case *spec.TupleType:
		return typ{kind: kSlice, elem: &tAny, code: func() *jen.Statement { return jen.Index().Any() }}
	case *spec.RecordType:
		v := g.goType(t.Value, sc, hint)
		return typ{kind: kMap, elem: &v, code: func() *jen.Statement { return jen.Map(jen.String()).Add(v.code()) }}
	case *spec.KeyOfType:
		return tString
	case *spec.PromiseType:
		return g.goType(t.Elem, sc, hint)
	case *spec.IntersectionType:
		// Go has no intersection; the TypeScript text stays in the doc.
		return tAny
	case *spec.ObjectType:
		if len(t.Members) == 0 && len(t.Index) == 1 {
			v := g.goType(t.Index[0].Value, sc, hint)
			return typ{kind: kMap, elem: &v, code: func() *jen.Statement { return jen.Map(jen.String()).Add(v.code()) }}
		}
		return tAnyMap
	case *spec.FuncType:
		return g.funcType(t, sc, hint)
	case *spec.UnionType:
		return g.unionType(t, sc, hint)
	case *spec.TypeParamType:
		return tAny
	case *spec.NamedType:
		return g.namedType(t, sc, hint)
	}
	return tAny
}

func (g *generator) funcType(t *spec.FuncType, sc scope, hint string) typ {
	fi := &funcInfo{result: tVoid}
	for i, p := range t.Params {
		name := localName(p.Name)
		if p.Name == "" {
			name = "arg" + strconv.Itoa(i)
		}
		pt := g.goType(p.Type, sc, joinNames(hint, exportedName(p.Name)))
		rest := p.Rest && pt.kind == kSlice
		if rest {
			pt = *pt.elem
		}
		fi.params = append(fi.params, funcParam{name: name, typ: pt, rest: rest})
	}
	if t.Result != nil {
		fi.result = g.goType(t.Result, sc, joinNames(hint, "Result"))
	}
	return typ{kind: kFunc, fn: fi, code: func() *jen.Statement {
		s := jen.Func().ParamsFunc(func(gr *jen.Group) {
			for _, p := range fi.params {
				if p.rest {
					gr.Id(p.name).Op("...").Add(p.typ.code())
					continue
				}
				gr.Id(p.name).Add(p.typ.code())
			}
		})
		if fi.result.kind != kVoid {
			s.Add(fi.result.code())
		}
		return s
	}}
}

// builtinBytes are platform types that hold bytes.
var builtinBytes = []string{"ArrayBuffer", "Uint8Array", "ArrayBufferLike", "Buffer"}

func (g *generator) namedType(t *spec.NamedType, sc scope, hint string) typ {
	ref := t.Ref
	if ref == nil {
		// The parser has already warned that the name resolves nowhere; an
		// overlay's type was resolved (or refused) by resolveOverlayType.
		return tAny
	}
	switch ref.Kind {
	case spec.RefTypeParam:
		if a, ok := sc.args[ref.Name]; ok && a != nil {
			inner := sc
			inner.args = nil // an argument is written in the caller's terms, with no parameters of its own
			return g.goType(a, inner, hint)
		}
		return tAny
	case spec.RefBuiltin:
		if slices.Contains(builtinBytes, ref.Name) {
			return tBytes
		}
		if ref.Name == "Array" && len(t.Args) == 1 {
			return g.goType(&spec.ArrayType{Pos: t.Pos, Elem: t.Args[0]}, sc, hint)
		}
		if ref.Name == "Promise" && len(t.Args) == 1 {
			return g.goType(t.Args[0], sc, hint)
		}
		if ref.Name == "Record" && len(t.Args) == 2 {
			return g.goType(&spec.RecordType{Pos: t.Pos, Key: t.Args[0], Value: t.Args[1]}, sc, hint)
		}
		return tAny
	case spec.RefGeneral:
		switch ref.Name {
		case "CallbackResult":
			g.needCallbackResult = true
			return g.callbackResultType()
		case "IAnyObject":
			return tAnyMap
		}
		return tAny
	case spec.RefClass:
		c := g.pkg.Class(ref.Name)
		if c == nil {
			return tAny
		}
		name := g.className(c)
		return typ{kind: kClass, class: ref.Name, code: func() *jen.Statement { return jen.Op("*").Id(name) }}
	case spec.RefDecl:
		d := g.pkg.Decl(ref)
		di := g.declOf[d]
		if di == nil {
			return tAny
		}
		return g.declType(di)
	}
	return tAny
}

// callbackResultType is TaroGeneral.CallbackResult: { errMsg: string }.
func (g *generator) callbackResultType() typ {
	return typ{kind: kStruct, code: func() *jen.Statement { return jen.Id("CallbackResult") }}
}

// declType is the Go type that names a declared type; computed once per
// declaration (a callback's func type is mapped on first use).
func (g *generator) declType(di *declInfo) typ {
	if di.typ != nil {
		return *di.typ
	}
	name := di.goName
	code := func() *jen.Statement { return jen.Id(name) }
	var t typ
	switch di.d.Kind {
	case spec.DeclObject:
		t = typ{kind: kStruct, decl: di, code: code}
	case spec.DeclEnum:
		t = typ{kind: kEnum, decl: di, code: code}
	default:
		t = g.declUnderlying(di)
		t.decl, t.code = di, code
	}
	di.typ = &t
	return t
}

// declUnderlying is the Go type a callback or alias declaration is
// defined as: func(result R) for a callback.
func (g *generator) declUnderlying(di *declInfo) typ {
	if di.d.Kind == spec.DeclCallback {
		return g.goType(di.d.Func, g.declScope(di), di.goName)
	}
	return g.goType(di.d.Alias, g.declScope(di), di.goName)
}

// checkable reports whether a missing required value of type t can be
// detected: its zero value is not a meaningful value.
func checkable(t typ) bool {
	switch t.kind {
	case kString, kBytes, kSlice, kMap, kFunc, kUnion, kEnum, kAny, kClass:
		return true
	}
	return false
}

// overlayType parses and resolves an entry's replacement TypeScript type,
// read in the scope of page with the type parameters params.
func (g *generator) overlayType(e *overlay.Entry, page *spec.Page, params []*spec.TypeParamType) spec.Type {
	return g.parseOverlayType(e.Type, e.TypePos, page, params)
}

// parseOverlayType parses a TypeScript type written in the overlay at at
// and resolves its names (resolveOverlayType); an error is reported at the
// offending token and yields nil.
func (g *generator) parseOverlayType(src string, at spec.Pos, page *spec.Page, params []*spec.TypeParamType) spec.Type {
	t, err := typeexpr.Parse(src, at)
	if err != nil {
		if te, ok := err.(*typeexpr.Error); ok {
			g.ds.Errorf(te.Pos, "overlay type %q: %s", src, te.Msg)
		} else {
			g.ds.Errorf(at, "overlay type %q: %v", src, err)
		}
		return nil
	}
	if !g.resolveOverlayType(t, src, page, params) {
		return nil
	}
	return t
}

// overlayGoType applies an entry's goType: a basic Go type or a named type
// from the overlay's types section, optionally with a leading "*".
func (g *generator) overlayGoType(e *overlay.Entry, was typ) typ {
	src := e.GoType
	name := strings.TrimPrefix(src, "*")
	if nt, ok := g.namedGo[name]; ok {
		k := kindOfBasic(nt.Underlying)
		return typ{kind: k, goSrc: src, code: func() *jen.Statement { return jen.Id(name) }}
	}
	if !overlay.IsBasicGoType(name) {
		g.ds.Errorf(e.Pos, "overlay goType %q is neither a basic Go type nor a type in the overlay's types section", src)
		return was
	}
	return typ{kind: kindOfBasic(name), goSrc: src, code: func() *jen.Statement { return basicCode(name) }}
}

func kindOfBasic(name string) tkind {
	switch name {
	case "string":
		return kString
	case "bool":
		return kBool
	case "any":
		return kAny
	case "[]byte":
		return kBytes
	}
	return kNumber
}

func basicCode(name string) *jen.Statement {
	if name == "[]byte" {
		return jen.Index().Byte()
	}
	return jen.Id(name)
}
