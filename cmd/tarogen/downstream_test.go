package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/tarogen/tarogen/internal/readme"
)

// TestDownstream does what README.md's "Use it in your repo" says, read
// from the README itself, in an empty directory: its ```sh blocks are run
// line by line, and a ```go block whose first line is a "// path" comment
// is written to that path. The one thing added is a replace directive
// right after `go mod init`, because tarogen is not published. The pages
// its go:generate line names are copied from generated/sockettask/pages,
// with no overlay. Then the generated package must have exactly
// generated/sockettask's exported API and docs (go doc -all), and no step
// may print a warning.
//
// It uses the Go module proxy as configured, then the local module cache:
// see proxyEnv.
func TestDownstream(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a separate module")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	blocks, err := readme.Read(filepath.Join(root, "README.md"), "## Use it in your repo")
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "GOFLAGS=", "GOWORK=off", "GOTOOLCHAIN=local", proxyEnv(t))
	mod := t.TempDir()
	var pkgDir string
	ran := 0
	for _, b := range blocks {
		switch b.Lang {
		case "go":
			pkgDir = writeREADMEFile(t, root, mod, b)
		case "sh":
			for _, line := range shellLines(b) {
				stderr := goStep(t, env, mod, line)
				ran++
				if strings.Fields(line)[1] == "generate" && stderr != "" {
					t.Errorf("README step %q printed on stderr (want nothing: no warnings):\n%s", line, stderr)
				}
				if strings.HasPrefix(line, "go mod init ") {
					goStep(t, env, mod, "go mod edit -replace github.com/tarogen/tarogen="+root)
				}
			}
		}
	}
	if ran < 4 || pkgDir == "" {
		t.Fatalf("README's steps: ran %d commands and wrote package dir %q; want at least go mod init, go get -tool, go generate, go vet and a go:generate file", ran, pkgDir)
	}
	got := goDoc(t, pkgDir)
	want := goDoc(t, filepath.Join(root, "generated", "sockettask"))
	if got != want {
		t.Errorf("the exported API generated from the pages alone differs from generated/sockettask's:\n%s", lineDiff(want, got))
	}
}

// shellLines are a ```sh block's commands, comments dropped. Only go
// commands are allowed: the README's steps must run anywhere Go does.
func shellLines(b readme.Block) []string {
	var out []string
	for _, l := range strings.Split(b.Text, "\n") {
		if i := strings.Index(l, "#"); i >= 0 {
			l = l[:i]
		}
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// goStep runs one README command in dir with the user's environment
// (no -mod=mod: go.mod must be right after the README's steps) and
// returns its standard error.
func goStep(t *testing.T, env []string, dir, line string) string {
	t.Helper()
	args := strings.Fields(line)
	if args[0] != "go" {
		t.Fatalf("README step %q: only go commands are expected", line)
	}
	cmd := exec.Command("go", args[1:]...)
	cmd.Dir = dir
	cmd.Env = env
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("README step %q: %v\n%s%s", line, err, out, stderr.String())
	}
	return stderr.String()
}

// proxyEnv is GOPROXY for the downstream module: the configured proxies,
// then the local module cache (a valid GOPROXY tree), each tried when the
// one before fails in any way ("|"). `go get -tool` asks the proxy whether
// github.com/tarogen/tarogen/cmd/tarogen is a module of its own; an
// unpublished path is an error on some mirrors (403), not a 404, and that
// must not end the lookup.
func proxyEnv(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOPROXY", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	proxies, cache, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	var list []string
	for _, p := range strings.FieldsFunc(proxies, func(r rune) bool { return r == ',' || r == '|' }) {
		if p != "direct" && p != "off" {
			list = append(list, p)
		}
	}
	list = append(list, "file://"+filepath.ToSlash(filepath.Join(cache, "cache", "download")))
	return "GOPROXY=" + strings.Join(list, "|")
}

// pageArg matches the pages a go:generate line names.
var pageArg = regexp.MustCompile(`\S+\.md\b`)

// writeREADMEFile writes a ```go block named by its first line ("//
// sockettask/generate.go") into mod, copies the pages its go:generate
// line names beside it, and returns its directory.
func writeREADMEFile(t *testing.T, root, mod string, b readme.Block) string {
	t.Helper()
	first, body, _ := strings.Cut(b.Text, "\n")
	name, ok := strings.CutPrefix(first, "// ")
	if !ok || !strings.HasSuffix(name, ".go") {
		t.Fatalf("README.md:%d: a go block in this section must start with a // path.go comment naming the file", b.Line)
	}
	path := filepath.Join(mod, filepath.FromSlash(name))
	writeFile(t, path, body)
	dir := filepath.Dir(path)
	for _, l := range strings.Split(body, "\n") {
		if !strings.HasPrefix(l, "//go:generate ") {
			continue
		}
		for _, p := range pageArg.FindAllString(l, -1) {
			copyFile(t, filepath.Join(root, "generated", "sockettask", p), filepath.Join(dir, filepath.FromSlash(p)))
		}
	}
	return dir
}

// goDoc is `go doc -all` of the package in dir without its first line
// (the import path, which differs).
func goDoc(t *testing.T, dir string) string {
	t.Helper()
	cmd := exec.Command("go", "doc", "-all", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go doc -all in %s: %v\n%s", dir, err, out)
	}
	_, rest, _ := strings.Cut(string(out), "\n")
	return rest
}

// lineDiff is a unified diff of want and got.
func lineDiff(want, got string) string {
	d, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: difflib.SplitLines(want), B: difflib.SplitLines(got),
		FromFile: "generated/sockettask", ToFile: "from the README's steps", Context: 2,
	})
	return d
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(b))
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
