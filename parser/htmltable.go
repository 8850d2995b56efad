package parser

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

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
	r := &htmlTableReader{p: p, off: off, raw: raw, tb: &table{pos: p.at(off), html: true}}
	z := html.NewTokenizer(bytes.NewReader(raw))
	pos := 0 // offset in raw of the current token
	for {
		tt := z.Next()
		start := pos
		pos += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			return r.finish()
		case html.StartTagToken, html.SelfClosingTagToken:
			r.startTag(z, start, pos)
		case html.EndTagToken:
			r.endTag(z, start)
		case html.TextToken:
			if r.inCell {
				r.c.addText(z.Text())
			}
		}
	}
}

// htmlTableReader is the state of one readHTMLTable: the row and cell
// being built, and the open <a> elements' hrefs.
type htmlTableReader struct {
	p         *pageParser
	off       int    // body offset of raw
	raw       []byte // the table's source, <table> to </table>
	tb        *table
	rw        *row // the open row, or nil
	rowHeader bool // the open row has a <th>
	inCell    bool
	c         cellBuilder
	hrefs     []string // a stack: <a> may nest in broken HTML
}

// startTag handles <tr>, <td>/<th>, <code>, <a> and <br>; start and pos are
// the offsets in raw of the tag and of what follows it.
func (r *htmlTableReader) startTag(z *html.Tokenizer, start, pos int) {
	name, hasAttr := z.TagName()
	switch a := atom.Lookup(name); a {
	case atom.Tr:
		r.endRow()
		r.rw, r.rowHeader = &row{pos: r.p.at(r.off + start)}, false
	case atom.Td, atom.Th:
		if r.rw == nil { // a cell outside <tr>: HTML implies the row
			r.rw, r.rowHeader = &row{pos: r.p.at(r.off + start)}, false
		}
		r.endCell()
		r.inCell = true
		r.rowHeader = r.rowHeader || a == atom.Th
		r.c = cellBuilder{start: pos}
	case atom.Code:
		if r.inCell {
			r.c.openCode(pos)
		}
	case atom.A:
		r.hrefs = append(r.hrefs, hrefOf(z, hasAttr))
		if r.inCell {
			r.c.text.WriteByte('[')
		}
	case atom.Br:
		if r.inCell {
			r.c.text.WriteByte('\n')
		}
	}
}

// hrefOf reads the href attribute of the tag z is on.
func hrefOf(z *html.Tokenizer, hasAttr bool) string {
	href := ""
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		if string(k) == "href" {
			href = string(v)
		}
	}
	return href
}

// endTag handles </td>/</th>, </tr>, </code> and </a>; start is the offset
// in raw of the end tag.
func (r *htmlTableReader) endTag(z *html.Tokenizer, start int) {
	name, _ := z.TagName()
	switch atom.Lookup(name) {
	case atom.Td, atom.Th:
		r.endCell()
	case atom.Tr:
		r.endRow()
	case atom.Code:
		if r.inCell {
			r.c.closeCode(start)
		}
	case atom.A:
		href := ""
		if n := len(r.hrefs); n > 0 {
			href, r.hrefs = r.hrefs[n-1], r.hrefs[:n-1]
		}
		if r.inCell {
			r.c.text.WriteString("](" + href + ")")
		}
	}
}

func (r *htmlTableReader) endCell() {
	if !r.inCell {
		return
	}
	r.inCell = false
	r.rw.cells = append(r.rw.cells, r.c.finish(r.p, r.off, r.raw))
}

func (r *htmlTableReader) endRow() {
	r.endCell()
	if r.rw == nil {
		return
	}
	if r.rowHeader && r.tb.header == nil {
		r.tb.header = r.rw.cells
	} else if len(r.rw.cells) > 0 {
		r.tb.rows = append(r.tb.rows, *r.rw)
	}
	r.rw = nil
}

// finish closes what is open at </table>. A table without <th> takes its
// first row as the header; rows shorter than the header get missing cells
// so that checkRow reports them.
func (r *htmlTableReader) finish() *table {
	r.endRow()
	tb := r.tb
	if tb.header == nil && len(tb.rows) > 0 {
		tb.header, tb.rows = tb.rows[0].cells, tb.rows[1:]
	}
	for i := range tb.rows {
		rw := &tb.rows[i]
		for len(rw.cells) < len(tb.header) {
			rw.cells = append(rw.cells, cell{pos: rw.pos, typePos: rw.pos, missing: true})
		}
	}
	return tb
}
