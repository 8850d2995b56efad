package hygiene

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// maxTracked is the largest file git may track without being listed in
// fixtures.txt: the biggest golden archive is about 150 KiB, a committed
// binary is megabytes.
const maxTracked = 1 << 20

// magics are the first bytes of executables and objects the Go toolchain
// or a C compiler writes: ELF, Mach-O (both byte orders, 32/64, fat), PE,
// WebAssembly and ar archives (.a).
var magics = [][]byte{
	[]byte("\x7fELF"),
	{0xfe, 0xed, 0xfa, 0xce}, {0xfe, 0xed, 0xfa, 0xcf},
	{0xce, 0xfa, 0xed, 0xfe}, {0xcf, 0xfa, 0xed, 0xfe},
	{0xca, 0xfe, 0xba, 0xbe},
	[]byte("MZ"),
	[]byte("\x00asm"),
	[]byte("!<arch>\n"),
}

// TestNoBuildOutputs fails when git tracks a built binary or an oversized
// file that fixtures.txt does not list: built outputs are rebuilt, never
// committed.
func TestNoBuildOutputs(t *testing.T) {
	root := repoRoot(t)
	out, err := exec.Command("git", "-C", root, "ls-files", "-z").Output()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("git ls-files: %v", err)
		}
		t.Skipf("not a git checkout (git ls-files: %v)", err)
	}
	allowed := readFixtures(t, filepath.Join(root, "internal", "hygiene", "fixtures.txt"))
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if name == "" {
			continue
		}
		path := filepath.Join(root, filepath.FromSlash(name))
		fi, err := os.Lstat(path)
		if err != nil || !fi.Mode().IsRegular() {
			continue // deleted in the work tree, or a symlink
		}
		if allowed[name] {
			delete(allowed, name)
			continue
		}
		if fi.Size() > maxTracked {
			t.Errorf("%s: tracked file is %d bytes (> %d); remove it or list it in fixtures.txt", name, fi.Size(), maxTracked)
			continue
		}
		if kind := binaryKind(t, path); kind != "" {
			t.Errorf("%s: tracked file is %s; build outputs are not committed", name, kind)
		}
	}
	for name := range allowed {
		t.Errorf("fixtures.txt lists %s, which git does not track", name)
	}
}

// binaryKind says what kind of built binary path is, or "" for none.
func binaryKind(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := f.Read(head)
	head = head[:n]
	for _, m := range magics {
		if bytes.HasPrefix(head, m) {
			if string(m) == "MZ" && !strings.HasSuffix(path, ".exe") && !strings.HasSuffix(path, ".dll") {
				continue // "MZ" also starts ordinary text
			}
			return "an executable or object file (magic " + strings.TrimSpace(string(bytes.ToValidUTF8(m, []byte("?")))) + ")"
		}
	}
	return ""
}

func readFixtures(t *testing.T, path string) map[string]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m[line] = true
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return m
}

func repoRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(wd, "..", "..")
}

// TestBinaryKind pins the detector on the kinds it must catch and the text
// it must let through.
func TestBinaryKind(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, content string
		binary        bool
	}{
		{"a.out", "\x7fELF\x02\x01\x01rest", true},
		{"x.wasm", "\x00asm\x01\x00\x00\x00", true},
		{"lib.a", "!<arch>\nfoo", true},
		{"prog.exe", "MZ\x90\x00", true},
		{"notes.md", "MZ is a text too", false},
		{"page.md", "# SocketTask\n", false},
	}
	for _, c := range cases {
		p := filepath.Join(dir, c.name)
		if err := os.WriteFile(p, []byte(c.content), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := binaryKind(t, p) != ""; got != c.binary {
			t.Errorf("binaryKind(%s) binary = %v, want %v", c.name, got, c.binary)
		}
	}
}

// TestEveryTestPackageTakesUpdate keeps `go test ./... -update` working:
// a test binary fails on a flag it does not define, so every package with
// tests must import internal/update.
func TestEveryTestPackageTakesUpdate(t *testing.T) {
	root := repoRoot(t)
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}} {{if or .TestGoFiles .XTestGoFiles}}tests{{end}} {{.TestImports}} {{.XTestImports}}", "./...")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 || fields[1] != "tests" {
			continue
		}
		if !strings.Contains(line, "github.com/tarogen/tarogen/internal/update") {
			t.Errorf("%s has tests but does not import internal/update, so go test ./... -update fails there", fields[0])
		}
	}
}
