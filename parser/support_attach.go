package parser

import (
	"strings"

	"github.com/tarogen/tarogen/spec"
)

// A page can state one API's support twice: a 支持情况 icon line (the page's
// or the method's own) and a row of an API 支持度 table. They are merged,
// never one dropped for the other: the table row lists every platform, so
// its explicit cells win (an empty cell is unsupported, not unknown), and a
// platform only the icons mention keeps the icon's state (a plain icon
// supported, icon_platform--not-support unsupported). A platform neither
// mentions stays unknown. Where both state a platform and disagree, a
// warning says so.

// attachSupport hands the rows of the page's ## API 支持度 table out: the
// page's own API row to the page (and its function, value or namespace), a
// method's row (SocketTask.send, router.addRouteBuilder) to the method.
func (p *pageParser) attachSupport(rows []*spec.Support) {
	pg := p.page
	owner, methods := p.ownerMethods()
	byName := map[string][]*spec.Function{}
	for _, m := range methods {
		byName[m.Name] = append(byName[m.Name], m)
	}
	for _, s := range rows {
		api := strings.TrimPrefix(s.API, "Taro.")
		switch {
		case api == pg.Name:
			p.attachPageRow(s)
			continue
		case owner != "" && strings.HasPrefix(api, owner+"."):
			ms := byName[api[len(owner)+1:]]
			for _, m := range ms {
				m.Support = p.withPageRow(s, m.Support)
			}
			if len(ms) > 0 {
				continue
			}
		}
		p.diags.Warnf(s.Pos, "support row %q names no API on this page: ignored", s.API)
	}
}

// ownerMethods is the class or namespace whose methods table rows name.
func (p *pageParser) ownerMethods() (string, []*spec.Function) {
	switch pg := p.page; {
	case pg.Class != nil:
		return pg.Class.Name, pg.Class.Methods
	case pg.Namespace != nil:
		return pg.Namespace.Name, pg.Namespace.Methods
	}
	return "", nil
}

// attachPageRow merges the row naming the page's own API into the page's
// support and that of its function, namespace or value.
func (p *pageParser) attachPageRow(s *spec.Support) {
	pg := p.page
	pg.Support = p.withTableRow(s, pg.Support, "the 支持情况 icons")
	var own **spec.Support
	switch {
	case pg.Function != nil:
		own = &pg.Function.Support
	case pg.Namespace != nil:
		own = &pg.Namespace.Support
	case pg.Value != nil:
		own = &pg.Value.Support
	default:
		return
	}
	if *own == nil {
		*own = pg.Support // finish would copy the page's support anyway
		return
	}
	*own = p.withPageRow(s, *own)
}

// withPageRow merges a row of the page's table into an API's own support:
// over its icons, but under its own table row (#### API 支持度), which
// is the more specific statement.
func (p *pageParser) withPageRow(row, own *spec.Support) *spec.Support {
	if own == nil || own.API == "" {
		return p.withTableRow(row, own, "the 支持情况 icons")
	}
	p.compareSupport(row, own, "the method's own support", "the page-level table")
	return mergeSupport(own, row)
}

// withTableRow merges a table row over icons (either may be nil), after
// warning where they disagree.
func (p *pageParser) withTableRow(row, icons *spec.Support, iconsName string) *spec.Support {
	if icons != nil && icons != row {
		p.compareSupport(row, icons, iconsName, "the table row")
	}
	return mergeSupport(row, icons)
}

// mergeSupport is primary with the platforms only secondary states added,
// in page order. Either may be nil; neither is modified.
func mergeSupport(primary, secondary *spec.Support) *spec.Support {
	switch {
	case primary == nil:
		return secondary
	case secondary == nil || secondary == primary:
		return primary
	}
	out := *primary
	out.Platforms = append([]*spec.PlatformSupport(nil), primary.Platforms...)
	for _, c := range secondary.Platforms {
		if !listsPlatform(primary, c.Platform.ID) {
			out.Platforms = append(out.Platforms, c)
		}
	}
	return &out
}

func listsPlatform(s *spec.Support, id string) bool {
	for _, c := range s.Platforms {
		if c.Platform.ID == id {
			return true
		}
	}
	return false
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
