package parser

import (
	"strings"

	"github.com/tarogen/tarogen/parser/internal/textnorm"
	"github.com/tarogen/tarogen/spec"
)

// columns are the indexes of the recognised columns of a member table, -1
// where absent. Columns are recognised by header name, in any order.
type columns struct {
	name, typ, required, def, doc, readOnly int
}

func headerKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.Trim(textnorm.Name(s), "`*")), ""))
}

var columnNames = map[string]string{
	"参数": "name", "参数名": "name", "属性": "name", "属性名": "name", "名称": "name", "字段": "name", "值": "name", "枚举值": "name",
	"property": "name", "properties": "name", "parameter": "name", "parameters": "name", "param": "name", "name": "name", "field": "name", "value": "name", "key": "name",
	"类型": "type", "type": "type",
	"必填": "required", "是否必填": "required", "必选": "required", "required": "required",
	"默认值": "default", "默认": "default", "default": "default", "defaultvalue": "default",
	"说明": "doc", "描述": "doc", "异常情况": "doc", "备注": "doc", "含义": "doc", "description": "doc", "desc": "doc", "remark": "doc", "remarks": "doc", "note": "doc", "notes": "doc",
	"只读": "readonly", "readonly": "readonly", "read-only": "readonly", "read only": "readonly",
}

// columnsOf maps t's header. An unknown column is a warning naming it; its
// cells are ignored. With no recognised name column, the first column is
// the name.
func (p *pageParser) columnsOf(t *table) columns {
	c, unknown := columnsIn(t)
	for _, h := range unknown {
		p.diags.Warnf(h.pos, "unknown table column %q: its cells are ignored", h.text)
	}
	return c
}

// columnsIn maps t's header and lists the columns it does not know.
func columnsIn(t *table) (c columns, unknown []cell) {
	c = columns{-1, -1, -1, -1, -1, -1}
	for i, h := range t.header {
		var slot *int
		switch columnNames[headerKey(h.text)] {
		case "name":
			slot = &c.name
		case "type":
			slot = &c.typ
		case "required":
			slot = &c.required
		case "default":
			slot = &c.def
		case "doc":
			slot = &c.doc
		case "readonly":
			slot = &c.readOnly
		}
		if slot == nil || *slot >= 0 {
			if i == 0 && c.name < 0 {
				c.name = 0
				continue
			}
			unknown = append(unknown, h)
			continue
		}
		*slot = i
	}
	if c.name < 0 && len(t.header) > 0 {
		c.name = 0
	}
	return c, unknown
}

// checkRow reports a row with fewer cells than the header.
func (p *pageParser) checkRow(t *table, r row) {
	n := 0
	for _, c := range r.cells {
		if !c.missing {
			n++
		}
	}
	if n < len(t.header) {
		p.diags.Errorf(r.pos, "table row has %d cells, header has %d", n, len(t.header))
	}
}

func cellAt(r row, i int) (cell, bool) {
	if i < 0 || i >= len(r.cells) || r.cells[i].missing {
		return cell{}, false
	}
	return r.cells[i], true
}

// memberName cleans a name cell: `url` and url? are url.
func memberName(s string) string {
	return textnorm.Name(strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "`*")))
}

// fields reads a member table (params, properties, object fields).
func (p *pageParser) fields(t *table, cols columns, legacy bool) []*spec.Field {
	var out []*spec.Field
	for _, r := range t.rows {
		p.checkRow(t, r)
		nc, ok := cellAt(r, cols.name)
		if !ok || memberName(nc.text) == "" {
			p.diags.Warnf(r.pos, "table row has no name: skipped")
			continue
		}
		f := &spec.Field{Pos: nc.pos, Name: memberName(nc.text)}
		if cols.typ >= 0 {
			if tc, ok := cellAt(r, cols.typ); ok && tc.typeSrc != "" {
				f.Type = p.parseType(tc.typeSrc, tc.typePos, legacy)
			} else {
				at := r.pos
				if ok {
					at = tc.pos
				}
				p.diags.Warnf(at, "empty type cell for %s", f.Name)
			}
		}
		if cols.required >= 0 {
			f.RequiredKnown = true
			if rc, ok := cellAt(r, cols.required); ok {
				f.Required = p.yesNo(rc, "required")
			}
		}
		if dc, ok := cellAt(r, cols.def); ok {
			f.Default = dc.text
		}
		if dc, ok := cellAt(r, cols.doc); ok {
			f.Doc = dc.text
		}
		if rc, ok := cellAt(r, cols.readOnly); ok {
			f.ReadOnly = p.yesNo(rc, "read-only")
		}
		out = append(out, f)
	}
	return out
}

// yesNo reads a 是/否, Yes/No, true/false cell. Anything else is a warning
// and reads as false.
func (p *pageParser) yesNo(c cell, what string) bool {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(c.text), "`*")) {
	case "是", "yes", "true", "y", "✔️", "✔", "✓", "√", "必填":
		return true
	case "否", "no", "false", "n", "", "-", "—", "非必填":
		return false
	}
	p.diags.Warnf(c.pos, "%s cell %q is neither 是/否 nor Yes/No: read as no", what, c.text)
	return false
}

// enumValues reads a value table (参数|说明 with no type column).
func (p *pageParser) enumValues(t *table, cols columns) []*spec.EnumValue {
	var out []*spec.EnumValue
	for _, r := range t.rows {
		p.checkRow(t, r)
		nc, ok := cellAt(r, cols.name)
		if !ok || memberName(nc.text) == "" {
			p.diags.Warnf(r.pos, "table row has no value: skipped")
			continue
		}
		v := &spec.EnumValue{Pos: nc.pos, Value: unquote(memberName(nc.text))}
		if dc, ok := cellAt(r, cols.doc); ok {
			v.Doc = dc.text
		}
		out = append(out, v)
	}
	return out
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
