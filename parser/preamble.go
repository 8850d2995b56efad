package parser

import (
	"strings"
	"unicode"

	"github.com/tarogen/tarogen/spec"
	"github.com/yuin/goldmark/ast"
)

// preamble reads what comes before the first ## heading: description,
// 参考文档 links and (MDX) the page's 支持情况 icons.
func (p *pageParser) preamble(bs []blk) {
	var doc []string
	for _, b := range bs {
		switch b.kind {
		case bPara, bList:
			doc = append(doc, b.text)
		case bQuote:
			if links := p.refLinks(b.node); links != nil {
				p.page.Refs = append(p.page.Refs, links...)
			} else {
				doc = append(doc, b.text)
			}
		case bIcons:
			if p.page.Support == nil {
				p.page.Support = b.sup
			}
		case bTable:
			p.preambleTable(b)
		}
	}
	p.page.Doc = strings.Join(doc, "\n\n")
}

// preambleTable reads a table before the first ## heading. English class
// pages put the property table there (ReadyState, socketTaskId, and the
// CONNECTING…CLOSED constants): on a class page it is the property table.
// A support table is the page's support; anything else is dropped, naming
// its members.
func (p *pageParser) preambleTable(b blk) {
	switch {
	case b.tbl.isSupport():
		p.lateSupport = append(p.lateSupport, p.supportRows(b.tbl)...)
	case p.page.Class != nil:
		p.propsSection([]blk{b})
	default:
		p.dropTable(b.tbl, "table before the first ## section")
	}
}

// refLinks returns the links of a `> [参考文档](url)` quote, or nil when
// the quote is not a reference block.
func (p *pageParser) refLinks(n ast.Node) []spec.Link {
	var links []spec.Link
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := c.(*ast.Link); ok && entering {
			off := n.Pos()
			if t, ok := l.FirstChild().(*ast.Text); ok {
				off = t.Segment.Start - 1
			}
			links = append(links, spec.Link{Pos: p.at(off), Text: p.inlineText(l), URL: string(l.Destination)})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(links) == 0 {
		return nil
	}
	// A quote that is only links is a reference block; a note with a link
	// in its prose is doc text.
	var rest strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := c.(*ast.Link); ok {
			return ast.WalkSkipChildren, nil
		}
		if t, ok := c.(*ast.Text); ok && entering {
			rest.Write(t.Segment.Value(p.body))
		}
		return ast.WalkContinue, nil
	})
	if strings.TrimFunc(rest.String(), func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) != "" {
		return nil
	}
	return links
}
