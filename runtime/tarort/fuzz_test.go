//go:build !js

package tarort

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/tarogen/tarogen/internal/hostile"
)

// FuzzPeerStream: after a valid handshake, a hostile peer writes the
// fuzzer's bytes, then half-closes (so the client reads EOF after them)
// while it keeps reading what the client sends. Whatever the bytes, the
// task must end: no panic, events in order (open first if at all, at most
// one error, exactly one close, last), readyState CLOSED, every goroutine it
// started gone, all within fuzzWait. The task echoes each message it gets,
// so its writes (echoes, pongs, the close answer) race with the reads.
//
// The seed corpus, testdata/fuzz/FuzzPeerStream, is the byte streams of
// the hostile conformance cases; plain go test runs them.
//
//	go test -run='^$' -fuzz=FuzzPeerStream -fuzztime=5m ./runtime
func FuzzPeerStream(f *testing.F) {
	f.Add([]byte(nil))
	f.Add(hostile.Concat(hostile.Text("hi"), hostile.Close(1000, "bye")))
	var (
		p    *hostile.Peer
		runs int
	)
	f.Cleanup(func() {
		if p != nil {
			p.Close()
		}
	})
	f.Fuzz(func(t *testing.T, stream []byte) {
		// A new port every 5,000 runs: see hostile.New.
		if runs%5000 == 0 {
			if p != nil {
				p.Close()
			}
			var err error
			if p, err = hostile.New(); err != nil {
				t.Fatal(err)
			}
		}
		runs++
		peerStream(t, p, stream)
	})
}

// fuzzWait bounds each step; far above what a run needs, so that a busy
// machine does not fail it, and a hang still ends.
const fuzzWait = 20 * time.Second

func peerStream(t *testing.T, p *hostile.Peer, stream []byte) {
	before := runtime.NumGoroutine()
	var (
		mu     sync.Mutex
		events []string
		closed = make(chan struct{})
	)
	add := func(e string) {
		mu.Lock()
		events = append(events, e)
		mu.Unlock()
	}
	s, err := Connect("connectSocket", ConnectConfig{URL: p.URL, ReadLimit: 1024, WriteTimeout: fuzzWait})
	if err != nil {
		t.Fatal(err)
	}
	s.OnOpen(func(OpenEvent) { add("open") })
	s.OnMessage(func(ev MessageEvent) {
		add("message")
		if ev.Binary {
			s.Send("SocketTask.send", true, ev.Data)
		} else {
			s.Send("SocketTask.send", false, []byte(ev.Text))
		}
	})
	s.OnError(func(ErrorEvent) { add("error") })
	s.OnClose(func(ev CloseEvent) {
		add(fmt.Sprintf("close:%d", ev.Code))
		close(closed) // a second onClose panics here
	})

	c := p.Next(t)
	wire := c.Drain(fuzzWait)
	c.Write(stream)
	c.CloseWrite()
	out := <-wire
	c.Close()
	select {
	case <-closed:
	case <-time.After(fuzzWait):
		t.Fatalf("no onClose within %v (peer saw %+v)", fuzzWait, out)
	}

	mu.Lock()
	got := append([]string(nil), events...)
	mu.Unlock()
	if err := checkEventOrder(got); err != nil {
		t.Fatalf("events %q: %v", got, err)
	}
	if st := s.ReadyState(); st != Closed {
		t.Fatalf("ReadyState() = %d after onClose, want CLOSED", st)
	}
	// The reader goroutine returns right after onClose; timers that fired
	// may still be finishing. Poll, within a bound.
	deadline := time.Now().Add(fuzzWait)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines, %d before the task:\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(time.Millisecond)
	}
}

// checkEventOrder checks open?, message*, error?, close.
func checkEventOrder(events []string) error {
	i := 0
	if i < len(events) && events[i] == "open" {
		i++
	}
	for i < len(events) && events[i] == "message" {
		if events[0] != "open" {
			return fmt.Errorf("message before open")
		}
		i++
	}
	if i < len(events) && events[i] == "error" {
		i++
	}
	if i != len(events)-1 || len(events[i]) < 6 || events[i][:6] != "close:" {
		return fmt.Errorf("want open?, message*, error?, then exactly one close, last")
	}
	return nil
}
