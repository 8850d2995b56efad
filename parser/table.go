package parser

import (
	"bytes"
	"strings"

	"github.com/tarogen/tarogen/spec"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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

// htmlTable reads the HTML <table> that starts at byte off of the body. It
// returns the table and the body offset just past </table>, or ok=false
// (after reporting) when the table is not closed.
func (p *pageParser) htmlTable(off int) (tb *table, end int, ok bool) {
	closeAt := -1
	if !p.noTableClose {
		closeAt = indexFold(p.body[off:], "</table>")
	}
	if closeAt < 0 {
		// Later tables need not search again: there is no </table> left.
		// The rest of the page is still read as Markdown.
		p.noTableClose = true
		p.diags.Errorf(p.at(off), "unclosed HTML table: <table> has no </table> before the end of the page")
		return nil, off, false
	}
	end = off + closeAt + len("</table>")
	tb = p.readHTMLTable(off, p.body[off:end])
	return tb, end, true
}

// readHTMLTable reads the rows of an HTML table with x/net/html's
// tokenizer (the layer goquery's documents are built on). The tokenizer
// hands back each token's raw bytes, so every row and cell gets its exact
// byte position, and a <code> cell's source bytes go to typeexpr as they
// are (entities included: typeexpr decodes them), which keeps type
// positions exact. Building a goquery document per table was measured at
// over half of the parse time of an HTML-table page, for no extra
// information.
func (p *pageParser) readHTMLTable(off int, raw []byte) *table {
	tb := &table{pos: p.at(off), html: true}
	z := html.NewTokenizer(bytes.NewReader(raw))
	var (
		pos       int // offset in raw of the current token
		rw        *row
		rowHeader bool
		inCell    bool
		c         cellBuilder
		hrefs     []string
	)
	endCell := func() {
		if !inCell {
			return
		}
		inCell = false
		rw.cells = append(rw.cells, c.finish(p, off, raw))
	}
	endRow := func() {
		endCell()
		if rw == nil {
			return
		}
		if rowHeader && tb.header == nil {
			tb.header = rw.cells
		} else if len(rw.cells) > 0 {
			tb.rows = append(tb.rows, *rw)
		}
		rw = nil
	}
	for {
		tt := z.Next()
		start := pos
		pos += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			endRow()
			if tb.header == nil && len(tb.rows) > 0 {
				tb.header, tb.rows = tb.rows[0].cells, tb.rows[1:]
			}
			for i := range tb.rows {
				r := &tb.rows[i]
				for len(r.cells) < len(tb.header) {
					r.cells = append(r.cells, cell{pos: r.pos, typePos: r.pos, missing: true})
				}
			}
			return tb
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Tr:
				endRow()
				rw, rowHeader = &row{pos: p.at(off + start)}, false
			case atom.Td, atom.Th:
				if rw == nil { // a cell outside <tr>: HTML implies the row
					rw, rowHeader = &row{pos: p.at(off + start)}, false
				}
				endCell()
				inCell = true
				rowHeader = rowHeader || atom.Lookup(name) == atom.Th
				c = cellBuilder{start: pos}
			case atom.Code:
				if inCell {
					c.openCode(pos)
				}
			case atom.A:
				href := ""
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "href" {
						href = string(v)
					}
				}
				hrefs = append(hrefs, href)
				if inCell {
					c.text.WriteByte('[')
				}
			case atom.Br:
				if inCell {
					c.text.WriteByte('\n')
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Td, atom.Th:
				endCell()
			case atom.Tr:
				endRow()
			case atom.Code:
				if inCell {
					c.closeCode(start)
				}
			case atom.A:
				href := ""
				if n := len(hrefs); n > 0 {
					href, hrefs = hrefs[n-1], hrefs[:n-1]
				}
				if inCell {
					c.text.WriteString("](" + href + ")")
				}
			}
		case html.TextToken:
			if inCell {
				c.addText(z.Text())
			}
		}
	}
}

// cellBuilder collects one HTML cell: its rendered text, its decoded plain
// text, and where a sole <code> element's content lies in the source.
type cellBuilder struct {
	start            int // offset in the table source just past <td>
	text, plain      strings.Builder
	codes            int  // <code> elements seen
	codeStart        int  // offset of the first <code>'s content
	codeEnd          int  // offset of its </code>
	inCode, outsider bool // inside <code>; text seen outside any <code>
}

func (c *cellBuilder) openCode(at int) {
	c.codes++
	c.inCode = true
	if c.codes == 1 {
		c.codeStart, c.codeEnd = at, -1
	}
	c.text.WriteByte('`')
}

func (c *cellBuilder) closeCode(at int) {
	if c.inCode && c.codes == 1 && c.codeEnd < 0 {
		c.codeEnd = at
	}
	c.inCode = false
	c.text.WriteByte('`')
}

func (c *cellBuilder) addText(t []byte) {
	if !c.inCode && len(bytes.TrimSpace(t)) > 0 {
		c.outsider = true
	}
	// Newlines in HTML source are spaces; only <br> breaks a line.
	c.text.WriteString(strings.ReplaceAll(string(t), "\n", " "))
	c.plain.Write(t)
}

func (c *cellBuilder) finish(p *pageParser, off int, raw []byte) cell {
	content := c.start
	for content < len(raw) && (raw[content] == ' ' || raw[content] == '\t' || raw[content] == '\n' || raw[content] == '\r') {
		content++
	}
	out := cell{pos: p.at(off + content), text: collapseSpace(c.text.String())}
	if c.codes == 1 && !c.outsider && c.codeEnd >= c.codeStart {
		// The type is the source bytes of the code element, so that
		// typeexpr's positions are exact.
		src := raw[c.codeStart:c.codeEnd]
		lead := len(src) - len(bytes.TrimLeft(src, " \t\r\n"))
		out.typeSrc = string(bytes.TrimSpace(src))
		out.typePos = p.at(off + c.codeStart + lead)
		return out
	}
	out.typeSrc = strings.TrimSpace(c.plain.String())
	out.typePos = out.pos
	return out
}

// tagOffsets returns the offsets of each opening tag named name in raw.
func tagOffsets(raw []byte, name string) []int {
	var offs []int
	for i := 0; i+1+len(name) < len(raw); i++ {
		if raw[i] == '<' && hasPrefixFold(raw[i+1:], name) {
			if k := i + 1 + len(name); k < len(raw) && (raw[k] == '>' || raw[k] == ' ' || raw[k] == '\t' || raw[k] == '\n' || raw[k] == '\r' || raw[k] == '/') {
				offs = append(offs, i)
			}
		}
	}
	return offs
}

func hasPrefixFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// indexFold is bytes.Index for an ASCII lower-case needle, ignoring case.
// It is linear: each step either finds the needle's first byte with one
// IndexByte or, for a letter, compares byte by byte. (An earlier version
// searched for the upper-case form of a non-letter too, which scanned to
// the end of the page on every '<' of a table: quadratic.)
func indexFold(b []byte, needle string) int {
	if len(needle) == 0 {
		return 0
	}
	first := needle[0]
	letter := first >= 'a' && first <= 'z'
	for i := 0; i+len(needle) <= len(b); i++ {
		if letter {
			if c := b[i]; c != first && c != first-('a'-'A') {
				continue
			}
		} else {
			j := bytes.IndexByte(b[i:], first)
			if j < 0 {
				return -1
			}
			i += j
			if i+len(needle) > len(b) {
				return -1
			}
		}
		if hasPrefixFold(b[i:], needle) {
			return i
		}
	}
	return -1
}
