package parser

import (
	"strings"

	"github.com/tarogen/tarogen/spec"
)

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
