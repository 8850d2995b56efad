package parser

import (
	"bytes"
	"os"
	"unicode/utf8"

	"github.com/tarogen/tarogen/spec"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// markdown is CommonMark plus GFM tables. Raw HTML is kept in the tree
// (ast.HTMLBlock); nothing is rendered. The parser is safe for concurrent
// use: all per-document state lives in the parse context.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table))

// ParsePage reads one page. file is the name used in positions (e.g.
// "pipe/SocketTask.md"). It never panics; every problem is a Diagnostic
// with file:line:col. The page is nil when src is not a page at all (empty,
// binary, or with no Taro API in it); otherwise it is returned even with
// errors, holding whatever could be read.
func ParsePage(file string, src []byte) (*spec.Page, spec.Diagnostics) {
	p := &pageParser{file: file, src: src, lines: newLineIndex(file, src)}
	page := p.parse()
	p.diags.Sort()
	return page, p.diags
}

// ParseFiles reads several pages from disk and merges them with Merge.
// The file name in positions is the path as given. An unreadable file is an
// error diagnostic; the other pages are still read.
func ParseFiles(paths []string) (*spec.Package, spec.Diagnostics) {
	var pages []*spec.Page
	var diags spec.Diagnostics
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			diags.Errorf(spec.Pos{File: path}, "cannot read page: %v", err)
			continue
		}
		pg, ds := ParsePage(path, src)
		diags = append(diags, ds...)
		if pg != nil {
			pages = append(pages, pg)
		}
	}
	pkg, ds := Merge(pages)
	diags = append(diags, ds...)
	diags.Sort()
	return pkg, diags
}

type pageParser struct {
	file  string
	src   []byte
	lines *lineIndex
	diags spec.Diagnostics

	base int    // offset of body in src (after the front matter)
	body []byte // what goldmark parses

	title, label       string
	titlePos, labelPos spec.Pos

	page   *spec.Page
	blocks []blk
	// format evidence, gathered while reading blocks
	sawHTMLTable, sawJSX, sawIcons, sawEnglish, sawTSX bool
	noTableClose                                       bool // no </table> after the last unclosed <table>

	// lateSupport are support rows found outside ## API 支持度 (under a
	// declared type, in a namespace's description): attached with the
	// page's own rows, so that a row naming no API is reported.
	lateSupport []*spec.Support
	tooDeep     bool // the nesting limit was reported (once per page)

	// typeSig is the ## 类型 signature pageKind parsed, and where its
	// block starts, so that member need not parse it again.
	typeSig   *spec.FuncType
	typeSigAt spec.Pos
}

// at is the position of body offset off.
func (p *pageParser) at(off int) spec.Pos { return p.lines.pos(p.base + off) }

// namePos is where the page names its API: the front matter value, else
// the first line.
func (p *pageParser) namePos() spec.Pos {
	switch {
	case p.label != "":
		return p.labelPos
	case p.title != "":
		return p.titlePos
	}
	return p.lines.pos(0)
}

func (p *pageParser) parse() *spec.Page {
	if len(bytes.TrimSpace(p.src)) == 0 {
		p.diags.Errorf(p.lines.pos(0), "empty page")
		return nil
	}
	if !utf8.Valid(p.src) {
		off := 0
		for off < len(p.src) {
			r, n := utf8.DecodeRune(p.src[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		p.diags.Errorf(p.lines.pos(off), "not a text page: invalid UTF-8 (byte 0x%02x)", p.src[off])
		return nil
	}
	if i := bytes.IndexByte(p.src, 0); i >= 0 {
		p.diags.Errorf(p.lines.pos(i), "not a text page: NUL byte (binary data)")
		return nil
	}
	p.src, p.lines.cuts = p.sanitize(p.src)
	p.frontMatter()
	p.body = p.limitNesting(p.src[p.base:])
	doc := markdown.Parser().Parse(text.NewReader(p.body))
	p.collect(doc)

	p.page = &spec.Page{Pos: p.lines.pos(0), File: p.file, Name: p.apiName(), Title: p.title}
	return p.build()
}
