package tarort

import (
	"testing"
	"time"

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
