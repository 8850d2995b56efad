package parser

import (
	"strings"

	"github.com/tarogen/tarogen/spec"
)

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
