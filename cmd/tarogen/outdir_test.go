//go:build unix

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The attacks of issue 12 on the output directory, through the CLI. Each
// gen run has a deadline: a FIFO used to hang gen forever.

// genWithin runs gen -o dir on the socket pages and fails the test if it
// does not return within a few seconds.
func genWithin(t *testing.T, dir string, extra ...string) (code int, stderr string) {
	t.Helper()
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, _, stderr := runCLI(append(append([]string{"gen", "-o", dir, "-pkg", "sockettask"}, extra...), pageArgs()...)...)
		done <- result{code, stderr}
	}()
	select {
	case r := <-done:
		return r.code, r.stderr
	case <-time.After(20 * time.Second):
		t.Fatalf("gen -o %s did not return within 20s (it hangs)", dir)
	}
	return 0, ""
}

// listDir is the directory's names and, for regular files, their bytes.
func listDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			m[e.Name()] = e.Type().String()
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = string(b)
	}
	return m
}

// TestFIFONotOutputIgnored: a FIFO named notes.go, not an output name, is
// neither opened nor read (gen used to wait on it forever), and stays.
func TestFIFONotOutputIgnored(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "notes.go")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if code, stderr := genWithin(t, dir); code != 0 {
		t.Fatalf("gen with a FIFO notes.go = exit %d, want 0; stderr:\n%s", code, stderr)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("notes.go is no longer the FIFO (%v, %v)", fi, err)
	}
}

// TestSymlinkToDevZeroIgnored: zero.go → /dev/zero is not followed (gen
// used to read it until memory ran out), and stays.
func TestSymlinkToDevZeroIgnored(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "zero.go")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	if code, stderr := genWithin(t, dir); code != 0 {
		t.Fatalf("gen with zero.go -> /dev/zero = exit %d, want 0; stderr:\n%s", code, stderr)
	}
	if target, err := os.Readlink(link); err != nil || target != "/dev/zero" {
		t.Errorf("zero.go changed: %q, %v", target, err)
	}
}

// TestNonRegularOutputRefused: a FIFO, a symlink (to /dev/zero, or to a
// file elsewhere) or a directory named like an output is refused with exit
// 2 before anything is written: the directory is exactly as it was.
func TestNonRegularOutputRefused(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "victim.go")
	os.WriteFile(outside, []byte("package victim\n"), 0o644)
	tests := []struct {
		name string
		make func(path string) error
		kind string
	}{
		{"fifo", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "a named pipe (FIFO)"},
		{"symlink to /dev/zero", func(p string) error { return os.Symlink("/dev/zero", p) }, "a symbolic link"},
		{"symlink outside", func(p string) error { return os.Symlink(outside, p) }, "a symbolic link"},
		{"directory", func(p string) error { return os.Mkdir(p, 0o755) }, "a directory"},
	}
	for _, tt := range tests {
		for _, name := range []string{"sockettask.go", "platform.native.go"} {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "generate.go"), []byte("package sockettask\n"), 0o644)
			path := filepath.Join(dir, name)
			if err := tt.make(path); err != nil {
				t.Skipf("%s: %v", tt.name, err)
			}
			before := listDir(t, dir)
			code, stderr := genWithin(t, dir)
			want := "tarogen: " + path + " is " + tt.kind + ", not a regular file; tarogen reads and replaces only regular files: remove it or choose another output directory\n"
			if code != 2 || own(stderr) != want {
				t.Errorf("%s named %s: exit %d, stderr %q; want 2 and %q", tt.name, name, code, stderr, want)
			}
			if after := listDir(t, dir); !mapsEqual(before, after) {
				t.Errorf("%s named %s: the directory changed:\nbefore %v\nafter  %v", tt.name, name, keys(before), keys(after))
			}
		}
	}
	if b, _ := os.ReadFile(outside); string(b) != "package victim\n" {
		t.Errorf("a symlink's target was written: %q", b)
	}
}

// TestCaseFoldedOutputRefused: a hand-written SocketTask.go would be
// replaced by sockettask.go on a case-insensitive file system.
func TestCaseFoldedOutputRefused(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "SocketTask.go")
	os.WriteFile(mine, []byte("package sockettask\n"), 0o644)
	code, stderr := genWithin(t, dir)
	want := "tarogen: " + mine + " differs from the output sockettask.go only in case; on a case-insensitive file system writing one replaces the other: rename or remove it\n"
	if code != 2 || own(stderr) != want {
		t.Errorf("gen beside SocketTask.go = exit %d, stderr %q; want 2 and %q", code, stderr, want)
	}
}

// TestLeftoverTempsRemoved: the .tarogen-*.tmp files of a run killed
// before its commit point are removed by the next run (there used to be
// about 500 after a few kills, never removed); other hidden files stay.
func TestLeftoverTempsRemoved(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{".tarogen-123.tmp", ".tarogen-journal-9.tmp", ".tarogen-x.tmp"} {
		os.WriteFile(filepath.Join(dir, n), []byte("half a file"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, ".keep.tmp"), []byte("mine"), 0o644)
	code, stderr := genWithin(t, dir)
	if code != 0 {
		t.Fatalf("gen = exit %d; stderr:\n%s", code, stderr)
	}
	if want := "tarogen: " + dir + ": removed 3 temporary files an interrupted run left\n"; own(stderr) != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
	for name := range listDir(t, dir) {
		if strings.HasPrefix(name, ".tarogen-") && strings.HasSuffix(name, ".tmp") {
			t.Errorf("leftover %s not removed", name)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ".keep.tmp")); string(b) != "mine" {
		t.Errorf(".keep.tmp was touched")
	}
}

// TestLeftoverTempNotRegularRefused: something that is not a regular file
// under a temporary file's name is not tarogen's: refused, not removed.
func TestLeftoverTempNotRegularRefused(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, ".tarogen-1.tmp")
	os.Symlink("/etc/passwd", link)
	code, stderr := genWithin(t, dir)
	want := "tarogen: " + link + " is a symbolic link, not a regular file; tarogen reads and replaces only regular files: remove it or choose another output directory\n"
	if code != 2 || own(stderr) != want {
		t.Errorf("gen = exit %d, stderr %q; want 2 and %q", code, stderr, want)
	}
}

// TestCheckRefusesInterruptedDir: -check on a directory with an unfinished
// journal is an error, not a diff: it holds neither package.
func TestCheckRefusesInterruptedDir(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".tarogen-journal"), []byte("tarogen journal 1\nend\n"), 0o644)
	code, _, stderr := runCLI(append([]string{"gen", "-check", "-o", dir, "-pkg", "sockettask"}, pageArgs()...)...)
	want := "tarogen: " + dir + ": a tarogen run was interrupted here (.tarogen-journal exists); run tarogen gen to finish it\n"
	if code != 2 || own(stderr) != want {
		t.Errorf("gen -check = exit %d, stderr %q; want 2 and %q", code, stderr, want)
	}
	if code, stderr := genWithin(t, dir); code != 0 || !strings.Contains(stderr, "finished a run that was interrupted (0 changes)") {
		t.Errorf("gen after it = exit %d, stderr %q; want 0 and the journal finished", code, stderr)
	}
	if _, err := os.Lstat(filepath.Join(dir, ".tarogen-journal")); !os.IsNotExist(err) {
		t.Errorf("journal still there (%v)", err)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
