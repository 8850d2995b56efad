package jshost

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// BuildTest compiles the test binary of pkg (an import path, a path
// relative to the tarogen module root, or an absolute directory, which may
// be in another module such as bench/) for js/wasm, `GOOS=js GOARCH=wasm go test -c`,
// into t's temporary directory and returns the .wasm file. Go's build cache
// makes a second build of the same package cheap.
func BuildTest(t testing.TB, pkg string, tags ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "test.wasm")
	goBuild(t, append([]string{"test", "-c", "-o", out}, tagArgs(tags)...), pkg)
	return out
}

// BuildProgram compiles the main package pkg (as for BuildTest) for js/wasm
// with the given -ldflags (may be empty) and returns the .wasm file.
func BuildProgram(t testing.TB, pkg, ldflags string, tags ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), filepath.Base(pkg)+".wasm")
	args := append([]string{"build", "-o", out}, tagArgs(tags)...)
	if ldflags != "" {
		args = append(args, "-ldflags="+ldflags)
	}
	goBuild(t, args, pkg)
	return out
}

func tagArgs(tags []string) []string {
	if len(tags) == 0 {
		return nil
	}
	return []string{"-tags=" + strings.Join(tags, ",")}
}

// goBuild runs the go command for js/wasm in the module root.
func goBuild(t testing.TB, args []string, pkg string) {
	t.Helper()
	dir := moduleRoot()
	if filepath.IsAbs(pkg) {
		dir, pkg = pkg, "." // built in its own module
	}
	cmd := exec.Command("go", append(args, pkg)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	var stderr bytes.Buffer
	cmd.Stdout = &stderr
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("jshost: GOOS=js GOARCH=wasm go %s %s: %v\n%s", strings.Join(args, " "), pkg, err, stderr.String())
	}
}

// WasmExecDir is $(go env GOROOT)/lib/wasm: wasm_exec.js, wasm_exec_node.js.
func WasmExecDir(t testing.TB) string {
	t.Helper()
	goroot.once.Do(func() {
		out, err := exec.Command("go", "env", "GOROOT").Output()
		goroot.dir, goroot.err = strings.TrimSpace(string(out)), err
	})
	if goroot.err != nil {
		t.Fatalf("jshost: go env GOROOT: %v", goroot.err)
	}
	return filepath.Join(goroot.dir, "lib", "wasm")
}

var goroot struct {
	once sync.Once
	dir  string
	err  error
}
