package gen

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/tarogen/tarogen/spec"
)

// The seam between generated code and the hand-written runtime.
//
// The generator knows which Taro APIs the runtime implements natively (the
// WebSocket family) and writes their bodies as calls into package runtime;
// every other API gets a body that fails with "not implemented by the
// tarogen native runtime". Bodies find the option fields they need by
// their TypeScript names (url, header, data, code…), so they keep working
// whatever Go names and types the overlay picks, and a page that lacks a
// field (a 1.x page without tcpNoDelay) simply does not pass it on.

// binding writes the body of one API after the support and required-field
// checks.
type binding interface {
	body(g *generator, a *apiInfo, s sigInfo, gr *jen.Group)
}

// socketClasses are the classes backed by *tarort.Socket.
var socketClasses = map[string]bool{"SocketTask": true}

func (g *generator) classBound(c *spec.Class) bool { return socketClasses[c.Name] }

// bindingFor picks the binding of an API by its Taro name. Global
// functions may be written "Taro.x" in support tables; names here are bare.
func (g *generator) bindingFor(a *apiInfo) binding {
	name := strings.TrimPrefix(a.qname, "Taro.")
	if a.class != nil {
		if !socketClasses[a.class.Name] {
			return nil
		}
		name = "task." + a.fn.Name
	}
	switch name {
	case "connectSocket":
		if di := g.optionDecl(a); di != nil && di.field("url") != nil {
			di.extra = append(di.extra, extraField{name: "Config",
				typ: typ{kind: kStruct, code: func() *jen.Statement { return jen.Qual(RuntimePath, "ConnectConfig") }},
				doc: []string{"holds the Go-only settings: a context bounding the dial, timeouts, read limit,",
					"ping interval, TLS. The Taro fields above override its URL, Header, Protocols and",
					"TCPNoDelay. The zero value means the runtime's documented defaults."}})
			return connectBinding{}
		}
	case "task.send", "sendSocketMessage":
		return sendBinding{global: a.class == nil}
	case "task.close", "closeSocket":
		return closeBinding{global: a.class == nil}
	case "task.onOpen", "onSocketOpen":
		return onBinding{global: a.class == nil, event: "Open"}
	case "task.onMessage", "onSocketMessage":
		return onBinding{global: a.class == nil, event: "Message"}
	case "task.onError", "onSocketError":
		g.addErrField(a)
		return onBinding{global: a.class == nil, event: "Error"}
	case "task.onClose", "onSocketClose":
		return onBinding{global: a.class == nil, event: "Close"}
	}
	return nil
}

// addErrField gives an error callback's result an Err field beside its
// errMsg: the runtime's *tarort.Error, so that errors.Is and errors.As work
// on asynchronous failures as on returned ones. A result that is the shared
// CallbackResult (no declaration of its own) is left as it is.
func (g *generator) addErrField(a *apiInfo) {
	s := g.signature(a)
	if len(s.params) == 0 || s.params[0].typ.fn == nil || len(s.params[0].typ.fn.params) == 0 {
		return
	}
	di := s.params[0].typ.fn.params[0].typ.decl
	if di == nil || di.field("errMsg") == nil || di.hasExtra("Err") {
		return
	}
	di.extra = append(di.extra, extraField{name: "Err",
		typ: typ{kind: kAny, code: func() *jen.Statement { return jen.Error() }},
		doc: []string{"is the failure behind ErrMsg, a *tarort.Error: errors.Is(res.Err, tarort.ErrTimeout),",
			"errors.As(res.Err, &e). Go only: Taro's result has errMsg alone."}})
}

func (g *generator) optionDecl(a *apiInfo) *declInfo {
	s := g.signature(a)
	if s.option != nil {
		return s.option.typ.decl
	}
	return nil
}

// socketExpr binds s to the task an API acts on: the receiver's socket for
// a method, the most recent task for a global function (as in WeChat).
func socketExpr(gr *jen.Group, global bool, s sigInfo) {
	if global {
		gr.Id("s").Op(":=").Qual(RuntimePath, "Latest").Call()
		gr.If(jen.Id("s").Op("==").Nil()).Block(failReturn(s,
			jen.Qual(RuntimePath, "Fail").Call(jen.Id("api"), jen.Qual(RuntimePath, "ErrNoTask"), jen.Lit("no WebSocket task: call connectSocket first"))))
		return
	}
	gr.If(jen.Id("t").Op("==").Nil().Op("||").Id("t").Dot("s").Op("==").Nil()).Block(failReturn(s,
		jen.Qual(RuntimePath, "Fail").Call(jen.Id("api"), jen.Qual(RuntimePath, "ErrNoTask"), jen.Lit("task was not created by ConnectSocket"))))
	gr.Id("s").Op(":=").Id("t").Dot("s")
}

// returnOK ends a body: the result (the zero value when nil) and, through
// the option's finish when there is one, err.
func returnOK(s sigInfo, result jen.Code, err jen.Code) jen.Code {
	var vals []jen.Code
	if s.result.kind != kVoid {
		if result == nil {
			result = zeroValue(s.result)
		}
		vals = append(vals, result)
	}
	if s.err {
		if s.option != nil {
			vals = append(vals, jen.Id(s.option.name).Dot("finish").Call(jen.Id("api"), err))
		} else {
			vals = append(vals, err)
		}
	}
	return jen.Return(vals...)
}

// convert writes src (of Go type from) as a value of t: a numeric
// conversion, a header map, or src itself.
func convert(t typ, src *jen.Statement, from string) jen.Code {
	switch {
	case t.kind == kNumber:
		return t.code().Call(src)
	case t.kind == kMap && from == "header":
		return jen.Qual(RuntimePath, "HeaderAny").Call(src)
	case t.kind == kString && from == "string":
		if t.decl != nil || t.goSrc != "" || t.enum != nil {
			return t.code().Call(src)
		}
		return src
	}
	return src
}

type connectBinding struct{}

func (connectBinding) body(g *generator, a *apiInfo, s sigInfo, gr *jen.Group) {
	di := s.option.typ.decl
	opt := jen.Id(s.option.name)
	gr.Id("cfg").Op(":=").Add(opt.Clone().Dot("Config"))
	gr.Id("cfg").Dot("URL").Op("=").Add(opt.Clone().Dot(di.field("url").goName))
	if f := di.field("header"); f != nil && f.typ.kind == kMap {
		gr.Id("cfg").Dot("Header").Op("=").Qual(RuntimePath, "HeaderStrings").Call(opt.Clone().Dot(f.goName))
	}
	if f := di.field("protocols"); f != nil && f.typ.kind == kSlice {
		gr.Id("cfg").Dot("Protocols").Op("=").Add(opt.Clone().Dot(f.goName))
	}
	if f := di.field("tcpNoDelay"); f != nil && f.typ.kind == kBool && f.ptr {
		gr.Id("cfg").Dot("TCPNoDelay").Op("=").Add(opt.Clone().Dot(f.goName))
	}
	if s.result.kind != kClass {
		// A signature that does not return the task (a 1.x page has none):
		// the task is still created, and the global APIs reach it.
		gr.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Qual(RuntimePath, "Connect").Call(jen.Id("api"), jen.Id("cfg")), jen.Err().Op("!=").Nil()).Block(failReturn(s, jen.Err()))
		gr.Add(returnOK(s, nil, jen.Nil()))
		return
	}
	gr.List(jen.Id("sock"), jen.Err()).Op(":=").Qual(RuntimePath, "Connect").Call(jen.Id("api"), jen.Id("cfg"))
	gr.If(jen.Err().Op("!=").Nil()).Block(failReturn(s, jen.Err()))
	name := g.className(g.pkg.Class("SocketTask"))
	task := jen.Op("&").Id(name).Values(jen.Dict{jen.Id(backendName(name)): jen.Id(backendName(name)).Values(jen.Dict{jen.Id("s"): jen.Id("sock")})})
	gr.Add(returnOK(s, task, jen.Nil()))
}

type sendBinding struct{ global bool }

func (b sendBinding) body(g *generator, a *apiInfo, s sigInfo, gr *jen.Group) {
	var data *fieldInfo
	if s.option != nil {
		data = s.option.typ.decl.field("data")
	}
	if data == nil {
		gr.Add(failReturn(s, jen.Qual(RuntimePath, "Fail").Call(jen.Id("api"), jen.Qual(RuntimePath, "ErrNotSupported"), jen.Lit("the page gives send no data field"))))
		return
	}
	socketExpr(gr, b.global, s)
	gr.Var().Err().Error()
	v := jen.Id(s.option.name).Dot(data.goName)
	invalid := jen.Qual(RuntimePath, "Fail").Call(jen.Id("api"), jen.Qual(RuntimePath, "ErrInvalidOption"), jen.Lit("parameter error: parameter.data must be text or binary"))
	gr.Switch(jen.Id("d").Op(":=").Add(v).Assert(jen.Type())).BlockFunc(func(sw *jen.Group) {
		switch data.typ.kind {
		case kUnion:
			for _, m := range data.typ.union.members {
				switch m.typ.kind {
				case kString:
					sw.Case(jen.Id(m.goName)).Block(jen.Err().Op("=").Id("s").Dot("Send").Call(jen.Id("api"), jen.False(), jen.Index().Byte().Parens(jen.Id("d"))))
				case kBytes:
					sw.Case(jen.Id(m.goName)).Block(jen.Err().Op("=").Id("s").Dot("Send").Call(jen.Id("api"), jen.True(), jen.Id("d")))
				}
			}
		default:
			sw.Case(jen.String()).Block(jen.Err().Op("=").Id("s").Dot("Send").Call(jen.Id("api"), jen.False(), jen.Index().Byte().Parens(jen.Id("d"))))
			sw.Case(jen.Index().Byte()).Block(jen.Err().Op("=").Id("s").Dot("Send").Call(jen.Id("api"), jen.True(), jen.Id("d")))
		}
		sw.Default().Block(jen.Err().Op("=").Add(invalid))
	})
	gr.Add(returnOK(s, callbackResult(s), jen.Err()))
}

type closeBinding struct{ global bool }

func (b closeBinding) body(g *generator, a *apiInfo, s sigInfo, gr *jen.Group) {
	socketExpr(gr, b.global, s)
	gr.List(jen.Id("code"), jen.Id("hasCode")).Op(":=").List(jen.Lit(0), jen.False())
	var reason jen.Code = jen.Lit("")
	if s.option != nil {
		di := s.option.typ.decl
		opt := jen.Id(s.option.name)
		if f := di.field("code"); f != nil && f.typ.kind == kNumber {
			if f.ptr {
				gr.If(opt.Clone().Dot(f.goName).Op("!=").Nil()).Block(
					jen.List(jen.Id("code"), jen.Id("hasCode")).Op("=").List(jen.Int().Call(jen.Op("*").Add(opt.Clone().Dot(f.goName))), jen.True()))
			} else {
				// 0 is no valid close code, so it stands for "not given".
				gr.If(opt.Clone().Dot(f.goName).Op("!=").Lit(0)).Block(
					jen.List(jen.Id("code"), jen.Id("hasCode")).Op("=").List(jen.Int().Call(opt.Clone().Dot(f.goName)), jen.True()))
			}
		}
		if f := di.field("reason"); f != nil && f.typ.kind == kString {
			reason = opt.Clone().Dot(f.goName)
		}
	}
	gr.Id("reason").Op(":=").Add(reason)
	gr.Err().Op(":=").Id("s").Dot("Close").Call(jen.Id("api"), jen.Id("code"), jen.Id("hasCode"), jen.Id("reason"))
	gr.Add(returnOK(s, callbackResult(s), jen.Err()))
}

// callbackResult is the value of a Promise<CallbackResult> result: the
// errMsg the callbacks also get. Other results are left to returnOK.
func callbackResult(s sigInfo) jen.Code {
	if s.result.kind == kStruct && s.result.decl == nil {
		return jen.Id("CallbackResult").Values(jen.Dict{jen.Id("ErrMsg"): jen.Id("errMsg").Call(jen.Id("api"), jen.Err())})
	}
	return nil
}

// onBinding registers a handler. The runtime keeps one handler per event
// (the last registered wins, as Taro's H5 runtime assigns ws.onopen…) and
// calls it on the task's own goroutine, one event at a time.
type onBinding struct {
	global bool
	event  string // Open, Message, Error, Close
}

func (b onBinding) body(g *generator, a *apiInfo, s sigInfo, gr *jen.Group) {
	if len(s.params) == 0 || s.params[0].typ.kind != kFunc || s.params[0].typ.fn == nil {
		return
	}
	cb := s.params[0]
	evType := b.event + "Event"
	// The handler converts the runtime's event into the page's result type.
	handler := jen.Func().Params(jen.Id("ev").Qual(RuntimePath, evType)).BlockFunc(func(h *jen.Group) {
		var args []jen.Code
		if len(cb.typ.fn.params) > 0 {
			args = append(args, g.eventValue(b.event, cb.typ.fn.params[0].typ, h))
		}
		h.Id(cb.name).Call(args...)
	})
	var register jen.Code
	if b.global {
		// Global listeners follow WeChat: they apply to the most recent task
		// and to tasks created after them.
		register = jen.Qual(RuntimePath, "OnGlobal"+b.event)
	} else {
		socketExpr(gr, false, s)
		register = jen.Id("s").Dot("On" + b.event)
	}
	gr.If(jen.Id(cb.name).Op("==").Nil()).Block(jen.Add(register).Call(jen.Nil()), jen.Return())
	gr.Add(register).Call(handler)
}

// eventValue converts the runtime event ev into the callback's parameter
// type, field by field by TypeScript name.
func (g *generator) eventValue(event string, t typ, h *jen.Group) jen.Code {
	if t.kind != kStruct || t.decl == nil {
		if event == "Error" && t.kind == kStruct {
			return jen.Id("CallbackResult").Values(jen.Dict{jen.Id("ErrMsg"): jen.Id("ev").Dot("ErrMsg")})
		}
		return zeroValue(t)
	}
	d := jen.Dict{}
	for _, f := range t.decl.fields {
		var v jen.Code
		switch event + "." + f.tsName {
		case "Open.header":
			v = convert(f.typ, jen.Id("ev").Dot("Header"), "header")
		case "Open.profile":
			continue
		case "Message.data":
			h.Var().Id("data").Add(f.typ.code())
			bin, text := jen.Id("ev").Dot("Data"), jen.Id("ev").Dot("Text")
			// Each frame kind is converted to what the field can hold; a
			// kind it cannot hold (a union with no text member) leaves the
			// zero value rather than code that does not compile.
			var setBin, setText jen.Code = jen.Null(), jen.Null()
			switch f.typ.kind {
			case kAny:
				setBin, setText = jen.Id("data").Op("=").Add(bin), jen.Id("data").Op("=").Add(text)
			case kBytes:
				setBin, setText = jen.Id("data").Op("=").Add(f.typ.code()).Call(bin), jen.Id("data").Op("=").Add(f.typ.code()).Call(text)
			case kString:
				setBin, setText = jen.Id("data").Op("=").Add(f.typ.code()).Call(bin), jen.Id("data").Op("=").Add(f.typ.code()).Call(text)
			}
			if f.typ.kind == kUnion {
				for _, m := range f.typ.union.members {
					switch m.typ.kind {
					case kBytes:
						setBin = jen.Id("data").Op("=").Id(m.goName).Call(bin)
					case kString:
						setText = jen.Id("data").Op("=").Id(m.goName).Call(text)
					}
				}
			}
			h.If(jen.Id("ev").Dot("Binary")).Block(setBin).Else().Block(setText)
			v = jen.Id("data")
		case "Error.errMsg":
			v = jen.Id("ev").Dot("ErrMsg")
		case "Close.code":
			v = convert(f.typ, jen.Id("ev").Dot("Code"), "int")
		case "Close.reason":
			v = convert(f.typ, jen.Id("ev").Dot("Reason"), "string")
		default:
			continue
		}
		d[jen.Id(f.goName)] = v
	}
	if event == "Error" && t.decl.hasExtra("Err") {
		d[jen.Id("Err")] = jen.Id("ev").Dot("Err")
	}
	return t.code().Values(d)
}

// propertyBody reads a SocketTask property from the runtime, or returns
// nil where the runtime has no such property.
func (g *generator) propertyBody(c *spec.Class, p *spec.Field, t typ) jen.Code {
	if !g.classBound(c) {
		return nil
	}
	var src *jen.Statement
	from := "int"
	switch p.Name {
	case "socketTaskId":
		src = jen.Id("t").Dot("s").Dot("ID").Call()
	case "readyState":
		src = jen.Id("t").Dot("s").Dot("ReadyState").Call()
	case "errMsg":
		src, from = jen.Id("t").Dot("s").Dot("ErrMsg").Call(), "string"
	default:
		return nil
	}
	if t.kind != kNumber && t.kind != kString {
		return nil
	}
	return jen.If(jen.Id("t").Op("==").Nil().Op("||").Id("t").Dot("s").Op("==").Nil()).Block(jen.Return(zeroValue(t))).Line().Return(convert(t, src, from))
}

// hasExtra reports whether a binding gave di the Go-only field name.
func (di *declInfo) hasExtra(name string) bool {
	for _, x := range di.extra {
		if x.name == name {
			return true
		}
	}
	return false
}
