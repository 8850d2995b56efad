package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Page text reaches the spec, and from there Go comments and strings, so
// characters that hide or reorder text are removed where the page is read,
// while their positions are still known:
//
//   - a UTF-8 BOM at the start of the page is dropped silently (it is
//     encoding noise; the front matter after it is read as usual);
//   - C0 controls other than tab and line feed, a CR not followed by LF,
//     DEL, C1 controls, LINE SEPARATOR and PARAGRAPH SEPARATOR, and the
//     bidirectional controls (U+061C, U+200E/F, U+202A…U+202E,
//     U+2066…U+2069: the Trojan Source characters, CVE-2021-42574) are
//     stripped, with one warning per run of adjacent ones that names each.
//
// Stripping shifts offsets, so the line index keeps the cuts and maps every
// offset in the cleaned text back to the original file: positions stay
// exact.

// cut records bytes removed from the page: at is the offset in the cleaned
// text where they were, total the bytes removed up to and including them.
type cut struct{ at, total int }

// sanitize returns src without the characters above and the cuts made,
// reporting each run. src is valid UTF-8 without NUL bytes. A page with
// nothing to strip is returned as is, without allocating.
func (p *pageParser) sanitize(src []byte) ([]byte, []cut) {
	start := 0
	if strings.HasPrefix(string(src[:min(3, len(src))]), "\ufeff") {
		start = 3
	}
	first := firstStripped(src, start)
	if first < 0 {
		if start == 0 {
			return src, nil
		}
		return src[start:], []cut{{0, start}}
	}
	out := make([]byte, 0, len(src))
	var cuts []cut
	removed := start
	if start > 0 {
		cuts = append(cuts, cut{0, start})
	}
	i := start
	for i < len(src) {
		j := firstStripped(src, i)
		if j < 0 {
			break
		}
		out = append(out, src[i:j]...)
		var names []string
		k := j
		for k < len(src) {
			r, n, ok := strippedAt(src, k)
			if !ok {
				break
			}
			names = appendOnce(names, runeName(r))
			k += n
		}
		p.diags.Warnf(p.lines.pos(j), "page text holds %s: stripped", strings.Join(names, ", "))
		removed += k - j
		cuts = append(cuts, cut{len(out), removed})
		i = k
	}
	return append(out, src[i:]...), cuts
}

// firstStripped is the offset of the first character to strip at or after
// i, or -1.
func firstStripped(src []byte, i int) int {
	for ; i < len(src); i++ {
		c := src[i]
		// Only these lead bytes can start a stripped character.
		if c < 0x20 || c == 0x7f || c == 0xc2 || c == 0xd8 || c == 0xe2 {
			if _, _, ok := strippedAt(src, i); ok {
				return i
			}
		}
	}
	return -1
}

// strippedAt reports whether a character to strip starts at src[i].
func strippedAt(src []byte, i int) (r rune, n int, ok bool) {
	c := src[i]
	switch {
	case c == '\t' || c == '\n':
		return 0, 0, false
	case c == '\r':
		lone := i+1 >= len(src) || src[i+1] != '\n'
		return '\r', 1, lone
	case c < 0x20 || c == 0x7f:
		return rune(c), 1, true
	case c < utf8.RuneSelf:
		return 0, 0, false
	}
	r, n = utf8.DecodeRune(src[i:])
	switch {
	case r >= 0x80 && r <= 0x9f, // C1 controls
		r == '\u2028', r == '\u2029',
		r == '\u061c', r == '\u200e', r == '\u200f',
		r >= '\u202a' && r <= '\u202e',
		r >= '\u2066' && r <= '\u2069':
		return r, n, true
	}
	return 0, 0, false
}

func appendOnce(names []string, s string) []string {
	for _, n := range names {
		if n == s {
			return names
		}
	}
	return append(names, s)
}

// runeName names a stripped character the way Unicode does:
// "U+202E RIGHT-TO-LEFT OVERRIDE".
func runeName(r rune) string {
	name, ok := strippedNames[r]
	switch {
	case ok:
	case r < 0x20 || r == 0x7f:
		name = "CONTROL CHARACTER"
	default:
		name = "C1 CONTROL CHARACTER"
	}
	return fmt.Sprintf("U+%04X %s", r, name)
}

var strippedNames = map[rune]string{
	0x07: "BELL", 0x08: "BACKSPACE", 0x0b: "LINE TABULATION", 0x0c: "FORM FEED",
	0x0d: "CARRIAGE RETURN (not followed by a line feed)", 0x1b: "ESCAPE", 0x7f: "DELETE",
	0x85:   "NEXT LINE",
	0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
	0x061c: "ARABIC LETTER MARK", 0x200e: "LEFT-TO-RIGHT MARK", 0x200f: "RIGHT-TO-LEFT MARK",
	0x202a: "LEFT-TO-RIGHT EMBEDDING", 0x202b: "RIGHT-TO-LEFT EMBEDDING", 0x202c: "POP DIRECTIONAL FORMATTING",
	0x202d: "LEFT-TO-RIGHT OVERRIDE", 0x202e: "RIGHT-TO-LEFT OVERRIDE",
	0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE",
	0x2069: "POP DIRECTIONAL ISOLATE",
}

// origin maps an offset in the cleaned text to the original page.
func origin(cuts []cut, off int) int {
	// The last cut at or before off says how much was removed before it.
	lo, hi := 0, len(cuts)
	for lo < hi {
		m := (lo + hi) / 2
		if cuts[m].at <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return off
	}
	return off + cuts[lo-1].total
}
