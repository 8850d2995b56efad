//go:build !js

package tarort

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tarogen/tarogen/internal/wspeer"
)

func TestPingTimeout(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{NoPong: true})
	_, r := dial(t, srv.URL, ConnectConfig{PingInterval: 30 * time.Millisecond, PongTimeout: 60 * time.Millisecond})
	start := time.Now()
	r.waitClosed(t)
	want := []string{"open", "error:connectSocket:fail no frame from the peer within 90ms (PingInterval+PongTimeout)", "close:1006:"}
	if diff := cmp.Diff(want, r.lines()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if errs := r.errors(); len(errs) != 1 || !errors.Is(errs[0].Err, ErrTimeout) {
		t.Errorf("onError = %+v, want ErrTimeout", errs)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("half-open peer detected after %v, want about 90ms", d)
	}
}

func TestPingKeepsIdleConnectionOpen(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	// Windows are long enough for a busy machine, and the idle time spans
	// several of them: no data flows, only pongs keep the task alive.
	s, r := dial(t, srv.URL, ConnectConfig{PingInterval: 100 * time.Millisecond, PongTimeout: time.Second})
	time.Sleep(2500 * time.Millisecond)
	if s.ReadyState() != Open {
		t.Fatalf("ReadyState() = %d after idling with pongs, want Open; events %q", s.ReadyState(), r.summary())
	}
	mustSend(t, s, false, []byte("alive"))
	if got := r.next(t); got != "text:alive" {
		t.Errorf("event = %q, want text:alive", got)
	}
}

func TestLivenessDisabled(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{NoPong: true})
	s, _ := dial(t, srv.URL, ConnectConfig{PingInterval: -1})
	time.Sleep(100 * time.Millisecond)
	if s.ReadyState() != Open {
		t.Errorf("ReadyState() = %d with PingInterval < 0, want Open", s.ReadyState())
	}
}

func TestWriteTimeout(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{NoRead: true})
	s, r := dial(t, srv.URL, ConnectConfig{WriteTimeout: 100 * time.Millisecond})
	big := make([]byte, 1<<20)
	var err error
	for i := 0; i < 256 && err == nil; i++ { // loopback buffers hold a few MiB at most
		err = s.Send("SocketTask.send", true, big)
	}
	if err == nil || err.Error() != "SocketTask.send:fail write timed out after 100ms: the peer is not reading" || !errors.Is(err, ErrTimeout) {
		t.Fatalf("Send to a peer that does not read = %v, want SocketTask.send:fail write timed out after 100ms: the peer is not reading", err)
	}
	r.waitClosed(t)
	want := []string{"open", "error:connectSocket:fail write timed out after 100ms: the peer is not reading", "close:1006:"}
	if diff := cmp.Diff(want, r.lines()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestCloseTimeout(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{NoRead: true})
	s, r := dial(t, srv.URL, ConnectConfig{CloseTimeout: 50 * time.Millisecond, PingInterval: -1})
	if err := s.Close("SocketTask.close", 0, false, ""); err != nil {
		t.Fatal(err)
	}
	r.waitClosed(t)
	want := []string{"open", "error:connectSocket:fail peer did not answer the close frame within 50ms", "close:1006:"}
	if diff := cmp.Diff(want, r.lines()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

// TestLateRegistration pins the parking rule: events that arrive before a
// handler of their kind is registered wait for it, in order.
func TestLateRegistration(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{Greeting: []string{"g1", "g2", "g3"}})
	s, err := Connect("connectSocket", ConnectConfig{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	parked := func(n int) func() bool {
		return func() bool { s.mu.Lock(); defer s.mu.Unlock(); return len(s.ownQueue) == n }
	}
	waitFor(t, "open and 3 messages parked", parked(4))

	r := newRecorder()
	s.OnMessage(r.onMessage) // messages flow although open is still parked
	if diff := cmp.Diff([]string{"text:g1", "text:g2", "text:g3"}, r.lines()); diff != "" {
		t.Errorf("after OnMessage (-want +got):\n%s", diff)
	}
	s.OnOpen(r.onOpen)
	if got := r.lines(); got[len(got)-1] != "open" {
		t.Errorf("after OnOpen, last event = %q, want open (sticky)", got[len(got)-1])
	}
	if err := s.Close("SocketTask.close", 4000, true, "done"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "close parked", func() bool { return s.ReadyState() == Closed && parked(1)() })
	s.OnError(r.onError)
	s.OnClose(r.onClose) // after the fact: still gets the close, once
	s.OnClose(r.onClose)
	want := []string{"text:g1", "text:g2", "text:g3", "open", "close:4000:done"}
	if diff := cmp.Diff(want, r.lines()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestParkedMessagesBackpressure(t *testing.T) {
	greeting := []string{"1", "2", "3", "4", "5", "6"}
	srv := wspeer.NewServer(t, wspeer.Options{Greeting: greeting})
	s, err := Connect("connectSocket", ConnectConfig{URL: srv.URL, MaxPendingMessages: 2})
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "2 messages parked", func() bool { s.mu.Lock(); defer s.mu.Unlock(); return s.ownParked == 2 })
	time.Sleep(20 * time.Millisecond)
	s.mu.Lock()
	parked := s.ownParked
	s.mu.Unlock()
	if parked != 2 {
		t.Fatalf("parked = %d, want MaxPendingMessages = 2 (the reader must stop reading)", parked)
	}
	r := record(t, s)
	for _, g := range greeting {
		if got := r.next(t); got != "open" && got != "text:"+g {
			t.Fatalf("event = %q, want text:%s", got, g)
		} else if got == "open" {
			if got := r.next(t); got != "text:"+g {
				t.Fatalf("event = %q, want text:%s", got, g)
			}
		}
	}
}

func TestNilHandlerDiscards(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{Greeting: []string{"dropped"}})
	s, err := Connect("connectSocket", ConnectConfig{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	s.OnMessage(nil)
	r := record(t, s)
	s.OnMessage(nil) // record set it; discard again
	r.waitOpen(t)
	time.Sleep(20 * time.Millisecond)
	s.mu.Lock()
	n := len(s.ownQueue)
	s.mu.Unlock()
	if n != 0 || hasPrefix(r.lines(), "text:") {
		t.Errorf("queue = %d, events %q: want the message discarded", n, r.lines())
	}
}

func TestHandlersMayCallTheirTask(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	s, err := Connect("connectSocket", ConnectConfig{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	r := newRecorder()
	s.OnOpen(func(ev OpenEvent) {
		r.onOpen(ev)
		if err := s.Send("SocketTask.send", false, []byte("from onOpen")); err != nil {
			t.Errorf("Send from onOpen = %v", err)
		}
		s.OnClose(r.onClose) // registering from inside a handler
	})
	s.OnMessage(func(ev MessageEvent) {
		r.onMessage(ev)
		// Close from inside a handler must not wait for the peer.
		if err := s.Close("SocketTask.close", 4321, true, "from onMessage"); err != nil {
			t.Errorf("Close from onMessage = %v", err)
		}
		if s.ReadyState() != Closing {
			t.Errorf("ReadyState() right after Close in a handler = %d, want Closing", s.ReadyState())
		}
	})
	r.waitClosed(t)
	want := []string{"open", "text:from onOpen", "close:4321:from onMessage"}
	if diff := cmp.Diff(want, r.lines()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestHandlerPanicOnRegisteringGoroutine(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{Greeting: []string{"after panic"}})
	s, err := Connect("connectSocket", ConnectConfig{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "open parked", func() bool { s.mu.Lock(); defer s.mu.Unlock(); return len(s.ownQueue) == 2 })
	func() {
		defer func() {
			if v := recover(); v != "boom" {
				t.Errorf("recover() = %v, want the handler's panic", v)
			}
		}()
		s.OnOpen(func(OpenEvent) { panic("boom") })
	}()
	// The task is still usable: the next registration delivers.
	r := record(t, s)
	if got := r.next(t); got != "text:after panic" {
		t.Errorf("event = %q, want text:after panic", got)
	}
}

// TestGoroutinesPerIdleTask pins the cost target: one goroutine per idle
// open task (its reader).
func TestGoroutinesPerIdleTask(t *testing.T) {
	const tasks = 20
	srv := wspeer.NewServer(t, wspeer.Options{})
	before := runtime.NumGoroutine()
	for range tasks {
		dial(t, srv.URL, ConnectConfig{})
	}
	time.Sleep(20 * time.Millisecond)
	// Each connection also costs the in-process server one handler goroutine.
	if got := runtime.NumGoroutine() - before; got > 2*tasks+2 {
		t.Errorf("%d idle tasks added %d goroutines, want at most %d (reader + server handler each)", tasks, got, 2*tasks+2)
	}
}

func TestErrorEventErrIsError(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	s, r := dial(t, srv.URL, ConnectConfig{})
	mustSend(t, s, false, []byte("terminate"))
	r.waitClosed(t)
	errs := r.errors()
	var e *Error
	if len(errs) != 1 || !errors.As(errs[0].Err, &e) || e.ErrMsg() != errs[0].ErrMsg || e.API != "connectSocket" ||
		!strings.HasPrefix(e.Reason, "connection closed abnormally") {
		t.Errorf("onError = %+v, want Err an *Error with the same errMsg", errs)
	}
}
