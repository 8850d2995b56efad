package parser

import (
	"regexp"
	"strings"

	"github.com/tarogen/tarogen/spec"
)

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
				// Attached with the page's own rows, to the APIs
				// they name.
				p.lateSupport = append(p.lateSupport, p.supportRows(b.tbl)...)
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
	// The signature is read first: a table above it is told apart from a
	// parameter table by the signature's parameter names.
	sigAt := signatureBlock(bs)
	switch {
	case sigAt >= 0 && p.typeSig != nil && bs[sigAt].cpos == p.typeSigAt:
		f.Signature = p.typeSig
	case sigAt >= 0:
		f.Signature = p.parseSig(bs[sigAt].code, bs[sigAt].cpos)
	}
	sub := secOther
	var paramTable *table
	var icons, row *spec.Support
	defer func() { f.Support = p.ownSupport(f, row, icons) }()
	for i, b := range bs {
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
			icons = mergeSupport(icons, b.sup)
		case bCode:
			if i == sigAt {
				continue
			}
			f.Examples = append(f.Examples, spec.Example{Pos: b.cpos, Lang: b.lang, Code: b.code})
		case bTable:
			if b.tbl.isSupport() {
				row = p.ownSupportRow(f, b.tbl, row)
				continue
			}
			if cols, _ := columnsIn(b.tbl); !isParamTable(b.tbl, cols, f.Signature) {
				// A table of error codes or notes (| 代码 | 异常情况 |
				// 理由 |): part of the description, not parameters.
				f.Doc = joinDoc(f.Doc, tableText(b.tbl))
				continue
			}
			if paramTable != nil {
				p.dropTable(b.tbl, "second parameter table for "+f.QualifiedName())
				continue
			}
			paramTable = b.tbl
			f.Params = p.fields(b.tbl, p.columnsOf(b.tbl), false)
		}
	}
	p.reconcile(f.QualifiedName(), f.Signature, f.Params)
}

// signatureBlock is the index of the first tsx block outside an example
// subsection, or -1.
func signatureBlock(bs []blk) int {
	sub := secOther
	for i, b := range bs {
		switch {
		case b.kind == bHeading:
			sub, _ = sectionOf(b.text)
		case b.kind == bCode && sub != secExamples && isTSLang(b.lang):
			return i
		}
	}
	return -1
}

// isParamTable reports whether a table under a method or function lists
// its parameters: it has a type column, or there is no signature to check
// it against, or a row names a parameter of the signature.
func isParamTable(t *table, cols columns, sig *spec.FuncType) bool {
	if cols.typ >= 0 || sig == nil {
		return true
	}
	for _, r := range t.rows {
		c, ok := cellAt(r, cols.name)
		if !ok {
			continue
		}
		for _, prm := range sig.Params {
			if prm.Name == memberName(c.text) {
				return true
			}
		}
	}
	return false
}

// tableText renders a table as Markdown text for a description.
func tableText(t *table) string {
	var b strings.Builder
	line := func(cs []cell) {
		b.WriteByte('|')
		for _, c := range cs {
			b.WriteString(" " + strings.ReplaceAll(c.text, "\n", " ") + " |")
		}
		b.WriteByte('\n')
	}
	line(t.header)
	b.WriteString("|" + strings.Repeat(" --- |", len(t.header)) + "\n")
	for _, r := range t.rows {
		line(r.cells)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// ownSupportRow reads a support table under a method or function: the
// row naming it (the first, if several do) is returned, the others are
// reported.
func (p *pageParser) ownSupportRow(f *spec.Function, t *table, row *spec.Support) *spec.Support {
	for _, s := range p.supportRows(t) {
		switch {
		case !matchesAPI(s.API, f):
			// Attached with the page's rows to the API it names, or
			// reported there as naming none.
			p.lateSupport = append(p.lateSupport, s)
		case row != nil:
			p.diags.Warnf(s.Pos, "second support row for %s: ignored", f.QualifiedName())
		default:
			row = s
		}
	}
	return row
}

// ownSupport merges a member's own table row over its own icons.
func (p *pageParser) ownSupport(f *spec.Function, row, icons *spec.Support) *spec.Support {
	if row == nil {
		return icons
	}
	return p.withTableRow(row, icons, "the 支持情况 icons of "+f.QualifiedName())
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
