package parser

import (
	"fmt"
	"strings"
)

// Nothing that held members is dropped in silence: a section or table the
// page structure leaves no place for is a warning that names every member
// it held, so that a reader of the diagnostics knows exactly what the spec
// lacks.

// dropSection reports a ## section that is not read.
func (p *pageParser) dropSection(s section, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if lost := membersOf(s.content); len(lost) > 0 {
		p.diags.Warnf(p.at(s.head.off), "%s: ignored, and with it %s", msg, lostList(lost))
		return
	}
	p.diags.Warnf(p.at(s.head.off), "%s: ignored", msg)
}

// dropTable reports a member table that is not read.
func (p *pageParser) dropTable(t *table, what string) {
	if lost := tableMembers(t); len(lost) > 0 {
		p.diags.Warnf(t.pos, "%s: ignored, and with it %s", what, lostList(lost))
		return
	}
	p.diags.Warnf(t.pos, "%s: ignored", what)
}

// lostList reads "the members a, b, c" or "the member a".
func lostList(names []string) string {
	if len(names) == 1 {
		return "the member " + names[0]
	}
	return "the members " + strings.Join(names, ", ")
}

// membersOf names what blocks hold: the ### and deeper headings (methods,
// types) and the rows of member tables.
func membersOf(bs []blk) []string {
	var out []string
	for _, b := range bs {
		switch {
		case b.kind == bHeading && b.level >= 3:
			if k, _ := sectionOf(b.text); k == secOther {
				out = append(out, methodName(b.text))
			}
		case b.kind == bTable:
			out = append(out, tableMembers(b.tbl)...)
		}
	}
	return out
}

// tableMembers names the rows of a member table (first column); a support
// table's rows name APIs.
func tableMembers(t *table) []string {
	var out []string
	for _, r := range t.rows {
		if c, ok := cellAt(r, 0); ok {
			if n := memberName(c.text); n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}
