//go:build !js

package hostapi_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/internal/pagecopy"
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
	pagecopy.Check(t, "pages", filepath.Join("..", "..", "testdata", "pages"), pageSources)
}
