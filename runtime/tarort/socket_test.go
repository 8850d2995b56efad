//go:build !js

package tarort

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tarogen/tarogen/internal/wspeer"
)

// Peer-agnostic tests: run against gorilla in process and Node's ws.

func TestEchoSizes(t *testing.T) {
	forEachPeer(t, func(t *testing.T, url string) {
		s, r := dial(t, url, ConnectConfig{})
		rng := rand.New(rand.NewPCG(1, 2))
		for _, n := range []int{0, 125, 126, 65535, 65536, 1 << 20} {
			bin := make([]byte, n)
			for i := range bin {
				bin[i] = byte(rng.Uint32())
			}
			// Text of exactly n bytes mixing 1-, 2- and 3-byte runes.
			var text strings.Builder
			for text.Len() < n {
				switch r := []string{"a", "é", "中"}[rng.IntN(3)]; {
				case text.Len()+len(r) <= n:
					text.WriteString(r)
				default:
					text.WriteString("z")
				}
			}
			mustSend(t, s, true, bin)
			mustSend(t, s, false, []byte(text.String()))
			if got, want := r.next(t), fmt.Sprintf("binary:%d", n); got != want {
				t.Fatalf("event = %q, want %q", got, want)
			}
			if got := r.next(t); got != "text:"+text.String() {
				t.Fatalf("text echo of %d bytes differs (got %d bytes)", n, len(got)-len("text:"))
			}
			r.mu.Lock()
			gotBin, gotText := r.msgs[len(r.msgs)-2], r.msgs[len(r.msgs)-1]
			r.mu.Unlock()
			if !gotBin.Binary || !bytes.Equal(gotBin.Data, bin) || gotBin.Text != "" || gotBin.Data == nil {
				t.Errorf("binary echo of %d bytes differs", n)
			}
			if gotText.Binary || gotText.Data != nil {
				t.Errorf("text echo of %d bytes: Binary=%v Data!=nil=%v, want false, false", n, gotText.Binary, gotText.Data != nil)
			}
		}
	})
}

func TestCloseByClient(t *testing.T) {
	forEachPeer(t, func(t *testing.T, url string) {
		s, r := dial(t, url, ConnectConfig{})
		if err := s.Close("SocketTask.close", 4001, true, "bye"); err != nil {
			t.Fatalf("Close(4001, bye) = %v, want nil", err)
		}
		if got := s.ReadyState(); got != Closing && got != Closed {
			t.Errorf("ReadyState() after Close = %d, want Closing or Closed", got)
		}
		if got, want := r.waitClosed(t), (CloseEvent{Code: 4001, Reason: "bye"}); got != want {
			t.Errorf("onClose = %+v, want %+v", got, want)
		}
		if got := s.ReadyState(); got != Closed {
			t.Errorf("ReadyState() after onClose = %d, want Closed", got)
		}
		if diff := cmp.Diff([]string{"open", "close:4001:bye"}, r.lines()); diff != "" {
			t.Errorf("events (-want +got):\n%s", diff)
		}
	})
}

func TestCloseWithoutCodeSends1000(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	s, r := dial(t, srv.URL, ConnectConfig{})
	if err := s.Close("closeSocket", 0, false, ""); err != nil {
		t.Fatalf("Close() = %v, want nil", err)
	}
	if got, want := srv.NextClose(t), (wspeer.CloseFrame{Code: 1000}); got != want {
		t.Errorf("server received %+v, want %+v", got, want)
	}
	if got, want := r.waitClosed(t), (CloseEvent{Code: 1000}); got != want {
		t.Errorf("onClose = %+v, want %+v", got, want)
	}
	if got := s.ErrMsg(); got != "closeSocket:ok" {
		t.Errorf("ErrMsg() = %q, want closeSocket:ok", got)
	}
}

func TestCloseByServer(t *testing.T) {
	forEachPeer(t, func(t *testing.T, url string) {
		for _, tt := range []struct{ command, want string }{
			{"close:4002:server bye", "close:4002:server bye"},
			{"close:1000:", "close:1000:"},
			{"close-nostatus", "close:1005:"},
		} {
			s, r := dial(t, url, ConnectConfig{})
			mustSend(t, s, false, []byte(tt.command))
			r.waitClosed(t)
			if diff := cmp.Diff([]string{"open", tt.want}, r.lines()); diff != "" {
				t.Errorf("%s: events (-want +got):\n%s", tt.command, diff)
			}
		}
	})
}

func TestServerCloseEchoedToServer(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	s, r := dial(t, srv.URL, ConnectConfig{})
	mustSend(t, s, false, []byte("close:4003:x"))
	r.waitClosed(t)
	// RFC 6455 §5.5.1: the client answers with the code it received.
	if got, want := srv.NextClose(t), (wspeer.CloseFrame{Code: 4003}); got != want {
		t.Errorf("server received %+v, want %+v", got, want)
	}
}

func TestServerDropsConnection(t *testing.T) {
	check := func(t *testing.T, url, command string) {
		s, r := dial(t, url, ConnectConfig{})
		mustSend(t, s, false, []byte(command))
		if got := r.waitClosed(t); got.Code != 1006 {
			t.Errorf("onClose = %+v, want code 1006", got)
		}
		lines := r.lines()
		if len(lines) != 3 || !strings.HasPrefix(lines[1], "error:connectSocket:fail connection closed abnormally: ") {
			t.Errorf("events = %q, want open, error connectSocket:fail connection closed abnormally..., close 1006", lines)
		}
		if errs := r.errors(); len(errs) != 1 || !errors.Is(errs[0].Err, ErrAbnormalClosure) {
			t.Errorf("onError = %+v, want one ErrAbnormalClosure", errs)
		}
	}
	forEachPeer(t, func(t *testing.T, url string) { check(t, url, "terminate") })
	t.Run("gorilla/kill-mid-message", func(t *testing.T) {
		check(t, wspeer.NewServer(t, wspeer.Options{}).URL, "kill-mid-message")
	})
}

func TestInvalidUTF8Closes1007(t *testing.T) {
	forEachPeer(t, func(t *testing.T, url string) {
		s, r := dial(t, url, ConnectConfig{})
		mustSend(t, s, false, []byte("send-invalid-utf8"))
		r.waitClosed(t)
		want := []string{"open", "error:connectSocket:fail invalid UTF-8 in text message", "close:1007:invalid UTF-8 in text message"}
		if diff := cmp.Diff(want, r.lines()); diff != "" {
			t.Errorf("events (-want +got):\n%s", diff)
		}
		if errs := r.errors(); len(errs) != 1 || !errors.Is(errs[0].Err, ErrProtocol) {
			t.Errorf("onError = %+v, want one ErrProtocol", errs)
		}
	})
	srv := wspeer.NewServer(t, wspeer.Options{})
	s, r := dial(t, srv.URL, ConnectConfig{})
	mustSend(t, s, false, []byte("send-invalid-utf8"))
	r.waitClosed(t)
	if got, want := srv.NextClose(t), (wspeer.CloseFrame{Code: 1007, Reason: "invalid UTF-8 in text message"}); got != want {
		t.Errorf("server received %+v, want %+v", got, want)
	}
}

// Tests that need the in-process peer's misbehaviours.

func TestBadCloseCodeFromPeer(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	s, r := dial(t, srv.URL, ConnectConfig{})
	mustSend(t, s, false, []byte("send-bad-close-code"))
	r.waitClosed(t)
	want := []string{"open", "error:connectSocket:fail protocol error: bad close code 999", "close:1002:bad close code 999"}
	if diff := cmp.Diff(want, r.lines()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if got := srv.NextClose(t); got.Code != 1002 {
		t.Errorf("server received %+v, want code 1002", got)
	}
}

func TestReadLimitCloses1009(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	s, r := dial(t, srv.URL, ConnectConfig{ReadLimit: 1024})
	mustSend(t, s, false, []byte("send:1024"))
	if got := r.next(t); got != "binary:1024" {
		t.Fatalf("event = %q, want binary:1024 (at the limit is allowed)", got)
	}
	mustSend(t, s, false, []byte("send:1025"))
	r.waitClosed(t)
	want := []string{"open", "binary:1024", "error:connectSocket:fail message exceeds the read limit of 1024 bytes", "close:1009:"}
	if diff := cmp.Diff(want, r.lines()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if errs := r.errors(); len(errs) != 1 || !errors.Is(errs[0].Err, ErrTooLarge) {
		t.Errorf("onError = %+v, want one ErrTooLarge", errs)
	}
	if got := srv.NextClose(t); got.Code != 1009 {
		t.Errorf("server received %+v, want code 1009", got)
	}
}

func TestHandshakeRefused(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{RefuseStatus: http.StatusForbidden})
	s, err := Connect("connectSocket", ConnectConfig{URL: srv.URL})
	if err != nil {
		t.Fatalf("Connect() = %v, want nil (failures are reported by onError)", err)
	}
	r := record(t, s)
	if got := r.waitClosed(t); got.Code != 1006 {
		t.Errorf("onClose = %+v, want 1006", got)
	}
	want := []string{"error:connectSocket:fail handshake refused: HTTP 403 Forbidden", "close:1006:"}
	if diff := cmp.Diff(want, r.lines()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if errs := r.errors(); len(errs) != 1 || !errors.Is(errs[0].Err, ErrHandshake) {
		t.Errorf("onError = %+v, want one ErrHandshake", errs)
	}
	if s.ReadyState() != Closed {
		t.Errorf("ReadyState() = %d, want Closed", s.ReadyState())
	}
}

func TestNothingListening(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	s, err := Connect("connectSocket", ConnectConfig{URL: "ws://" + addr + "/"})
	if err != nil {
		t.Fatalf("Connect() = %v, want nil", err)
	}
	r := record(t, s)
	r.waitClosed(t)
	lines := r.lines()
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "error:connectSocket:fail dial tcp "+addr) ||
		!strings.Contains(lines[0], "connection refused") || lines[1] != "close:1006:" {
		t.Errorf("events = %q, want error connectSocket:fail dial tcp %s: ... connection refused, close 1006", lines, addr)
	}
	errs := r.errors()
	var opErr *net.OpError
	var rtErr *Error
	if len(errs) != 1 || !errors.Is(errs[0].Err, ErrHandshake) || !errors.As(errs[0].Err, &opErr) || !errors.As(errs[0].Err, &rtErr) {
		t.Errorf("onError = %+v, want an *Error matching ErrHandshake and *net.OpError", errs)
	}
}

// silentListener accepts TCP connections and never answers, so a dial
// hangs in the HTTP handshake.
func silentListener(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var conns []net.Conn
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		wg.Wait()
		for _, c := range conns {
			c.Close()
		}
	})
	return "ws://" + ln.Addr().String() + "/"
}

func TestCloseWhileConnecting(t *testing.T) {
	s, err := Connect("connectSocket", ConnectConfig{URL: silentListener(t)})
	if err != nil {
		t.Fatal(err)
	}
	r := record(t, s)
	if err := s.Send("SocketTask.send", false, []byte("x")); err == nil ||
		err.Error() != "SocketTask.send:fail SocketTask.readyState is CONNECTING, not OPEN" || !errors.Is(err, ErrNotOpen) {
		t.Errorf("Send() while CONNECTING = %v, want SocketTask.send:fail SocketTask.readyState is CONNECTING, not OPEN", err)
	}
	start := time.Now()
	if err := s.Close("SocketTask.close", 1000, true, ""); err != nil {
		t.Fatalf("Close() = %v", err)
	}
	r.waitClosed(t)
	if d := time.Since(start); d > 10*time.Second { // HandshakeTimeout is 30s
		t.Errorf("Close while CONNECTING took %v, want the dial abandoned at once", d)
	}
	want := []string{"error:connectSocket:fail closed before the connection was established", "close:1006:"}
	if diff := cmp.Diff(want, r.lines()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestDialContextAndHandshakeTimeout(t *testing.T) {
	url := silentListener(t)
	ctx, cancel := context.WithCancel(context.Background())
	s, err := Connect("connectSocket", ConnectConfig{URL: url, Context: ctx})
	if err != nil {
		t.Fatal(err)
	}
	r := record(t, s)
	time.Sleep(20 * time.Millisecond)
	cancel()
	r.waitClosed(t)
	if diff := cmp.Diff([]string{"error:connectSocket:fail dial: context canceled", "close:1006:"}, r.lines()); diff != "" {
		t.Errorf("cancelled Context: events (-want +got):\n%s", diff)
	}

	s, err = Connect("connectSocket", ConnectConfig{URL: url, HandshakeTimeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	r = record(t, s)
	r.waitClosed(t)
	errs := r.errors()
	if len(errs) != 1 || !errors.Is(errs[0].Err, ErrTimeout) || !errors.Is(errs[0].Err, ErrHandshake) ||
		!strings.HasPrefix(errs[0].ErrMsg, "connectSocket:fail handshake timed out after 50ms") {
		t.Errorf("HandshakeTimeout: onError = %+v, want ErrTimeout+ErrHandshake, handshake timed out after 50ms", errs)
	}
}

func TestSendStates(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	s, r := dial(t, srv.URL, ConnectConfig{})
	err := s.Send("sendSocketMessage", false, []byte("bad\xff"))
	if err == nil || err.Error() != "sendSocketMessage:fail text data is not valid UTF-8" || !errors.Is(err, ErrInvalidOption) {
		t.Errorf("Send(invalid UTF-8 text) = %v, want sendSocketMessage:fail text data is not valid UTF-8", err)
	}
	mustSend(t, s, true, []byte("bad\xff")) // binary may be anything
	if got := s.ErrMsg(); got != "sendSocketMessage:ok" {
		t.Errorf("ErrMsg() = %q, want sendSocketMessage:ok (Taro's success errMsg for SocketTask.send)", got)
	}
	s.Close("SocketTask.close", 0, false, "")
	for _, want := range []string{
		"SocketTask.send:fail SocketTask.readyState is CLOSING, not OPEN",
		"SocketTask.send:fail SocketTask.readyState is CLOSED, not OPEN",
	} {
		if strings.Contains(want, "CLOSED") {
			r.waitClosed(t)
		} else if s.ReadyState() != Closing {
			continue // the close handshake was quicker than this test
		}
		err := s.Send("SocketTask.send", false, []byte("x"))
		if err == nil || err.Error() != want || !errors.Is(err, ErrClosed) {
			t.Errorf("Send() = %v, want %s", err, want)
		}
	}
}

func TestIdempotentClose(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	s, r := dial(t, srv.URL, ConnectConfig{})
	for i := 0; i < 3; i++ {
		if err := s.Close("SocketTask.close", 4000+i, true, ""); err != nil {
			t.Errorf("Close #%d = %v, want nil", i+1, err)
		}
	}
	r.waitClosed(t)
	if err := s.Close("SocketTask.close", 0, false, ""); err != nil {
		t.Errorf("Close after CLOSED = %v, want nil", err)
	}
	time.Sleep(20 * time.Millisecond)
	if diff := cmp.Diff([]string{"open", "close:4000:"}, r.lines()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if got := srv.NextClose(t); got.Code != 4000 {
		t.Errorf("server received %+v, want 4000 only", got)
	}
}

func TestConcurrentSend(t *testing.T) {
	const goroutines, each = 50, 20
	srv := wspeer.NewServer(t, wspeer.Options{})
	s, r := dial(t, srv.URL, ConnectConfig{})
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				binary := i%2 == 1
				if err := s.Send("SocketTask.send", binary, fmt.Appendf(nil, "%d:%d", g, i)); err != nil {
					t.Errorf("Send = %v", err)
					return
				}
			}
		}()
	}
	wg.Wait()
	next := make([]int, goroutines)
	for range goroutines * each {
		r.next(t)
	}
	r.mu.Lock()
	msgs := append([]MessageEvent(nil), r.msgs...)
	r.mu.Unlock()
	for _, m := range msgs {
		text := m.Text
		if m.Binary {
			text = string(m.Data)
		}
		var g, i int
		if _, err := fmt.Sscanf(text, "%d:%d", &g, &i); err != nil {
			t.Fatalf("echo %q: %v", text, err)
		}
		if i != next[g] || m.Binary != (i%2 == 1) {
			t.Fatalf("goroutine %d: got message %d (binary %v), want %d: order per goroutine lost", g, i, m.Binary, next[g])
		}
		next[g]++
	}
}

func TestEventOrder(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{Greeting: []string{"g1", "g2"}})
	s, r := dial(t, srv.URL, ConnectConfig{})
	mustSend(t, s, true, []byte{1, 2, 3})
	mustSend(t, s, false, []byte("send-invalid-utf8"))
	r.waitClosed(t)
	want := []string{
		"open", "text:g1", "text:g2", "binary:3",
		"error:connectSocket:fail invalid UTF-8 in text message",
		"close:1007:invalid UTF-8 in text message",
	}
	if diff := cmp.Diff(want, r.lines()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestOpenEventAndHandshakeHeaders(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{
		Subprotocols:   []string{"chat.v2"},
		ResponseHeader: http.Header{"X-Server": {"a", "b"}},
	})
	_, r := dial(t, srv.URL, ConnectConfig{
		Header:     map[string]string{"x-token": "abc", "Cookie": "k=v"},
		Protocols:  []string{"chat.v1", "chat.v2"},
		TCPNoDelay: &[]bool{true}[0],
	})
	ev := r.waitOpen(t)
	if got := ev.Header["Sec-Websocket-Protocol"]; got != "chat.v2" {
		t.Errorf("OpenEvent.Header[Sec-Websocket-Protocol] = %q, want chat.v2", got)
	}
	if got := ev.Header["X-Server"]; got != "a, b" {
		t.Errorf("OpenEvent.Header[X-Server] = %q, want \"a, b\"", got)
	}
	h := srv.RequestHeaders()[0]
	if h.Get("X-Token") != "abc" || h.Get("Cookie") != "k=v" || h.Get("Sec-Websocket-Protocol") != "chat.v1, chat.v2" {
		t.Errorf("server saw header %v, want X-Token abc, Cookie k=v, Sec-Websocket-Protocol chat.v1, chat.v2", h)
	}
}

func TestIDsAndLatest(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	a, _ := dial(t, srv.URL, ConnectConfig{})
	b, _ := dial(t, srv.URL, ConnectConfig{})
	if a.ID() <= 0 || b.ID() != a.ID()+1 {
		t.Errorf("IDs = %d, %d, want consecutive from 1", a.ID(), b.ID())
	}
	if Latest() != b {
		t.Errorf("Latest() is not the last task created")
	}
	if got := b.ErrMsg(); got != "connectSocket:ok" {
		t.Errorf("ErrMsg() after Connect = %q, want connectSocket:ok", got)
	}
}
