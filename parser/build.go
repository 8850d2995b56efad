package parser

import (
	"github.com/tarogen/tarogen/spec"
)

func (p *pageParser) build() *spec.Page {
	secs := p.sections()
	hasMethods, hasType := false, false
	for _, s := range secs {
		hasMethods = hasMethods || s.kind == secMethods
		hasType = hasType || s.kind == secType
	}
	page := p.page
	switch {
	case hasMethods && (!hasType || p.classLikeTitle()):
		page.Class = &spec.Class{Pos: p.namePos(), Name: page.Name}
	case hasType:
		page.Function = &spec.Function{Pos: p.namePos(), Name: page.Name}
	case p.looksLegacy():
		page.Format = spec.FormatLegacy
		p.legacy(secs)
		return p.finish()
	default:
		p.diags.Errorf(p.lines.pos(0), "no Taro API found: expected a class page (a ## 方法 / ## Methods section) or a function page (a ## 类型 / ## Type section with its tsx signature)")
		return nil
	}
	if hasMethods && hasType {
		p.diags.Warnf(p.namePos(), "page has both ## 方法 and ## 类型 sections: read as a %s", map[bool]string{true: "class", false: "function"}[page.Class != nil])
	}
	page.Format = p.format()
	p.preamble(secs[0].content)
	var pageSupport []*spec.Support
	for _, s := range secs[1:] {
		switch s.kind {
		case secMethods:
			if page.Class != nil {
				p.methods(s)
			} else {
				p.diags.Warnf(p.at(s.head.off), "## %s section on a function page: ignored", s.head.text)
			}
		case secProps:
			if page.Class != nil {
				p.propsSection(s.content)
			}
		case secType:
			if page.Function != nil {
				p.function(page.Function, s)
			}
		case secParams:
			p.params(s)
		case secExamples:
			page.Examples = append(page.Examples, p.examples(s.content, 3)...)
		case secSupport:
			for _, b := range s.content {
				if b.kind == bTable && b.tbl.isSupport() {
					pageSupport = append(pageSupport, p.supportRows(b.tbl)...)
				}
			}
		default:
			p.diags.Warnf(p.at(s.head.off), "unrecognised section ## %s: ignored", s.head.text)
		}
	}
	p.attachSupport(pageSupport)
	return p.finish()
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
