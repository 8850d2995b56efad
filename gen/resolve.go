package gen

import (
	"slices"
	"strings"

	"github.com/tarogen/tarogen/spec"
)

// resolveOverlayType is the one resolver for types written in the overlay
// (`type:` and `typeArgs:`), which no page resolved. It fills every
// NamedType's Ref once, right after parsing, by the rules parser.Merge
// applies to page types, in the same order:
//
//  1. a type parameter in scope (params);
//  2. a type declared on page (the page of the entry);
//  3. a class documented on any page;
//  4. a builtin: ArrayBuffer and the other byte types, Array, Promise,
//     Record;
//  5. TaroGeneral: any TaroGeneral.X, and a bare CallbackResult or
//     IAnyObject;
//  6. a type declared on another page (the first, in page order).
//
// A name that resolves nowhere is an error at its position in the overlay:
// a page's unresolved name is only a warning (the page is what it is), but
// an overlay is written for this package and can be fixed.
func (g *generator) resolveOverlayType(t spec.Type, src string, page *spec.Page, params []*spec.TypeParamType) bool {
	ok := true
	spec.Walk(t, func(x spec.Type) bool {
		n, isNamed := x.(*spec.NamedType)
		if !isNamed || n.Ref != nil {
			return true
		}
		n.Ref = g.resolveOverlayName(n, page, params)
		if n.Ref == nil {
			g.ds.Errorf(n.Pos, "overlay type %q: %s names no type parameter, page type, class, builtin or TaroGeneral type", src, n.QualifiedName())
			ok = false
		}
		return true
	})
	return ok
}

func (g *generator) resolveOverlayName(t *spec.NamedType, page *spec.Page, params []*spec.TypeParamType) *spec.Ref {
	name := t.QualifiedName()
	if slices.ContainsFunc(params, func(p *spec.TypeParamType) bool { return p.Name == name }) {
		return &spec.Ref{Kind: spec.RefTypeParam, Name: name}
	}
	if ref := declRef(page, name); ref != nil {
		return ref
	}
	if g.pkg.Class(name) != nil {
		return &spec.Ref{Kind: spec.RefClass, Name: name}
	}
	if slices.Contains(builtinBytes, name) || name == "Array" || name == "Promise" || name == "Record" {
		return &spec.Ref{Kind: spec.RefBuiltin, Name: name}
	}
	if strings.HasPrefix(name, "TaroGeneral.") {
		return &spec.Ref{Kind: spec.RefGeneral, Name: t.Name}
	}
	if name == "CallbackResult" || name == "IAnyObject" {
		return &spec.Ref{Kind: spec.RefGeneral, Name: name}
	}
	for _, pg := range g.pkg.Pages {
		if ref := declRef(pg, name); ref != nil {
			return ref
		}
	}
	return nil
}

// declRef refers to the first type named name on pg, or is nil.
func declRef(pg *spec.Page, name string) *spec.Ref {
	if pg == nil {
		return nil
	}
	for _, d := range pg.Decls {
		if d.Name == name {
			return &spec.Ref{Kind: spec.RefDecl, Page: pg.Name, Name: name, Scope: d.Scope}
		}
	}
	return nil
}
