package parser

import (
	"strings"

	"github.com/tarogen/tarogen/spec"
)

// params reads ## 参数: a function's parameter table before the first ###,
// then the declared types. A ### with #### type headings under it is a
// group named after the method the types belong to (Decl.Scope); the ###
// naming a namespace holds its methods (namespaceMembers); any other ###
// is a type.
func (p *pageParser) params(s section) {
	pre, subs := subsections(s.content, 3)
	for _, b := range pre {
		switch {
		case b.kind == bTable && p.page.Function != nil && p.page.Function.Params == nil:
			fn := p.page.Function
			fn.Params = p.fields(b.tbl, p.columnsOf(b.tbl), false)
			p.reconcile(fn.Name, fn.Signature, fn.Params)
		case b.kind == bTable:
			p.dropTable(b.tbl, "table under ## "+s.head.text+" before any ### type")
		}
	}
	methods := map[string]bool{}
	if c := p.page.Class; c != nil {
		for _, m := range c.Methods {
			methods[m.Name] = true
		}
	}
	for _, sub := range subs {
		name := methodName(sub.head.text)
		switch {
		case p.page.Namespace != nil && sub.head.level == 3 && name == p.page.Namespace.Name && isTypeGroup(sub, false):
			p.namespaceMembers(sub)
		case isTypeGroup(sub, methods[name]):
			p.typeGroup(sub, name)
		default:
			p.page.Decls = append(p.page.Decls, p.decl(sub, ""))
		}
	}
}

// isTypeGroup reports whether a ### under ## 参数 groups the types of one
// method (### onDiscovered, then #### Callback, #### Option) rather than
// being a type itself. A ### whose own table or tsx block sits directly
// under it is a type, even when #### API 支持度 or #### 示例代码 follows:
// those headings never name types. An empty ### naming a method is an
// empty group.
func isTypeGroup(sub section, namesMethod bool) bool {
	pre, inner := subsections(sub.content, 4)
	if len(inner) == 0 {
		return len(sub.content) == 0 && namesMethod
	}
	for _, b := range pre {
		if b.kind == bTable || b.kind == bCode {
			return false
		}
	}
	for _, d := range inner {
		if k, _ := sectionOf(d.head.text); k == secOther {
			return true
		}
	}
	return false
}

// typeGroup reads the #### types of a ### method group.
func (p *pageParser) typeGroup(sub section, scope string) {
	pre, inner := subsections(sub.content, 4)
	for _, b := range pre {
		if b.kind == bTable {
			p.dropTable(b.tbl, "table under the ### "+scope+" group before any #### type")
		}
	}
	for _, d := range inner {
		p.page.Decls = append(p.page.Decls, p.decl(d, scope))
	}
}

// decl reads one declared type: description, optional tsx (a callback),
// optional table (object fields, or enum values when it has no type
// column).
func (p *pageParser) decl(s section, scope string) *spec.Decl {
	d := &spec.Decl{Pos: p.at(s.head.off), Name: strings.Trim(strings.TrimSpace(s.head.text), "`"), Kind: spec.DeclObject, Scope: scope}
	seenTable, inExample := false, false
	for _, b := range s.content {
		switch b.kind {
		case bPara, bList, bQuote:
			d.Doc = joinDoc(d.Doc, b.text)
		case bCode:
			if inExample {
				continue // an example of the type's use, not its definition
			}
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
			if b.tbl.isSupport() {
				// A support table is never an enum: its rows name
				// APIs, and are attached with the page's own.
				p.lateSupport = append(p.lateSupport, p.supportRows(b.tbl)...)
				continue
			}
			if seenTable {
				p.dropTable(b.tbl, "second table for type "+d.Name)
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
			// #### API 支持度 and #### 示例代码 may follow a type's
			// table; their content is not part of the type.
			k, _ := sectionOf(b.text)
			inExample = k == secExamples
			if k != secSupport && k != secExamples {
				p.diags.Warnf(p.at(b.off), "heading %q inside type %s: ignored", b.text, d.Name)
			}
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
