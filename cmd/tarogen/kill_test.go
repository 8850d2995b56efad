//go:build unix

package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tarogen/tarogen/gen"
	"github.com/tarogen/tarogen/internal/outdir"
)

// TestMain lets a test run this test binary as tarogen itself
// (TAROGEN_TEST_AS_MAIN=1), so the kill and concurrency tests drive real
// processes without building a binary.
func TestMain(m *testing.M) {
	if os.Getenv("TAROGEN_TEST_AS_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// tarogenCmd is a child tarogen process; env adds variables.
func tarogenCmd(env []string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), "TAROGEN_TEST_AS_MAIN=1"), env...)
	return cmd
}

// genArgs is gen -o dir on the named socket pages.
func genArgs(dir string, pages ...string) []string {
	args := []string{"gen", "-o", dir, "-pkg", "sockettask"}
	for _, p := range pages {
		args = append(args, filepath.Join("..", "..", "generated", "sockettask", "pages", p))
	}
	return args
}

// visible is what the go command sees in a listing: names not starting
// with "." (temporary files, the journal and the lock are hidden).
func visible(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		if !strings.HasPrefix(k, ".") {
			out[k] = v
		}
	}
	return out
}

// refDir generates pages into a fresh directory beside generate.go and
// returns its listing.
func refDir(t *testing.T, pages ...string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "generate.go"), []byte("package sockettask\n"), 0o644)
	if code, _, stderr := runCLI(genArgs(dir, pages...)...); code != 0 {
		t.Fatalf("gen %v = exit %d; stderr:\n%s", pages, code, stderr)
	}
	return visible(listDir(t, dir))
}

var (
	oldPages = []string{"SocketTask.md", "connectSocket.md", "closeSocket.md", "onSocketError.md"}
	newPages = []string{"SocketTask.md", "connectSocket.md", "sendSocketMessage.md", "onSocketOpen.md", "onSocketMessage.md"}
)

// TestKillMidWrite kills a real tarogen process (SIGKILL, which it cannot
// catch) after chosen changes to the directory: the first temporary file,
// the last one, the journal's commit, a rename in the middle and the last
// change before the journal is removed. Before the commit the visible
// directory must be the old package exactly; after it, each file old or
// new; and the next run's recovery must leave exactly the old package
// (killed before the commit) or the new one (after), with no temporary
// file and no journal. tarogen used to leave a
// mixed package and hundreds of .tarogen-*.tmp files no run removed.
func TestKillMidWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("runs tarogen a few dozen times")
	}
	oldRef, newRef := refDir(t, oldPages...), refDir(t, newPages...)
	writes, removes := 0, 0
	for name, content := range newRef {
		if oldRef[name] != content {
			writes++
		}
	}
	for name := range oldRef {
		if _, ok := newRef[name]; !ok {
			removes++
		}
	}
	// The changes in order: writes temporary files, the commit, then
	// writes+removes renames and removals.
	commit, last := writes+1, writes+1+writes+removes
	if writes < 2 || removes < 1 {
		t.Fatalf("the page sets give %d writes and %d removals; the test needs both", writes, removes)
	}
	for _, n := range []int{1, writes, commit, (commit + last) / 2, last, last + 1} {
		dir := t.TempDir()
		for name, content := range oldRef { // the old package, as gen wrote it
			os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644)
		}
		cmd := tarogenCmd([]string{fmt.Sprintf("TAROGEN_TEST_KILL_AFTER=%d", n)}, genArgs(dir, newPages...)...)
		out, err := cmd.CombinedOutput()
		if n == last+1 {
			if err != nil {
				t.Fatalf("gen with no kill point reached = %v, want success; output:\n%s", err, out)
			}
			continue
		}
		ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("kill after %d: %v, want death by SIGKILL; output:\n%s", n, err, out)
		}
		after := listDir(t, dir)
		_, journaled := after[".tarogen-journal"]
		for name, content := range visible(after) {
			switch {
			case !journaled && oldRef[name] != content:
				t.Errorf("kill after %d (before the commit): %s is not the old file", n, name)
			case journaled && oldRef[name] != content && newRef[name] != content:
				t.Errorf("kill after %d: %s is neither the old nor the new file", n, name)
			}
		}
		if !journaled && !mapsEqual(visible(after), oldRef) {
			t.Errorf("kill after %d (before the commit): files %v, want the old package %v", n, keys(visible(after)), keys(oldRef))
		}
		// What the next run does first: finish a committed journal (the
		// new package), or drop the temporary files (the old one). The
		// full gen after that is run once, at the middle of the renames.
		want := oldRef
		if journaled {
			want = newRef
		}
		d, err := outdir.Open(dir, outdir.Options{Header: "// " + gen.Header})
		if err != nil {
			t.Fatalf("kill after %d: recovery: %v", n, err)
		}
		d.Close()
		if n == (commit+last)/2 {
			if code, _, stderr := runCLI(genArgs(dir, newPages...)...); code != 0 {
				t.Fatalf("gen after a kill after %d = exit %d; stderr:\n%s", n, code, stderr)
			}
		}
		final := listDir(t, dir)
		if !mapsEqual(visible(final), want) {
			t.Errorf("kill after %d (journal %v), then recovery: files %v, want %v", n, journaled, keys(visible(final)), keys(want))
		}
		for name := range final {
			if name != ".tarogen.lock" && strings.HasPrefix(name, ".") {
				t.Errorf("kill after %d, then recovery: %s left behind", n, name)
			}
		}
	}
}

// TestLockWaits: while another process holds the directory's lock, gen
// writes nothing and says it waits; once released, it runs.
func TestLockWaits(t *testing.T) {
	dir := t.TempDir()
	lock, err := os.OpenFile(filepath.Join(dir, ".tarogen.lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Skipf("flock: %v", err)
	}
	cmd := tarogenCmd(nil, genArgs(dir, newPages...)...)
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until gen says it waits: it parses and generates first.
	want := "tarogen: " + dir + ": waiting for another tarogen writing there"
	waiting := make(chan bool, 1)
	var stderr strings.Builder
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			stderr.WriteString(sc.Text() + "\n")
			if sc.Text() == want {
				waiting <- true
			}
		}
		close(waiting)
	}()
	select {
	case ok := <-waiting:
		if !ok {
			cmd.Wait()
			t.Fatalf("gen ended without waiting for the lock; stderr:\n%s", stderr.String())
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("gen did not report waiting for the lock within 2 minutes")
	}
	time.Sleep(200 * time.Millisecond)
	if got := visible(listDir(t, dir)); len(got) != 0 {
		t.Errorf("gen wrote %v while another held the lock", keys(got))
	}
	syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("gen after the lock was released: %v; stderr:\n%s", err, stderr.String())
	}
	if got := visible(listDir(t, dir)); len(got) == 0 {
		t.Errorf("gen wrote nothing after the lock was released")
	}
}

// TestConcurrentGens runs four gens on one directory at once, alternating
// two page sets. Each run is whole, so the directory ends as one of the two
// packages exactly, never a mix (without the lock, one run's removals and
// another's renames interleaved).
func TestConcurrentGens(t *testing.T) {
	if testing.Short() {
		t.Skip("runs four tarogen processes")
	}
	oldRef, newRef := refDir(t, oldPages...), refDir(t, newPages...)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "generate.go"), []byte("package sockettask\n"), 0o644)
	var cmds []*exec.Cmd
	for i := range 4 {
		pages := oldPages
		if i%2 == 1 {
			pages = newPages
		}
		cmd := tarogenCmd(nil, genArgs(dir, pages...)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	var errs []error
	for _, cmd := range cmds {
		errs = append(errs, cmd.Wait())
	}
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("concurrent gens: %v", err)
	}
	got := visible(listDir(t, dir))
	if !mapsEqual(got, oldRef) && !mapsEqual(got, newRef) {
		t.Errorf("after concurrent gens the directory holds %v: neither package", keys(got))
	}
}
