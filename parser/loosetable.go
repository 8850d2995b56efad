package parser

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// A pipe table whose separator row (| --- | --- |) is missing is not a
// table to CommonMark: goldmark reads its lines as one paragraph. Read as
// text, such a member table would leave its type with no fields and no
// diagnostic; so a paragraph made only of pipe rows is read as a table
// (first row the header), with a warning at the table.

// isLooseTable reports whether a paragraph's lines are all pipe rows, and
// there are at least two (a header and a row).
func isLooseTable(n *ast.Paragraph, body []byte) bool {
	lines := n.Lines()
	if lines.Len() < 2 {
		return false
	}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		l := bytes.TrimSpace(seg.Value(body))
		if len(l) < 2 || l[0] != '|' || bytes.Count(l, []byte("|")) < 2 {
			return false
		}
	}
	return true
}

// looseTable reads the rows of a separator-less pipe table.
func (p *pageParser) looseTable(n *ast.Paragraph) *table {
	lines := n.Lines()
	tb := &table{pos: p.at(lines.At(0).Start)}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		rw := row{pos: p.at(seg.Start), cells: p.looseCells(seg.Start, seg.Value(p.body))}
		if i == 0 {
			tb.header = rw.cells
			continue
		}
		for len(rw.cells) < len(tb.header) {
			rw.cells = append(rw.cells, cell{pos: rw.pos, typePos: rw.pos, missing: true})
		}
		tb.rows = append(tb.rows, rw)
	}
	p.diags.Warnf(tb.pos, "table has no separator row (| --- |) under its header: read as a table")
	return tb
}

var breakTags = regexp.MustCompile(`(?i)<br\s*/?>`)

// looseCells splits one row at the pipes that are neither escaped (\|)
// nor inside a code span. off is the body offset of line.
func (p *pageParser) looseCells(off int, line []byte) []cell {
	var cells []cell
	start, inCode := -1, false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '\\':
			i++
		case c == '`':
			inCode = !inCode
		case c == '|' && !inCode:
			if start >= 0 {
				cells = append(cells, p.looseCell(off+start, line[start:i]))
			}
			start = i + 1
		}
	}
	if start >= 0 && start < len(line) && len(bytes.TrimSpace(line[start:])) > 0 {
		cells = append(cells, p.looseCell(off+start, line[start:])) // no closing pipe
	}
	return cells
}

// looseCell makes a cell from its source bytes at body offset off, the way
// pipeCell does: a cell that is one code span gives its content as the
// type; otherwise backticks are blanked out.
func (p *pageParser) looseCell(off int, raw []byte) cell {
	lead := len(raw) - len(bytes.TrimLeft(raw, " \t"))
	src := strings.TrimRight(string(raw[lead:]), " \t")
	c := cell{pos: p.at(off + lead)}
	text := strings.ReplaceAll(src, `\|`, "|")
	c.text = strings.TrimSpace(breakTags.ReplaceAllString(text, "\n"))
	typ, toff := src, 0
	if n := strings.Count(src, "`"); n == 2 && strings.HasPrefix(src, "`") && strings.HasSuffix(src, "`") {
		typ, toff = src[1:len(src)-1], 1
	} else if n > 0 {
		typ = strings.ReplaceAll(src, "`", " ")
	}
	c.typeSrc = strings.TrimSpace(typ)
	c.typePos = p.at(off + lead + toff + len(typ) - len(strings.TrimLeft(typ, " ")))
	return c
}
