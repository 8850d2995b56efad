package sockettask_test

import (
	"path/filepath"
	"testing"

	"github.com/tarogen/tarogen/internal/pagecopy"
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
// -update refreshes the copies (then run go generate).
func TestPagesAreCopies(t *testing.T) {
	pagecopy.Check(t, "pages", filepath.Join("..", "..", "testdata", "pages"), pageSources)
}
