package gen

import (
	"github.com/dave/jennifer/jen"

	"github.com/tarogen/tarogen/spec"
)

// jsConv names the conversion function prefix+name ("jsTo", "SendOption")
// and records that generated code calls it.
func (g *generator) jsConv(prefix, name string) *jen.Statement {
	g.jsNeeded[prefix+name] = true
	return jen.Id(prefix + name)
}

// planJSConversions finds the conversion functions the js/wasm files call,
// so that only those are emitted: an option struct is only ever converted
// to JavaScript, a result only from it, and writing both directions for
// every type would be dead code. The bodies that call conversions (APIs,
// class wrappers, finishes) are rendered once into a scratch file, which
// records what they call; then conversions are rendered until no new one
// is called, since a struct's conversion calls its fields'. It runs after
// the plan is frozen: rendering only reads the plan.
func (g *generator) planJSConversions() {
	g.jsNeeded = map[string]bool{}
	scratch := jen.NewFile(g.opt.Package)
	for _, pg := range g.pkg.Pages {
		if pg.Class != nil {
			g.emitJSClass(scratch, pg)
		}
	}
	for _, di := range g.decls {
		if di.callbacks {
			g.emitJSFinish(scratch, di)
		}
	}
	for _, a := range g.apis {
		g.emitJSAPI(scratch, a)
	}
	for n := -1; n != len(g.jsNeeded); {
		n = len(g.jsNeeded)
		for _, di := range g.decls {
			if di.d.Kind == spec.DeclObject {
				g.emitJSStruct(scratch, di.goName, di.fields)
			}
		}
		g.emitJSStruct(scratch, "CallbackResult", callbackResultFields)
		for _, u := range g.unions {
			g.emitJSUnion(scratch, u)
		}
	}
}
