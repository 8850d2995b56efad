package parser

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tarogen/tarogen/spec"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
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
}

// at is the position of body offset off.
func (p *pageParser) at(off int) spec.Pos { return p.lines.pos(p.base + off) }

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
	p.frontMatter()
	p.body = p.src[p.base:]
	doc := markdown.Parser().Parse(text.NewReader(p.body))
	p.collect(doc)

	p.page = &spec.Page{Pos: p.lines.pos(0), File: p.file, Name: p.apiName(), Title: p.title}
	return p.build()
}

// frontMatter reads the --- delimited YAML header: only the flat
// `key: value` lines Taro writes (title, sidebar_label) are needed.
func (p *pageParser) frontMatter() {
	src := p.src
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return
	}
	off := bytes.IndexByte(src, '\n') + 1
	for off < len(src) {
		end := bytes.IndexByte(src[off:], '\n')
		lineEnd := len(src)
		next := len(src)
		if end >= 0 {
			lineEnd, next = off+end, off+end+1
		}
		line := bytes.TrimRight(src[off:lineEnd], "\r")
		if bytes.Equal(bytes.TrimSpace(line), []byte("---")) {
			p.base = next
			return
		}
		if k, v, ok := bytes.Cut(line, []byte(":")); ok {
			val := strings.Trim(strings.TrimSpace(string(v)), `"'`)
			vpos := p.lines.pos(off + len(k) + 1 + (len(v) - len(bytes.TrimLeft(v, " \t"))))
			switch strings.TrimSpace(string(k)) {
			case "title":
				p.title, p.titlePos = val, vpos
			case "sidebar_label":
				p.label, p.labelPos = val, vpos
			}
		}
		off = next
	}
	p.diags.Warnf(p.lines.pos(0), "front matter is not closed by a --- line: read as Markdown")
	p.title, p.label = "", ""
}

var titleFunc = regexp.MustCompile(`^(?:Taro\.|wx\.)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(`)

// apiName is the page's API: sidebar_label, else the title's function or
// class name.
func (p *pageParser) apiName() string {
	if p.label != "" {
		return p.label
	}
	if m := titleFunc.FindStringSubmatch(p.title); m != nil {
		return m[1]
	}
	return strings.TrimPrefix(strings.TrimSpace(p.title), "Taro.")
}

// classLikeTitle: "SocketTask", not "Taro.connectSocket(option)".
func (p *pageParser) classLikeTitle() bool {
	t := strings.TrimSpace(p.title)
	return t != "" && !strings.HasPrefix(t, "Taro.") && !strings.Contains(t, "(")
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
			b.kind, b.level, b.text = bHeading, n.Level, p.inlineText(n)
			if _, english := sectionOf(b.text); english && n.Level == 2 {
				p.sawEnglish = true
			}
		case *ast.Paragraph:
			raw := p.rawLines(n)
			if isIconLine(raw) {
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

// section kinds, by h2 (and h4) heading text.
type secKind int

const (
	secOther secKind = iota
	secMethods
	secProps
	secType
	secParams
	secExamples
	secSupport
)

// sectionOf classifies a heading; english reports an English heading.
func sectionOf(title string) (k secKind, english bool) {
	t := strings.ToLower(strings.Join(strings.Fields(title), ""))
	switch t {
	case "方法":
		return secMethods, false
	case "methods", "method":
		return secMethods, true
	case "属性":
		return secProps, false
	case "properties", "property":
		return secProps, true
	case "类型":
		return secType, false
	case "type", "types", "signature":
		return secType, true
	case "参数":
		return secParams, false
	case "parameters", "parameter", "params":
		return secParams, true
	case "示例代码", "示例", "代码示例", "使用示例":
		return secExamples, false
	case "samplecode", "examples", "example", "examplecode", "sample":
		return secExamples, true
	case "api支持度", "支持度":
		return secSupport, false
	case "apisupport", "support", "apisupportability":
		return secSupport, true
	}
	return secOther, false
}

type section struct {
	kind    secKind
	head    *blk
	content []blk
}

// sections splits the blocks at h2 headings. The first section (head
// nil) is the page's preamble.
func (p *pageParser) sections() []section {
	// Content is a sub-slice of p.blocks, not a copy: a section's blocks
	// are contiguous but for the stray # titles, which are dropped by
	// compacting them out first. (Copying every block cost a tenth of the
	// parse's allocations on a large page.)
	blocks := p.blocks[:0:0]
	for _, b := range p.blocks {
		if b.kind == bHeading && b.level == 1 {
			continue // a stray # title: the front matter names the page
		}
		blocks = append(blocks, b)
	}
	secs := []section{{}}
	start := 0
	for i := range blocks {
		b := &blocks[i]
		if b.kind == bHeading && b.level <= 2 {
			secs[len(secs)-1].content = blocks[start:i:i]
			k, _ := sectionOf(b.text)
			secs = append(secs, section{kind: k, head: b})
			start = i + 1
		}
	}
	secs[len(secs)-1].content = blocks[start:len(blocks):len(blocks)]
	return secs
}

func (p *pageParser) build() *spec.Page {
	secs := p.sections()
	hasMethods, hasType := false, false
	for _, s := range secs {
		hasMethods = hasMethods || s.kind == secMethods
		hasType = hasType || s.kind == secType
	}
	page := p.page
	switch {
	case hasMethods && (!hasType || p.classLikeTitle()):
		page.Class = &spec.Class{Pos: p.namePos(), Name: page.Name}
	case hasType:
		page.Function = &spec.Function{Pos: p.namePos(), Name: page.Name}
	case p.looksLegacy():
		page.Format = spec.FormatLegacy
		p.legacy(secs)
		return p.finish()
	default:
		p.diags.Errorf(p.lines.pos(0), "no Taro API found: expected a class page (a ## 方法 / ## Methods section) or a function page (a ## 类型 / ## Type section with its tsx signature)")
		return nil
	}
	if hasMethods && hasType {
		p.diags.Warnf(p.namePos(), "page has both ## 方法 and ## 类型 sections: read as a %s", map[bool]string{true: "class", false: "function"}[page.Class != nil])
	}
	page.Format = p.format()
	p.preamble(secs[0].content)
	var pageSupport []*spec.Support
	for _, s := range secs[1:] {
		switch s.kind {
		case secMethods:
			if page.Class != nil {
				p.methods(s)
			} else {
				p.diags.Warnf(p.at(s.head.off), "## %s section on a function page: ignored", s.head.text)
			}
		case secProps:
			if page.Class != nil {
				p.propsSection(s.content)
			}
		case secType:
			if page.Function != nil {
				p.function(page.Function, s)
			}
		case secParams:
			p.params(s)
		case secExamples:
			page.Examples = append(page.Examples, p.examples(s.content, 3)...)
		case secSupport:
			for _, b := range s.content {
				if b.kind == bTable && b.tbl.isSupport() {
					pageSupport = append(pageSupport, p.supportRows(b.tbl)...)
				}
			}
		default:
			p.diags.Warnf(p.at(s.head.off), "unrecognised section ## %s: ignored", s.head.text)
		}
	}
	p.attachSupport(pageSupport)
	return p.finish()
}

func (p *pageParser) finish() *spec.Page {
	pg := p.page
	if pg.Class != nil {
		pg.Class.Doc, pg.Class.Refs = pg.Doc, pg.Refs
	}
	if pg.Function != nil {
		pg.Function.Doc, pg.Function.Refs = pg.Doc, pg.Refs
		if pg.Function.Support == nil {
			pg.Function.Support = pg.Support
		}
		if pg.Function.Examples == nil {
			pg.Function.Examples = pg.Examples
		}
	}
	return pg
}

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

func (p *pageParser) format() spec.Format {
	switch {
	case p.sawEnglish:
		return spec.FormatEnglish
	case p.sawIcons:
		return spec.FormatMDX
	case p.sawJSX:
		return spec.FormatHTMLJSX
	case p.sawHTMLTable:
		return spec.FormatHTMLCSS
	}
	return spec.FormatPipe
}

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
			p.diags.Warnf(b.tbl.pos, "table before the first ## section: ignored")
		}
	}
	p.page.Doc = strings.Join(doc, "\n\n")
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

// subsections splits blocks at headings of the given level.
func subsections(bs []blk, level int) (pre []blk, subs []section) {
	// Sub-slices of bs, capped so that an append by a caller cannot
	// overwrite the next section.
	start := 0
	for i := range bs {
		b := &bs[i]
		if b.kind == bHeading && b.level <= level {
			if len(subs) == 0 {
				pre = bs[:i:i]
			} else {
				subs[len(subs)-1].content = bs[start:i:i]
			}
			subs = append(subs, section{head: b})
			start = i + 1
		}
	}
	if len(subs) == 0 {
		return bs, nil
	}
	subs[len(subs)-1].content = bs[start:len(bs):len(bs)]
	return pre, subs
}

// methods reads ## 方法: the property table before the first ###, then one
// method per ### heading.
func (p *pageParser) methods(s section) {
	cls := p.page.Class
	pre, subs := subsections(s.content, 3)
	p.propsSection(pre)
	for _, sub := range subs {
		if sub.head.level < 3 {
			continue
		}
		name := methodName(sub.head.text)
		m := &spec.Function{Pos: p.at(sub.head.off), Name: name, Owner: cls.Name}
		p.member(m, sub.content)
		cls.Methods = append(cls.Methods, m)
	}
}

// methodName: "send", "send(option)", "SocketTask.send" → "send".
func methodName(h string) string {
	h = strings.Trim(strings.TrimSpace(h), "`")
	if i := strings.IndexByte(h, '('); i > 0 {
		h = h[:i]
	}
	if i := strings.LastIndexByte(h, '.'); i >= 0 {
		h = h[i+1:]
	}
	return strings.TrimSpace(h)
}

var allCaps = regexp.MustCompile(`^[A-Z][A-Z0-9_]+$`)

// propsSection reads a class's property table: ALL-CAPS rows are
// constants, the rest properties.
func (p *pageParser) propsSection(bs []blk) {
	cls := p.page.Class
	for _, b := range bs {
		switch b.kind {
		case bTable:
			if b.tbl.isSupport() {
				p.diags.Warnf(b.tbl.pos, "support table outside an API 支持度 section: ignored")
				continue
			}
			for _, f := range p.fields(b.tbl, p.columnsOf(b.tbl), false) {
				if allCaps.MatchString(f.Name) {
					cls.Constants = append(cls.Constants, &spec.Constant{Pos: f.Pos, Name: f.Name, Type: f.Type, Value: f.Default, Doc: f.Doc})
					continue
				}
				cls.Properties = append(cls.Properties, f)
			}
		case bPara, bList:
			cls.Doc = joinDoc(cls.Doc, b.text)
		}
	}
}

func joinDoc(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n\n" + b
}

// member reads a method's section (or a function's ## 类型): description,
// 参考文档, 支持情况 icons, the tsx signature, the parameter table, and
// #### API 支持度 / 示例代码 subsections.
func (p *pageParser) member(f *spec.Function, bs []blk) {
	sub := secOther
	var paramTable *table
	for _, b := range bs {
		switch b.kind {
		case bHeading:
			sub, _ = sectionOf(b.text)
			if sub != secSupport && sub != secExamples && sub != secParams {
				p.diags.Warnf(p.at(b.off), "unrecognised heading %q in %s: its content is read as part of the method", b.text, f.QualifiedName())
			}
		case bPara, bList:
			if sub == secOther || sub == secParams {
				f.Doc = joinDoc(f.Doc, b.text)
			}
		case bQuote:
			if links := p.refLinks(b.node); links != nil {
				f.Refs = append(f.Refs, links...)
			} else {
				f.Doc = joinDoc(f.Doc, b.text)
			}
		case bIcons:
			if f.Support == nil {
				f.Support = b.sup
			}
		case bCode:
			isTS := b.lang == "tsx" || b.lang == "ts" || b.lang == "typescript"
			if sub != secExamples && isTS && f.Signature == nil {
				f.Signature = p.parseSig(b.code, b.cpos)
				continue
			}
			f.Examples = append(f.Examples, spec.Example{Pos: b.cpos, Lang: b.lang, Code: b.code})
		case bTable:
			if b.tbl.isSupport() {
				for _, s := range p.supportRows(b.tbl) {
					if matchesAPI(s.API, f) && f.Support == nil {
						f.Support = s
					} else if !matchesAPI(s.API, f) {
						p.diags.Warnf(s.Pos, "support row %q under %s names another API: ignored", s.API, f.QualifiedName())
					}
				}
				continue
			}
			if paramTable != nil {
				p.diags.Warnf(b.tbl.pos, "second parameter table for %s: ignored", f.QualifiedName())
				continue
			}
			paramTable = b.tbl
			f.Params = p.fields(b.tbl, p.columnsOf(b.tbl), false)
		}
	}
	p.reconcile(f.QualifiedName(), f.Signature, f.Params)
}

// matchesAPI reports whether a support row names f: "SocketTask.send",
// "Taro.connectSocket", "connectSocket".
func matchesAPI(api string, f *spec.Function) bool {
	api = strings.TrimPrefix(strings.TrimSpace(api), "Taro.")
	return api == f.QualifiedName() || (f.Owner == "" && api == f.Name)
}

// reconcile keeps a signature's parameter types in the table rows where the
// two disagree (onMessage: signature OnMessageCallback<T>, table T), and
// says so.
func (p *pageParser) reconcile(what string, sig *spec.FuncType, params []*spec.Field) {
	if sig == nil {
		return
	}
	for _, f := range params {
		var sp *spec.FuncParam
		for _, c := range sig.Params {
			if c.Name == f.Name {
				sp = c
				break
			}
		}
		if sp == nil {
			p.diags.Warnf(f.Pos, "parameter %s of %s is in the table but not in the signature %s", f.Name, what, sig)
			continue
		}
		if sp.Type == nil {
			continue
		}
		if f.Type != nil && f.Type.String() != sp.Type.String() {
			p.diags.Warnf(f.Pos, "parameter %s of %s: signature type %s differs from table type %s; keeping the signature's", f.Name, what, sp.Type, f.Type)
		}
		f.Type = sp.Type
	}
}

// function reads ## 类型.
func (p *pageParser) function(fn *spec.Function, s section) {
	p.member(fn, s.content)
	if fn.Signature != nil {
		fn.Pos = fn.Signature.Pos
	}
}

// params reads ## 参数: a function's parameter table before the first ###,
// then the declared types. A ### with #### headings under it is a group
// named after the method the types belong to (Decl.Scope); otherwise each
// ### is a type.
func (p *pageParser) params(s section) {
	pre, subs := subsections(s.content, 3)
	for _, b := range pre {
		switch {
		case b.kind == bTable && p.page.Function != nil && p.page.Function.Params == nil:
			fn := p.page.Function
			fn.Params = p.fields(b.tbl, p.columnsOf(b.tbl), false)
			p.reconcile(fn.Name, fn.Signature, fn.Params)
		case b.kind == bTable:
			p.diags.Warnf(b.tbl.pos, "table under ## %s before any ### type: ignored", s.head.text)
		}
	}
	methods := map[string]bool{}
	if c := p.page.Class; c != nil {
		for _, m := range c.Methods {
			methods[m.Name] = true
		}
	}
	for _, sub := range subs {
		_, inner := subsections(sub.content, 4)
		if len(inner) > 0 || (len(sub.content) == 0 && methods[methodName(sub.head.text)]) {
			scope := methodName(sub.head.text)
			pre, _ := subsections(sub.content, 4)
			for _, b := range pre {
				if b.kind == bTable {
					p.diags.Warnf(b.tbl.pos, "table under the ### %s group before any #### type: ignored", scope)
				}
			}
			for _, d := range inner {
				p.page.Decls = append(p.page.Decls, p.decl(d, scope))
			}
			continue
		}
		p.page.Decls = append(p.page.Decls, p.decl(sub, ""))
	}
}

// decl reads one declared type: description, optional tsx (a callback),
// optional table (object fields, or enum values when it has no type
// column).
func (p *pageParser) decl(s section, scope string) *spec.Decl {
	d := &spec.Decl{Pos: p.at(s.head.off), Name: strings.Trim(strings.TrimSpace(s.head.text), "`"), Kind: spec.DeclObject, Scope: scope}
	seenTable := false
	for _, b := range s.content {
		switch b.kind {
		case bPara, bList, bQuote:
			d.Doc = joinDoc(d.Doc, b.text)
		case bCode:
			if d.Func != nil || d.Alias != nil {
				p.diags.Warnf(b.cpos, "second code block for type %s: ignored", d.Name)
				continue
			}
			src := strings.TrimSpace(b.code)
			if strings.HasPrefix(src, "(") || strings.HasPrefix(src, "<") {
				if ft := p.parseSig(b.code, b.cpos); ft != nil {
					d.Kind, d.Func = spec.DeclCallback, ft
				} else {
					d.Kind = spec.DeclCallback
				}
				continue
			}
			if t := p.parseType(b.code, b.cpos, false); t != nil {
				d.Kind, d.Alias = spec.DeclAlias, t
			}
		case bTable:
			if seenTable {
				p.diags.Warnf(b.tbl.pos, "second table for type %s: ignored", d.Name)
				continue
			}
			seenTable = true
			cols := p.columnsOf(b.tbl)
			if cols.typ < 0 && d.Kind == spec.DeclObject {
				d.Kind, d.Values = spec.DeclEnum, p.enumValues(b.tbl, cols)
				continue
			}
			// For a callback the table documents its parameters.
			d.Fields = p.fields(b.tbl, cols, false)
		case bHeading:
			p.diags.Warnf(p.at(b.off), "heading %q inside type %s: ignored", b.text, d.Name)
		}
	}
	if d.Kind == spec.DeclCallback {
		p.reconcile(d.Name, d.Func, d.Fields)
	}
	return d
}

// examples reads code blocks, titled by the heading above them.
func (p *pageParser) examples(bs []blk, level int) []spec.Example {
	var out []spec.Example
	title := ""
	for _, b := range bs {
		switch b.kind {
		case bHeading:
			title = b.text
		case bCode:
			out = append(out, spec.Example{Pos: b.cpos, Title: title, Lang: b.lang, Code: b.code})
		}
	}
	return out
}

// attachSupport hands the rows of the page's ## API 支持度 table out:
// the page's own API row becomes the page support, a method's row becomes
// the method's support unless it has its own.
func (p *pageParser) attachSupport(rows []*spec.Support) {
	pg := p.page
	byName := map[string][]*spec.Function{}
	if pg.Class != nil {
		for _, m := range pg.Class.Methods {
			byName[m.Name] = append(byName[m.Name], m)
		}
	}
	for _, s := range rows {
		api := strings.TrimPrefix(s.API, "Taro.")
		switch {
		case api == pg.Name:
			// The table row is the complete matrix; icons only list some
			// platforms. The row wins for the page; the icons are checked
			// against it.
			if pg.Support != nil {
				p.compareSupport(s, pg.Support, "the 支持情况 icons", "the table row")
			}
			pg.Support = s
			if pg.Function != nil {
				pg.Function.Support = s
			}
			continue
		case pg.Class != nil && strings.HasPrefix(api, pg.Class.Name+"."):
			name := api[len(pg.Class.Name)+1:]
			found := false
			for _, m := range byName[name] {
				found = true
				if m.Support == nil {
					m.Support = s
				} else {
					p.compareSupport(s, m.Support, "the method's own support", "the page-level table")
				}
			}
			if found {
				continue
			}
		}
		p.diags.Warnf(s.Pos, "support row %q names no API on this page: ignored", s.API)
	}
}

// compareSupport warns where two statements of one API's support disagree
// on a platform both state; kept is what the spec keeps.
func (p *pageParser) compareSupport(row, other *spec.Support, otherName, rowName string) {
	for _, c := range row.Platforms {
		if o := other.State(c.Platform.ID); o != spec.Unknown && c.State != spec.Unknown && o != c.State {
			p.diags.Warnf(c.Pos, "%s on %s: %s says %s, %s says %s", row.API, c.Platform.Name, rowName, c.State, otherName, o)
		}
	}
}
