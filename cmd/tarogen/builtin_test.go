package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuiltinFlag: the built-in corrections are on by default (no warning,
// ReadyState constants), -builtin=false turns them off (the pages' own
// warnings come back), and a user's overlay layers over them field by field.
func TestBuiltinFlag(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCLI(append([]string{"gen", "-o", dir, "-pkg", "sockettask"}, pageArgs()...)...)
	if code != 0 || stderr != "" {
		t.Fatalf("gen with the built-ins = exit %d, stderr %q; want 0 and nothing", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "sockettask.go")); !strings.Contains(string(b), "\tOpen ReadyState = 1\n") {
		t.Errorf("sockettask.go lacks the built-in constant Open ReadyState = 1")
	}

	code, _, stderr = runCLI(append([]string{"gen", "-builtin=false", "-o", t.TempDir(), "-pkg", "sockettask"}, pageArgs()...)...)
	want := "SocketTask.md:19:3: warning: constant SocketTask.CONNECTING has no value on the page and none in the overlay; left out"
	if code != 0 || !strings.Contains(stderr, want) {
		t.Errorf("gen -builtin=false = exit %d, stderr %q; want 0 and %q", code, stderr, want)
	}

	mine := filepath.Join(t.TempDir(), "mine.yaml")
	os.WriteFile(mine, []byte("entries:\n  SocketTask.OPEN: {name: StateOpen}\n"), 0o644)
	dir = t.TempDir()
	code, _, stderr = runCLI(append([]string{"gen", "-overlay", mine, "-o", dir, "-pkg", "sockettask"}, pageArgs()...)...)
	if code != 0 || stderr != "" {
		t.Fatalf("gen -overlay mine.yaml = exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "sockettask.go")); !strings.Contains(string(b), "\tStateOpen ReadyState = 1\n") {
		t.Errorf("the user's name did not layer over the built-in value and type: no StateOpen ReadyState = 1")
	}
}
