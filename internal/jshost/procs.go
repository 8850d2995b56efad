package jshost

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// The leak check of RunPage: every process of the browser must be gone
// once it is closed. It reads Linux's /proc; elsewhere it finds nothing to
// check.

// descendants returns the processes below pid, children first.
func descendants(pid int) []int {
	children := map[int][]int{}
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, dir := range dirs {
		p, err := strconv.Atoi(filepath.Base(dir))
		if err != nil {
			continue
		}
		if ppid, _, ok := stat(p); ok {
			children[ppid] = append(children[ppid], p)
		}
	}
	var out []int
	queue := []int{pid}
	for len(queue) > 0 {
		next := queue[0]
		queue = queue[1:]
		out = append(out, children[next]...)
		queue = append(queue, children[next]...)
	}
	return out
}

// stat reads a process's parent and state from /proc/PID/stat.
func stat(pid int) (ppid int, state byte, ok bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, 0, false
	}
	// "pid (comm) S ppid …": comm may hold spaces and parentheses.
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0, 0, false
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 2 {
		return 0, 0, false
	}
	ppid, err = strconv.Atoi(f[1])
	return ppid, f[0][0], err == nil
}

// stillRunning waits up to grace for procs to end and returns those that
// did not. A zombie has ended: only its parent's wait is missing.
func stillRunning(procs []int, grace time.Duration) []int {
	deadline := time.Now().Add(grace)
	for {
		var left []int
		for _, p := range procs {
			if _, state, ok := stat(p); ok && state != 'Z' {
				left = append(left, p)
			}
		}
		if len(left) == 0 || time.Now().After(deadline) {
			return left
		}
		time.Sleep(50 * time.Millisecond)
	}
}
