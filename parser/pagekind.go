package parser

import (
	"github.com/tarogen/tarogen/parser/typeexpr"
	"github.com/tarogen/tarogen/spec"
)

// pageKind decides what the page documents from its ## sections:
//
//   - ## 方法 makes a class (with ## 类型 too, the title decides: "SocketTask"
//     is a class, "Taro.x(…)" a function);
//   - ## 类型 makes a function when its tsx block is a function type, a
//     namespace when it is a bare name that a ### under ## 参数 documents
//     (router), and a value otherwise (env: an object type);
//   - ### types under ## 参数 and nothing else make a types-only page.
//
// "" means none of these: the caller tries the 1.x reader, else reports
// that the page has no API.
func (p *pageParser) pageKind(secs []section) spec.PageKind {
	var typeSec, paramSec *section
	hasMethods := false
	for i := range secs {
		switch secs[i].kind {
		case secMethods:
			hasMethods = true
		case secType:
			if typeSec == nil {
				typeSec = &secs[i]
			}
		case secParams:
			if paramSec == nil {
				paramSec = &secs[i]
			}
		}
	}
	switch {
	case hasMethods && (typeSec == nil || p.classLikeTitle()):
		if typeSec != nil {
			p.diags.Warnf(p.namePos(), "page has both ## 方法 and ## 类型 sections: read as a class")
		}
		return spec.PageClass
	case typeSec != nil:
		kind := p.typeSectionKind(*typeSec, secs)
		if hasMethods {
			p.diags.Warnf(p.namePos(), "page has both ## 方法 and ## 类型 sections: read as a %s", kind)
		}
		return kind
	case paramSec != nil && !p.looksLegacy():
		if _, subs := subsections(paramSec.content, 3); len(subs) > 0 {
			return spec.PageTypes
		}
	}
	return ""
}

// typeSectionKind reads the first tsx block of ## 类型 as any type. A block
// that is not a type at all stays a function page, whose signature reader
// reports the error at its position.
func (p *pageParser) typeSectionKind(s section, secs []section) spec.PageKind {
	b := firstTSBlock(s.content)
	if b == nil {
		return spec.PageFunction
	}
	t, err := typeexpr.ParseTypeBlock(b.code, b.cpos)
	if err != nil {
		return spec.PageFunction
	}
	switch t := t.(type) {
	case *spec.FuncType:
		// Kept for the function's reader: the block is parsed once.
		p.typeSig, p.typeSigAt = t, b.cpos
		return spec.PageFunction
	case *spec.NamedType:
		if len(t.Namespace) == 0 && len(t.Args) == 0 && namespaceSection(secs, t.Name) != nil {
			return spec.PageNamespace
		}
	}
	return spec.PageValue
}

// firstTSBlock is the first ```tsx (or ts) block before any heading.
func firstTSBlock(bs []blk) *blk {
	for i := range bs {
		switch b := &bs[i]; {
		case b.kind == bHeading:
			return nil
		case b.kind == bCode && isTSLang(b.lang):
			return b
		}
	}
	return nil
}

func isTSLang(lang string) bool {
	return lang == "tsx" || lang == "ts" || lang == "typescript"
}

// namespaceSection is the ### name subsection of ## 参数 that documents a
// namespace's members as #### headings, or nil.
func namespaceSection(secs []section, name string) *section {
	for _, s := range secs {
		if s.kind != secParams {
			continue
		}
		_, subs := subsections(s.content, 3)
		for i := range subs {
			// Shaped like a method group (#### headings, nothing of
			// its own but text): a ### Config with its table is the
			// type of a value, not a namespace.
			if subs[i].head.level == 3 && methodName(subs[i].head.text) == name && isTypeGroup(subs[i], false) {
				return &subs[i]
			}
		}
	}
	return nil
}

// valueSection reads ## 类型 of a value page: its type, description,
// references and support icons.
func (p *pageParser) valueSection(v *spec.Value, s section) {
	for _, b := range s.content {
		switch b.kind {
		case bCode:
			if isTSLang(b.lang) && v.Type == nil {
				v.Pos = b.cpos
				v.Type = p.parseTypeBlock(b.code, b.cpos)
				continue
			}
			p.diags.Warnf(b.cpos, "code block under ## %s of value %s after its type: ignored", s.head.text, v.Name)
		default:
			p.apiBlock(b, &v.Doc, &v.Refs, &v.Support, "value "+v.Name)
		}
	}
}

// namespaceType reads ## 类型 of a namespace page: the block is the bare
// name, so only text, references and icons are kept.
func (p *pageParser) namespaceType(s section) {
	ns := p.page.Namespace
	for _, b := range s.content {
		if b.kind == bCode && isTSLang(b.lang) {
			continue
		}
		p.apiBlock(b, &ns.Doc, &ns.Refs, &ns.Support, "namespace "+ns.Name)
	}
}

// namespaceMembers reads the ### name subsection of a namespace: its
// description, icons and references, then one method per #### heading.
func (p *pageParser) namespaceMembers(sub section) {
	ns := p.page.Namespace
	pre, methods := subsections(sub.content, 4)
	for _, b := range pre {
		p.apiBlock(b, &ns.Doc, &ns.Refs, &ns.Support, "namespace "+ns.Name)
	}
	for _, m := range methods {
		f := &spec.Function{Pos: p.at(m.head.off), Name: methodName(m.head.text), Owner: ns.Name}
		p.member(f, m.content)
		ns.Methods = append(ns.Methods, f)
	}
}

// apiBlock reads a block that describes an API (outside its signature):
// text goes to doc, a reference quote to refs, icons to sup. A table is
// dropped with every member it held named.
func (p *pageParser) apiBlock(b blk, doc *string, refs *[]spec.Link, sup **spec.Support, what string) {
	switch b.kind {
	case bPara, bList:
		*doc = joinDoc(*doc, b.text)
	case bQuote:
		if links := p.refLinks(b.node); links != nil {
			*refs = append(*refs, links...)
		} else {
			*doc = joinDoc(*doc, b.text)
		}
	case bIcons:
		*sup = mergeSupport(*sup, b.sup)
	case bTable:
		if b.tbl.isSupport() {
			p.lateSupport = append(p.lateSupport, p.supportRows(b.tbl)...)
			return
		}
		p.dropTable(b.tbl, "table in the description of "+what)
	case bHeading:
		p.diags.Warnf(p.at(b.off), "heading %q in the description of %s: ignored", b.text, what)
	case bCode:
		p.diags.Warnf(b.cpos, "code block in the description of %s: ignored", what)
	}
}

// parseTypeBlock reads a ```tsx block that may hold any type.
func (p *pageParser) parseTypeBlock(src string, at spec.Pos) spec.Type {
	t, err := typeexpr.ParseTypeBlock(src, at)
	if err != nil {
		p.typeError(err, at, "type")
		return nil
	}
	return t
}
