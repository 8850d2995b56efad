package parser

import (
	"sort"

	"github.com/tarogen/tarogen/spec"
)

// lineIndex turns byte offsets into file:line:col positions. It is built
// once per page (one pass over the bytes) so that every lookup is a binary
// search, keeping the parser linear in the page size.
type lineIndex struct {
	file   string
	starts []int // byte offset of the first byte of each line
	size   int
	// cuts are the bytes sanitize removed: offsets given to pos are in the
	// cleaned text and are mapped back to the file first.
	cuts []cut
}

func newLineIndex(file string, src []byte) *lineIndex {
	starts := make([]int, 1, 64)
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{file: file, starts: starts, size: len(src)}
}

// pos returns the position of byte offset off. Offsets outside the page are
// clamped, so a position is always valid and inside the file.
func (li *lineIndex) pos(off int) spec.Pos {
	if li.cuts != nil {
		off = origin(li.cuts, off)
	}
	off = max(0, min(off, li.size))
	line := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	line = max(line, 0)
	return spec.Pos{File: li.file, Line: line + 1, Col: off - li.starts[line] + 1}
}

// valid reports whether pos names a byte of this file (or the end of a
// line): positions computed by other code (typeexpr, from text that was
// decoded or moved) are checked before they are reported.
func (li *lineIndex) valid(pos spec.Pos) bool {
	if pos.File != li.file || pos.Line < 1 || pos.Line > len(li.starts) || pos.Col < 1 {
		return false
	}
	end := li.size
	if pos.Line < len(li.starts) {
		end = li.starts[pos.Line] - 1 // the '\n'
	}
	return li.starts[pos.Line-1]+pos.Col-1 <= end
}
