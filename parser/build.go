package parser

import (
	"slices"

	"github.com/tarogen/tarogen/spec"
)

// build decides what the page documents (see pagekind.go) and reads its
// sections into it.
func (p *pageParser) build() *spec.Page {
	secs := p.sections()
	page := p.page
	switch page.Kind = p.pageKind(secs); page.Kind {
	case spec.PageClass:
		page.Class = &spec.Class{Pos: p.namePos(), Name: page.Name}
	case spec.PageFunction:
		page.Function = &spec.Function{Pos: p.namePos(), Name: page.Name}
	case spec.PageNamespace:
		page.Namespace = &spec.Namespace{Pos: p.namePos(), Name: page.Name}
	case spec.PageValue:
		page.Value = &spec.Value{Pos: p.namePos(), Name: page.Name}
	case spec.PageTypes:
	case "":
		if !p.looksLegacy() {
			p.diags.Errorf(p.lines.pos(0), "no Taro API found: expected a class page (a ## 方法 / ## Methods section), a function, namespace or value page (a ## 类型 / ## Type section with its tsx block) or declared types (### headings under ## 参数 / ## Parameters)")
			return nil
		}
		page.Format = spec.FormatLegacy
		p.legacy(secs)
		return p.finish()
	}
	page.Format = p.format()
	p.preamble(secs[0].content)
	var pageSupport []*spec.Support
	for _, s := range secs[1:] {
		pageSupport = append(pageSupport, p.section(s)...)
	}
	p.attachSupport(append(pageSupport, p.lateSupport...))
	return p.finish()
}

// section reads one ## section into the page; it returns the rows of a
// page-level support table, which are attached once every method is known.
func (p *pageParser) section(s section) []*spec.Support {
	page := p.page
	switch s.kind {
	case secMethods:
		if page.Class != nil {
			p.methods(s)
		} else {
			p.dropSection(s, "## %s section on a %s page", s.head.text, page.Kind)
		}
	case secProps:
		if page.Class != nil {
			p.propsSection(s.content)
		} else {
			p.dropSection(s, "## %s section on a %s page", s.head.text, page.Kind)
		}
	case secType:
		switch {
		case page.Function != nil:
			p.function(page.Function, s)
		case page.Value != nil:
			p.valueSection(page.Value, s)
		case page.Namespace != nil:
			p.namespaceType(s)
		}
	case secParams:
		p.params(s)
	case secExamples:
		page.Examples = append(page.Examples, p.examples(s.content, 3)...)
	case secSupport:
		var rows []*spec.Support
		for _, b := range s.content {
			if b.kind == bTable && b.tbl.isSupport() {
				rows = append(rows, p.supportRows(b.tbl)...)
			}
		}
		return rows
	default:
		p.dropSection(s, "unrecognised section ## %s", s.head.text)
	}
	return nil
}

func (p *pageParser) finish() *spec.Page {
	pg := p.page
	if pg.Class != nil {
		pg.Class.Doc, pg.Class.Refs = pg.Doc, pg.Refs
	}
	if pg.Function != nil {
		pg.Function.Doc, pg.Function.Refs = pg.Doc, pg.Refs
		if pg.Function.Support == nil {
			pg.Function.Support = pg.Support
		}
		if pg.Function.Examples == nil {
			pg.Function.Examples = pg.Examples
		}
	}
	if ns := pg.Namespace; ns != nil {
		ns.Doc, ns.Refs = joinDoc(pg.Doc, ns.Doc), slices.Concat(pg.Refs, ns.Refs)
		if ns.Support == nil {
			ns.Support = pg.Support
		}
	}
	if v := pg.Value; v != nil {
		v.Doc, v.Refs = joinDoc(pg.Doc, v.Doc), slices.Concat(pg.Refs, v.Refs)
		if v.Support == nil {
			v.Support = pg.Support
		}
	}
	return pg
}

func (p *pageParser) format() spec.Format {
	switch {
	case p.sawEnglish:
		return spec.FormatEnglish
	case p.sawIcons:
		return spec.FormatMDX
	case p.sawJSX:
		return spec.FormatHTMLJSX
	case p.sawHTMLTable:
		return spec.FormatHTMLCSS
	}
	return spec.FormatPipe
}
