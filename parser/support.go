package parser

import (
	"bytes"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/tarogen/tarogen/parser/internal/textnorm"
	"github.com/tarogen/tarogen/spec"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Support matrices (`| API | 微信小程序 | … |`): a cell with ✔️ (or ✅ √ ✓)
// is supported; an empty cell, ❌, ✖️ or × is unsupported — the table lists
// the platform, so saying nothing in its cell means "no", which is how
// Taro's generator writes it. Any other text is kept as the Note, with the
// state of the mark beside it, or unknown if there is no mark.

var (
	supportedMarks   = []string{"✔️", "✔", "✅", "☑️", "☑", "√", "✓"}
	unsupportedMarks = []string{"❌", "✖️", "✖", "×", "✗", "✘", "❎"}
)

func cellState(text string) (spec.SupportState, string) {
	t := strings.TrimSpace(text)
	if t == "" {
		return spec.Unsupported, ""
	}
	for _, m := range supportedMarks {
		if i := strings.Index(t, m); i >= 0 {
			return spec.Supported, note(t[:i] + t[i+len(m):])
		}
	}
	for _, m := range unsupportedMarks {
		if i := strings.Index(t, m); i >= 0 {
			return spec.Unsupported, note(t[:i] + t[i+len(m):])
		}
	}
	return spec.Unknown, t
}

func note(s string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(strings.ReplaceAll(s, "\ufe0f", "")), "()（）"))
}

// platforms reads a support table's header cells after API.
func (p *pageParser) platforms(hs []cell) []spec.Platform {
	out := make([]spec.Platform, len(hs))
	for i, h := range hs {
		pl, ok := spec.LookupPlatform(h.text)
		if !ok {
			p.diags.Warnf(h.pos, "unknown platform %q: kept with id %q", pl.Name, pl.ID)
		}
		out[i] = pl
	}
	return out
}

// supportRows reads every row of a support matrix.
func (p *pageParser) supportRows(t *table) []*spec.Support {
	pls := p.platforms(t.header[1:])
	var out []*spec.Support
	for _, r := range t.rows {
		p.checkRow(t, r)
		api, ok := cellAt(r, 0)
		if !ok || strings.TrimSpace(api.text) == "" {
			p.diags.Warnf(r.pos, "support row has no API name: skipped")
			continue
		}
		s := &spec.Support{Pos: api.pos, API: textnorm.Name(strings.Trim(strings.TrimSpace(api.text), "`"))}
		for i, pl := range pls {
			c, ok := cellAt(r, i+1)
			if !ok {
				continue // reported by checkRow; the table says nothing here
			}
			if pl.ID == "" {
				continue
			}
			st, n := cellState(c.text)
			s.Platforms = append(s.Platforms, &spec.PlatformSupport{Pos: c.pos, Platform: pl, State: st, Note: n})
		}
		out = append(out, s)
	}
	return out
}

// iconPrefixes start the MDX support lines.
var iconPrefixes = []string{"支持情况", "Support:", "Supported platforms", "Supports"}

func isIconLine(raw []byte) bool {
	if !bytes.Contains(raw, []byte("<img")) {
		return false
	}
	for _, pre := range iconPrefixes {
		if bytes.HasPrefix(raw, []byte(pre)) {
			return true
		}
	}
	return false
}

// icons reads a `支持情况：<img title="微信小程序" className="icon_platform …">`
// line starting at body offset off. A plain icon is supported, one with
// the class icon_platform--not-support unsupported; a platform without an
// icon is not listed, so Support.State reports it unknown.
func (p *pageParser) icons(raw []byte, off int) *spec.Support {
	s := &spec.Support{Pos: p.at(off), Platforms: []*spec.PlatformSupport{}}
	nodes, err := html.ParseFragment(bytes.NewReader(raw), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		p.diags.Warnf(s.Pos, "unreadable support icons: %v", err)
		return s
	}
	offs := tagOffsets(raw, "img")
	i := 0
	for _, n := range nodes {
		goquery.NewDocumentFromNode(n).Find("img").AddBack().Each(func(_ int, img *goquery.Selection) {
			if img.Get(0).DataAtom != atom.Img {
				return
			}
			at := s.Pos
			if i < len(offs) {
				at = p.at(off + offs[i])
			}
			i++
			title, _ := img.Attr("title")
			if title == "" {
				title, _ = img.Attr("alt")
			}
			if strings.TrimSpace(title) == "" {
				p.diags.Warnf(at, "support icon has no title: skipped")
				return
			}
			pl, ok := spec.LookupPlatform(title)
			if !ok {
				p.diags.Warnf(at, "unknown platform %q: kept with id %q", pl.Name, pl.ID)
			}
			class, _ := img.Attr("classname") // the HTML parser lower-cases JSX's className
			if class == "" {
				class, _ = img.Attr("class")
			}
			st := spec.Supported
			if strings.Contains(class, "icon_platform--not-support") {
				st = spec.Unsupported
			}
			s.Platforms = append(s.Platforms, &spec.PlatformSupport{Pos: at, Platform: pl, State: st})
		})
	}
	return s
}
