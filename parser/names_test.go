package parser

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/spec"
)

// TestPageNamesPresent checks, for every fixture, that each name the page
// shows is in its spec and that every support row and icon line says the
// same in the spec. The page side is computed by plain line scanning,
// independently of the parser, so that a parser bug cannot hide itself.
func TestPageNamesPresent(t *testing.T) {
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			pg, diags := ParsePage(fx.name, fx.src)
			if pg == nil {
				t.Fatalf("ParsePage(%s) = nil:\n%s", fx.name, diagText(diags))
			}
			have := specNames(pg)
			sups := specSupports(pg)
			for _, w := range scanPage(string(fx.src)) {
				switch w.kind {
				case "name":
					if !have[w.name] {
						t.Errorf("line %d: name %q is on the page but not in the spec", w.line, w.name)
					}
				case "support":
					checkSupportRow(t, pg, sups, diags, w)
				case "icons":
					s := supportAtLine(sups, w.line)
					if s == nil {
						// A support table row took the icons' place: it
						// must agree with every icon.
						checkIconsAgree(t, pg, w)
						continue
					}
					if got := countState(s, spec.Supported); got != w.yes {
						t.Errorf("line %d: icons: spec has %d supported, page has %d", w.line, got, w.yes)
					}
					if got := countState(s, spec.Unsupported); got != w.no {
						t.Errorf("line %d: icons: spec has %d unsupported, page has %d", w.line, got, w.no)
					}
				}
			}
		})
	}
}

type wanted struct {
	kind    string // name, support, icons
	line    int
	name    string
	yes, no int               // support: ✔️ cells / supported icons; unsupported icons
	owner   string            // icons: the ### method they sit under, "" for the page
	icons   map[string]string // icons: title → "supported" or "unsupported"
}

var (
	legacyMethodLine = regexp.MustCompile(`^\w+\.(\w+)\(\w*\)$`)
	legacyPropLine   = regexp.MustCompile(`^[a-z]\w*\.(\w+):`)
	tdCell           = regexp.MustCompile(`^\s*<td[^>]*>(.*)</td>\s*$`)
	tags             = regexp.MustCompile(`<[^>]*>`)
	delimiterLine    = regexp.MustCompile(`^\|[\s:\-|]+$`)
	iconTag          = regexp.MustCompile(`<img title="([^"]*)"[^>]*className="([^"]*)"`)
)

// scanPage lists what the page shows, by line.
func scanPage(src string) []wanted {
	var out []wanted
	lines := strings.Split(src, "\n")
	h2 := ""
	inCode := false
	firstTD := false
	h3 := ""
	for i, l := range lines {
		n := i + 1
		if strings.HasPrefix(l, "```") {
			inCode = !inCode
			continue
		}
		if inCode {
			continue
		}
		switch {
		case strings.HasPrefix(l, "## "):
			h2, h3 = strings.TrimSpace(l[3:]), ""
		case strings.HasPrefix(l, "### ") || strings.HasPrefix(l, "#### "):
			if h2 == "方法" || h2 == "Methods" || h2 == "参数" || h2 == "Parameters" {
				title := strings.TrimSpace(strings.TrimLeft(l, "# "))
				if k, _ := sectionOf(title); k != secSupport && k != secExamples {
					// The icons below belong to the nearest ### or ####
					// that names an API: a method, or a namespace's
					// method under its ### name.
					h3 = title
					out = append(out, wanted{kind: "name", line: n, name: title})
				}
			}
		case strings.HasPrefix(l, "|"):
			if i+1 < len(lines) && delimiterLine.MatchString(lines[i+1]) {
				continue // header
			}
			if delimiterLine.MatchString(l) {
				continue
			}
			cells := strings.Split(strings.Trim(strings.TrimSpace(l), "|"), "|")
			first := strings.Trim(strings.TrimSpace(cells[0]), "`")
			if isSupportRow(lines, i) {
				out = append(out, wanted{kind: "support", line: n, name: first, yes: strings.Count(l, "✔️")})
				continue
			}
			out = append(out, wanted{kind: "name", line: n, name: first})
		case strings.Contains(l, "<tr>"):
			firstTD = true
		case firstTD && tdCell.MatchString(l):
			firstTD = false
			name := strings.TrimSpace(tags.ReplaceAllString(tdCell.FindStringSubmatch(l)[1], ""))
			out = append(out, wanted{kind: "name", line: n, name: name})
		case strings.HasPrefix(l, "支持情况："):
			all := strings.Count(l, "<img ")
			no := strings.Count(l, "icon_platform--not-support")
			w := wanted{kind: "icons", line: n, yes: all - no, no: no, owner: h3, icons: map[string]string{}}
			for _, m := range iconTag.FindAllStringSubmatch(l, -1) {
				w.icons[m[1]] = "supported"
				if strings.Contains(m[2], "icon_platform--not-support") {
					w.icons[m[1]] = "unsupported"
				}
			}
			out = append(out, w)
		case legacyMethodLine.MatchString(l):
			out = append(out, wanted{kind: "name", line: n, name: legacyMethodLine.FindStringSubmatch(l)[1]})
		case legacyPropLine.MatchString(l):
			out = append(out, wanted{kind: "name", line: n, name: legacyPropLine.FindStringSubmatch(l)[1]})
		}
	}
	return out
}

// isSupportRow: the table's header line (above the delimiter) starts with
// "| API |".
func isSupportRow(lines []string, i int) bool {
	for j := i; j >= 0 && strings.HasPrefix(lines[j], "|"); j-- {
		if j+1 < len(lines) && delimiterLine.MatchString(lines[j+1]) && !delimiterLine.MatchString(lines[j]) {
			return strings.HasPrefix(strings.ReplaceAll(lines[j], " ", ""), "|API|")
		}
	}
	return false
}

func specNames(pg *spec.Page) map[string]bool {
	have := map[string]bool{}
	addFields := func(fs []*spec.Field) {
		for _, f := range fs {
			have[f.Name] = true
		}
	}
	if c := pg.Class; c != nil {
		addFields(c.Properties)
		for _, k := range c.Constants {
			have[k.Name] = true
		}
		for _, m := range c.Methods {
			have[m.Name] = true
			addFields(m.Params)
		}
	}
	if f := pg.Function; f != nil {
		have[f.Name] = true
		addFields(f.Params)
	}
	if ns := pg.Namespace; ns != nil {
		have[ns.Name] = true
		for _, m := range ns.Methods {
			have[m.Name] = true
			addFields(m.Params)
		}
	}
	for _, d := range pg.Decls {
		have[d.Name] = true
		if d.Scope != "" {
			have[d.Scope] = true
		}
		addFields(d.Fields)
		for _, v := range d.Values {
			have[v.Value] = true
		}
	}
	// A table that is not a member table (InterstitialAd.show's error
	// codes) is kept as Markdown in its method's Doc.
	docTables := func(doc string) {
		for _, l := range strings.Split(doc, "\n") {
			if cells := strings.Split(l, "|"); len(cells) > 2 && strings.HasPrefix(l, "| ") {
				have[strings.TrimSpace(cells[1])] = true
			}
		}
	}
	if c := pg.Class; c != nil {
		for _, m := range c.Methods {
			docTables(m.Doc)
		}
	}
	if f := pg.Function; f != nil {
		docTables(f.Doc)
	}
	return have
}

func specSupports(pg *spec.Page) []*spec.Support {
	var out []*spec.Support
	add := func(s *spec.Support) {
		if s != nil {
			out = append(out, s)
		}
	}
	add(pg.Support)
	if pg.Class != nil {
		for _, m := range pg.Class.Methods {
			add(m.Support)
		}
	}
	if pg.Function != nil {
		add(pg.Function.Support)
	}
	if ns := pg.Namespace; ns != nil {
		add(ns.Support)
		for _, m := range ns.Methods {
			add(m.Support)
		}
	}
	if pg.Value != nil {
		add(pg.Value.Support)
	}
	return out
}

func supportAtLine(sups []*spec.Support, line int) *spec.Support {
	for _, s := range sups {
		if s.Pos.Line == line {
			return s
		}
	}
	return nil
}

func countState(s *spec.Support, st spec.SupportState) int {
	n := 0
	for _, p := range s.Platforms {
		if p.State == st {
			n++
		}
	}
	return n
}

// checkSupportRow: the row is in the spec with as many supported cells as
// ✔️ marks on the page — or its API already has its own support (MDX icons,
// a per-method table), or the parser said it names no API of the page.
func checkSupportRow(t *testing.T, pg *spec.Page, sups []*spec.Support, diags spec.Diagnostics, w wanted) {
	t.Helper()
	for _, s := range sups {
		if s.API == w.name {
			if got := countState(s, spec.Supported); got != w.yes {
				t.Errorf("line %d: support row %s: spec has %d supported, page has %d ✔️", w.line, w.name, got, w.yes)
			}
			return
		}
	}
	if pg.Class != nil {
		for _, m := range pg.Class.Methods {
			if m.QualifiedName() == w.name && m.Support != nil {
				return
			}
		}
	}
	for _, d := range diags {
		if d.Pos.Line == w.line && strings.Contains(d.Msg, "names no API") {
			return
		}
	}
	t.Errorf("line %d: support row %s is not in the spec", w.line, w.name)
}

func checkIconsAgree(t *testing.T, pg *spec.Page, w wanted) {
	t.Helper()
	s := pg.Support
	if w.owner != "" {
		s = nil
		var methods []*spec.Function
		switch {
		case pg.Class != nil:
			methods = pg.Class.Methods
		case pg.Namespace != nil:
			methods = pg.Namespace.Methods
			if pg.Namespace.Name == w.owner {
				s = pg.Namespace.Support
			}
		}
		for _, m := range methods {
			if m.Name == w.owner {
				s = m.Support
			}
		}
	}
	if s == nil {
		t.Errorf("line %d: 支持情况 icons are not in the spec", w.line)
		return
	}
	for title, state := range w.icons {
		pl, _ := spec.LookupPlatform(title)
		if got := s.State(pl.ID).String(); got != state {
			t.Errorf("line %d: icon %s is %s, spec says %s", w.line, title, state, got)
		}
	}
}
