package parser

import (
	"strings"

	"github.com/tarogen/tarogen/spec"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// table is a member or support table, read from either a Markdown pipe
// table or an HTML <table> block, with the positions of its rows and cells.
type table struct {
	pos    spec.Pos
	header []cell
	rows   []row
	html   bool
}

type row struct {
	pos   spec.Pos
	cells []cell
}

type cell struct {
	pos     spec.Pos // start of the cell's content
	text    string   // rendered text (see text.go)
	typeSrc string   // the cell as a type expression: the code span's content or the plain text
	typePos spec.Pos // where typeSrc starts
	missing bool     // the row ended before this column
}

// isSupport reports whether t is a support matrix: its first column is API.
func (t *table) isSupport() bool {
	return len(t.header) > 0 && strings.EqualFold(strings.TrimSpace(t.header[0].text), "API")
}

// pipeTable reads a goldmark GFM table. goldmark pads short rows with empty
// cells that have no source lines; those are marked missing so that the
// caller can report the row.
func (p *pageParser) pipeTable(t *east.Table) *table {
	tb := &table{pos: p.at(t.Pos())}
	ncols := len(t.Alignments)
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var rw row
		rw.pos = p.at(r.Pos())
		rw.cells = make([]cell, 0, ncols)
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			tc, ok := c.(*east.TableCell)
			if !ok {
				continue
			}
			rw.cells = append(rw.cells, p.pipeCell(tc, r.Pos()))
		}
		if _, ok := r.(*east.TableHeader); ok {
			tb.header = rw.cells
			if tb.pos.Line == 0 {
				tb.pos = rw.pos
			}
			continue
		}
		tb.rows = append(tb.rows, rw)
	}
	return tb
}

func (p *pageParser) pipeCell(tc *east.TableCell, rowOff int) cell {
	if tc.Lines().Len() == 0 {
		pos := p.at(rowOff)
		return cell{pos: pos, typePos: pos, missing: true}
	}
	seg := tc.Lines().At(0)
	raw := p.body[seg.Start:seg.Stop]
	c := cell{pos: p.at(seg.Start), text: p.inlineText(tc)}
	// The type is read from the source, not the rendered text, so that
	// typeexpr's positions point into the page. A cell that is one code
	// span gives its content; pipe pages write `A or B` without backticks,
	// so otherwise the whole cell is the type (other backticks blanked out,
	// which keeps offsets).
	src, off := string(raw), 0
	if single := tc.ChildCount() == 1 && isCodeSpan(tc.FirstChild()); single {
		n := 0
		for n < len(src) && src[n] == '`' {
			n++
		}
		if n < len(src) && strings.HasSuffix(src, strings.Repeat("`", n)) && len(src) >= 2*n {
			src, off = src[n:len(src)-n], n
		}
	} else if strings.IndexByte(src, '`') >= 0 {
		src = strings.ReplaceAll(src, "`", " ")
	}
	trimmed := strings.TrimLeft(src, " ")
	off += len(src) - len(trimmed)
	c.typeSrc = strings.TrimRight(trimmed, " ")
	c.typePos = p.at(seg.Start + off)
	return c
}

func isCodeSpan(n ast.Node) bool {
	_, ok := n.(*ast.CodeSpan)
	return ok
}
