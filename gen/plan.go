package gen

import (
	"maps"
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
	under *typ // a callback's or alias's underlying type
	// values are an enum declaration's constants, named in the plan.
	values []enumValue
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
	pos      spec.Pos // the page row, or the overlay entry that chose the type
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

// plan decides everything the emitter writes. Order matters only for who
// keeps a contested name: tarogen's own names first, then classes, then
// functions (the API a page is about), then declared types, which get a
// prefix when their plain name is taken.
func (g *generator) plan() {
	g.checkText() // comment_check.go: warn where page or overlay text needs rewriting
	// A page's own entry (typeArgs for its generic types, a class's Go
	// name) names something that exists, whether or not it is read.
	for _, pg := range g.pkg.Pages {
		g.entry(pg.Name)
	}
	g.planPlatforms()
	g.reserveTarogenNames()
	for _, pg := range g.pkg.Pages {
		if pg.Class != nil {
			g.planClassName(pg)
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
		if pg.Namespace != nil {
			for _, m := range pg.Namespace.Methods {
				g.planAPI(pg, nil, m)
			}
		}
		if pg.Value != nil {
			// A global value (env) has no native Go source: the runtime
			// cannot read a host's globals. Its declared types are still
			// generated; the value itself is left out, and said so.
			g.ds.Warnf(pg.Value.Pos, "value %s: a global value has no native Go form; its types are generated, the value is left out", pg.Value.Name)
		}
	}
	// Every API is named: page text that names one can link to it.
	g.links = g.docLinker()
	for _, pg := range g.pkg.Pages {
		for _, d := range pg.Decls {
			g.planDeclName(pg, d)
		}
	}
	for _, di := range g.decls {
		g.planFields(di)
	}
	for _, a := range g.apis {
		a.bind = g.bindingFor(a)
	}
	g.planTypes()
	g.purposes = g.declPurposes()
	for _, ci := range g.classes {
		g.planMembers(ci)
	}
	g.planFiles()
	g.reportUnusedEntries()
	g.frozen = true
	g.planJSConversions()
}

// reservedNames are the package-level names tarogen.go and the platform
// files declare. They are claimed first, so a page's type of the same name
// is the one that gets a prefix.
var reservedNames = []string{"CallbackResult", "Ptr", "API", "Support", "SupportUnknown", "Supported", "Unsupported",
	"Platform", "PlatformNative", "CurrentPlatform", "CanIUse", "errMsg", "report", "platformName", "onlyOneTaroPlatformTagMayBeSet"}

func (g *generator) reserveTarogenNames() {
	at := spec.Pos{File: "tarogen.go"}
	for _, n := range reservedNames {
		g.claim(n, "tarogen's own "+n, at)
	}
	for _, p := range g.platforms {
		g.claim(platformConst(p), "tarogen's platform constant for "+p.ID, at)
	}
	// The overlay's named types come next: a page type of the same name
	// gets a prefix, as it would beside a class.
	for _, name := range slices.Sorted(maps.Keys(g.namedGo)) {
		t := g.namedGo[name]
		if !g.claim(name, "overlay type "+name, t.Pos) {
			g.ds.Errorf(t.Pos, "overlay type %s: Go name %s is already used by %s", name, name, g.claimedBy(name))
		}
	}
}

// planTypes maps every type the emitter writes: declared types (with
// their enum constants), every API's signature. Unions and string enums
// met on the way are planned as they are found.
func (g *generator) planTypes() {
	for _, di := range g.decls {
		g.declType(di)
		switch di.d.Kind {
		case spec.DeclCallback, spec.DeclAlias:
			u := g.declUnderlying(di)
			di.under = &u
		case spec.DeclEnum:
			g.planEnumDecl(di)
		}
	}
	for _, a := range g.apis {
		g.signature(a)
	}
	for _, di := range g.decls {
		if _, ok := sharedResult(di); ok && di.callbacks {
			g.needReport = true
		}
	}
}

// claimAPIName claims *name for a page's class or function. A name
// tarogen's own declarations hold (Taro's canIUse beside tarogen's
// CanIUse lookup) becomes Taro+name, with a warning: a real page is never
// a hard error for a name it could not know was taken. A clash between two
// pages stays an error: one of them must be renamed in the overlay.
func (g *generator) claimAPIName(name *string, what string, pos spec.Pos) bool {
	if g.claim(*name, what, pos) {
		return true
	}
	if !strings.HasPrefix(g.claimedBy(*name), "tarogen's own") {
		return false
	}
	alt := "Taro" + *name
	if !g.claim(alt, what, pos) {
		return false
	}
	g.ds.Warnf(pos, "%s: Go name %s is tarogen's own; named %s", what, *name, alt)
	*name = alt
	return true
}

// reportUnusedEntries reports every overlay entry the plan did not match.
func (g *generator) reportUnusedEntries() {
	var unused []*overlay.Entry
	for path, e := range g.ov.Entries {
		if !g.used[path] {
			unused = append(unused, e)
		}
	}
	slices.SortFunc(unused, func(a, b *overlay.Entry) int { return a.Pos.Compare(b.Pos) })
	for _, e := range unused {
		g.ds.Errorf(e.Pos, "overlay entry %q matches nothing in the spec", e.Path)
	}
}

func (g *generator) className(c *spec.Class) string {
	for _, ci := range g.classes {
		if ci.c == c {
			return ci.goName
		}
	}
	return exportedName(c.Name)
}

// planClassName names a class: the overlay's name, else the class name.
func (g *generator) planClassName(pg *spec.Page) {
	c := pg.Class
	ci := &classInfo{c: c, page: pg, goName: exportedName(c.Name), members: map[string]spec.Pos{}}
	pos := c.Pos
	if e := g.entry(c.Name); e != nil && e.Name != "" {
		ci.goName, pos = e.Name, e.Pos
	}
	if !g.claimAPIName(&ci.goName, "class "+c.Name, pos) {
		g.ds.Errorf(pos, "class %s: Go name %s is already used by %s", c.Name, ci.goName, g.claimedBy(ci.goName))
	}
	g.classes = append(g.classes, ci)
}

// planDeclName names a declared type. On a class page a type keeps its own
// name (CloseOption); on a function page, where every page declares an
// "Option" and a "Callback", it is prefixed with the function's name
// (ConnectSocketOption) unless it already starts with it. A clash gets the
// page prefix, then the scope, then "Type" (chooseMedia's own ChooseMedia
// item type, beside the function), then a number.
func (g *generator) planDeclName(pg *spec.Page, d *spec.Decl) {
	path := pg.Name + "." + d.Name
	di := &declInfo{d: d, page: pg, path: path}
	g.declOf[d] = di
	g.decls = append(g.decls, di)
	what := "type " + path
	if e := g.entry(path); e != nil && e.Name != "" {
		di.goName = e.Name
		if !g.claim(e.Name, what, e.Pos) {
			g.ds.Errorf(e.Pos, "overlay name %q for %s is already used by %s", e.Name, path, g.claimedBy(e.Name))
		}
		return
	}
	base := exportedName(d.Name)
	prefix := exportedName(pg.Name)
	var candidates []string
	if pg.Class != nil || strings.HasPrefix(base, prefix) {
		candidates = append(candidates, base)
	}
	if !strings.HasPrefix(base, prefix) {
		candidates = append(candidates, joinNames(prefix, base), prefix+base)
	}
	if d.Scope != "" {
		candidates = append(candidates, joinNames(joinNames(prefix, exportedName(d.Scope)), base))
	}
	candidates = append(candidates, base+"Type")
	for _, c := range candidates {
		if g.claim(c, what, d.Pos) {
			di.goName = c
			return
		}
	}
	for i := 2; ; i++ {
		c := base + "Type" + strconv.Itoa(i)
		if g.claim(c, what, d.Pos) {
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
	if c == nil && fn.Owner != "" {
		// A namespace's method (router.addRouteBuilder) is a package
		// function named with the namespace: RouterAddRouteBuilder. Go has
		// no namespaces below the package, and a value with methods would
		// be a global that does nothing a function cannot.
		a.goName = exportedName(fn.Owner) + a.goName
	}
	pos := fn.Pos
	if e != nil && e.Name != "" {
		a.goName, pos = e.Name, e.Pos
	}
	if c == nil && !g.claimAPIName(&a.goName, "function "+fn.Name, pos) {
		g.ds.Errorf(pos, "function %s: Go name %s is already used by %s", fn.Name, a.goName, g.claimedBy(a.goName))
		return
	}
	if c != nil && !g.classOf(c).claimMember(g, a.goName, "method "+a.qname, pos) {
		return
	}
	a.constID = "API" + exportedName(strings.ReplaceAll(a.qname, ".", " "))
	if !g.claim(a.constID, "the API constant of "+a.qname, pos) {
		g.ds.Errorf(pos, "%s: API constant %s is already used by %s", a.qname, a.constID, g.claimedBy(a.constID))
		return
	}
	g.claim(supportConst(a), "the support constant of "+a.qname, pos)
	a.support = fn.Support
	if a.support == nil && pg.Namespace != nil {
		a.support = pg.Namespace.Support
	}
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
	names := g.fieldNames(di)
	for _, f := range di.d.Fields {
		path := di.path + "." + f.Name
		e := g.entry(path)
		if e != nil && e.Skip {
			continue
		}
		fi := &fieldInfo{f: f, tsName: f.Name, goName: names[f], required: f.Required, pos: f.Pos}
		t := f.Type
		if e != nil && e.Type != "" {
			t = g.overlayType(e, di.page, declParams(di.d))
		}
		if e != nil && e.Required != nil {
			fi.required = *e.Required
		}
		fi.typ = g.goType(t, sc, joinNames(di.goName, fi.goName))
		if e != nil && e.GoType != "" {
			fi.typ = g.overlayGoType(e, fi.typ)
		}
		if e != nil && (e.Type != "" || e.GoType != "") {
			fi.pos = e.Pos // the overlay chose the type: a compile error is the entry's
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
		fi.doc = docLines(g.links.rewrite(f.Doc), tsNote(f.Type), defaultNote(f.Default), requiredNote(fi, f), entryDoc(e))
		di.fields = append(di.fields, fi)
		if (f.Name == "success" || f.Name == "fail" || f.Name == "complete") && fi.typ.kind == kFunc {
			di.callbacks = true
		}
	}
}

// fieldNames names a struct's fields: the overlay's names first, then
// each other field's own name, numbered where two normalise alike (a-b and
// aB are AB and AB2). An overlay name that another field already has is an
// error: renaming the page's field in silence would break its users.
func (g *generator) fieldNames(di *declInfo) map[*spec.Field]string {
	names := map[*spec.Field]string{}
	used := map[string]bool{}
	named := map[string]*overlay.Entry{}
	for _, f := range di.d.Fields {
		if e := g.ov.Entries[di.path+"."+f.Name]; e != nil && e.Name != "" && !e.Skip {
			if prev := named[e.Name]; prev != nil {
				g.ds.Errorf(e.Pos, "overlay name %q for %s is already used by %s", e.Name, e.Path, prev.Path)
			}
			named[e.Name] = e
			names[f], used[e.Name] = e.Name, true
		}
	}
	for _, f := range di.d.Fields {
		if _, ok := names[f]; ok {
			continue
		}
		if e := g.ov.Entries[di.path+"."+f.Name]; e != nil && e.Skip {
			continue
		}
		name := exportedName(f.Name)
		if e := named[name]; e != nil {
			g.ds.Errorf(e.Pos, "overlay name %q for %s is already the Go name of %s.%s", e.Name, e.Path, di.path, f.Name)
		}
		name = unusedName(name, used)
		names[f], used[name] = name, true
	}
	return names
}

// unusedName is name, or name with the first number from 2 that is not
// in used: two fields "a-b" and "aB" become AB and AB2.
func unusedName(name string, used map[string]bool) string {
	if !used[name] {
		return name
	}
	for i := 2; ; i++ {
		if c := name + strconv.Itoa(i); !used[c] {
			return c
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
