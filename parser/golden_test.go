package parser

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tarogen/tarogen/internal/update"
	"github.com/tarogen/tarogen/spec"
)

// pagesDir holds the fixture pages, one folder per format.
const pagesDir = "../testdata/pages"

// fixture is one page under testdata/pages: its name in positions is its
// path there, "<format>/<Name>.md" or "current/<category>/…/<Name>.md".
type fixture struct {
	name string // e.g. "pipe/SocketTask.md"
	src  []byte
}

func fixtures(t testing.TB) []fixture {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(pagesDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") && filepath.Dir(path) != filepath.Clean(pagesDir) {
			paths = append(paths, path) // the folder's README.md is not a page
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no fixture pages under %s", pagesDir)
	}
	var out []fixture
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(pagesDir, p)
		out = append(out, fixture{name: filepath.ToSlash(rel), src: src})
	}
	return out
}

func marshalPage(t *testing.T, pg *spec.Page) []byte {
	t.Helper()
	b, err := json.MarshalIndent(pg, "", "  ")
	if err != nil {
		t.Fatalf("json.MarshalIndent: %v", err)
	}
	return append(b, '\n')
}

func diagText(ds spec.Diagnostics) []byte {
	var b bytes.Buffer
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// TestGolden compares ParsePage's JSON and diagnostics for every fixture
// with testdata/golden/<format>/<Name>.json and .diag.txt.
func TestGolden(t *testing.T) {
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			pg, diags := ParsePage(fx.name, fx.src)
			if pg == nil {
				t.Fatalf("ParsePage(%s) = nil page; diagnostics:\n%s", fx.name, diagText(diags))
			}
			base := filepath.Join("testdata", "golden", strings.TrimSuffix(fx.name, ".md"))
			checkGolden(t, base+".json", marshalPage(t, pg))
			checkGolden(t, base+".diag.txt", diagText(diags))
		})
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if update.Enabled() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./parser -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}
