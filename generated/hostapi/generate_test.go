//go:build !js

package hostapi_test

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/internal/update"
)

// TestUpToDate runs this package's go:generate line with -check: it fails,
// with the diff, when the checked-in files are stale against the generator.
func TestUpToDate(t *testing.T) {
	args := generateArgs(t)
	cmd := exec.Command("go", append([]string{"run", "github.com/tarogen/tarogen/cmd/tarogen", "gen", "-check"}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("generated/hostapi is stale (run go generate ./generated/hostapi): %v\n%s", err, out)
	}
}

func generateArgs(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("generate.go")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const prefix = "//go:generate go run github.com/tarogen/tarogen/cmd/tarogen gen "
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), prefix); ok {
			return strings.Fields(rest)
		}
	}
	t.Fatalf("generate.go has no %q line", prefix)
	return nil
}

// pageSources maps each page beside this package to its source in
// ../../testdata/pages, the repository's one source of fixture pages.
var pageSources = map[string]string{
	"request.md":           "current/network/request/request.md",
	"RequestTask.md":       "current/network/request/RequestTask.md",
	"setStorage.md":        "current/storage/setStorage.md",
	"getStorage.md":        "current/storage/getStorage.md",
	"removeStorage.md":     "current/storage/removeStorage.md",
	"getSystemInfoSync.md": "current/base/system/getSystemInfoSync.md",
}

// TestPagesAreCopies fails when a page here drifts from its source;
// -update refreshes the copies (then run go generate).
func TestPagesAreCopies(t *testing.T) {
	entries, err := os.ReadDir("pages")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := pageSources[e.Name()]; !ok {
			t.Errorf("pages/%s has no source in pageSources", e.Name())
		}
	}
	for name, src := range pageSources {
		want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pages", filepath.FromSlash(src)))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("pages", name)
		got, err := os.ReadFile(path)
		if err == nil && bytes.Equal(got, want) {
			continue
		}
		if update.Enabled() {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s differs from testdata/pages/%s (or is missing); run go test ./generated/hostapi -run TestPagesAreCopies -update, then go generate ./generated/hostapi", path, src)
	}
}
