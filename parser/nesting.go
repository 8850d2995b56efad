package parser

import "bytes"

// goldmark's time grows with the square of a line's container nesting: a
// 20 KiB line of 10,000 "- " list markers (or ">" quote markers) takes
// seconds. So before goldmark runs, a line whose leading markers nest
// deeper than maxNesting gets an error at the first marker past the limit,
// and those markers are neutralised: each marker byte becomes '\', which
// CommonMark reads as text. Offsets do not change, so positions stay
// exact; the body is copied only when a line needs it.

// limitNesting returns body with over-deep marker runs neutralised.
func (p *pageParser) limitNesting(body []byte) []byte {
	out := body
	for off := 0; off < len(body); {
		end := bytes.IndexByte(body[off:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += off
		}
		if marks := deepMarkers(body[off:end]); marks != nil {
			if &out[0] == &body[0] {
				out = bytes.Clone(body)
			}
			if !p.tooDeep {
				p.tooDeep = true
				p.diags.Errorf(p.at(off+marks[0]), "lists and quotes nested deeper than %d levels: the deeper levels are left out", maxNesting)
			}
			for _, m := range marks {
				out[off+m] = '\\'
			}
		}
		off = end + 1
	}
	return out
}

// deepMarkers returns the offsets in line of the container marker bytes
// past the first maxNesting markers that open the line, or nil.
func deepMarkers(line []byte) []int {
	var marks []int
	depth := 0
	for i := 0; i < len(line); {
		for n := 0; n < 3 && i < len(line) && line[i] == ' '; n++ {
			i++
		}
		w := markerWidth(line[i:])
		if w == 0 {
			break
		}
		depth++
		if depth > maxNesting {
			for j := i; j < i+w; j++ {
				if line[j] != ' ' && line[j] != '\t' {
					marks = append(marks, j)
				}
			}
		}
		i += w
	}
	return marks
}

// markerWidth is the length of the quote or list marker (with the space
// after it) at the start of b, or 0.
func markerWidth(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	switch b[0] {
	case '>':
		if len(b) > 1 && (b[1] == ' ' || b[1] == '\t') {
			return 2
		}
		return 1
	case '-', '*', '+':
		if len(b) > 1 && (b[1] == ' ' || b[1] == '\t') {
			return 2
		}
		return 0
	}
	n := 0
	for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
		n++
	}
	if n > 0 && n+1 < len(b) && (b[n] == '.' || b[n] == ')') && (b[n+1] == ' ' || b[n+1] == '\t') {
		return n + 2
	}
	return 0
}
