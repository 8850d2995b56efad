package wspeer

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// Start runs peer.js (Node, npm "ws") for the length of t and returns its
// URL, "ws://127.0.0.1:port/".
//
// It needs node on PATH and ws installed in this directory's node_modules
// ("npm ci" here, from the committed package-lock.json). Without them the
// test is skipped, except under CI=true, where it fails: CI must not pass
// by skipping the independent peer.
func Start(t testing.TB) string {
	t.Helper()
	dir := sourceDir()
	node, err := exec.LookPath("node")
	missing := ""
	switch {
	case err != nil:
		missing = "node is not on PATH"
	case !exists(filepath.Join(dir, "node_modules", "ws", "package.json")):
		missing = "ws is not installed: run npm ci in " + dir
	}
	if missing != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("wspeer: %s (required under CI=true)", missing)
		}
		t.Skipf("wspeer: skipping the Node peer: %s", missing)
	}

	cmd := exec.Command(node, filepath.Join(dir, "peer.js"))
	cmd.Dir = dir
	stdin, err := cmd.StdinPipe() // peer.js exits when it closes
	if err != nil {
		t.Fatalf("wspeer: %v", err)
	}
	stdout := &firstLine{line: make(chan string, 1)}
	cmd.Stdout = stdout
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("wspeer: starting node: %v", err)
	}
	t.Cleanup(func() {
		stdin.Close()
		exited := make(chan struct{})
		go func() {
			select {
			case <-exited:
			case <-time.After(5 * time.Second):
				cmd.Process.Kill() // the process this helper started, by its handle
			}
		}()
		cmd.Wait()
		close(exited)
	})

	select {
	case l := <-stdout.line:
		port, ok := strings.CutPrefix(strings.TrimSpace(l), "PORT ")
		if !ok {
			t.Fatalf("wspeer: peer.js printed %q, want \"PORT <n>\"; stderr:\n%s", l, stderr.String())
		}
		return "ws://127.0.0.1:" + port + "/"
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("wspeer: peer.js did not print its port within 10s; stderr:\n%s", stderr.String())
		return ""
	}
}

// sourceDir is this package's directory, where peer.js and node_modules are.
func sourceDir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	return filepath.Dir(file)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// firstLine sends the first line written to it on line and discards the
// rest. exec's copying goroutine writes to it; cmd.Wait waits for that.
type firstLine struct {
	buf  []byte
	sent bool
	line chan string
}

func (f *firstLine) Write(p []byte) (int, error) {
	if !f.sent {
		f.buf = append(f.buf, p...)
		if i := bytes.IndexByte(f.buf, '\n'); i >= 0 {
			f.sent = true
			f.line <- string(f.buf[:i])
		}
	}
	return len(p), nil
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
