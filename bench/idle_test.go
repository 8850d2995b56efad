package bench

import (
	"runtime"
	"testing"
	"time"

	gorilla "github.com/gorilla/websocket"

	"github.com/tarogen/tarogen/bench/internal/echoserver"
	"github.com/tarogen/tarogen/generated/sockettask"
)

// TestIdleGoroutines counts the goroutines 100 idle open connections add,
// with raw gorilla clients and with tasks of the generated package, against
// the same in-process server (whose own goroutine per connection is in
// both counts). The target: at most one goroutine per task beyond what
// gorilla needs; the runtime's is the task's reader, which also runs its
// handlers (pings are timers, not goroutines).
func TestIdleGoroutines(t *testing.T) {
	const n = 100
	srv, err := echoserver.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()

	base := settledGoroutines(t, -1)
	var conns []*gorilla.Conn
	for range n {
		c, _, err := gorilla.DefaultDialer.Dial(srv.URL, nil)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	raw := settledGoroutines(t, -1) - base
	for _, c := range conns {
		c.Close()
	}
	settledGoroutines(t, base)

	type opened struct {
		task   *sockettask.SocketTask
		closed chan struct{}
	}
	var tasks []opened
	for range n {
		task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: srv.URL})
		if err != nil {
			t.Fatal(err)
		}
		open, closed := make(chan struct{}), make(chan struct{})
		task.OnOpen(func(sockettask.OnOpenCallbackResult) { close(open) })
		task.OnClose(func(sockettask.OnCloseCallbackResult) { close(closed) })
		<-open
		tasks = append(tasks, opened{task, closed})
	}
	withTasks := settledGoroutines(t, -1) - base
	for _, o := range tasks {
		o.task.Close(sockettask.CloseOption{})
		<-o.closed
	}
	settledGoroutines(t, base)

	perTask := float64(withTasks-raw) / n
	t.Logf("%d idle connections: raw gorilla +%d goroutines (server side included), tarogen tasks +%d: %.2f more per task", n, raw, withTasks, perTask)
	if perTask > 1 {
		t.Errorf("%.2f goroutines per idle task beyond gorilla's, want at most 1", perTask)
	}
}

// settledGoroutines waits until runtime.NumGoroutine stops changing (want
// < 0) or reaches want, and returns it. It polls: goroutines of closed
// connections take a moment to return.
func settledGoroutines(t *testing.T, want int) int {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	last, stable := -1, 0
	for time.Now().Before(deadline) {
		n := runtime.NumGoroutine()
		if want >= 0 && n <= want {
			return n
		}
		if want < 0 {
			if n == last {
				stable++
				if stable == 10 {
					return n
				}
			} else {
				stable = 0
			}
		}
		last = n
		time.Sleep(5 * time.Millisecond)
	}
	if want >= 0 {
		t.Fatalf("%d goroutines after 30s, want %d", runtime.NumGoroutine(), want)
	}
	return last
}
