//go:build unix

package outdir

import (
	"os"
	"syscall"
)

// openNoFollow opens path read-only. O_NOFOLLOW makes a symlink an error
// (ELOOP) instead of opening its target; O_NONBLOCK makes opening a FIFO
// return at once instead of waiting for a writer. Reads from a regular
// file ignore O_NONBLOCK.
func openNoFollow(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
}

// openLockFile opens (creating) the lock file the same careful way.
func openLockFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o644)
}

// syncDir makes the renames and removals in dir durable: on POSIX a
// rename reaches the disk when the directory is synced.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
