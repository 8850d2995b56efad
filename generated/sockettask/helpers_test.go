//go:build !js && !taro_weapp && !taro_swan && !taro_alipay && !taro_tt && !taro_qq && !taro_jd && !taro_h5 && !taro_rn && !taro_harmony && !taro_harmony_hybrid && !taro_quickapp && !taro_ascf

// The end-to-end tests drive the native build, where every API reaches the
// runtime; harmony_test.go covers a platform stub.

package sockettask_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"

	"github.com/tarogen/tarogen/generated/sockettask"
	"github.com/tarogen/tarogen/internal/wspeer"
)

// waitTimeout bounds every wait. It is generous because CI machines are
// small and busy; a healthy run waits milliseconds.
const waitTimeout = 30 * time.Second

// A peer is a WebSocket server the tests run against: the in-process
// gorilla server, and peer.js on Node's ws, an independent RFC 6455
// implementation. Under CI=true a missing Node or ws fails the test
// instead of skipping it (wspeer.Start).
type peer struct {
	name string
	// start prepares the peer for t and its subtests and returns how each
	// test gets it: a gorilla server of its own (so the close frames it
	// records are that test's), or the one Node process, started once
	// because starting Node takes seconds on a busy machine.
	start func(t *testing.T) getPeer
}

// getPeer returns a peer's URL for t, and the gorilla server behind it, or
// nil for Node (which records no close frames).
type getPeer func(t *testing.T) (url string, srv *wspeer.Server)

var peers = []peer{
	{"gorilla", func(*testing.T) getPeer {
		return func(t *testing.T) (string, *wspeer.Server) {
			srv := wspeer.NewServer(t, wspeer.Options{})
			return srv.URL, srv
		}
	}},
	{"node", func(t *testing.T) getPeer {
		url := wspeer.Start(t)
		return func(*testing.T) (string, *wspeer.Server) { return url, nil }
	}},
}

// recorder holds a task's four handlers. It logs each event as a line
// ("open", "text:hi", "binary:\"hi\"", "error:<errMsg>", "close:4001:bye";
// long payloads as "text:70000 bytes") and hands events to the test
// through channels, so tests wait on events, never on the clock.
type recorder struct {
	t    testing.TB
	task *sockettask.SocketTask

	mu           sync.Mutex
	log          []string
	closes       int
	stateAtOpen  sockettask.ReadyState
	stateAtClose sockettask.ReadyState

	opened   chan sockettask.OnOpenCallbackResult
	messages chan sockettask.Data
	errs     chan string
	closed   chan sockettask.OnCloseCallbackResult
	done     chan struct{} // closed by the first onClose
}

func newRecorder(t testing.TB, task *sockettask.SocketTask) *recorder {
	return &recorder{
		t:        t,
		task:     task,
		opened:   make(chan sockettask.OnOpenCallbackResult, 1),
		messages: make(chan sockettask.Data, 8192),
		errs:     make(chan string, 4),
		closed:   make(chan sockettask.OnCloseCallbackResult, 4),
		done:     make(chan struct{}),
	}
}

// attach registers all four handlers.
func (r *recorder) attach() {
	r.task.OnOpen(r.onOpen)
	r.task.OnMessage(r.onMessage)
	r.task.OnError(r.onError)
	r.task.OnClose(r.onClose)
}

func (r *recorder) add(line string) {
	r.mu.Lock()
	r.log = append(r.log, line)
	r.mu.Unlock()
}

func (r *recorder) onOpen(res sockettask.OnOpenCallbackResult) {
	r.mu.Lock()
	r.stateAtOpen = r.task.ReadyState()
	r.mu.Unlock()
	r.add("open")
	r.opened <- res
}

func (r *recorder) onMessage(res sockettask.OnMessageCallbackResult) {
	r.add(describe(res.Data))
	r.messages <- res.Data
}

func (r *recorder) onError(res sockettask.OnErrorCallbackResult) {
	r.add("error:" + res.ErrMsg)
	r.errs <- res.ErrMsg
}

func (r *recorder) onClose(res sockettask.OnCloseCallbackResult) {
	r.mu.Lock()
	r.closes++
	n := r.closes
	r.stateAtClose = r.task.ReadyState()
	r.mu.Unlock()
	r.add(fmt.Sprintf("close:%d:%s", res.Code, res.Reason))
	if n > 1 {
		r.t.Errorf("onClose ran %d times, want exactly once", n)
		return
	}
	r.closed <- res
	close(r.done)
}

// lines returns the events logged so far.
func (r *recorder) lines() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.log...)
}

func (r *recorder) waitOpen(t testing.TB) sockettask.OnOpenCallbackResult {
	t.Helper()
	select {
	case res := <-r.opened:
		return res
	case <-r.done:
		t.Fatalf("task closed before it opened; events: %q", r.lines())
	case <-time.After(waitTimeout):
		t.Fatalf("no onOpen within %v; events: %q", waitTimeout, r.lines())
	}
	return sockettask.OnOpenCallbackResult{}
}

func (r *recorder) nextMessage(t testing.TB) sockettask.Data {
	t.Helper()
	select {
	case d := <-r.messages:
		return d
	case <-time.After(waitTimeout):
		t.Fatalf("no onMessage within %v; events: %q", waitTimeout, r.lines())
	}
	return nil
}

func (r *recorder) nextError(t testing.TB) string {
	t.Helper()
	select {
	case msg := <-r.errs:
		return msg
	case <-time.After(waitTimeout):
		t.Fatalf("no onError within %v; events: %q", waitTimeout, r.lines())
	}
	return ""
}

func (r *recorder) waitClose(t testing.TB) sockettask.OnCloseCallbackResult {
	t.Helper()
	select {
	case res := <-r.closed:
		return res
	case <-time.After(waitTimeout):
		t.Fatalf("no onClose within %v; events: %q", waitTimeout, r.lines())
	}
	return sockettask.OnCloseCallbackResult{}
}

// waitDone waits for onClose without consuming it.
func (r *recorder) waitDone(t testing.TB) {
	t.Helper()
	select {
	case <-r.done:
	case <-time.After(waitTimeout):
		t.Errorf("no onClose within %v; events: %q", waitTimeout, r.lines())
	}
}

// connect calls ConnectSocket and registers a recorder right after it
// returns, as a Taro program does. The task is closed, and its onClose
// awaited, when the test ends.
func connect(t *testing.T, url string) (*sockettask.SocketTask, *recorder) {
	t.Helper()
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: url})
	if err != nil {
		t.Fatalf("ConnectSocket(%q) = %v, want no error", url, err)
	}
	r := newRecorder(t, task)
	r.attach()
	closeAtCleanup(t, task, r)
	return task, r
}

func closeAtCleanup(t *testing.T, task *sockettask.SocketTask, r *recorder) {
	t.Cleanup(func() {
		task.Close(sockettask.CloseOption{})
		r.waitDone(t)
	})
}

// send sends data and fails the test if Send fails.
func send(t testing.TB, task *sockettask.SocketTask, data sockettask.Data) {
	t.Helper()
	if err := task.Send(sockettask.SendOption{Data: data}); err != nil {
		t.Fatalf("Send(%s) = %v, want no error", describe(data), err)
	}
}

// callbacks records what success, fail and complete received.
type callbacks struct {
	mu                      sync.Mutex
	success, fail, complete []string
}

func (c *callbacks) onSuccess(res sockettask.CallbackResult) { c.add(&c.success, res) }
func (c *callbacks) onFail(res sockettask.CallbackResult)    { c.add(&c.fail, res) }
func (c *callbacks) onComplete(res sockettask.CallbackResult) {
	c.add(&c.complete, res)
}

func (c *callbacks) add(to *[]string, res sockettask.CallbackResult) {
	c.mu.Lock()
	*to = append(*to, res.ErrMsg)
	c.mu.Unlock()
}

// check fails the test unless the callbacks saw exactly one call ending in
// errMsg: success and complete for "<api>:ok", fail and complete otherwise.
func (c *callbacks) check(t testing.TB, call, errMsg string) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	var wantSuccess, wantFail []string
	if strings.HasSuffix(errMsg, ":ok") {
		wantSuccess = []string{errMsg}
	} else {
		wantFail = []string{errMsg}
	}
	if !equalStrings(c.success, wantSuccess) || !equalStrings(c.fail, wantFail) || !equalStrings(c.complete, []string{errMsg}) {
		t.Errorf("%s: callbacks got success %q, fail %q, complete %q; want success %q, fail %q, complete %q",
			call, c.success, c.fail, c.complete, wantSuccess, wantFail, []string{errMsg})
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// matchLines compares logged events with want, where a want line ending in
// "*" matches any line with that prefix (error messages carry OS text).
func matchLines(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range want {
		if prefix, ok := strings.CutSuffix(want[i], "*"); ok {
			if !strings.HasPrefix(got[i], prefix) {
				return false
			}
		} else if got[i] != want[i] {
			return false
		}
	}
	return true
}

// describe names a payload for logs and messages, short enough to read.
func describe(d sockettask.Data) string {
	switch d := d.(type) {
	case sockettask.Text:
		if len(d) > 32 {
			return fmt.Sprintf("text:%d bytes", len(d))
		}
		return "text:" + string(d)
	case sockettask.Binary:
		if len(d) > 32 {
			return fmt.Sprintf("binary:%d bytes", len(d))
		}
		return fmt.Sprintf("binary:%q", []byte(d))
	case nil:
		return "nil"
	}
	return fmt.Sprintf("%T", d)
}

// sameData reports whether a and b have the same type (Text or Binary) and
// the same bytes.
func sameData(a, b sockettask.Data) bool {
	switch a := a.(type) {
	case sockettask.Text:
		b, ok := b.(sockettask.Text)
		return ok && a == b
	case sockettask.Binary:
		b, ok := b.(sockettask.Binary)
		return ok && bytes.Equal(a, b)
	}
	return false
}

// textOf returns n bytes of valid UTF-8 mixing 1- to 4-byte characters, so a
// text frame's bytes, not only its ASCII, are checked. It never starts
// like a peer command.
func textOf(n int) string {
	const pattern = "taro é€😀 "
	b := make([]byte, 0, n)
	for len(b) < n {
		for _, c := range pattern {
			if len(b)+utf8.RuneLen(c) > n {
				c = 'x'
			}
			b = utf8.AppendRune(b, c)
			if len(b) == n {
				break
			}
		}
	}
	return string(b)
}

// bytesOf returns n bytes covering every byte value, including ones that
// are not UTF-8.
func bytesOf(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*131 + i>>8)
	}
	return b
}

// heldOptions configure a heldServer.
type heldOptions struct {
	HoldHandshake  bool               // answer the upgrade only after releaseHandshake
	HoldCloseReply bool               // answer a client's close frame only after releaseCloseReply
	Greeting       []string           // text messages sent right after the upgrade
	ThenClose      *wspeer.CloseFrame // after the greeting, close with this code and reason
}

// heldServer is a gorilla echo server whose handshake and close answer the
// test releases, so that CONNECTING and CLOSING last exactly as long as a
// test needs: states are pinned without racing the network.
type heldServer struct {
	URL string

	opts                  heldOptions
	handshake, closeReply chan struct{}
	releaseHandshake      func()
	releaseCloseReply     func()

	srv   *httptest.Server
	wg    sync.WaitGroup
	mu    sync.Mutex
	conns []*websocket.Conn
}

func newHeldServer(t *testing.T, opts heldOptions) *heldServer {
	t.Helper()
	h := &heldServer{opts: opts, handshake: make(chan struct{}), closeReply: make(chan struct{})}
	h.releaseHandshake = sync.OnceFunc(func() { close(h.handshake) })
	h.releaseCloseReply = sync.OnceFunc(func() { close(h.closeReply) })
	if !opts.HoldHandshake {
		h.releaseHandshake()
	}
	if !opts.HoldCloseReply {
		h.releaseCloseReply()
	}
	h.srv = httptest.NewServer(http.HandlerFunc(h.serve))
	h.URL = "ws://" + strings.TrimPrefix(h.srv.URL, "http://") + "/"
	t.Cleanup(func() {
		h.releaseHandshake()
		h.releaseCloseReply()
		h.mu.Lock()
		for _, c := range h.conns {
			c.Close()
		}
		h.mu.Unlock()
		h.srv.Close()
		h.wg.Wait() // hijacked connections are not httptest's to wait for
	})
	return h
}

func (h *heldServer) serve(w http.ResponseWriter, r *http.Request) {
	h.wg.Add(1)
	defer h.wg.Done()
	<-h.handshake
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	conn, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	h.mu.Lock()
	h.conns = append(h.conns, conn)
	h.mu.Unlock()

	conn.SetCloseHandler(func(code int, reason string) error {
		<-h.closeReply
		conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(time.Second))
		return nil
	})
	for _, g := range h.opts.Greeting {
		if conn.WriteMessage(websocket.TextMessage, []byte(g)) != nil {
			return
		}
	}
	if c := h.opts.ThenClose; c != nil {
		conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(c.Code, c.Reason), time.Now().Add(time.Second))
	}
	for {
		typ, data, err := conn.ReadMessage()
		if err != nil {
			return
		}
		if conn.WriteMessage(typ, data) != nil {
			return
		}
	}
}
