package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPkgNameRefused: a -pkg that is not a usable package name is exit 2
// with the reason, and nothing is written (the directory is not even
// created). It was "internal error" plus a source dump, or an unbuildable
// package with exit 0.
func TestPkgNameRefused(t *testing.T) {
	tests := []struct{ pkg, why string }{
		{"type", "a Go keyword cannot name a package"},
		{"a b", "not a Go identifier (a letter or _, then letters, digits and _)"},
		{"a\nb", "not a Go identifier (a letter or _, then letters, digits and _)"},
		{"9lives", "not a Go identifier (a letter or _, then letters, digits and _)"},
		{"_", "the blank identifier cannot name a package"},
		{"main", "package main is a program, which no other package can import"},
	}
	for _, tt := range tests {
		dir := filepath.Join(t.TempDir(), "out")
		code, _, stderr := runCLI(append([]string{"gen", "-o", dir, "-pkg", tt.pkg}, pageArgs()...)...)
		want := "tarogen: gen: -pkg " + quote(tt.pkg) + ": " + tt.why + "\n"
		if code != 2 || own(stderr) != want {
			t.Errorf("gen -pkg %q = exit %d, stderr %q; want exit 2 and %q", tt.pkg, code, stderr, want)
		}
		if strings.Contains(stderr, "internal error") {
			t.Errorf("gen -pkg %q: stderr mentions an internal error:\n%s", tt.pkg, stderr)
		}
		if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("gen -pkg %q created the output directory (err %v)", tt.pkg, err)
		}
	}
}

// TestDefaultPkgNameRefused: with no -pkg, a directory whose base name is
// not a package name is refused the same way, saying to use -pkg.
func TestDefaultPkgNameRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "type")
	code, _, stderr := runCLI(append([]string{"gen", "-o", dir}, pageArgs()...)...)
	want := `tarogen: gen: the base name of -o ` + dir + ` gives package name "type": a Go keyword cannot name a package; give one with -pkg` + "\n"
	if code != 2 || own(stderr) != want {
		t.Errorf("gen -o .../type = exit %d, stderr %q; want exit 2 and %q", code, stderr, want)
	}
}

// own is stderr's lines that tarogen itself prints ("tarogen: …"), without
// the pages' diagnostics, which other tests pin.
func own(stderr string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(stderr, "\n") {
		if strings.HasPrefix(l, "tarogen: ") {
			b.WriteString(l)
		}
	}
	return b.String()
}

func quote(s string) string { return strings.ReplaceAll(`"`+s+`"`, "\n", `\n`) }

// TestGuard: a panic in a command is a one-line internal error, with the
// stack only under -debug.
func TestGuard(t *testing.T) {
	for _, debug := range []bool{false, true} {
		var stderr strings.Builder
		err := func() (err error) {
			defer guard(debug, &stderr, &err)
			panic("boom")
		}()
		want := "internal error: boom (please report it, with the input; -debug prints the stack)"
		if err == nil || err.Error() != want {
			t.Errorf("debug=%v: err = %v, want %q", debug, err, want)
		}
		if got := strings.Contains(stderr.String(), "goroutine"); got != debug {
			t.Errorf("debug=%v: stack printed = %v:\n%s", debug, got, stderr.String())
		}
	}
}
