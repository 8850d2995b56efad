package parser

import (
	"bytes"
	"strings"

	"github.com/PuerkitoBio/goquery"
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
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var rw row
		rw.pos = p.at(r.Pos())
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
	raw := p.body[off:end]
	nodes, err := html.ParseFragment(bytes.NewReader(raw), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		p.diags.Errorf(p.at(off), "unreadable HTML table: %v", err)
		return nil, end, false
	}
	var tableNode *html.Node
	for _, n := range nodes {
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			tableNode = n
			break
		}
	}
	if tableNode == nil {
		p.diags.Errorf(p.at(off), "unreadable HTML table: no <table> element")
		return nil, end, false
	}
	tb = &table{pos: p.at(off), html: true}
	// goquery gives the structure; the byte offsets of <tr> and <td>/<th>
	// tags, found by scanning the same bytes in the same order, give the
	// positions (the HTML parser keeps none).
	trOffs := tagOffsets(raw, "tr")
	doc := goquery.NewDocumentFromNode(tableNode)
	trs := doc.Find("tr")
	if len(trOffs) != trs.Length() {
		trOffs = nil // unusual markup: fall back to the table's position
	}
	trs.Each(func(i int, tr *goquery.Selection) {
		rowStart, rowEnd := 0, len(raw)
		if trOffs != nil {
			rowStart = trOffs[i]
			if i+1 < len(trOffs) {
				rowEnd = trOffs[i+1]
			}
		}
		rw := row{pos: p.at(off + rowStart)}
		cellOffs := cellOffsets(raw[rowStart:rowEnd])
		isHeader := false
		tds := tr.ChildrenFiltered("td,th")
		if len(cellOffs) != tds.Length() {
			cellOffs = nil
		}
		tds.Each(func(j int, td *goquery.Selection) {
			n := td.Get(0)
			if n.DataAtom == atom.Th {
				isHeader = true
			}
			c := cell{pos: rw.pos, typePos: rw.pos, text: htmlText(n)}
			c.typeSrc = strings.TrimSpace(htmlPlain(n))
			if cellOffs != nil {
				co := cellOffs[j]
				c.pos = p.at(off + rowStart + co.content)
				c.typePos = p.at(off + rowStart + co.content + co.code)
				// A <code> cell with no nested tags: hand typeexpr the
				// source bytes (it decodes entities itself), so that its
				// positions are exact.
				if co.code > 0 {
					inner := raw[rowStart+co.content+co.code : rowEnd]
					if k := indexFold(inner, "</code>"); k >= 0 && bytes.IndexByte(inner[:k], '<') < 0 {
						lead := len(inner[:k]) - len(bytes.TrimLeft(inner[:k], " \t\r\n"))
						c.typeSrc = string(bytes.TrimSpace(inner[:k]))
						c.typePos = p.at(off + rowStart + co.content + co.code + lead)
					}
				}
			}
			rw.cells = append(rw.cells, c)
		})
		if isHeader && tb.header == nil {
			tb.header = rw.cells
			return
		}
		tb.rows = append(tb.rows, rw)
	})
	if tb.header == nil && len(tb.rows) > 0 {
		tb.header, tb.rows = tb.rows[0].cells, tb.rows[1:]
	}
	// Mark short rows the way pipeTable does.
	for i := range tb.rows {
		r := &tb.rows[i]
		for len(r.cells) < len(tb.header) {
			r.cells = append(r.cells, cell{pos: r.pos, typePos: r.pos, missing: true})
		}
	}
	return tb, end, true
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

type cellOffset struct {
	content int // just past the opening tag's '>'
	code    int // bytes to skip to reach the type: a leading <code> tag
}

func cellOffsets(raw []byte) []cellOffset {
	var offs []cellOffset
	for i := 0; i+3 < len(raw); i++ {
		if raw[i] != '<' || !(hasPrefixFold(raw[i+1:], "td") || hasPrefixFold(raw[i+1:], "th")) {
			continue
		}
		if k := raw[i+3]; k != '>' && k != ' ' && k != '\t' && k != '\n' && k != '\r' && k != '/' {
			continue
		}
		gt := bytes.IndexByte(raw[i:], '>')
		if gt < 0 {
			break
		}
		co := cellOffset{content: i + gt + 1}
		inner := raw[co.content:]
		ws := len(inner) - len(bytes.TrimLeft(inner, " \t\r\n"))
		co.content += ws
		if hasPrefixFold(inner[ws:], "<code>") {
			co.code = len("<code>")
		}
		offs = append(offs, co)
		i += gt
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
func indexFold(b []byte, needle string) int {
	for i := 0; i+len(needle) <= len(b); i++ {
		j := bytes.IndexByte(b[i:], needle[0])
		k := bytes.IndexByte(b[i:], needle[0]-('a'-'A'))
		if needle[0] < 'a' || needle[0] > 'z' {
			k = -1
		}
		switch {
		case j < 0 && k < 0:
			return -1
		case j < 0 || (k >= 0 && k < j):
			j = k
		}
		i += j
		if hasPrefixFold(b[i:], needle) {
			return i
		}
	}
	return -1
}
