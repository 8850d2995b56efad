package gen

import (
	"fmt"
	"go/ast"
	"go/build/constraint"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/tarogen/tarogen/spec"
)

// Two backends, one API (coder/websocket's layout). A page's file holds its
// types and its exported functions and methods, which check support and
// required fields and then call do<Name>. Each backend defines do<Name> in
// a build-tagged file of its own:
//
//	connectsocket.go         types, ConnectSocket → doConnectSocket
//	connectsocket.native.go  //go:build !js: the tarogen runtime (gorilla)
//	connectsocket.jsapi.go   //go:build js && wasm: the host's Taro API
//
// A class struct embeds backend<Class>, whose fields each backend declares
// (*tarort.Socket natively, *tarort.Instance on js), so the exported API
// is the same on both. The suffixes follow a dot, so the go command never
// reads them as GOOS or GOARCH constraints.

const (
	nativeTag = "!js"
	jsTag     = "js && wasm"
)

// jsPlatform stands for a js/wasm build with no taro_* tag: every API
// calls through to the host, which decides.
var jsPlatform = spec.Platform{ID: "js", Name: "js/wasm"}

// backendFileName is page's file for a backend: "connectsocket.native.go".
func backendFileName(page, backend string) string {
	return strings.TrimSuffix(fileName(page), ".go") + "." + backend + ".go"
}

// planBackendFiles adds the backend files to the plan: per page that has
// APIs or a class, its native and js files; the js conversions of the
// shared types; the js platform file.
func (g *generator) planBackendFiles(byName map[string]*plannedFile) {
	for _, pg := range g.pkg.Pages {
		pg := pg
		what := fmt.Sprintf("page %s (%s)", pg.Name, pg.File)
		if g.pageHasAPIs(pg) {
			g.planFile(byName, backendFileName(pg.Name, "native"), "the native backend of "+what, pg.Pos, func() *jen.File { return g.emitNativePage(pg) })
		}
		if g.pageHasAPIs(pg) || g.pageHasObjects(pg) {
			g.planFile(byName, backendFileName(pg.Name, "jsapi"), "the js/wasm backend of "+what, pg.Pos, func() *jen.File { return g.emitJSPage(pg) })
		}
	}
	g.planFile(byName, "tarogen.jsapi.go", "the js/wasm conversions of tarogen's shared types", spec.Pos{File: "tarogen.go"}, g.emitJSCommon)
	g.planFile(byName, "platform.js.go", "the support matrix of a js/wasm build with no platform tag", spec.Pos{}, g.emitJSPlatform)
}

func (g *generator) pageHasAPIs(pg *spec.Page) bool {
	if pg.Class != nil {
		return true
	}
	for _, a := range g.apis {
		if a.page == pg {
			return true
		}
	}
	return false
}

func (g *generator) pageHasObjects(pg *spec.Page) bool {
	for _, di := range g.decls {
		if di.page == pg && di.d.Kind == spec.DeclObject {
			return true
		}
	}
	return false
}

func backendFile(pkg, tag string) *jen.File {
	f := newFile(pkg)
	f.HeaderComment("//go:build " + tag)
	f.ImportName(jsPath, "js")
	return f
}

// emitNativePage writes page.native.go: the class handle and the do<Name>
// bodies over the tarogen runtime.
func (g *generator) emitNativePage(pg *spec.Page) *jen.File {
	f := backendFile(g.opt.Package, nativeTag)
	if pg.Class != nil {
		name := g.className(pg.Class)
		f.Commentf("%s holds a %s natively.", backendName(name), name)
		if g.classBound(pg.Class) {
			f.Type().Id(backendName(name)).Struct(jen.Id("s").Op("*").Qual(RuntimePath, "Socket"))
		} else {
			f.Type().Id(backendName(name)).Struct()
		}
		for _, p := range g.classProps(pg.Class) {
			body := g.propertyBody(pg.Class, p.field, p.typ)
			if body == nil {
				body = jen.Return(zeroValue(p.typ))
			}
			commentf(f, "do%s reads the %s property natively.", p.goName, p.tsName)
			f.Func().Params(jen.Id("t").Op("*").Id(name)).Id("do" + p.goName).Params().Add(p.typ.code()).Block(body)
		}
	}
	for _, a := range g.apis {
		if a.page != pg {
			continue
		}
		s := g.signature(a)
		commentf(f, "%s is %s natively.", doName(a), a.qname)
		f.Add(g.emitDoSignature(a, s).BlockFunc(func(gr *jen.Group) {
			gr.Const().Id("api").Op("=").Lit(a.qname)
			g.nativeBody(gr, a, s)
		}))
	}
	return f
}

// emitJSPage writes page.jsapi.go: the class handle and wrapper, the
// conversions of the page's object types and the do<Name> bodies that
// call the host.
func (g *generator) emitJSPage(pg *spec.Page) *jen.File {
	f := backendFile(g.opt.Package, jsTag)
	if pg.Class != nil {
		g.emitJSClass(f, pg)
	}
	for _, di := range g.decls {
		if di.page == pg && di.d.Kind == spec.DeclObject {
			g.emitJSStruct(f, di.goName, di.fields)
			if di.callbacks {
				g.emitJSFinish(f, di)
			}
		}
	}
	for _, a := range g.apis {
		if a.page == pg {
			g.emitJSAPI(f, a)
		}
	}
	return f
}

// callbackResultFields are the fields of CallbackResult, which tarogen.go
// declares (TaroGeneral.CallbackResult has no page of its own).
var callbackResultFields = []*fieldInfo{{tsName: "errMsg", goName: "ErrMsg", typ: tString, required: true}}

// emitJSCommon writes tarogen.jsapi.go: the conversions of the unions and
// of CallbackResult, which tarogen.go declares.
func (g *generator) emitJSCommon() *jen.File {
	f := backendFile(g.opt.Package, jsTag)
	if g.needCallbackResult {
		g.emitJSStruct(f, "CallbackResult", callbackResultFields)
	}
	for _, u := range g.unions {
		g.emitJSUnion(f, u)
	}
	return f
}

// emitJSPlatform writes platform.js.go, the matrix of a js/wasm build with
// no taro_* tag: every API calls through, and the host decides (a method
// it lacks fails with ErrNotSupported). CurrentPlatform stays
// PlatformNative: no platform tag was set.
func (g *generator) emitJSPlatform() *jen.File {
	f := newFile(g.opt.Package)
	var tags []string
	for _, q := range g.platforms {
		tags = append(tags, "!taro_"+q.ID)
	}
	f.HeaderComment("//go:build " + jsTag + " && " + strings.Join(tags, " && "))
	f.Comment("onlyOneTaroPlatformTagMayBeSet is declared once per platform file: setting two taro_* build")
	f.Comment("tags makes it redeclared, and the build fails naming the problem.")
	f.Const().Id("onlyOneTaroPlatformTagMayBeSet").Op("=").Lit(jsPlatform.ID)
	f.Line()
	f.Comment("CurrentPlatform is the platform this package was built for: no taro_* tag (here on js/wasm,")
	f.Comment("where every API calls the host's).")
	f.Const().Id("CurrentPlatform").Op("=").Id("PlatformNative")
	f.Comment("platformName is the platform's display name, used in \"not supported on <platform>\".")
	f.Const().Id("platformName").Op("=").Lit(jsPlatform.Name)
	f.Line()
	f.Comment("The support matrix: with no platform tag, the host decides for every API.")
	f.Const().DefsFunc(func(gr *jen.Group) {
		for _, a := range g.apis {
			gr.Id(supportConst(a)).Op("=").Id("SupportUnknown").Comment(trailingComment(a.qname + ": calls the host"))
		}
	})
	return f
}

// jsProp is a class property as the backends read it.
type jsProp struct {
	field  *spec.Field
	tsName string
	goName string
	typ    typ
}

// classProps lists a class's planned properties.
func (g *generator) classProps(c *spec.Class) []jsProp {
	ci := g.classOf(c)
	if ci == nil {
		return nil
	}
	var out []jsProp
	for _, p := range ci.props {
		out = append(out, jsProp{field: p.p, tsName: p.p.Name, goName: p.goName, typ: p.typ})
	}
	return out
}

// jsOnly reports whether f builds only for js/wasm: its //go:build line is
// false whenever js is, whatever the other tags.
func jsOnly(f *ast.File) bool {
	for _, cg := range f.Comments {
		if cg.Pos() >= f.Package {
			break
		}
		for _, c := range cg.List {
			if !constraint.IsGoBuild(c.Text) {
				continue
			}
			expr, err := constraint.Parse(c.Text)
			return err == nil && !expr.Eval(func(tag string) bool { return tag != "js" && tag != "wasm" })
		}
	}
	return false
}
