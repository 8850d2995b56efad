//go:build !js

package tarort

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tarogen/tarogen/internal/wspeer"
)

// A global listener and the task's own handler are two subscribers: an
// open delivered to the global one before the task's handler was set is
// replayed to it, once; messages after that reach both.
func TestGlobalListenerAndLateTaskHandler(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{}).URL
	defer resetGlobals()
	gOpen := make(chan OpenEvent, 2)
	gMsg := make(chan MessageEvent, 4)
	OnGlobalOpen(func(ev OpenEvent) { gOpen <- ev })
	OnGlobalMessage(func(ev MessageEvent) { gMsg <- ev })
	s, err := Connect("connectSocket", ConnectConfig{URL: srv})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-gOpen:
	case <-time.After(30 * time.Second):
		t.Fatal("global open listener never ran")
	}
	tOpen := make(chan OpenEvent, 2)
	tMsg := make(chan MessageEvent, 4)
	s.OnOpen(func(ev OpenEvent) { tOpen <- ev }) // after open: replayed
	s.OnMessage(func(ev MessageEvent) { tMsg <- ev })
	select {
	case <-tOpen:
	case <-time.After(30 * time.Second):
		t.Fatal("the task's late OnOpen missed the open the global listener had")
	}
	closed := make(chan CloseEvent, 1)
	s.OnClose(func(ev CloseEvent) { closed <- ev })
	if err := s.Send("SocketTask.send", false, []byte("x")); err != nil {
		t.Fatal(err)
	}
	for _, ch := range []chan MessageEvent{gMsg, tMsg} {
		select {
		case ev := <-ch:
			if ev.Text != "x" {
				t.Errorf("message = %q, want x", ev.Text)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("a listener missed the echo")
		}
	}
	s.Close("SocketTask.close", 0, false, "")
	<-closed
	if len(gOpen) != 0 || len(tOpen) != 0 {
		t.Errorf("open delivered more than once per listener")
	}
}

func resetGlobals() {
	OnGlobalOpen(nil)
	OnGlobalMessage(nil)
	OnGlobalError(nil)
	OnGlobalClose(nil)
}

// connectNoHandlers connects to url and closes the task when t ends; it
// registers nothing, so every event is parked until a test registers.
func connectNoHandlers(t *testing.T, url string, cfg ConnectConfig) *Socket {
	t.Helper()
	cfg.URL = url
	s, err := Connect("connectSocket", cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		closed := make(chan CloseEvent, 1)
		s.OnClose(func(ev CloseEvent) { closed <- ev })
		s.Close("SocketTask.close", 0, false, "")
		<-closed
	})
	return s
}

// A global listener takes every message while the task's handler is
// missing: MaxPendingMessages are parked for the task, then the parked
// ones are dropped rather than stall the reader (a 1.x program may never
// touch its task); the task's handler, registered later, gets what comes
// after.
func TestGlobalListenerNeverStallsTheReader(t *testing.T) {
	greeting := []string{"1", "2", "3", "4", "5", "6"}
	srv := wspeer.NewServer(t, wspeer.Options{Greeting: greeting})
	defer resetGlobals()
	global := make(chan MessageEvent, 16)
	OnGlobalMessage(func(ev MessageEvent) { global <- ev })
	s := connectNoHandlers(t, srv.URL, ConnectConfig{MaxPendingMessages: 2})
	for _, want := range greeting {
		select {
		case ev := <-global:
			if ev.Text != want {
				t.Fatalf("global message = %q, want %q", ev.Text, want)
			}
		case <-time.After(waitTimeout):
			t.Fatalf("global listener stalled before message %q (the reader waited for the task's handler)", want)
		}
	}
	s.mu.Lock()
	parked, skips := s.ownParked, s.ownSkips
	s.mu.Unlock()
	if parked != 0 || !skips {
		t.Errorf("ownParked, ownSkips = %d, %v; want 0, true (parked messages dropped past MaxPendingMessages)", parked, skips)
	}
	own := make(chan MessageEvent, 4)
	s.OnMessage(func(ev MessageEvent) { own <- ev })
	if err := s.Send("SocketTask.send", false, []byte("after")); err != nil {
		t.Fatal(err)
	}
	for _, ch := range []chan MessageEvent{global, own} {
		select {
		case ev := <-ch:
			if ev.Text != "after" {
				t.Errorf("message = %q, want after (the dropped ones are not replayed)", ev.Text)
			}
		case <-time.After(waitTimeout):
			t.Fatal("a subscriber missed the echo")
		}
	}
}

// The 1.x pattern: onSocketOpen and onSocketMessage set right after
// connectSocket, maybe after the events arrived. Parked events go to
// whoever registers first, and the task's handler, registering later,
// still gets them: both subscribers see every event.
func TestGlobalListenersSetAfterConnect(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{Greeting: []string{"hello"}})
	defer resetGlobals()
	s := connectNoHandlers(t, srv.URL, ConnectConfig{})
	waitFor(t, "open and greeting parked", func() bool { s.mu.Lock(); defer s.mu.Unlock(); return len(s.globQueue) == 2 })
	var got []string
	OnGlobalOpen(func(OpenEvent) { got = append(got, "global open") }) // runs on this goroutine: parked
	OnGlobalMessage(func(ev MessageEvent) { got = append(got, "global "+ev.Text) })
	s.OnOpen(func(OpenEvent) { got = append(got, "task open") })
	s.OnMessage(func(ev MessageEvent) { got = append(got, "task "+ev.Text) })
	want := []string{"global open", "global hello", "task open", "task hello"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("deliveries (-want +got):\n%s", diff)
	}
}

// When the task's handler takes messages parked while nobody listened, a
// global listener set later does not get them: its claim lapses, so a
// program that never sets one does not keep them.
func TestParkedClaimOfGlobalLapses(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{Greeting: []string{"hello"}})
	defer resetGlobals()
	s := connectNoHandlers(t, srv.URL, ConnectConfig{})
	waitFor(t, "greeting parked", func() bool { s.mu.Lock(); defer s.mu.Unlock(); return s.ownParked == 1 })
	var got []string
	s.OnMessage(func(ev MessageEvent) { got = append(got, "task "+ev.Text) })
	s.mu.Lock()
	n := len(s.globQueue) // the open is still parked for both
	s.mu.Unlock()
	OnGlobalMessage(func(ev MessageEvent) { got = append(got, "global "+ev.Text) })
	if diff := cmp.Diff([]string{"task hello"}, got); diff != "" || n != 1 {
		t.Errorf("deliveries (-want +got):\n%s\nparked for the global listeners: %d, want 1 (the open)", diff, n)
	}
}

// Both subscribers get a binary message; each owns its Data.
func TestSubscribersOwnTheirData(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	defer resetGlobals()
	global := make(chan []byte, 1)
	OnGlobalMessage(func(ev MessageEvent) {
		ev.Data[0] = 'X' // a listener may keep and change its bytes
		global <- ev.Data
	})
	s, r := dial(t, srv.URL, ConnectConfig{})
	mustSend(t, s, true, []byte("abc"))
	if got := r.next(t); got != "binary:3" {
		t.Fatalf("task event = %q, want binary:3", got)
	}
	if g := <-global; string(g) != "Xbc" {
		t.Errorf("global Data = %q, want Xbc", g)
	}
	r.mu.Lock()
	data := string(r.msgs[0].Data)
	r.mu.Unlock()
	if data != "abc" {
		t.Errorf("task Data = %q, want abc: the global listener's change reached it", data)
	}
}
