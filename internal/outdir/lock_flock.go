//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package outdir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// lockDir takes DIR/.tarogen.lock with flock(2). flock locks belong to the
// open file, so a killed process never leaves the directory locked: the
// kernel releases the lock with the descriptor. It polls rather than
// blocking in the kernel so that the wait has a limit.
func lockDir(dir string, opt Options) (*os.File, error) {
	path := filepath.Join(dir, lockName)
	f, err := openLock(path)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(opt.LockWait)
	told := false
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, fmt.Errorf("%s: lock: %w", path, err)
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("%s: another tarogen has held this lock for %v; is it stuck?", path, opt.LockWait)
		}
		if !told {
			fmt.Fprintf(opt.Log, "tarogen: %s: waiting for another tarogen writing there\n", dir)
			told = true
		}
		time.Sleep(20 * time.Millisecond)
	}
}
