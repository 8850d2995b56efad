package spec

// Package is several pages read together: the unit the generator turns into
// one Go package. Cross-page references are resolved when a Package is
// built (parser.ParseFiles): each NamedType's Ref says whether it names a
// class, a declaration on some page, a type parameter, a builtin or a
// TaroGeneral type.
type Package struct {
	Pages []*Page `json:"pages"` // sorted by Page.Name, then File
}

// Class returns the class named name on any page, or nil.
func (p *Package) Class(name string) *Class {
	for _, pg := range p.Pages {
		if pg.Class != nil && pg.Class.Name == name {
			return pg.Class
		}
	}
	return nil
}

// Page returns the page whose API name is name, or nil.
func (p *Package) Page(name string) *Page {
	for _, pg := range p.Pages {
		if pg.Name == name {
			return pg
		}
	}
	return nil
}

// Decl returns the declaration a resolved reference points at, or nil. The
// declaration in the reference's scope wins, then the first of that name in
// page order.
func (p *Package) Decl(ref *Ref) *Decl {
	if ref == nil || ref.Kind != RefDecl {
		return nil
	}
	pg := p.Page(ref.Page)
	if pg == nil {
		return nil
	}
	var first *Decl
	for _, d := range pg.Decls {
		if d.Name != ref.Name {
			continue
		}
		if d.Scope == ref.Scope {
			return d
		}
		if first == nil {
			first = d
		}
	}
	return first
}
