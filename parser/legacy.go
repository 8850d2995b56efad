package parser

import (
	"regexp"
	"strings"

	"github.com/tarogen/tarogen/parser/internal/textnorm"
	"github.com/tarogen/tarogen/spec"
)

// Legacy (1.x) pages were written by hand: no tsx signatures, methods as
// paragraphs (`SocketTask.send(OBJECT)`), member tables under bold captions
// (`**OBJECT 参数说明：**`, `**CALLBACK 返回参数**`), properties as
// `socketTask.readyState: …` lines, and JavaScript type names. They are
// read best effort:
//
//   - a caption's table becomes a declared type named the way the 2.x pages
//     name it: OBJECT → <Method>Option (Option on a function page),
//     CALLBACK → <Method>CallbackResult, success → <Method>SuccessCallbackResult;
//     its Scope is the method;
//   - the method gets a parameter for its argument (OBJECT → option of that
//     Option type, CALLBACK → callback: (result: …CallbackResult) => void);
//     an argument no table describes keeps no type, with a warning;
//   - properties have no type (the pages give none), with a warning.
var (
	legacyMethod  = regexp.MustCompile(`^(?:Taro\.|wx\.)?([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)\s*\(\s*([A-Za-z_$][\w$]*)?\s*\)$`)
	legacyProp    = regexp.MustCompile(`^([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)\s*[:：]\s*((?s).*)$`)
	legacyCaption = regexp.MustCompile(`^([A-Za-z_$][\w$]*)?\s*(参数说明|返回参数说明|返回参数|返回值说明|回调参数)\s*[:：]?$`)
)

// looksLegacy reports whether the page shows any 1.x marks.
func (p *pageParser) looksLegacy() bool {
	if strings.Contains(p.title, "(OBJECT)") || strings.Contains(p.title, "(CALLBACK)") {
		return true
	}
	for _, b := range p.blocks {
		switch b.kind {
		case bHeading:
			if strings.ReplaceAll(b.text, " ", "") == "API支持度" && !strings.Contains(b.text, " ") {
				return true
			}
		case bPara:
			if legacyMethod.MatchString(b.text) || legacyCaption.MatchString(b.text) {
				return true
			}
		}
	}
	return false
}

type legacyReader struct {
	*pageParser
	cls     *spec.Class
	fn      *spec.Function // the page's function, on a function page
	cur     *spec.Function // the method being read
	mode    string         // "", "props", "methods"
	caption []string       // pending table caption: word, kind
	untyped []string       // properties with no type
}

func (p *pageParser) legacy(secs []section) {
	pg := p.page
	lr := &legacyReader{pageParser: p}
	if p.classLikeTitle() {
		lr.cls = &spec.Class{Pos: p.namePos(), Name: pg.Name}
		pg.Class, pg.Kind = lr.cls, spec.PageClass
	} else {
		lr.fn = &spec.Function{Pos: p.namePos(), Name: pg.Name}
		pg.Function, pg.Kind = lr.fn, spec.PageFunction
		lr.cur = lr.fn
	}
	p.diags.Warnf(p.namePos(), "1.x hand-written page read best effort: no signatures; parameters are inferred from the 参数说明 tables and types from 1.x names")
	var rows []*spec.Support
	var doc []string
	for i, s := range secs {
		switch {
		case i > 0 && s.kind == secSupport:
			for _, b := range s.content {
				if b.kind == bTable && b.tbl.isSupport() {
					rows = append(rows, p.supportRows(b.tbl)...)
				}
			}
		case i > 0 && s.kind == secExamples:
			pg.Examples = append(pg.Examples, p.examples(s.content, 3)...)
		default:
			if i > 0 {
				p.diags.Warnf(p.at(s.head.off), "section ## %s read as part of the 1.x page text", s.head.text)
			}
			doc = append(doc, lr.blocks(s.content)...)
		}
	}
	pg.Doc = strings.Join(doc, "\n\n")
	lr.finishMethods()
	if len(lr.untyped) > 0 {
		p.diags.Warnf(p.namePos(), "1.x page gives no types for the properties %s", strings.Join(lr.untyped, ", "))
	}
	p.attachSupport(rows)
}

// blocks reads the 1.x text; it returns the paragraphs that belong to the
// page description.
func (lr *legacyReader) blocks(bs []blk) (doc []string) {
	for _, b := range bs {
		switch b.kind {
		case bPara:
			lr.para(b, &doc)
		case bList, bQuote:
			if lr.cls != nil && lr.cur != nil {
				lr.cur.Doc = joinDoc(lr.cur.Doc, b.text)
			} else {
				doc = append(doc, b.text)
			}
		case bTable:
			lr.table(b.tbl)
		case bCode:
			if lr.cur != nil && lr.cls != nil {
				lr.cur.Examples = append(lr.cur.Examples, spec.Example{Pos: b.cpos, Lang: b.lang, Code: b.code})
			} else {
				lr.page.Examples = append(lr.page.Examples, spec.Example{Pos: b.cpos, Lang: b.lang, Code: b.code})
			}
		case bIcons:
			if lr.page.Support == nil {
				lr.page.Support = b.sup
			}
		}
	}
	return doc
}

func (lr *legacyReader) para(b blk, doc *[]string) {
	t := textnorm.Name(strings.TrimSpace(b.text))
	switch t {
	case "属性", "Properties", "属性：":
		lr.mode, lr.cur = "props", nil
		return
	case "方法", "Methods", "方法：":
		lr.mode, lr.cur = "methods", nil
		return
	}
	if m := legacyCaption.FindStringSubmatch(t); m != nil {
		lr.caption = m[1:]
		return
	}
	if lr.cls != nil {
		if m := legacyMethod.FindStringSubmatch(t); m != nil && strings.EqualFold(m[1], lr.cls.Name) {
			f := &spec.Function{Pos: p0(lr, b.off), Name: m[2], Owner: lr.cls.Name}
			if arg := m[3]; arg != "" {
				f.Params = append(f.Params, &spec.Field{Pos: f.Pos, Name: legacyParamName(arg)})
			}
			lr.cls.Methods = append(lr.cls.Methods, f)
			lr.cur, lr.mode, lr.caption = f, "methods", nil
			return
		}
		if m := legacyProp.FindStringSubmatch(t); m != nil && strings.EqualFold(m[1], lr.cls.Name) && lr.cur == nil {
			pos := p0(lr, b.off+len(m[1])+1)
			doc := strings.TrimSpace(m[3])
			if allCaps.MatchString(m[2]) {
				lr.cls.Constants = append(lr.cls.Constants, &spec.Constant{Pos: pos, Name: m[2], Doc: doc})
			} else {
				lr.cls.Properties = append(lr.cls.Properties, &spec.Field{Pos: pos, Name: m[2], Doc: doc})
			}
			lr.untyped = append(lr.untyped, m[2])
			return
		}
	}
	if lr.cls != nil && lr.cur != nil {
		lr.cur.Doc = joinDoc(lr.cur.Doc, t)
		return
	}
	*doc = append(*doc, t)
}

func p0(lr *legacyReader, off int) spec.Pos { return lr.at(off) }

func legacyParamName(arg string) string {
	switch strings.ToUpper(arg) {
	case "OBJECT":
		return "option"
	case "CALLBACK":
		return "callback"
	}
	return strings.ToLower(arg[:1]) + arg[1:]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// table reads a captioned 1.x table into a declared type.
func (lr *legacyReader) table(t *table) {
	if t.isSupport() {
		lr.diags.Warnf(t.pos, "support table outside ## API支持度: ignored")
		return
	}
	if lr.cur == nil {
		lr.dropTable(t, "1.x table outside any method")
		return
	}
	word, kind := "OBJECT", "参数说明"
	if lr.caption != nil {
		if lr.caption[0] != "" {
			word = lr.caption[0]
		}
		kind = lr.caption[1]
	} else {
		lr.diags.Warnf(t.pos, "1.x table without a caption: read as the OBJECT parameter of %s", lr.cur.QualifiedName())
	}
	lr.caption = nil
	prefix, scope := "", ""
	if lr.cur.Owner != "" {
		prefix, scope = upperFirst(lr.cur.Name), lr.cur.Name
	}
	upper := strings.ToUpper(word)
	var name, param string
	switch {
	case upper == "OBJECT" && !strings.HasPrefix(kind, "返回"):
		name, param = prefix+"Option", "option"
	case upper == "CALLBACK" || upper == "OBJECT":
		name, param = prefix+"CallbackResult", "callback"
	default:
		name = prefix + upperFirst(word) + "CallbackResult"
	}
	d := &spec.Decl{Pos: t.pos, Name: name, Kind: spec.DeclObject, Scope: scope}
	d.Fields = lr.fields(t, lr.columnsOf(t), true)
	lr.page.Decls = append(lr.page.Decls, d)
	if param == "" {
		return
	}
	ref := &spec.NamedType{Pos: t.pos, Name: name}
	var typ spec.Type = ref
	if param == "callback" {
		typ = &spec.FuncType{Pos: t.pos, Params: []*spec.FuncParam{{Pos: t.pos, Name: "result", Type: ref}}, Result: &spec.PrimitiveType{Pos: t.pos, Name: "void"}}
	}
	for _, f := range lr.cur.Params {
		if f.Name == param {
			f.Type = typ
			return
		}
	}
	lr.cur.Params = append(lr.cur.Params, &spec.Field{Pos: t.pos, Name: param, Type: typ})
}

func (lr *legacyReader) finishMethods() {
	var fs []*spec.Function
	if lr.cls != nil {
		fs = lr.cls.Methods
	} else {
		fs = []*spec.Function{lr.fn}
	}
	for _, f := range fs {
		for _, prm := range f.Params {
			if prm.Type == nil {
				lr.diags.Warnf(prm.Pos, "no type for parameter %s of %s: the 1.x page documents none", prm.Name, f.QualifiedName())
			}
		}
	}
}
