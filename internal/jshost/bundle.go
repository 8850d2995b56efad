package jshost

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// TaroH5Bundle bundles Taro's H5 runtime with npm/bundle.mjs (esbuild, about
// half a second) into t's temporary directory and returns the script. It is
// rebuilt for every caller rather than cached on disk, so a test never runs
// against a bundle older than the pinned packages.
func TaroH5Bundle(t testing.TB) string {
	t.Helper()
	needNpm(t)
	node := needNode(t)
	out := filepath.Join(t.TempDir(), "taro-h5.js")
	cmd := exec.Command(node, filepath.Join(NpmDir(), "bundle.mjs"), out)
	cmd.Dir = NpmDir()
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("jshost: bundling Taro H5: %v\n%s", err, msg)
	}
	return out
}

// needNode returns the path of node, or skips (fails under CI=true).
func needNode(t testing.TB) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		missing(t, "node is not on PATH", "install Node.js (apt-get install nodejs npm)")
	}
	return node
}
