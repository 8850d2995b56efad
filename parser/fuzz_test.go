package parser

import (
	"bytes"
	"testing"
	"time"
)

// FuzzParsePage: on any input ParsePage returns (no panic, no hang), and
// every diagnostic has a position inside the file.
func FuzzParsePage(f *testing.F) {
	for _, fx := range fixtures(f) {
		f.Add(fx.src)
	}
	for _, tc := range negativeCases {
		f.Add([]byte(tc.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		start := time.Now()
		pg, diags := ParsePage("f.md", src)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("ParsePage took %v on %d bytes", d, len(src))
		}
		lines := bytes.Split(src, []byte("\n"))
		for _, d := range diags {
			p := d.Pos
			if p.File != "f.md" || p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > len(lines[p.Line-1])+1 {
				t.Errorf("diagnostic %q has a position outside the file (%d lines)", d, len(lines))
			}
		}
		if pg == nil && !diags.HasErrors() {
			t.Errorf("ParsePage returned no page and no error")
		}
	})
}
