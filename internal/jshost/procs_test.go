package jshost

import (
	"os"
	"os/exec"
	"slices"
	"testing"
	"time"
)

// The leak check sees a child process while it runs and not after.
func TestLeakCheckSeesChildren(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc: the leak check has nothing to read here")
	}
	cmd := exec.Command("sleep", "30")
	if err := cmd.Start(); err != nil {
		t.Skipf("cannot start sleep: %v", err)
	}
	pid := cmd.Process.Pid
	if got := descendants(os.Getpid()); !slices.Contains(got, pid) {
		t.Errorf("descendants(self) = %v, want it to hold the child %d", got, pid)
	}
	if left := stillRunning([]int{pid}, 0); !slices.Equal(left, []int{pid}) {
		t.Errorf("stillRunning(child) = %v, want [%d]", left, pid)
	}
	cmd.Process.Kill() // the process this test started, by its handle
	cmd.Wait()
	if left := stillRunning([]int{pid}, time.Second); len(left) != 0 {
		t.Errorf("stillRunning(killed child) = %v, want none", left)
	}
}
