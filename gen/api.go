package gen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/tarogen/tarogen/spec"
)

// sigInfo is an API's Go signature.
type sigInfo struct {
	params []funcParam
	rest   bool // the last param is variadic
	result typ  // kVoid for none
	err    bool // returns an error as its last result
	option *funcParam
}

// signature maps an API's TypeScript signature to Go. The ```tsx block
// decides the types; a page without one (legacy 1.x) falls back to its
// parameter table.
func (g *generator) signature(a *apiInfo) sigInfo {
	if a.sig == nil {
		s := g.mapSignature(a)
		a.sig = &s
	}
	return *a.sig
}

func (g *generator) mapSignature(a *apiInfo) sigInfo {
	sc := g.apiScope(a)
	var s sigInfo
	s.result = tVoid
	sig := a.fn.Signature
	if e := g.entry(a.qname); e != nil && e.Type != "" {
		// The overlay corrects a page's signature (onSocketError's page
		// writes the callback's callback: `(callback: (result: Callback) =>
		// void) => void`).
		if ft, ok := g.overlayType(e, a.page, signatureParams(a.fn)).(*spec.FuncType); ok {
			sig = ft
		} else {
			g.ds.Errorf(e.TypePos, "overlay type for %s must be a function type", a.qname)
		}
	}
	if sig != nil {
		for i, p := range sig.Params {
			name := localName(p.Name)
			if p.Name == "" {
				name = fmt.Sprintf("arg%d", i)
			}
			t := g.goType(p.Type, sc, joinNames(g.apiHint(a), exportedName(p.Name)))
			if p.Rest {
				s.rest = true
				if t.kind == kSlice {
					t = *t.elem
				}
			}
			s.params = append(s.params, funcParam{name: name, typ: t})
		}
		if pr, ok := sig.Result.(*spec.PromiseType); ok {
			s.result = g.goType(pr.Elem, sc, joinNames(g.apiHint(a), "Result"))
			s.err = true
		} else if sig.Result != nil {
			s.result = g.goType(sig.Result, sc, joinNames(g.apiHint(a), "Result"))
		}
	} else {
		for _, p := range a.fn.Params {
			s.params = append(s.params, funcParam{name: localName(p.Name), typ: g.goType(p.Type, sc, joinNames(g.apiHint(a), exportedName(p.Name)))})
		}
	}
	for i := range s.params {
		if p := &s.params[i]; p.typ.kind == kStruct && p.typ.decl != nil && p.typ.decl.callbacks {
			s.option = p
			s.err = true
			break
		}
	}
	return s
}

// apiHint names the anonymous types of an API's signature: the function's
// Go name, or the class's and the method's (two classes' Send methods must
// not share one inline enum).
func (g *generator) apiHint(a *apiInfo) string {
	if a.class != nil {
		return joinNames(g.className(a.class), a.goName)
	}
	return a.goName
}

func (g *generator) apiDoc(a *apiInfo) []string {
	return docLines(g.links.rewrite(a.fn.Doc), strings.Join(refLines(a.fn.Refs), "\n"), g.supportLine(a), minVersion(a.fn.MinVersion),
		"TypeScript: "+signatureText(a.fn), entryDoc(g.ov.Entries[a.qname]))
}

func minVersion(v string) string {
	if v == "" {
		return ""
	}
	return "Minimum version: " + v
}

func signatureText(fn *spec.Function) string {
	if fn.Signature == nil {
		return fn.QualifiedName() + "(…) (no signature on the page)"
	}
	return fn.Signature.String()
}

// supportLine says, in the doc, which platforms the page marks.
func (g *generator) supportLine(a *apiInfo) string {
	s := supportText(a.support)
	if a.bind != nil {
		s += " Native Go: implemented by the tarogen runtime. js/wasm: calls the host's Taro API."
	} else {
		s += " Native Go: not implemented by the runtime yet; calls fail (or, with nothing to return, do nothing). js/wasm: calls the host's Taro API."
	}
	return s
}

// supportText renders a support matrix row for a doc comment.
func supportText(sup *spec.Support) string {
	var yes, no []string
	if sup != nil {
		for _, p := range sup.Platforms {
			switch p.State {
			case spec.Supported:
				yes = append(yes, p.Platform.ID)
			case spec.Unsupported:
				no = append(no, p.Platform.ID)
			}
		}
	}
	s := "Platforms: "
	if len(yes) > 0 {
		s += "supported on " + strings.Join(yes, ", ")
	} else {
		s += "supported on none the page names"
	}
	if len(no) > 0 {
		s += "; not supported on " + strings.Join(no, ", ")
	}
	s += "; unknown elsewhere (calls through)."
	return s
}

func (g *generator) emitClass(f *jen.File, ci *classInfo) {
	c, pg, name := ci.c, ci.page, ci.goName
	bound := g.classBound(c)
	doc := docLines(g.classDoc(c), strings.Join(refLines(c.Refs), "\n"))
	if pg.Support != nil {
		doc = append(doc, "", supportText(pg.Support))
	}
	if bound {
		doc = append(doc, "", "A "+name+" is safe for use by several goroutines.")
	} else {
		doc = append(doc, "", "Native Go: the tarogen runtime does not implement "+name+" yet; its methods fail. On js/wasm they call the host's instance.")
	}
	// The handle is per backend (jsfiles.go), so the exported API is the
	// same on both.
	f.Add(comment(jen.Null(), name, doc).Type().Id(name).Struct(jen.Id(backendName(name))))
	g.emitConstants(f, ci)
	for _, p := range ci.props {
		pdoc := p.doc
		if g.propertyBody(c, p.p, p.typ) == nil {
			pdoc = append(slices.Clone(pdoc), "", "Native Go: not available; it returns the zero value. On js/wasm it reads the host's instance.")
		}
		body := jen.Return(jen.Id("t").Dot("do" + p.goName).Call())
		f.Add(comment(jen.Null(), p.goName, pdoc).Func().Params(jen.Id("t").Op("*").Id(name)).Id(p.goName).Params().Add(p.typ.code()).Block(body))
	}
}

// emitConstants writes a class's ALL-CAPS members as typed constants, with
// the values the plan validated.
func (g *generator) emitConstants(f *jen.File, ci *classInfo) {
	var defs []jen.Code
	for _, k := range ci.consts {
		for _, l := range commentLines(k.goName, k.doc) {
			defs = append(defs, jen.Comment(l))
		}
		defs = append(defs, jen.Id(k.goName).Add(k.typ.code()).Op("=").Op(k.value))
	}
	if len(defs) > 0 {
		f.Const().Defs(defs...)
	}
}

func (g *generator) emitAPI(f *jen.File, a *apiInfo) {
	s := g.signature(a)
	doc := g.apiDoc(a)
	st := g.funcSignature(comment(jen.Null(), a.goName, doc).Func(), a, s, a.goName)
	st.BlockFunc(func(gr *jen.Group) { g.apiBody(gr, a, s) })
	f.Add(st)
}

// failReturn returns from an API body with err, through the option's
// callbacks when there is one, and the zero result.
func failReturn(s sigInfo, err jen.Code) jen.Code { return returnOK(s, nil, err) }

func (g *generator) apiBody(gr *jen.Group, a *apiInfo, s sigInfo) {
	gr.Const().Id("api").Op("=").Lit(a.qname)
	gr.If(jen.Id(supportConst(a)).Op("==").Id("Unsupported")).Block(
		failReturn(s, jen.Qual(RuntimePath, "NotSupported").Call(jen.Id("api"), jen.Id("platformName"))))
	if s.option != nil && len(requiredChecks(s.option.typ.decl)) > 0 {
		gr.If(jen.Err().Op(":=").Id(s.option.name).Dot("check").Call(jen.Id("api")), jen.Err().Op("!=").Nil()).Block(
			failReturn(s, jen.Err()))
	}
	// The rest is per backend: do<Name> in the page's native and js
	// files (jsfiles.go).
	gr.Add(g.delegateCall(a, s))
}

// nativeBody is do<Name>'s body in the native backend: the runtime's
// binding, or a failure for an API the runtime does not implement.
func (g *generator) nativeBody(gr *jen.Group, a *apiInfo, s sigInfo) {
	if a.bind != nil {
		a.bind.body(g, a, s, gr)
		return
	}
	if !s.err && s.result.kind == kVoid {
		gr.Comment("Not implemented by the native runtime, and with no error to return, the call does nothing.")
		return
	}
	gr.Add(failReturn(s, jen.Qual(RuntimePath, "Fail").Call(jen.Id("api"), jen.Qual(RuntimePath, "ErrNotSupported"),
		jen.Lit("not implemented by the tarogen native runtime"))))
}
