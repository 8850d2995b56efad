package gen

import (
	"slices"
	"strconv"
	"strings"

	"github.com/tarogen/tarogen/overlay"
	"github.com/tarogen/tarogen/spec"
)

// declInfo is the Go side of one declared type.
type declInfo struct {
	d      *spec.Decl
	page   *spec.Page
	path   string // overlay path, e.g. "connectSocket.Option"
	goName string // e.g. "ConnectSocketOption"
	// typeArgs instantiates the decl's type parameters (see generic.go).
	typeArgs map[string]spec.Type
	fields   []*fieldInfo // for object decls, after overlay
	// callbacks is true when the struct has success/fail/complete.
	callbacks bool
	// extra are Go-only fields a binding adds (connectSocket's Config).
	extra []extraField
	typ   *typ // declType's result, once computed
}

type extraField struct {
	name string
	typ  typ
	doc  []string
}

// fieldInfo is one struct field after the overlay is applied.
type fieldInfo struct {
	f        *spec.Field
	tsName   string
	goName   string
	typ      typ
	ptr      bool // optional with a meaningful zero value: *T
	required bool
	doc      []string
}

// apiInfo is one callable API: a function or a method.
type apiInfo struct {
	fn      *spec.Function
	page    *spec.Page
	class   *spec.Class // for methods
	qname   string      // as support tables name it: "SocketTask.send"
	goName  string      // "Send" or "ConnectSocket"
	constID string      // "APISocketTaskSend"
	support *spec.Support
	bind    binding
	sig     *sigInfo // signature's result, once computed
}

func (g *generator) plan() {
	// A page's own entry (typeArgs for its generic types, a class's Go
	// name) names something that exists, whether or not it is read.
	for _, pg := range g.pkg.Pages {
		g.entry(pg.Name)
	}
	g.planPlatforms()
	// The names tarogen.go and the platform files declare come first, so a
	// page's type of the same name is the one that gets a prefix.
	for _, n := range []string{"CallbackResult", "Ptr", "API", "Support", "SupportUnknown", "Supported", "Unsupported",
		"Platform", "PlatformNative", "CurrentPlatform", "CanIUse"} {
		g.claim(n, "tarogen")
	}
	for _, p := range g.platforms {
		g.claim(platformConst(p), "tarogen")
	}
	// Names first, so types can refer to each other in any order.
	for _, pg := range g.pkg.Pages {
		if pg.Class != nil {
			g.claim(g.className(pg.Class), "class "+pg.Class.Name)
		}
	}
	for _, pg := range g.pkg.Pages {
		for _, d := range pg.Decls {
			g.planDeclName(pg, d)
		}
	}
	for _, pg := range g.pkg.Pages {
		if pg.Function != nil {
			g.planAPI(pg, nil, pg.Function)
		}
		if pg.Class != nil {
			for _, m := range pg.Class.Methods {
				g.planAPI(pg, pg.Class, m)
			}
		}
	}
	for _, di := range g.decls {
		g.planFields(di)
	}
	for _, a := range g.apis {
		a.bind = g.bindingFor(a)
	}
}

func (g *generator) className(c *spec.Class) string {
	if e := g.entry(c.Name); e != nil && e.Name != "" {
		return e.Name
	}
	return exportedName(c.Name)
}

// planDeclName names a declared type. On a class page a type keeps its own
// name (CloseOption); on a function page, where every page declares an
// "Option" and a "Callback", it is prefixed with the function's name
// (ConnectSocketOption) unless it already starts with it. A clash gets the
// page prefix, then the scope.
func (g *generator) planDeclName(pg *spec.Page, d *spec.Decl) {
	path := pg.Name + "." + d.Name
	di := &declInfo{d: d, page: pg, path: path}
	g.declOf[d] = di
	g.decls = append(g.decls, di)
	if e := g.entry(path); e != nil && e.Name != "" {
		di.goName = e.Name
		if !g.claim(e.Name, path) {
			g.ds.Errorf(e.Pos, "overlay name %q for %s is already used by %s", e.Name, path, g.goNames[e.Name])
		}
		return
	}
	base := exportedName(d.Name)
	prefix := exportedName(pg.Name)
	candidates := []string{base}
	if pg.Class == nil && !strings.HasPrefix(base, prefix) {
		candidates = []string{prefix + base}
	}
	candidates = append(candidates, prefix+base, prefix+exportedName(d.Scope)+base)
	for _, c := range candidates {
		if g.claim(c, path) {
			di.goName = c
			return
		}
	}
	for i := 2; ; i++ {
		c := prefix + base + strconv.Itoa(i)
		if g.claim(c, path) {
			di.goName = c
			g.ds.Warnf(d.Pos, "type %s clashes with another; named %s", d.Name, c)
			return
		}
	}
}

func (g *generator) planAPI(pg *spec.Page, c *spec.Class, fn *spec.Function) {
	a := &apiInfo{fn: fn, page: pg, class: c, qname: fn.QualifiedName()}
	path := a.qname
	e := g.entry(path)
	if e != nil && e.Skip {
		return
	}
	a.goName = exportedName(fn.Name)
	if e != nil && e.Name != "" {
		a.goName = e.Name
	}
	if c == nil && !g.claim(a.goName, "function "+fn.Name) {
		g.ds.Errorf(fn.Pos, "function %s: Go name %s is already used by %s", fn.Name, a.goName, g.goNames[a.goName])
		return
	}
	a.constID = "API" + exportedName(strings.ReplaceAll(a.qname, ".", " "))
	a.support = fn.Support
	if a.support == nil && c == nil {
		a.support = pg.Support
	}
	g.apis = append(g.apis, a)
}

// planPlatforms collects every platform the pages name: the known ones in
// canonical order, then unknown ones by id.
func (g *generator) planPlatforms() {
	seen := map[string]spec.Platform{}
	visit := func(s *spec.Support) {
		if s == nil {
			return
		}
		for _, p := range s.Platforms {
			if _, ok := seen[p.Platform.ID]; !ok {
				seen[p.Platform.ID] = p.Platform
			}
		}
	}
	for _, pg := range g.pkg.Pages {
		visit(pg.Support)
		fns := []*spec.Function{}
		if pg.Function != nil {
			fns = append(fns, pg.Function)
		}
		if pg.Class != nil {
			fns = append(fns, pg.Class.Methods...)
		}
		for _, f := range fns {
			visit(f.Support)
		}
	}
	for _, id := range spec.KnownPlatforms {
		name := spec.PlatformDisplayName(id)
		if p, ok := seen[id]; ok {
			name = p.Name
			delete(seen, id)
		}
		g.platforms = append(g.platforms, spec.Platform{ID: id, Name: name})
	}
	var extra []spec.Platform
	for _, p := range seen {
		extra = append(extra, p)
	}
	slices.SortFunc(extra, func(a, b spec.Platform) int { return strings.Compare(a.ID, b.ID) })
	g.platforms = append(g.platforms, extra...)
}

// planFields applies the overlay to an object decl's fields and maps their
// types.
func (g *generator) planFields(di *declInfo) {
	if di.d.Kind != spec.DeclObject {
		return
	}
	sc := g.declScope(di)
	used := map[string]bool{}
	for _, f := range di.d.Fields {
		path := di.path + "." + f.Name
		e := g.entry(path)
		if e != nil && e.Skip {
			continue
		}
		fi := &fieldInfo{f: f, tsName: f.Name, goName: exportedName(f.Name), required: f.Required}
		if e != nil && e.Name != "" {
			fi.goName = e.Name
		}
		for used[fi.goName] {
			fi.goName += "_"
		}
		used[fi.goName] = true
		t := f.Type
		if e != nil && e.Type != "" {
			t = g.overlayType(e)
		}
		if e != nil && e.Required != nil {
			fi.required = *e.Required
		}
		fi.typ = g.goType(t, sc, di.goName+fi.goName)
		if e != nil && e.GoType != "" {
			fi.typ = g.overlayGoType(e, fi.typ)
		}
		// Optional booleans are pointers: false is a meaningful value that
		// must be told apart from "not set" (tcpNoDelay: false turns Nagle
		// on). Optional numbers stay plain unless the overlay's goType
		// starts with "*": Taro's numeric options (close code, timeouts)
		// are never meaningful at 0.
		if !fi.required && fi.typ.kind == kBool {
			fi.ptr = true
		}
		if strings.HasPrefix(fi.typ.goSrc, "*") {
			fi.ptr = true
		}
		fi.doc = docLines(f.Doc, tsNote(f.Type), defaultNote(f.Default), requiredNote(fi, f), entryDoc(e))
		di.fields = append(di.fields, fi)
		if (f.Name == "success" || f.Name == "fail" || f.Name == "complete") && fi.typ.kind == kFunc {
			di.callbacks = true
		}
	}
}

func entryDoc(e *overlay.Entry) string {
	if e == nil {
		return ""
	}
	return e.Doc
}

func tsNote(t spec.Type) string {
	if t == nil {
		return ""
	}
	return "TypeScript: " + t.String()
}

func defaultNote(d string) string {
	if d == "" {
		return ""
	}
	return "Default: " + d
}

func requiredNote(fi *fieldInfo, f *spec.Field) string {
	switch {
	case fi.required && checkable(fi.typ):
		return "Required: a call without it fails."
	case fi.required:
		return "Required (its zero value cannot be told apart from unset, so it is not checked)."
	case fi.ptr:
		return "Optional: nil means unset."
	}
	return ""
}

// field returns the field with TypeScript name ts, or nil.
func (di *declInfo) field(ts string) *fieldInfo {
	if di == nil {
		return nil
	}
	for _, f := range di.fields {
		if f.tsName == ts {
			return f
		}
	}
	return nil
}
