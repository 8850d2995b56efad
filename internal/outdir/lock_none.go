//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package outdir

import (
	"os"
	"path/filepath"
)

// lockDir only checks the lock file where there is no flock(2): two gens on
// one directory are not kept apart there (see the package doc).
func lockDir(dir string, _ Options) (*os.File, error) {
	return openLock(filepath.Join(dir, lockName))
}
