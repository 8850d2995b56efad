package typeexpr

import (
	"html"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tarogen/tarogen/spec"
)

// source is one input string after HTML entity decoding, with what it takes
// to turn an offset in the decoded text back into a page position.
type source struct {
	src  string // as given by the caller
	text string // src with HTML entities decoded; what the lexer reads
	// offs maps a byte offset in text to the offset in src it came from;
	// len(offs) == len(text)+1. nil when text == src (the common case: no
	// entity), so that plain cells cost no extra allocation.
	offs []int
	at   spec.Pos
	// lineStarts are the offsets in src just after each '\n', nil when src
	// is one line.
	lineStarts []int
}

func newSource(src string, at spec.Pos) (*source, error) {
	// A zero or partial at still gives positions relative to src, so that
	// an error found outside any page still says where in src it is.
	if at.Line <= 0 {
		at.Line = 1
	}
	if at.Col <= 0 {
		at.Col = 1
	}
	s := &source{src: src, text: src, at: at}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			s.lineStarts = append(s.lineStarts, i+1)
		}
	}
	if !utf8.ValidString(src) {
		i := 0
		for i < len(src) {
			r, n := utf8.DecodeRuneInString(src[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return nil, &Error{Pos: s.srcPos(i), Msg: "invalid UTF-8 encoding"}
	}
	if strings.IndexByte(src, '&') >= 0 {
		s.decodeEntities()
	}
	return s, nil
}

// decodeEntities replaces HTML character references (&lt; &gt; &amp;
// &quot; &#39; &#x27; and every other named or numeric reference
// html.UnescapeString knows) by the text they stand for. Only references
// closed by ';' are decoded, so a bare '&' (an intersection) is never
// touched. Decoding is a single pass: "&amp;lt;" becomes "&lt;", not "<".
//
// Every byte a reference decodes to maps back to the reference's '&', so
// positions are exact everywhere except inside a reference, where they
// point at its start.
func (s *source) decodeEntities() {
	src := s.src
	var b strings.Builder
	b.Grow(len(src))
	offs := make([]int, 0, len(src)+1)
	for i := 0; i < len(src); {
		if src[i] == '&' {
			if j := entityEnd(src, i); j > 0 {
				ref := src[i:j]
				if dec := html.UnescapeString(ref); dec != ref {
					b.WriteString(dec)
					for range len(dec) {
						offs = append(offs, i)
					}
					i = j
					continue
				}
			}
		}
		b.WriteByte(src[i])
		offs = append(offs, i)
		i++
	}
	if b.Len() == len(src) && b.String() == src {
		return
	}
	s.text = b.String()
	s.offs = append(offs, len(src))
}

// entityEnd returns the offset just past the ';' of a character reference
// starting at src[i] == '&', or -1.
func entityEnd(src string, i int) int {
	j := i + 1
	if j < len(src) && src[j] == '#' {
		j++
		if j < len(src) && (src[j] == 'x' || src[j] == 'X') {
			j++
		}
	}
	start := j
	for j < len(src) && j-start < 32 && isASCIIAlnum(src[j]) {
		j++
	}
	if j == start || j >= len(src) || src[j] != ';' {
		return -1
	}
	return j + 1
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// pos is the page position of byte off of the decoded text.
func (s *source) pos(off int) spec.Pos {
	if s.offs != nil {
		off = s.offs[off]
	}
	return s.srcPos(off)
}

// srcPos is the page position of byte off of src: on src's first line
// columns continue from at; after a newline they restart at 1.
func (s *source) srcPos(off int) spec.Pos {
	n, _ := slices.BinarySearch(s.lineStarts, off+1) // line starts <= off
	if n == 0 {
		return spec.Pos{File: s.at.File, Line: s.at.Line, Col: s.at.Col + off}
	}
	return spec.Pos{File: s.at.File, Line: s.at.Line + n, Col: off - s.lineStarts[n-1] + 1}
}
