package gen

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/tarogen/tarogen/spec"
)

// The js/wasm bodies of the APIs. Every exported function and method
// delegates, after the support and required-field checks, to an
// unexported do<Name> with the same parameters and results; the native
// file and the js file of the page each define it (see jsfiles.go). Under
// js the body calls the host's method of the same name:
//
//	host.connectSocket(option) → awaited → the SocketTask wrapped
//
// through tarort.Call, which turns success/fail/complete and a returned
// Promise into one outcome, never blocking inside a JavaScript callback.

// doName is the per-backend implementation an exported API delegates to.
func doName(a *apiInfo) string { return "do" + a.goName }

// listenerKind returns the event kind an on*/off* API registers or
// unregisters ("onOpen" for onOpen and offOpen), and whether it is one.
// A listener takes one callback (off: at most one) and returns nothing.
func listenerKind(a *apiInfo, s sigInfo) (kind string, on bool, ok bool) {
	name := a.fn.Name
	upperAt := func(i int) bool { return len(name) > i && unicode.IsUpper(rune(name[i])) }
	if s.result.kind != kVoid || s.err {
		return "", false, false
	}
	switch {
	case strings.HasPrefix(name, "on") && upperAt(2) && len(s.params) == 1 && s.params[0].typ.kind == kFunc && s.params[0].typ.fn != nil:
		return name, true, true
	case strings.HasPrefix(name, "off") && upperAt(3) && len(s.params) <= 1:
		return "on" + name[3:], false, true
	}
	return "", false, false
}

// emitDoSignature starts func do<Name>(params) results, on the class's
// receiver for a method, and returns the statement to add a body to.
func (g *generator) emitDoSignature(a *apiInfo, s sigInfo) *jen.Statement {
	return g.funcSignature(jen.Func(), a, s, doName(a))
}

// funcSignature adds an API's receiver (for a method), name, parameters
// and results to st, which holds "func": the exported API and its
// backends' do<Name> share one signature.
func (g *generator) funcSignature(st *jen.Statement, a *apiInfo, s sigInfo, name string) *jen.Statement {
	if a.class != nil {
		st.Params(jen.Id("t").Op("*").Id(g.className(a.class)))
	}
	st.Id(name).ParamsFunc(func(gr *jen.Group) {
		for i, p := range s.params {
			if s.rest && i == len(s.params)-1 {
				gr.Id(p.name).Op("...").Add(p.typ.code())
				continue
			}
			gr.Id(p.name).Add(p.typ.code())
		}
	})
	switch {
	case s.result.kind != kVoid && s.err:
		st.Params(s.result.code(), jen.Error())
	case s.result.kind != kVoid:
		st.Add(s.result.code())
	case s.err:
		st.Error()
	}
	return st
}

// delegateCall is the exported API's last statement: return do<Name>(…).
func (g *generator) delegateCall(a *apiInfo, s sigInfo) jen.Code {
	var call *jen.Statement
	if a.class != nil {
		call = jen.Id("t").Dot(doName(a))
	} else {
		call = jen.Id(doName(a))
	}
	call = call.CallFunc(func(gr *jen.Group) {
		for i, p := range s.params {
			if s.rest && i == len(s.params)-1 {
				gr.Id(p.name).Op("...")
				continue
			}
			gr.Id(p.name)
		}
	})
	if s.result.kind == kVoid && !s.err {
		return call
	}
	return jen.Return(call)
}

// emitJSAPI writes do<Name> for js/wasm.
func (g *generator) emitJSAPI(f *jen.File, a *apiInfo) {
	s := g.signature(a)
	kind, on, listener := listenerKind(a, s)
	switch {
	case listener && on && a.class != nil:
		commentf(f, "%s is %s on js/wasm: it sets the Go handler of the instance's %s events, listened to since it was wrapped.", doName(a), a.qname, kind)
	case listener && on:
		commentf(f, "%s is %s on js/wasm: it listens to the host's %s (once) and sets the Go handler.", doName(a), a.qname, kind)
	case listener:
		commentf(f, "%s is %s on js/wasm: it removes the Go handler of %s events; later ones are discarded.", doName(a), a.qname, kind)
	default:
		commentf(f, "%s is %s on js/wasm: it calls the host's %s.", doName(a), a.qname, a.fn.Name)
	}
	f.Add(g.emitDoSignature(a, s).BlockFunc(func(gr *jen.Group) {
		gr.Const().Id("api").Op("=").Lit(a.qname)
		if listener {
			g.jsListenerBody(gr, a, s, kind, on)
			return
		}
		g.jsCallBody(gr, a, s)
	}))
}

// jsRecv binds recv to what the API is called on: the wrapped instance
// for a method, the host for a function.
func (g *generator) jsRecv(gr *jen.Group, a *apiInfo, s sigInfo, recv string, onFail func(err jen.Code) jen.Code) {
	if a.class != nil {
		name := g.className(a.class)
		gr.If(jen.Id("t").Op("==").Nil().Op("||").Id("t").Dot("in").Op("==").Nil()).Block(onFail(
			jen.Qual(RuntimePath, "Fail").Call(jen.Id("api"), jen.Qual(RuntimePath, "ErrNoTask"), jen.Lit("the "+name+" was not returned by the host"))))
		gr.Id(recv).Op(":=").Id("t").Dot("in").Dot("Value")
		return
	}
	gr.List(jen.Id(recv), jen.Err()).Op(":=").Qual(RuntimePath, "Host").Call(jen.Id("api"))
	gr.If(jen.Err().Op("!=").Nil()).Block(onFail(jen.Err()))
}

// jsCallBody converts the arguments, calls the host and converts the
// result. An API with no error result drops a failure: it has no way to
// report one (Taro's sync APIs throw instead; the zero value is returned).
func (g *generator) jsCallBody(gr *jen.Group, a *apiInfo, s sigInfo) {
	onFail := func(err jen.Code) jen.Code {
		if s.err {
			return failReturn(s, err)
		}
		if s.result.kind != kVoid {
			return jen.Return(zeroValue(s.result))
		}
		return jen.Return()
	}
	// Locals never take a parameter's name (a page may call one res).
	recv, res, args := freeLocal(s, "recv"), freeLocal(s, "res"), freeLocal(s, "args")
	g.jsRecv(gr, a, s, recv, onFail)
	var argv []jen.Code
	for i, p := range s.params {
		if s.rest && i == len(s.params)-1 {
			continue
		}
		if s.option != nil && p.name == s.option.name {
			argv = append(argv, g.jsConv("jsTo", structName(p.typ)).Call(jen.Id(p.name)))
			continue
		}
		argv = append(argv, g.jsTo(p.typ, jen.Id(p.name)))
	}
	method := strings.TrimPrefix(a.fn.Name, "Taro.")
	if s.rest {
		rest := s.params[len(s.params)-1]
		gr.Id(args).Op(":=").Index().Add(jsValue()).Values(argv...)
		gr.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id(rest.name)).Block(
			jen.Id(args).Op("=").Append(jen.Id(args), g.jsTo(rest.typ, jen.Id("e"))))
		argv = []jen.Code{jen.Id(args).Op("...")}
	}
	callArgs := append([]jen.Code{jen.Id("api"), jen.Id(recv), jen.Lit(method), jsCallFlags(s)}, argv...)
	call := jen.Qual(RuntimePath, "Call").Call(callArgs...)
	if s.result.kind == kVoid && g.jsFinishDecl(s) == nil {
		// No result to read: the call's err is scoped to the if, so it
		// never redeclares the host lookup's.
		gr.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(onFail(jen.Err()))
	} else {
		gr.List(jen.Id(res), jen.Err()).Op(":=").Add(call)
		gr.If(jen.Err().Op("!=").Nil()).Block(onFail(jen.Err()))
	}
	result := g.jsResult(a, s, res)
	if !s.err {
		if result != nil {
			gr.Return(result)
		}
		return
	}
	if s.result.kind == kClass {
		// A host that reports success but returns no instance would hand
		// the caller a nil task with a nil error.
		inst := freeLocal(s, "inst")
		gr.Id(inst).Op(":=").Add(result)
		gr.If(jen.Id(inst).Op("==").Nil()).Block(failReturn(s, jen.Qual(RuntimePath, "Fail").Call(jen.Id("api"), jen.Qual(RuntimePath, "ErrHost"),
			jen.Lit("the host returned no "+g.classGoName(s.result.class)))))
		result = jen.Id(inst)
	}
	if di := g.jsFinishDecl(s); di != nil {
		var vals []jen.Code
		if s.result.kind != kVoid {
			vals = append(vals, result)
		}
		gr.Return(append(vals, jen.Id(s.option.name).Dot("jsFinish").Call(jen.Id("api"), jen.Id(res)))...)
		return
	}
	gr.Add(returnOK(s, result, jen.Nil()))
}

// jsCallFlags are tarort.Call's flags: Callbacks when the option gets
// success/fail/complete; AwaitValue when the result is read, so a returned
// Promise is awaited even after success.
func jsCallFlags(s sigInfo) jen.Code {
	var flags *jen.Statement
	add := func(name string) {
		if flags == nil {
			flags = jen.Qual(RuntimePath, name)
			return
		}
		flags.Op("|").Qual(RuntimePath, name)
	}
	if s.option != nil {
		add("Callbacks")
	}
	if s.result.kind != kVoid {
		add("AwaitValue")
	}
	if flags == nil {
		return jen.Lit(0)
	}
	return flags
}

// jsResult converts the call's result (in the local res) to the API's
// result type; nil for none.
func (g *generator) jsResult(a *apiInfo, s sigInfo, res string) jen.Code {
	switch s.result.kind {
	case kVoid:
		return nil
	case kClass:
		// Promise<SocketTask>: the task is what the Promise resolves to.
		// RequestTask: the task is the returned object (itself a Promise
		// of the response, which success receives).
		from := "Returned"
		if resultIsPromise(a) {
			from = "Return"
		}
		return g.jsFrom(s.result, jen.Id(res).Dot(from))
	}
	return g.jsFrom(s.result, jen.Id(res).Dot("Payload").Call())
}

// resultIsPromise reports whether the page types the API's result as a
// Promise.
func resultIsPromise(a *apiInfo) bool {
	if a.fn.Signature == nil {
		return false
	}
	switch r := a.fn.Signature.Result.(type) {
	case *spec.PromiseType:
		return true
	case *spec.NamedType:
		return r.QualifiedName() == "Promise"
	}
	return false
}

// jsFinishDecl is the option declaration whose success callback takes a
// declared result type (request's statusCode and data, getStorage's
// data): its jsFinish passes the host's result to success. nil when
// success takes only an errMsg, which finish builds.
func (g *generator) jsFinishDecl(s sigInfo) *declInfo {
	if s.option == nil || s.option.typ.decl == nil {
		return nil
	}
	di := s.option.typ.decl
	if _, ok := successResult(di); !ok {
		return nil
	}
	return di
}

// successResult is the declared type success takes, if it takes one.
func successResult(di *declInfo) (typ, bool) {
	fi := di.field("success")
	if fi == nil || fi.typ.kind != kFunc || fi.typ.fn == nil || len(fi.typ.fn.params) != 1 {
		return typ{}, false
	}
	t := fi.typ.fn.params[0].typ
	return t, t.kind == kStruct && t.decl != nil
}

// emitJSFinish writes jsFinish for an option whose success takes a
// declared result: success gets the host's result object converted (its
// errMsg "<api>:ok" when the host gave none), complete the same value when
// it takes the same type, else what finish gives it.
func (g *generator) emitJSFinish(f *jen.File, di *declInfo) {
	rt, ok := successResult(di)
	if !ok {
		return
	}
	success := di.field("success")
	f.Commentf("jsFinish reports a host call that succeeded: success gets the host's result, converted.")
	f.Func().Params(jen.Id("o").Op("*").Id(di.goName)).Id("jsFinish").Params(jen.Id("api").String(), jen.Id("res").Qual(RuntimePath, "Result")).Error().BlockFunc(func(gr *jen.Group) {
		gr.If(jen.Id("o").Dot(success.goName).Op("==").Nil()).Block(jen.Return(jen.Id("o").Dot("finish").Call(jen.Id("api"), jen.Nil())))
		gr.Id("r").Op(":=").Add(g.jsFrom(rt, jen.Id("res").Dot("Payload").Call()))
		if em := rt.decl.field("errMsg"); em != nil && em.typ.kind == kString {
			gr.If(jen.Id("r").Dot(em.goName).Op("==").Lit("")).Block(
				jen.Id("r").Dot(em.goName).Op("=").Add(em.typ.code()).Call(jen.Qual(RuntimePath, "OKMsg").Call(jen.Id("api"))))
		}
		gr.Id("o").Dot(success.goName).Call(jen.Id("r"))
		complete := di.field("complete")
		if complete == nil || complete.typ.kind != kFunc || complete.typ.fn == nil {
			gr.Return(jen.Nil())
			return
		}
		var arg []jen.Code
		if ps := complete.typ.fn.params; len(ps) > 0 {
			if fmt.Sprintf("%#v", ps[0].typ.code()) == fmt.Sprintf("%#v", rt.code()) {
				arg = append(arg, jen.Id("r"))
			} else {
				arg = append(arg, g.resultValue(ps[0].typ, jen.Qual(RuntimePath, "OKMsg").Call(jen.Id("api"))))
			}
		}
		gr.If(jen.Id("o").Dot(complete.goName).Op("!=").Nil()).Block(jen.Id("o").Dot(complete.goName).Call(arg...))
		gr.Return(jen.Nil())
	})
}

// jsListenerBody registers (on) or removes (off) the Go handler of an
// event kind. A method's kinds were listened to when the instance was
// wrapped (so no early event is lost); a global listener is subscribed
// on the host at its first registration.
func (g *generator) jsListenerBody(gr *jen.Group, a *apiInfo, s sigInfo, kind string, on bool) {
	var events jen.Code = jen.Qual(RuntimePath, "HostEvents").Call()
	if a.class != nil {
		gr.If(jen.Id("t").Op("==").Nil().Op("||").Id("t").Dot("in").Op("==").Nil()).Block(jen.Return())
		events = jen.Id("t").Dot("in").Dot("Events")
	}
	if !on {
		gr.Add(events).Dot("Off").Call(jen.Lit(kind))
		return
	}
	recv := freeLocal(s, "recv")
	if a.class == nil {
		gr.List(jen.Id(recv), jen.Err()).Op(":=").Qual(RuntimePath, "Host").Call(jen.Id("api"))
		gr.If(jen.Err().Op("!=").Nil()).Block(jen.Return())
	}
	cb := s.params[0]
	argT, conv, handler := g.jsEventFuncs(a, cb.typ.fn, cb.name)
	gr.If(jen.Id(cb.name).Op("==").Nil()).Block(jen.Add(events).Dot("Off").Call(jen.Lit(kind)), jen.Return())
	if a.class == nil {
		args := append([]jen.Code{events, jen.Id(recv), jen.Lit(kind), conv}, blobFields(cb.typ.fn)...)
		gr.Qual(RuntimePath, "Listen").Types(argT).Call(args...)
	}
	gr.Qual(RuntimePath, "Handle").Types(argT).Call(events, jen.Lit(kind), handler)
}

// jsEventFuncs returns, for a listener's callback type, the Go type of the
// event (the callback's first parameter, or struct{} for none), the
// conversion from the JavaScript argument, and the handler calling the
// callback parameter named cb.
func (g *generator) jsEventFuncs(a *apiInfo, fn *funcInfo, cb string) (argT, conv, handler jen.Code) {
	if fn == nil || len(fn.params) == 0 || fn.params[0].rest {
		argT = jen.Struct()
		conv = jen.Func().Params(jsValue()).Struct().Block(jen.Return(jen.Struct().Values()))
		handler = jen.Func().Params(jen.Struct()).Block(jen.Id(cb).Call())
		return argT, conv, handler
	}
	p := fn.params[0].typ
	argT = p.code()
	conv = jen.Func().Params(jen.Id("v").Add(jsValue())).Add(p.code()).BlockFunc(func(gr *jen.Group) {
		em := p.decl.field("errMsg") // field accepts a nil decl
		if p.kind != kStruct || p.decl == nil || !p.decl.hasExtra("Err") || em == nil || em.typ.kind != kString {
			gr.Return(g.jsFrom(p, jen.Id("v")))
			return
		}
		// An error event: Err is the *tarort.Error of the host's errMsg, as
		// natively. Taro H5 passes the browser's Event, which has no errMsg;
		// the errMsg then names the event ("SocketTask.onError:fail error").
		gr.Id("r").Op(":=").Add(g.jsFrom(p, jen.Id("v")))
		gr.Id("e").Op(":=").Qual(RuntimePath, "EventError").Call(jen.Lit(a.qname), jen.Id("v"))
		gr.List(jen.Id("r").Dot("Err"), jen.Id("r").Dot(em.goName)).Op("=").List(jen.Id("e"), em.typ.code().Call(jen.Id("e").Dot("Error").Call()))
		gr.Return(jen.Id("r"))
	})
	r := "r"
	if cb == r {
		r = "res" // the callback parameter is itself named r
	}
	handler = jen.Func().Params(jen.Id(r).Add(p.code())).Block(jen.Id(cb).CallFunc(func(c *jen.Group) {
		c.Id(r)
		for _, q := range fn.params[1:] {
			if q.rest {
				break
			}
			c.Add(zeroValue(q.typ))
		}
	}))
	return argT, conv, handler
}

// emitJSClass writes the js backend of a class: its handle (the wrapped
// instance), wrap<Class>, jsValue, and its property accessors.
func (g *generator) emitJSClass(f *jen.File, pg *spec.Page) {
	c := pg.Class
	name := g.className(c)
	f.Commentf("%s holds a %s on js/wasm: the host's instance and its events.", backendName(name), name)
	f.Type().Id(backendName(name)).Struct(jen.Id("in").Op("*").Qual(RuntimePath, "Instance"))
	var final []jen.Code
	var listens []jen.Code
	for _, a := range g.apis {
		if a.class != c {
			continue
		}
		s := g.signature(a)
		kind, on, ok := listenerKind(a, s)
		if !ok || !on {
			continue
		}
		if kind == "onClose" {
			final = append(final, jen.Lit(kind))
		}
		argT, conv, _ := g.jsEventFuncs(a, s.params[0].typ.fn, "")
		args := append([]jen.Code{jen.Id("in").Dot("Events"), jen.Id("v"), jen.Lit(kind), conv}, blobFields(s.params[0].typ.fn)...)
		listens = append(listens, jen.Qual(RuntimePath, "Listen").Types(argT).Call(args...))
	}
	f.Commentf("wrap%s wraps a %s the host returned and listens to all its events at once, so that", name, name)
	f.Comment("none fired before a handler is registered is lost; nil when v is not an object.")
	f.Func().Id("wrap" + name).Params(jen.Id("v").Add(jsValue())).Op("*").Id(name).BlockFunc(func(gr *jen.Group) {
		gr.Id("in").Op(":=").Qual(RuntimePath, "Wrap").Call(append([]jen.Code{jen.Id("v")}, final...)...)
		gr.If(jen.Id("in").Op("==").Nil()).Block(jen.Return(jen.Nil()))
		for _, l := range listens {
			gr.Add(l)
		}
		gr.Return(jen.Op("&").Id(name).Values(jen.Dict{jen.Id(backendName(name)): jen.Id(backendName(name)).Values(jen.Dict{jen.Id("in"): jen.Id("in")})}))
	})
	f.Commentf("jsValue is the host's instance; undefined for a nil %s.", name)
	f.Func().Params(jen.Id("t").Op("*").Id(name)).Id("jsValue").Params().Add(jsValue()).Block(
		jen.If(jen.Id("t").Op("==").Nil()).Block(jen.Return(jen.Qual(jsPath, "Undefined").Call())),
		jen.Return(jen.Id("t").Dot("in").Dot("JSValue").Call()),
	)
	for _, p := range g.classProps(c) {
		commentf(f, "do%s reads the instance's %s property.", p.goName, p.tsName)
		f.Func().Params(jen.Id("t").Op("*").Id(name)).Id("do"+p.goName).Params().Add(p.typ.code()).Block(
			jen.If(jen.Id("t").Op("==").Nil().Op("||").Id("t").Dot("in").Op("==").Nil()).Block(jen.Return(zeroValue(p.typ))),
			jen.Return(g.jsFrom(p.typ, jen.Id("t").Dot("in").Dot("Value").Dot("Get").Call(jen.Lit(p.tsName)))),
		)
	}
}

// blobFields names the fields of a listener's event that carry bytes, as
// literals for tarort.Listen, which reads a Blob there before converting
// the event (Taro H5's binary messages).
func blobFields(fn *funcInfo) []jen.Code {
	if fn == nil || len(fn.params) == 0 {
		return nil
	}
	t := fn.params[0].typ
	if t.kind != kStruct || t.decl == nil {
		return nil
	}
	var out []jen.Code
	for _, f := range t.decl.fields {
		if carriesBytes(f.typ) {
			out = append(out, jen.Lit(f.tsName))
		}
	}
	return out
}

func carriesBytes(t typ) bool {
	if t.kind == kBytes || t.kind == kAny {
		return true
	}
	if t.kind == kUnion {
		for _, m := range t.union.members {
			if m.typ.kind == kBytes {
				return true
			}
		}
	}
	return false
}

// backendName is the per-backend handle type a class struct embeds.
func backendName(class string) string { return "backend" + class }

// freeLocal is base, or base with underscores added, so that it is the
// name of no parameter of s: a page may name a parameter res or args.
func freeLocal(s sigInfo, base string) string {
	for name := base; ; name += "_" {
		taken := false
		for _, p := range s.params {
			taken = taken || p.name == name
		}
		if !taken {
			return name
		}
	}
}
