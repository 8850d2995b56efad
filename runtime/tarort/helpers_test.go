//go:build !js

package tarort

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/tarogen/tarogen/internal/wspeer"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// Generous: CI machines are small and may be busy.
const waitTimeout = 30 * time.Second

// recorder registers all four handlers on a task and logs each event as a
// line: "open", "text:<text>", "binary:<len>", "error:<errMsg>",
// "close:<code>:<reason>".
type recorder struct {
	mu     sync.Mutex
	log    []string
	errs   []ErrorEvent
	msgs   []MessageEvent
	events chan string
	closed chan CloseEvent
	opened chan OpenEvent
}

func newRecorder() *recorder {
	return &recorder{events: make(chan string, 4096), closed: make(chan CloseEvent, 4), opened: make(chan OpenEvent, 4)}
}

func record(t testing.TB, s *Socket) *recorder {
	t.Helper()
	r := newRecorder()
	r.attach(s)
	t.Cleanup(func() { s.Close("SocketTask.close", 0, false, ""); r.waitClosed(t) })
	return r
}

func (r *recorder) attach(s *Socket) {
	s.OnOpen(r.onOpen)
	s.OnMessage(r.onMessage)
	s.OnError(r.onError)
	s.OnClose(r.onClose)
}

func (r *recorder) add(line string) {
	r.mu.Lock()
	r.log = append(r.log, line)
	r.mu.Unlock()
	r.events <- line
}

func (r *recorder) onOpen(ev OpenEvent) { r.add("open"); r.opened <- ev }

func (r *recorder) onMessage(ev MessageEvent) {
	r.mu.Lock()
	r.msgs = append(r.msgs, ev)
	r.mu.Unlock()
	if ev.Binary {
		r.add(fmt.Sprintf("binary:%d", len(ev.Data)))
	} else {
		r.add("text:" + ev.Text)
	}
}

func (r *recorder) onError(ev ErrorEvent) {
	r.mu.Lock()
	r.errs = append(r.errs, ev)
	r.mu.Unlock()
	r.add("error:" + ev.ErrMsg)
}

func (r *recorder) onClose(ev CloseEvent) {
	r.add(fmt.Sprintf("close:%d:%s", ev.Code, ev.Reason))
	r.closed <- ev
}

// next waits for the next event line.
func (r *recorder) next(t testing.TB) string {
	t.Helper()
	select {
	case l := <-r.events:
		return l
	case <-time.After(waitTimeout):
		t.Fatalf("no event within %v; log so far: %q", waitTimeout, r.summary())
		return ""
	}
}

func (r *recorder) waitOpen(t testing.TB) OpenEvent {
	t.Helper()
	select {
	case ev := <-r.opened:
		r.opened <- ev // leave it for later callers
		return ev
	case ev := <-r.closed:
		r.closed <- ev
		t.Fatalf("closed before open; log: %q", r.summary())
	case <-time.After(waitTimeout):
		t.Fatalf("not open within %v; log: %q", waitTimeout, r.summary())
	}
	return OpenEvent{}
}

func (r *recorder) waitClosed(t testing.TB) CloseEvent {
	t.Helper()
	select {
	case ev := <-r.closed:
		r.closed <- ev
		return ev
	case <-time.After(waitTimeout):
		t.Fatalf("not closed within %v; log: %q", waitTimeout, r.summary())
		return CloseEvent{}
	}
}

func (r *recorder) lines() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.log...)
}

// summary is lines with long ones cut, for failure messages.
func (r *recorder) summary() []string {
	lines := r.lines()
	for i, l := range lines {
		if len(l) > 60 {
			lines[i] = fmt.Sprintf("%s... (%d bytes)", l[:60], len(l))
		}
	}
	return lines
}

func (r *recorder) errors() []ErrorEvent {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]ErrorEvent(nil), r.errs...)
}

// dial connects to url with cfg (URL filled in) and records its events; it
// fails the test unless the task opens.
func dial(t testing.TB, url string, cfg ConnectConfig) (*Socket, *recorder) {
	t.Helper()
	cfg.URL = url
	s, err := Connect("connectSocket", cfg)
	if err != nil {
		t.Fatalf("Connect(%q) = %v, want nil", url, err)
	}
	r := record(t, s)
	r.waitOpen(t)
	if got := r.next(t); got != "open" {
		t.Fatalf("first event = %q, want open", got)
	}
	return s, r
}

func mustSend(t testing.TB, s *Socket, binary bool, data []byte) {
	t.Helper()
	if err := s.Send("SocketTask.send", binary, data); err != nil {
		t.Fatalf("Send(%d bytes) = %v, want nil", len(data), err)
	}
}

// peers returns the peers that the peer-agnostic tests run against.
func peers(t *testing.T) map[string]func(t *testing.T) string {
	return map[string]func(t *testing.T) string{
		"gorilla": func(t *testing.T) string { return wspeer.NewServer(t, wspeer.Options{}).URL },
		"node":    func(t *testing.T) string { return wspeer.Start(t) },
	}
}

func forEachPeer(t *testing.T, f func(t *testing.T, url string)) {
	for _, name := range []string{"gorilla", "node"} {
		t.Run(name, func(t *testing.T) { f(t, peers(t)[name](t)) })
	}
}

// waitFor polls cond until it holds or the wait times out.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func hasPrefix(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}
