//go:build !unix

package outdir

import "os"

// openNoFollow opens path read-only. Without O_NOFOLLOW here, scan's
// Lstat and openRegular's Stat are the checks.
func openNoFollow(path string) (*os.File, error) {
	return os.Open(path)
}

func openLockFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
}

// syncDir does nothing where a directory cannot be opened and synced.
func syncDir(string) error { return nil }
