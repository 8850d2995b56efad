package parser

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Text fields of the model (Doc, cell descriptions) are Markdown-flavoured
// plain text: inline code stays `x`, links become [text](url), emphasis
// markers and inline HTML tags are dropped (their text is kept), <br> and
// line breaks become "\n", and the result is trimmed. This keeps the
// information a Go doc comment needs without carrying the page's markup.

// inlineText renders the inline children of n.
func (p *pageParser) inlineText(n ast.Node) string {
	var b strings.Builder
	p.writeInline(&b, n)
	return strings.TrimSpace(b.String())
}

func (p *pageParser) writeInline(b *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(p.body)
			if c.IsRaw() {
				b.Write(v)
			} else {
				writeUnescaped(b, v)
			}
			if c.HardLineBreak() || c.SoftLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			b.WriteByte('`')
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Segment.Value(p.body))
				}
			}
			b.WriteByte('`')
		case *ast.Link:
			b.WriteByte('[')
			p.writeInline(b, c)
			b.WriteString("](")
			b.Write(c.Destination)
			b.WriteByte(')')
		case *ast.Image:
			b.WriteString("![")
			p.writeInline(b, c)
			b.WriteString("](")
			b.Write(c.Destination)
			b.WriteByte(')')
		case *ast.AutoLink:
			b.Write(c.URL(p.body))
		case *ast.RawHTML:
			var raw []byte
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				raw = append(raw, seg.Value(p.body)...)
			}
			if isBreakTag(raw) {
				b.WriteByte('\n')
			}
		default:
			p.writeInline(b, c)
		}
	}
}

// writeUnescaped writes v with CommonMark backslash escapes removed.
func writeUnescaped(b *strings.Builder, v []byte) {
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) && isASCIIPunct(v[i+1]) {
			i++
		}
		b.WriteByte(v[i])
	}
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isBreakTag(raw []byte) bool {
	t := bytes.ToLower(bytes.TrimSpace(raw))
	return bytes.HasPrefix(t, []byte("<br")) && (len(t) == 3 || t[3] == '>' || t[3] == '/' || t[3] == ' ')
}

// maxNesting bounds how deep lists and quotes nest in text: real pages
// nest two or three levels; a page nesting deeper gets an error at the
// first block past the limit, and the deeper levels are left out, so that
// the text (whose indentation grows with depth) stays linear in the page.
const maxNesting = 16

// blockText renders a paragraph, list or other block as text.
func (p *pageParser) blockText(n ast.Node) string {
	var b strings.Builder
	p.writeBlock(&b, n, "", 0)
	return strings.TrimSpace(b.String())
}

// writeBlock renders n; depth counts the lists and quotes around it.
func (p *pageParser) writeBlock(b *strings.Builder, n ast.Node, indent string, depth int) {
	switch n.(type) {
	case *ast.List, *ast.Blockquote:
		depth++
		if depth > maxNesting {
			if !p.tooDeep {
				p.tooDeep = true
				p.diags.Errorf(p.at(nodeOffset(n)), "lists and quotes nested deeper than %d levels: the deeper levels are left out", maxNesting)
			}
			return
		}
	}
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		b.WriteString(strings.TrimSpace(p.inlineText(n)))
	case *ast.List:
		i := n.Start
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			if it != n.FirstChild() {
				b.WriteByte('\n')
			}
			b.WriteString(indent)
			if n.IsOrdered() {
				b.WriteString(strconv.Itoa(i) + ". ")
				i++
			} else {
				b.WriteString("- ")
			}
			first := true
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				if !first {
					b.WriteByte('\n')
				}
				first = false
				p.writeBlock(b, c, indent+"  ", depth)
			}
		}
	case *ast.Blockquote:
		var inner strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c != n.FirstChild() {
				inner.WriteString("\n")
			}
			p.writeBlock(&inner, c, "", depth)
		}
		for i, l := range strings.Split(inner.String(), "\n") {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString("> " + l)
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		b.WriteString("```\n" + p.codeText(n) + "```")
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			p.writeBlock(b, c, indent, depth)
		}
	}
}

// nodeOffset is where n's first line starts in the body: a list or quote
// has no lines of its own, so the first descendant that has one says.
func nodeOffset(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	return max(0, n.Pos())
}

// codeText is the content of a code block, line by line.
func (p *pageParser) codeText(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(p.body))
	}
	return b.String()
}

// collapseSpace trims s and folds each run of spaces and tabs into one
// space, keeping explicit line breaks (from <br>) but dropping spaces
// around them.
func collapseSpace(s string) string {
	var b strings.Builder
	lines := strings.Split(s, "\n")
	first := true
	for _, l := range lines {
		f := strings.Join(strings.Fields(l), " ")
		if f == "" {
			continue
		}
		if !first {
			b.WriteByte('\n')
		}
		first = false
		b.WriteString(f)
	}
	return b.String()
}
