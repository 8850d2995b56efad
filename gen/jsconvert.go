package gen

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
)

// The js/wasm backend's conversions between Go values and JavaScript values,
// generated per type (wasm-bindgen's habit) instead of reflected at run
// time. jsTo and jsFrom return expressions; struct and union types get a
// function each (jsTo<Name>, jsFrom<Name>), emitted into the js file of
// the page that declares them (unions and CallbackResult into
// tarogen.jsapi.go), so recursive types work and each conversion is
// written once.

const jsPath = "syscall/js"

func jsValue() *jen.Statement { return jen.Qual(jsPath, "Value") }

// jsTo converts x, a Go value of type t, into a js.Value.
func (g *generator) jsTo(t typ, x jen.Code) jen.Code {
	rt := func(name string, args ...jen.Code) jen.Code { return jen.Qual(RuntimePath, name).Call(args...) }
	switch t.kind {
	case kString, kEnum:
		return jen.Qual(jsPath, "ValueOf").Call(jen.String().Call(x))
	case kBool:
		return jen.Qual(jsPath, "ValueOf").Call(jen.Bool().Call(x))
	case kNumber:
		return jen.Qual(jsPath, "ValueOf").Call(jen.Float64().Call(x))
	case kBytes:
		return rt("BytesToJS", jen.Index().Byte().Call(x))
	case kAny:
		return rt("AnyToJS", x)
	case kSlice:
		return jen.Qual(RuntimePath, "SliceToJS").Types(t.elem.code()).Call(x,
			jen.Func().Params(jen.Id("e").Add(t.elem.code())).Add(jsValue()).Block(jen.Return(g.jsTo(*t.elem, jen.Id("e")))))
	case kMap:
		return jen.Qual(RuntimePath, "MapToJS").Types(t.elem.code()).Call(x,
			jen.Func().Params(jen.Id("e").Add(t.elem.code())).Add(jsValue()).Block(jen.Return(g.jsTo(*t.elem, jen.Id("e")))))
	case kStruct:
		return g.jsConv("jsTo", structName(t)).Call(x)
	case kUnion:
		return g.jsConv("jsTo", t.union.goName).Call(x)
	case kClass:
		return jen.Add(x).Dot("jsValue").Call()
	case kFunc:
		return g.jsCallback(t, x)
	}
	return jen.Qual(jsPath, "Undefined").Call()
}

// jsCallback bridges a Go func the host calls back (not success, fail or
// complete, which tarort.Call handles): tarort.Callback queues each call
// for a goroutine. A func that returns a value cannot be bridged (the host
// would need the value before the goroutine runs): JavaScript gets
// undefined, as for a nil func.
func (g *generator) jsCallback(t typ, x jen.Code) jen.Code {
	if t.fn == nil || t.fn.result.kind != kVoid {
		return jen.Qual(jsPath, "Undefined").Call()
	}
	fn := t.fn
	r := "r"
	if fmt.Sprintf("%#v", x) == r {
		r = "res" // the func itself is a parameter named r
	}
	var argT, conv jen.Code
	call := jen.Add(x).CallFunc(func(c *jen.Group) {
		for i, q := range fn.params {
			if q.rest {
				break
			}
			if i == 0 {
				c.Id(r)
				continue
			}
			c.Add(zeroValue(q.typ))
		}
	})
	if len(fn.params) == 0 || fn.params[0].rest {
		argT = jen.Struct()
		conv = jen.Func().Params(jsValue()).Struct().Block(jen.Return(jen.Struct().Values()))
		call = jen.Add(x).Call()
	} else {
		p := fn.params[0].typ
		argT = p.code()
		conv = jen.Func().Params(jen.Id("v").Add(jsValue())).Add(p.code()).Block(jen.Return(g.jsFrom(p, jen.Id("v"))))
	}
	return jen.Func().Params().Add(jsValue()).Block(
		jen.If(jen.Add(x).Op("==").Nil()).Block(jen.Return(jen.Qual(jsPath, "Undefined").Call())),
		jen.Return(jen.Qual(RuntimePath, "Callback").Types(argT).Call(conv, jen.Func().Params(jen.Id(r).Add(argT)).Block(call))),
	).Call()
}

// jsFrom converts v, a js.Value, into a Go value of type t.
func (g *generator) jsFrom(t typ, v jen.Code) jen.Code {
	rt := func(name string, args ...jen.Code) *jen.Statement { return jen.Qual(RuntimePath, name).Call(args...) }
	switch t.kind {
	case kString, kEnum:
		return t.code().Call(rt("StringFromJS", v))
	case kBool:
		return t.code().Call(rt("BoolFromJS", v))
	case kNumber:
		return t.code().Call(rt("NumberFromJS", v))
	case kBytes:
		return t.code().Call(rt("BytesFromJS", v))
	case kAny:
		return rt("AnyFromJS", v)
	case kSlice:
		return t.code().Call(jen.Qual(RuntimePath, "SliceFromJS").Types(t.elem.code()).Call(v,
			jen.Func().Params(jen.Id("e").Add(jsValue())).Add(t.elem.code()).Block(jen.Return(g.jsFrom(*t.elem, jen.Id("e"))))))
	case kMap:
		return t.code().Call(jen.Qual(RuntimePath, "MapFromJS").Types(t.elem.code()).Call(v,
			jen.Func().Params(jen.Id("e").Add(jsValue())).Add(t.elem.code()).Block(jen.Return(g.jsFrom(*t.elem, jen.Id("e"))))))
	case kStruct:
		return g.jsConv("jsFrom", structName(t)).Call(v)
	case kUnion:
		return g.jsConv("jsFrom", t.union.goName).Call(v)
	case kClass:
		return jen.Id("wrap" + g.classGoName(t.class)).Call(v)
	}
	return zeroValue(t)
}

// structName is the Go name of a struct type: its declaration's, or
// CallbackResult (TaroGeneral.CallbackResult has no declaration).
func structName(t typ) string {
	if t.decl != nil {
		return t.decl.goName
	}
	return "CallbackResult"
}

// classGoName is the Go name of the class a kClass type names.
func (g *generator) classGoName(name string) string {
	if c := g.pkg.Class(name); c != nil {
		return g.className(c)
	}
	return exportedName(name)
}

// goPtr reports whether a field is declared as a pointer (emitDecl's rule).
func goPtr(fi *fieldInfo) bool { return fi.ptr && !strings.HasPrefix(fi.typ.goSrc, "*") }

// isCallCallback reports whether fi is success, fail or complete, which
// tarort.Call sets itself.
func isCallCallback(fi *fieldInfo) bool {
	return fi.typ.kind == kFunc && (fi.tsName == "success" || fi.tsName == "fail" || fi.tsName == "complete")
}

// emitJSStruct writes jsTo<Name> and jsFrom<Name> for an object decl,
// each only if some generated code calls it (planJSConversions). jsTo sets Taro's field names, leaving out unset optional fields (zero
// values, nil pointers) so the host sees them as absent, as a JavaScript
// caller would leave them out. success, fail and complete are left out:
// tarort.Call sets them; other callbacks are bridged (jsCallback). jsFrom
// leaves func fields nil: a JavaScript function is not a Go callback.
func (g *generator) emitJSStruct(f *jen.File, name string, fields []*fieldInfo) {
	if g.jsNeeded["jsTo"+name] {
		g.emitJSStructTo(f, name, fields)
	}
	if g.jsNeeded["jsFrom"+name] {
		g.emitJSStructFrom(f, name, fields)
	}
}

func (g *generator) emitJSStructTo(f *jen.File, name string, fields []*fieldInfo) {
	f.Commentf("jsTo%s converts a %s into a JavaScript object keyed by Taro's field names.", name, name)
	f.Func().Id("jsTo" + name).Params(jen.Id("o").Id(name)).Add(jsValue()).BlockFunc(func(gr *jen.Group) {
		gr.Id("v").Op(":=").Qual(RuntimePath, "NewObject").Call()
		for _, fi := range fields {
			if isCallCallback(fi) || fi.typ.kind == kVoid || fi.typ.kind == kFunc && (fi.typ.fn == nil || fi.typ.fn.result.kind != kVoid) {
				continue // a func that returns a value cannot be bridged (jsCallback)
			}
			x := jen.Id("o").Dot(fi.goName)
			set := func(val jen.Code) jen.Code { return jen.Id("v").Dot("Set").Call(jen.Lit(fi.tsName), val) }
			switch {
			case goPtr(fi):
				gr.If(x.Clone().Op("!=").Nil()).Block(set(g.jsTo(fi.typ, jen.Op("*").Add(x.Clone()))))
			case fi.required || fi.typ.kind == kStruct:
				gr.Add(set(g.jsTo(fi.typ, x.Clone())))
			default:
				gr.If(x.Clone().Op("!=").Add(zeroValue(fi.typ))).Block(set(g.jsTo(fi.typ, x.Clone())))
			}
		}
		gr.Return(jen.Id("v"))
	})
}

func (g *generator) emitJSStructFrom(f *jen.File, name string, fields []*fieldInfo) {
	f.Commentf("jsFrom%s reads a %s from a JavaScript object by Taro's field names; a missing field is the zero value.", name, name)
	f.Func().Id("jsFrom" + name).Params(jen.Id("v").Add(jsValue())).Id(name).BlockFunc(func(gr *jen.Group) {
		gr.Var().Id("o").Id(name)
		gr.If(jen.Op("!").Qual(RuntimePath, "Defined").Call(jen.Id("v"))).Block(jen.Return(jen.Id("o")))
		for _, fi := range fields {
			if fi.typ.kind == kFunc || fi.typ.kind == kVoid {
				continue
			}
			get := jen.Id("v").Dot("Get").Call(jen.Lit(fi.tsName))
			if goPtr(fi) {
				gr.If(jen.Id("f").Op(":=").Add(get), jen.Qual(RuntimePath, "Defined").Call(jen.Id("f"))).Block(
					jen.Id("x").Op(":=").Add(g.jsFrom(fi.typ, jen.Id("f"))),
					jen.Id("o").Dot(fi.goName).Op("=").Op("&").Id("x"))
				continue
			}
			gr.Id("o").Dot(fi.goName).Op("=").Add(g.jsFrom(fi.typ, get))
		}
		gr.Return(jen.Id("o"))
	})
}

// emitJSUnion writes jsTo<Union> and jsFrom<Union>, each only if some
// generated code calls it. From JavaScript the
// member is chosen by the value's type: a string, number or boolean member
// for those; the bytes member for an ArrayBuffer or typed array; a slice
// member for an array; else the first object-like member.
func (g *generator) emitJSUnion(f *jen.File, u *unionInfo) {
	if g.jsNeeded["jsTo"+u.goName] {
		g.emitJSUnionTo(f, u)
	}
	if g.jsNeeded["jsFrom"+u.goName] {
		g.emitJSUnionFrom(f, u)
	}
}

// unionMemberType is how a type switch names member m.
func unionMemberType(m unionMember) jen.Code {
	if m.ptr {
		return jen.Op("*").Id(m.goName)
	}
	return jen.Id(m.goName)
}

func (g *generator) emitJSUnionTo(f *jen.File, u *unionInfo) {
	f.Commentf("jsTo%s converts the member u holds; nil is undefined.", u.goName)
	f.Func().Id("jsTo"+u.goName).Params(jen.Id("u").Id(u.goName)).Add(jsValue()).Block(
		jen.Switch(jen.Id("u").Op(":=").Id("u").Assert(jen.Type())).BlockFunc(func(sw *jen.Group) {
			for _, m := range u.members {
				var x jen.Code = jen.Id("u")
				if m.wrapper != nil {
					x = m.typ.code().Call(jen.Id("u"))
				}
				sw.Case(unionMemberType(m)).Block(jen.Return(g.jsTo(m.typ, x)))
			}
		}),
		jen.Return(jen.Qual(jsPath, "Undefined").Call()),
	)
}

func (g *generator) emitJSUnionFrom(f *jen.File, u *unionInfo) {
	f.Commentf("jsFrom%s picks the member of %s by the JavaScript value's type; nil when none fits.", u.goName, u.goName)
	f.Func().Id("jsFrom" + u.goName).Params(jen.Id("v").Add(jsValue())).Id(u.goName).BlockFunc(func(gr *jen.Group) {
		for _, c := range jsUnionCases(u) {
			val := g.jsFrom(c.m.typ, jen.Id("v"))
			if c.m.wrapper != nil {
				val = jen.Id(c.m.goName).Call(val)
			}
			gr.If(c.test).Block(jen.Return(val))
		}
		gr.Return(jen.Nil())
	})
}

type jsUnionCase struct {
	test jen.Code
	m    unionMember
}

// jsUnionCases orders the tests of jsFrom<Union>: bytes before arrays
// before other objects, since a typed array is an object too.
func jsUnionCases(u *unionInfo) []jsUnionCase {
	typeIs := func(t string) jen.Code {
		return jen.Id("v").Dot("Type").Call().Op("==").Qual(jsPath, t)
	}
	tests := []struct {
		kinds []tkind
		test  jen.Code
	}{
		{[]tkind{kString, kEnum}, typeIs("TypeString")},
		{[]tkind{kNumber}, typeIs("TypeNumber")},
		{[]tkind{kBool}, typeIs("TypeBoolean")},
		{[]tkind{kBytes}, jen.Qual(RuntimePath, "IsBytes").Call(jen.Id("v"))},
		{[]tkind{kSlice}, jen.Qual(jsPath, "Global").Call().Dot("Get").Call(jen.Lit("Array")).Dot("Call").Call(jen.Lit("isArray"), jen.Id("v")).Dot("Bool").Call()},
		{[]tkind{kStruct, kMap, kClass, kAny, kUnion}, typeIs("TypeObject")},
	}
	var out []jsUnionCase
	for _, tc := range tests {
	members:
		for _, m := range u.members {
			for _, k := range tc.kinds {
				if m.typ.kind == k {
					out = append(out, jsUnionCase{tc.test, m})
					break members
				}
			}
		}
	}
	return out
}
