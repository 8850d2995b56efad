package sockettask_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tarogen/tarogen/internal/update"
)

// pageSources maps each page beside this package (read by go:generate, as a
// user's would be) to its source in ../../testdata/pages, the repository's
// one source of fixture pages. The copy exists so that the package
// regenerates the way a user's does, from files beside it.
var pageSources = map[string]string{
	"SocketTask.md":        "mdx/SocketTask.md",
	"connectSocket.md":     "mdx/connectSocket.md",
	"onSocketMessage.md":   "mdx/onSocketMessage.md",
	"sendSocketMessage.md": "html-css/sendSocketMessage.md",
	"closeSocket.md":       "pipe/closeSocket.md",
	"onSocketOpen.md":      "pipe/onSocketOpen.md",
	"onSocketClose.md":     "pipe/onSocketClose.md",
	"onSocketError.md":     "pipe/onSocketError.md",
}

// TestPagesAreCopies fails when a page here drifts from its source;
// go test -update refreshes the copies (then run go generate).
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
		t.Errorf("%s differs from testdata/pages/%s (or is missing); run go test ./generated/sockettask -run TestPagesAreCopies -update, then go generate ./generated/...", path, src)
	}
}
