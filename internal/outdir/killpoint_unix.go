//go:build unix

package outdir

import (
	"os"
	"strconv"
	"syscall"
)

// killAfter is the test hook behind TAROGEN_TEST_KILL_AFTER=N: the process
// sends itself SIGKILL after its Nth change to the directory (a temporary
// file written, the journal committed, a rename or removal done). The kill
// tests run tarogen as a child with it, to stop a real process at every
// point of a write deterministically. Unset, it costs one comparison.
var killAfter, changes = func() int {
	n, err := strconv.Atoi(os.Getenv("TAROGEN_TEST_KILL_AFTER"))
	if err != nil || n <= 0 {
		return -1
	}
	return n
}(), 0

func killpoint() {
	if killAfter < 0 {
		return
	}
	changes++
	if changes == killAfter {
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {} // the signal is on its way
	}
}
