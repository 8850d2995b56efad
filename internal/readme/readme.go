// Package readme reads the fenced code blocks of the repository's
// README.md, so that tests run and compile what the README shows instead
// of a copy that could drift from it: cmd/tarogen's TestDownstream runs the
// steps of "Use it in your repo", and this package's test type-checks
// every Go snippet against the generated API.
package readme

import (
	"fmt"
	"os"
	"strings"
)

// Block is one fenced code block.
type Block struct {
	Lang string // the info string after the fence, e.g. "go", "sh"; "" for none
	Text string // the lines between the fences, each ending in "\n"
	Line int    // 1-based line of the first line of Text in the file
}

// Read returns the blocks of the Markdown file path under the heading
// whose text is heading (e.g. "## Use it in your repo"), up to the next
// heading of any level; with heading "" it returns every block of the
// file.
func Read(path, heading string) ([]Block, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	blocks, found := parse(string(b), heading)
	if !found {
		return nil, fmt.Errorf("%s: no heading %q", path, heading)
	}
	return blocks, nil
}

// parse splits md into fenced blocks. Only ``` fences at the start of a
// line count, as the README writes them.
func parse(md, heading string) (blocks []Block, found bool) {
	in := heading == ""
	var cur *Block
	for i, l := range strings.SplitAfter(md, "\n") {
		t := strings.TrimRight(l, "\n")
		switch {
		case cur != nil && t == "```":
			if in {
				blocks = append(blocks, *cur)
			}
			cur = nil
		case cur != nil:
			cur.Text += t + "\n"
		case strings.HasPrefix(t, "```"):
			cur = &Block{Lang: strings.TrimSpace(t[3:]), Line: i + 2}
		case strings.HasPrefix(t, "#") && heading != "":
			if t == heading {
				in, found = true, true
			} else {
				in = false
			}
		}
	}
	return blocks, found || heading == ""
}
