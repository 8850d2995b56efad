//go:build unix

package outdir

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestBookkeepingFilesMustBeRegular: the lock and the journal are opened
// only when they are regular files: a symlink lock is not followed (it
// would create or lock its target), a FIFO journal is not waited on.
func TestBookkeepingFilesMustBeRegular(t *testing.T) {
	tests := []struct {
		name, kind string
		make       func(path string) error
	}{
		{lockName, "a symbolic link", func(p string) error { return os.Symlink(filepath.Join(filepath.Dir(p), "elsewhere"), p) }},
		{lockName, "a named pipe (FIFO)", func(p string) error { return syscall.Mkfifo(p, 0o644) }},
		{journalName, "a named pipe (FIFO)", func(p string) error { return syscall.Mkfifo(p, 0o644) }},
		{journalName, "a directory", func(p string) error { return os.Mkdir(p, 0o755) }},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		path := filepath.Join(dir, tt.name)
		if err := tt.make(path); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() {
			d, err := Open(dir, Options{Header: header})
			if err == nil {
				d.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			want := path + " is " + tt.kind + ", not a regular file; tarogen reads and replaces only regular files: remove it or choose another output directory"
			if err == nil || err.Error() != want {
				t.Errorf("Open with %s as %s = %v, want %q", tt.name, tt.kind, err, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("Open with %s as %s hangs", tt.name, tt.kind)
		}
		if _, err := os.Lstat(filepath.Join(dir, "elsewhere")); !os.IsNotExist(err) {
			t.Errorf("the lock symlink's target was created")
		}
	}
}
