package parser

import (
	"bytes"
	"strings"

	"github.com/tarogen/tarogen/parser/internal/textnorm"
	"github.com/tarogen/tarogen/spec"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

type blkKind int

const (
	bHeading blkKind = iota
	bPara
	bCode
	bTable
	bQuote
	bList
	bIcons
	bOther
)

// blk is one top-level block of the page, flattened: headings are blocks
// too, and sections are found by scanning for them.
type blk struct {
	kind  blkKind
	node  ast.Node
	off   int    // body offset where the block starts
	level int    // heading level
	text  string // heading text; paragraph text
	tbl   *table
	sup   *spec.Support // icons
	lang  string        // code block info
	code  string
	cpos  spec.Pos // where the code starts
}

// collect flattens the document into blocks.
func (p *pageParser) collect(doc ast.Node) {
	skipUntil := -1
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		off := blockOffset(n)
		if off >= 0 && off < skipUntil {
			continue // inside an HTML table already read
		}
		b := blk{node: n, off: off, kind: bOther}
		switch n := n.(type) {
		case *ast.Heading:
			// Headings name methods, types and sections: normalised.
			b.kind, b.level, b.text = bHeading, n.Level, textnorm.Name(p.inlineText(n))
			if _, english := sectionOf(b.text); english && n.Level == 2 {
				p.sawEnglish = true
			}
		case *ast.Paragraph:
			raw := p.rawLines(n)
			if isLooseTable(n, p.body) {
				b.kind, b.tbl = bTable, p.looseTable(n)
			} else if isIconLine(raw) {
				b.kind, b.sup = bIcons, p.icons(raw, n.Lines().At(0).Start)
				p.sawIcons = true
			} else {
				b.kind, b.text = bPara, p.inlineText(n)
			}
		case *ast.FencedCodeBlock:
			b.kind, b.code = bCode, p.codeText(n)
			if n.Info != nil {
				b.lang = strings.Fields(string(n.Info.Segment.Value(p.body)) + " x")[0]
			}
			b.cpos = p.at(off)
			if n.Lines().Len() > 0 {
				b.cpos = p.at(n.Lines().At(0).Start)
			}
			if b.lang == "tsx" || b.lang == "ts" || b.lang == "typescript" {
				p.sawTSX = true
			}
		case *ast.CodeBlock:
			b.kind, b.code = bCode, p.codeText(n)
			if n.Lines().Len() > 0 {
				b.cpos = p.at(n.Lines().At(0).Start)
			}
		case *east.Table:
			b.kind, b.tbl = bTable, p.pipeTable(n)
		case *ast.HTMLBlock:
			if n.Lines().Len() == 0 {
				break
			}
			start := n.Lines().At(0).Start
			first := bytes.TrimLeft(p.body[start:n.Lines().At(0).Stop], " \t")
			if !hasPrefixFold(first, "<table") {
				break
			}
			start += len(p.body[start:n.Lines().At(0).Stop]) - len(first)
			b.off = start
			tb, end, ok := p.htmlTable(start)
			skipUntil = end
			if !ok {
				continue
			}
			b.kind, b.tbl = bTable, tb
			p.sawHTMLTable = true
			if bytes.Contains(p.body[start:end], []byte("={{")) || bytes.Contains(p.body[start:end], []byte("className=")) {
				p.sawJSX = true
			}
		case *ast.Blockquote:
			b.kind, b.text = bQuote, p.blockText(n)
		case *ast.List:
			b.kind, b.text = bList, p.blockText(n)
		case *ast.ThematicBreak, *ast.LinkReferenceDefinition:
			continue
		}
		p.blocks = append(p.blocks, b)
	}
}

// blockOffset is where a block starts in the body, or -1.
func blockOffset(n ast.Node) int {
	if n.Pos() >= 0 {
		return n.Pos()
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	return -1
}

func (p *pageParser) rawLines(n ast.Node) []byte {
	l := n.Lines()
	if l.Len() == 0 {
		return nil
	}
	return p.body[l.At(0).Start:l.At(l.Len()-1).Stop]
}
