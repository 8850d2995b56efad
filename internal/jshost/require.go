package jshost

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// missing skips t, or fails it under CI=true, because what is not
// installed; how says how to install it.
func missing(t testing.TB, what, how string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("jshost: %s (required under CI=true); %s", what, how)
	}
	t.Skipf("jshost: skipping: %s; %s", what, how)
}

// sourceDir is this package's directory: the npm folder and the module root
// are found from it, whatever directory the calling test runs in.
func sourceDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// NpmDir is internal/jshost/npm, where `npm ci` installs the pinned packages.
func NpmDir() string { return filepath.Join(sourceDir(), "npm") }

// moduleRoot is the tarogen module's root (internal/jshost/../..).
func moduleRoot() string { return filepath.Join(sourceDir(), "..", "..") }

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// needNpm checks that `npm ci` has run in NpmDir.
func needNpm(t testing.TB) {
	t.Helper()
	if !exists(filepath.Join(NpmDir(), "node_modules", "@tarojs", "taro-h5", "package.json")) {
		missing(t, "the pinned npm packages are not installed", "run `npm ci` in "+NpmDir())
	}
}
