package parser

import (
	"bytes"
	"strings"
)

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
