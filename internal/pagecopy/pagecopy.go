// Package pagecopy checks the copies of fixture pages that live beside a
// checked-in generated package (read by its go:generate line, as a user's
// pages would be) against their source in testdata/pages, the
// repository's one source of fixture pages. Tests only.
package pagecopy

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tarogen/tarogen/internal/update"
)

// Check fails when a page in dir differs from its source, or dir holds a
// page sources does not name. sources maps a page's base name to its path
// under testdata, the repository's testdata/pages folder. Under -update
// the copies are refreshed instead (then run go generate).
func Check(t *testing.T, dir, testdata string, sources map[string]string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := sources[e.Name()]; !ok {
			t.Errorf("%s has no source in the test's page sources", filepath.Join(dir, e.Name()))
		}
	}
	for name, src := range sources {
		want, err := os.ReadFile(filepath.Join(testdata, filepath.FromSlash(src)))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
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
		t.Errorf("%s differs from testdata/pages/%s (or is missing); run go test -run TestPagesAreCopies -update in its package, then go generate", path, src)
	}
}
