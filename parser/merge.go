package parser

import (
	"cmp"
	"regexp"
	"slices"

	"github.com/tarogen/tarogen/spec"
)

// builtins are the names TypeScript, the DOM or the JS runtime provide.
var builtins = map[string]bool{
	"ArrayBuffer": true, "SharedArrayBuffer": true, "DataView": true, "WebSocket": true, "Error": true, "Date": true, "RegExp": true,
	"Uint8Array": true, "Int8Array": true, "Uint8ClampedArray": true, "Uint16Array": true, "Int16Array": true,
	"Uint32Array": true, "Int32Array": true, "Float32Array": true, "Float64Array": true, "BigInt64Array": true, "BigUint64Array": true,
	"Promise": true, "PromiseLike": true, "Array": true, "ReadonlyArray": true, "ArrayLike": true, "Record": true, "Partial": true, "Required": true,
	"Readonly": true, "Pick": true, "Omit": true, "Exclude": true, "Extract": true, "NonNullable": true, "ReturnType": true, "Parameters": true,
	"Map": true, "Set": true, "WeakMap": true, "WeakSet": true, "Object": true, "Function": true, "String": true, "Number": true, "Boolean": true,
	"Symbol": true, "JSON": true, "Blob": true, "File": true, "FormData": true, "Headers": true, "Request": true, "Response": true, "URL": true,
	"XMLHttpRequest": true, "Event": true, "MessageEvent": true, "CloseEvent": true, "EventTarget": true, "Element": true, "HTMLElement": true,
	"HTMLCanvasElement": true, "HTMLImageElement": true, "HTMLVideoElement": true, "HTMLAudioElement": true, "CanvasRenderingContext2D": true,
	"WebGLRenderingContext": true, "ImageData": true, "Node": true, "Document": true, "Window": true, "Iterable": true, "Iterator": true,
}

// generalNames are TaroGeneral members that pages also write bare.
var generalNames = map[string]bool{
	"CallbackResult": true, "IAnyObject": true, "TFunc": true, "BluetoothError": true, "WifiError": true,
	"IBeaconError": true, "NFCError": true, "EventCallback": true,
}

// pageLocalNames are the names Taro's doc generator gives a page's own
// types (Option, Callback, SuccessCallbackResult…): every page has its
// own, so they resolve within their page only (see [Merge]).
var pageLocalNames = map[string]bool{
	"Option": true, "Options": true, "Callback": true, "Result": true, "Promised": true, "Params": true,
	"SuccessCallbackResult": true, "FailCallbackResult": true, "CompleteCallbackResult": true,
	"SuccessCallback": true, "FailCallback": true, "CompleteCallback": true,
}

// pageLocal reports a page-local name.
func pageLocal(name string) bool { return pageLocalNames[name] }

// typeParamName is what an undeclared type parameter looks like: T, U, K2.
var typeParamName = regexp.MustCompile(`^[A-Z][0-9]?$`)

// Merge makes a package: it sorts the pages (by Name, then File) and
// resolves every NamedType's Ref across them. Names resolve, in order, to:
//
//  1. a type parameter in scope (a signature's <T = any>, or a type
//     parameter inferred for a declaration — see below);
//  2. a type declared on the same page: the one in the reference's scope
//     (the method it sits under), else the first of that name;
//  3. a class documented on any page (Promise<SocketTask> → SocketTask);
//  4. a builtin (ArrayBuffer, WebSocket, Date…);
//  5. TaroGeneral: any TaroGeneral.X, and the bare CallbackResult,
//     IAnyObject… of older pages;
//  6. a type declared on another page (the first, in page order) — except
//     for a page-local name (Option, Callback, Result,
//     SuccessCallbackResult…): every page declares its own, so one that
//     its page lacks stays unresolved, with a warning naming both pages,
//     instead of silently binding another page's type.
//
// General names come before other pages' declarations on purpose: a bare
// CallbackResult on connectSocket's page means TaroGeneral.CallbackResult,
// not onSocketClose's unrelated CallbackResult {code, reason}; a page that
// declares its own CallbackResult still wins by rule 2.
//
// A declaration that uses a type parameter without declaring it
// (OnMessageCallbackResult's `data: T`) gets it in Decl.TypeParams: a name
// shaped like a type parameter (one capital letter, optionally a digit) that
// resolves nowhere else. Any other name that resolves nowhere is a warning
// at the reference; its Ref stays nil.
func Merge(pages []*spec.Page) (*spec.Package, spec.Diagnostics) {
	pkg := &spec.Package{}
	for _, pg := range pages {
		if pg != nil {
			pkg.Pages = append(pkg.Pages, pg)
		}
	}
	slices.SortStableFunc(pkg.Pages, func(a, b *spec.Page) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.File, b.File))
	})
	r := &resolver{pkg: pkg, classes: map[string]*spec.Page{}, decls: map[string]*spec.Page{}}
	for _, pg := range pkg.Pages {
		if pg.Class != nil {
			if _, dup := r.classes[pg.Class.Name]; !dup {
				r.classes[pg.Class.Name] = pg
			}
		}
		for _, d := range pg.Decls {
			if _, dup := r.decls[d.Name]; !dup {
				r.decls[d.Name] = pg
			}
		}
	}
	for _, pg := range pkg.Pages {
		r.page(pg)
	}
	r.diags.Sort()
	return pkg, r.diags
}

type resolver struct {
	pkg     *spec.Package
	classes map[string]*spec.Page // class name → its page
	decls   map[string]*spec.Page // decl name → first page declaring it
	diags   spec.Diagnostics
}

// scope is what a reference can see besides the package.
type scope struct {
	page   *spec.Page
	method string   // Decl.Scope / method name, for same-named decls
	params []string // type parameters in scope
	infer  *spec.Decl
}

func (r *resolver) page(pg *spec.Page) {
	if c := pg.Class; c != nil {
		base := scope{page: pg}
		for _, f := range c.Properties {
			r.typ(f.Type, base)
		}
		for _, k := range c.Constants {
			r.typ(k.Type, base)
		}
		for _, m := range c.Methods {
			r.function(m, scope{page: pg, method: m.Name})
		}
	}
	if f := pg.Function; f != nil {
		r.function(f, scope{page: pg})
	}
	for _, d := range pg.Decls {
		sc := scope{page: pg, method: d.Scope, infer: d}
		for _, tp := range d.TypeParams {
			sc.params = append(sc.params, tp.Name)
		}
		for _, f := range d.Fields {
			r.typ(f.Type, sc)
		}
		if d.Func != nil {
			r.typ(d.Func, sc)
		}
		r.typ(d.Alias, sc)
	}
}

func (r *resolver) function(f *spec.Function, sc scope) {
	if f.Signature != nil {
		for _, tp := range f.Signature.TypeParams {
			sc.params = append(sc.params, tp.Name)
		}
		r.typ(f.Signature, sc)
	}
	for _, prm := range f.Params {
		r.typ(prm.Type, sc)
	}
}

// typ resolves every NamedType in t. A nested generic function type brings
// its own type parameters into scope.
func (r *resolver) typ(t spec.Type, sc scope) {
	if t == nil {
		return
	}
	spec.Walk(t, func(t spec.Type) bool {
		switch t := t.(type) {
		case *spec.FuncType:
			if len(t.TypeParams) == 0 {
				return true
			}
			inner := sc
			inner.params = slices.Clone(sc.params)
			for _, tp := range t.TypeParams {
				inner.params = append(inner.params, tp.Name)
			}
			for _, tp := range t.TypeParams {
				r.typ(tp.Constraint, inner)
				r.typ(tp.Default, inner)
			}
			for _, prm := range t.Params {
				r.typ(prm.Type, inner)
			}
			r.typ(t.Result, inner)
			return false
		case *spec.NamedType:
			if t.Ref == nil {
				t.Ref = r.resolve(t, &sc)
			}
		}
		return true
	})
}

func (r *resolver) resolve(t *spec.NamedType, sc *scope) *spec.Ref {
	name := t.Name
	switch {
	case len(t.Namespace) == 1 && t.Namespace[0] == "TaroGeneral":
		return &spec.Ref{Kind: spec.RefGeneral, Name: name}
	case len(t.Namespace) == 1 && t.Namespace[0] == "Taro":
		// Taro.SocketTask: the namespace is the package itself.
	case len(t.Namespace) > 0:
		r.diags.Warnf(t.Pos, "cannot resolve type %s: unknown namespace %s", t.QualifiedName(), t.Namespace[0])
		return nil
	}
	if slices.Contains(sc.params, name) {
		return &spec.Ref{Kind: spec.RefTypeParam, Name: name}
	}
	if sc.infer != nil {
		for _, tp := range sc.infer.TypeParams {
			if tp.Name == name {
				return &spec.Ref{Kind: spec.RefTypeParam, Name: name}
			}
		}
	}
	var first *spec.Decl
	for _, d := range sc.page.Decls {
		if d.Name != name {
			continue
		}
		if d.Scope == sc.method {
			first = d
			break
		}
		if first == nil {
			first = d
		}
	}
	if first != nil {
		return &spec.Ref{Kind: spec.RefDecl, Page: sc.page.Name, Name: name, Scope: first.Scope}
	}
	if pg, ok := r.classes[name]; ok {
		return &spec.Ref{Kind: spec.RefClass, Page: pg.Name, Name: name}
	}
	if builtins[name] {
		return &spec.Ref{Kind: spec.RefBuiltin, Name: name}
	}
	if generalNames[name] {
		return &spec.Ref{Kind: spec.RefGeneral, Name: name}
	}
	if pg, ok := r.decls[name]; ok {
		if pageLocal(name) {
			// connectSocket's Option is never closeSocket's: a wrong
			// binding compiles and silently sends the wrong fields.
			r.diags.Warnf(t.Pos, "cannot resolve type %s on page %s (%s): it is a page-local name and this page declares none; page %s (%s) declares one, which is not used across pages", name, sc.page.Name, sc.page.File, pg.Name, pg.File)
			return nil
		}
		for _, d := range pg.Decls {
			if d.Name == name {
				return &spec.Ref{Kind: spec.RefDecl, Page: pg.Name, Name: name, Scope: d.Scope}
			}
		}
	}
	if sc.infer != nil && typeParamName.MatchString(name) && len(t.Args) == 0 {
		sc.infer.TypeParams = append(sc.infer.TypeParams, &spec.TypeParamType{Pos: t.Pos, Name: name})
		sc.params = append(sc.params, name)
		return &spec.Ref{Kind: spec.RefTypeParam, Name: name}
	}
	r.diags.Warnf(t.Pos, "cannot resolve type %s: not declared on any page, and not a class, type parameter, builtin or TaroGeneral type", t.QualifiedName())
	return nil
}
