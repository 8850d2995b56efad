//go:build js && wasm

// The js/wasm half of the WebSocket suite: these tests run inside a JS host
// through the generated package, started by jshosts_test.go, which runs the
// gorilla echo server (jshost.EchoHandler) they talk to:
//
//   - TAROGEN_HOST=h5: headless Chromium with Taro's real H5 runtime;
//   - TAROGEN_HOST=weapp: Node with Taro's real weapp layer over the wx
//     stand-in (internal/jshost/npm/wx-standin.js).
//
// Where Taro H5 differs from a native socket, the tests pin what Taro does.

package sockettask_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tarogen/tarogen/generated/sockettask"
	"github.com/tarogen/tarogen/runtime/tarort"
)

const jsWait = 20 * time.Second

func jsHost() string { return os.Getenv("TAROGEN_HOST") }

func jsEchoURL(query string) string { return os.Getenv("ECHO_URL") + query }

// jsTask records one task's events. Its handlers only copy into buffered
// channels, in the order the binding delivers them.
type jsTask struct {
	t        *testing.T
	task     *sockettask.SocketTask
	opened   chan sockettask.OnOpenCallbackResult
	messages chan sockettask.Data
	errs     chan string
	closed   chan sockettask.OnCloseCallbackResult

	mu     sync.Mutex
	closes int
}

// jsConnect connects to url and registers all four handlers at once, right
// after ConnectSocket returns, as the package doc says a caller may.
func jsConnect(t *testing.T, opt sockettask.ConnectSocketOption) *jsTask {
	t.Helper()
	task, err := sockettask.ConnectSocket(opt)
	if err != nil {
		t.Fatalf("ConnectSocket(%q) = %v", opt.URL, err)
	}
	r := &jsTask{t: t, task: task,
		opened:   make(chan sockettask.OnOpenCallbackResult, 4),
		messages: make(chan sockettask.Data, 2048),
		errs:     make(chan string, 16),
		closed:   make(chan sockettask.OnCloseCallbackResult, 4),
	}
	task.OnOpen(func(res sockettask.OnOpenCallbackResult) { r.opened <- res })
	task.OnMessage(func(res sockettask.OnMessageCallbackResult) { r.messages <- res.Data })
	task.OnError(func(res sockettask.OnErrorCallbackResult) { r.errs <- res.ErrMsg })
	task.OnClose(func(res sockettask.OnCloseCallbackResult) {
		r.mu.Lock()
		r.closes++
		r.mu.Unlock()
		r.closed <- res
	})
	return r
}

func (r *jsTask) waitOpen() sockettask.OnOpenCallbackResult {
	r.t.Helper()
	select {
	case res := <-r.opened:
		return res
	case msg := <-r.errs:
		r.t.Fatalf("onError %q before onOpen", msg)
	case <-time.After(jsWait):
		r.t.Fatalf("no onOpen within %v", jsWait)
	}
	return sockettask.OnOpenCallbackResult{}
}

func (r *jsTask) next() sockettask.Data {
	r.t.Helper()
	select {
	case d := <-r.messages:
		return d
	case res := <-r.closed:
		r.t.Fatalf("onClose %d %q while waiting for a message", res.Code, res.Reason)
	case <-time.After(jsWait):
		r.t.Fatalf("no message within %v", jsWait)
	}
	return nil
}

// waitClose waits for onClose, then checks it does not fire again.
func (r *jsTask) waitClose() sockettask.OnCloseCallbackResult {
	r.t.Helper()
	var res sockettask.OnCloseCallbackResult
	select {
	case res = <-r.closed:
	case <-time.After(jsWait):
		r.t.Fatalf("no onClose within %v", jsWait)
	}
	time.Sleep(50 * time.Millisecond)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closes != 1 {
		r.t.Errorf("onClose ran %d times, want exactly once", r.closes)
	}
	return res
}

func (r *jsTask) send(d sockettask.Data) {
	r.t.Helper()
	if err := r.task.Send(sockettask.SendOption{Data: d}); err != nil {
		r.t.Fatalf("Send(%s) = %v", jsDescribe(d), err)
	}
}

// closeNormally closes from the client and waits for onClose; every test
// ends with its sockets closed (a program that exits with host callbacks
// pending makes the page throw "Go program has already exited").
func (r *jsTask) closeNormally() {
	r.t.Helper()
	if err := r.task.Close(sockettask.CloseOption{Code: 1000, Reason: "done"}); err != nil {
		r.t.Fatalf("Close = %v", err)
	}
	r.waitClose()
}

func jsDescribe(d sockettask.Data) string {
	switch d := d.(type) {
	case sockettask.Text:
		return fmt.Sprintf("text %d bytes", len(d))
	case sockettask.Binary:
		return fmt.Sprintf("binary %d bytes", len(d))
	}
	return fmt.Sprintf("%T", d)
}

func jsPattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i % 251)
	}
	return b
}

// TestJSEchoSizes: text and binary at the sizes where WebSocket framing
// changes (7-bit, 16-bit and 64-bit lengths) and at 1 MiB.
func TestJSEchoSizes(t *testing.T) {
	r := jsConnect(t, sockettask.ConnectSocketOption{URL: jsEchoURL("")})
	r.waitOpen()
	for _, n := range []int{0, 125, 126, 65536, 1 << 20} {
		text := sockettask.Text(strings.Repeat("x", n))
		r.send(text)
		if got := r.next(); got != sockettask.Data(text) {
			t.Errorf("echo of text %d bytes = %s", n, jsDescribe(got))
		}
		bin := sockettask.Binary(jsPattern(n))
		r.send(bin)
		echo := r.next()
		if got, ok := echo.(sockettask.Binary); !ok || !bytes.Equal(got, bin) {
			t.Errorf("echo of binary %d bytes = %s, want the same bytes as Binary", n, jsDescribe(echo))
		}
	}
	r.send(sockettask.Text("你好, Taro"))
	if got := r.next(); got != sockettask.Data(sockettask.Text("你好, Taro")) {
		t.Errorf("echo of UTF-8 text = %#v", got)
	}
	r.closeNormally()
}

// TestJSThousandInOrder: 1,000 messages sent back to back come back in order.
func TestJSThousandInOrder(t *testing.T) {
	r := jsConnect(t, sockettask.ConnectSocketOption{URL: jsEchoURL("")})
	r.waitOpen()
	const n = 1000
	for i := range n {
		r.send(sockettask.Text(fmt.Sprintf("m%04d", i)))
	}
	for i := range n {
		want := sockettask.Data(sockettask.Text(fmt.Sprintf("m%04d", i)))
		if got := r.next(); got != want {
			t.Fatalf("message %d = %#v, want %#v", i, got, want)
		}
	}
	r.closeNormally()
}

// TestJSClientClose: the code and reason given to Close reach onClose.
func TestJSClientClose(t *testing.T) {
	r := jsConnect(t, sockettask.ConnectSocketOption{URL: jsEchoURL("")})
	r.waitOpen()
	if err := r.task.Close(sockettask.CloseOption{Code: 4001, Reason: "bye"}); err != nil {
		t.Fatalf("Close = %v", err)
	}
	got := r.waitClose()
	want := sockettask.OnCloseCallbackResult{Code: 4001, Reason: "bye"}
	if jsHost() == "weapp" {
		// The wx stand-in reports the server's close reply: gorilla answers
		// with the client's code and no reason.
		want.Reason = ""
	}
	if got != want {
		t.Errorf("onClose = %+v, want %+v", got, want)
	}
}

// TestJSServerClose: a close the server starts.
func TestJSServerClose(t *testing.T) {
	r := jsConnect(t, sockettask.ConnectSocketOption{URL: jsEchoURL("")})
	r.waitOpen()
	r.send(sockettask.Text("server-close 4002 going away"))
	got := r.waitClose()
	want := sockettask.OnCloseCallbackResult{Code: 4002, Reason: "going away"}
	if jsHost() == "h5" {
		// Taro H5 4.2.1 reports every close the server starts as 1006.
		want = sockettask.OnCloseCallbackResult{Code: 1006, Reason: "abnormal closure"}
	}
	if got != want {
		t.Errorf("onClose = %+v, want %+v", got, want)
	}
}

// TestJSHandshake: what the server sees of the header and protocols
// options, and what onOpen reports.
func TestJSHandshake(t *testing.T) {
	r := jsConnect(t, sockettask.ConnectSocketOption{
		URL:       jsEchoURL("?greet"),
		Header:    map[string]any{"X-Tarogen": "hello"},
		Protocols: []string{"echo"},
	})
	open := r.waitOpen()
	greeting := r.next()
	want := sockettask.Data(sockettask.Text("x-tarogen=hello protocol=echo"))
	wantHeader := "yes"
	if jsHost() == "h5" {
		// Taro H5 drops the header option (a browser WebSocket cannot send
		// headers) and its onOpen has no response headers.
		want = sockettask.Text("x-tarogen= protocol=echo")
		wantHeader = ""
	}
	if greeting != want {
		t.Errorf("server saw %#v, want %#v", greeting, want)
	}
	if got, _ := open.Header["x-echo"].(string); got != wantHeader {
		t.Errorf(`onOpen Header["x-echo"] = %q, want %q (header: %v)`, got, wantHeader, open.Header)
	}
	r.closeNormally()
}

// TestJSInvalidURL: the host rejects the URL; the error reaches the
// returned error, fail and complete, with the host's errMsg.
func TestJSInvalidURL(t *testing.T) {
	var fails, completes []string
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{
		URL:      "http://127.0.0.1/not-a-websocket",
		Success:  func(res sockettask.CallbackResult) { t.Errorf("success ran: %q", res.ErrMsg) },
		Fail:     func(res sockettask.CallbackResult) { fails = append(fails, res.ErrMsg) },
		Complete: func(res sockettask.CallbackResult) { completes = append(completes, res.ErrMsg) },
	})
	if task != nil {
		t.Errorf("ConnectSocket returned a task for an invalid URL")
	}
	var terr *tarort.Error
	if !errors.As(err, &terr) || !strings.HasPrefix(err.Error(), "connectSocket:fail") || !strings.Contains(err.Error(), "invalid url") {
		t.Fatalf("err = %v, want a *tarort.Error connectSocket:fail … invalid url …", err)
	}
	if len(fails) != 1 || fails[0] != err.Error() || len(completes) != 1 || completes[0] != err.Error() {
		t.Errorf("fail = %q, complete = %q, want each once with %q", fails, completes, err.Error())
	}
}

// TestJSRefused: nothing listens; the task reports an error, then a close
// with 1006, each once.
func TestJSRefused(t *testing.T) {
	r := jsConnect(t, sockettask.ConnectSocketOption{URL: os.Getenv("REFUSED_URL")})
	select {
	case <-r.errs:
	case res := <-r.opened:
		t.Fatalf("onOpen %+v on a refused connection", res)
	case <-time.After(jsWait):
		t.Fatalf("no onError within %v", jsWait)
	}
	if got := r.waitClose(); got.Code != 1006 {
		t.Errorf("onClose code = %d, want 1006", got.Code)
	}
	if n := len(r.errs); n != 0 {
		t.Errorf("%d more onError events, want one in all", n)
	}
}

// TestJSBlockingHandler: a handler may block, even on a second socket's
// echo, and the events behind it wait, in order.
func TestJSBlockingHandler(t *testing.T) {
	first, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: jsEchoURL("")})
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu  sync.Mutex
		got []string
	)
	done := make(chan struct{})
	opened := make(chan struct{}, 1)
	closed := make(chan struct{}, 1)
	first.OnOpen(func(sockettask.OnOpenCallbackResult) { opened <- struct{}{} })
	first.OnClose(func(sockettask.OnCloseCallbackResult) { closed <- struct{}{} })
	first.OnMessage(func(res sockettask.OnMessageCallbackResult) {
		text := string(res.Data.(sockettask.Text))
		if text == "a" {
			// Block: open a second socket and wait for its echo, while
			// "b" and "c" arrive on the first.
			second := jsConnect(t, sockettask.ConnectSocketOption{URL: jsEchoURL("")})
			second.waitOpen()
			second.send(sockettask.Text("inner"))
			if d := second.next(); d != sockettask.Data(sockettask.Text("inner")) {
				t.Errorf("second socket echoed %#v", d)
			}
			second.closeNormally()
			text = "a+inner"
		}
		mu.Lock()
		got = append(got, text)
		n := len(got)
		mu.Unlock()
		if n == 3 {
			close(done)
		}
	})
	select {
	case <-opened:
	case <-time.After(jsWait):
		t.Fatalf("no onOpen within %v", jsWait)
	}
	for _, m := range []string{"a", "b", "c"} {
		if err := first.Send(sockettask.SendOption{Data: sockettask.Text(m)}); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case <-done:
	case <-time.After(jsWait):
		t.Fatalf("handlers did not finish within %v", jsWait)
	}
	mu.Lock()
	if strings.Join(got, ",") != "a+inner,b,c" {
		t.Errorf("handled %q, want [a+inner b c]", got)
	}
	mu.Unlock()
	first.Close(sockettask.CloseOption{})
	select {
	case <-closed:
	case <-time.After(jsWait):
		t.Fatalf("no onClose within %v", jsWait)
	}
}

// TestJSLateHandlers: events that happen before any handler is registered
// are held and delivered, in order, once one is. Here the handlers come
// 300 ms after ConnectSocket returns, by which time the socket is open and
// the server's greeting has arrived.
func TestJSLateHandlers(t *testing.T) {
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: jsEchoURL("?greet")})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("ConnectSocket returned; registering handlers in 300 ms")
	time.Sleep(300 * time.Millisecond)
	events := make(chan string, 8)
	task.OnOpen(func(sockettask.OnOpenCallbackResult) { events <- "open" })
	task.OnMessage(func(res sockettask.OnMessageCallbackResult) {
		text, _ := res.Data.(sockettask.Text)
		events <- "message " + strings.Fields(string(text))[0]
	})
	task.OnClose(func(res sockettask.OnCloseCallbackResult) { events <- fmt.Sprintf("close %d", res.Code) })
	want := []string{"open", "message x-tarogen=", "close 1000"}
	for i, w := range want {
		if i == 2 {
			if err := task.Close(sockettask.CloseOption{Code: 1000}); err != nil {
				t.Fatalf("Close = %v", err)
			}
		}
		select {
		case got := <-events:
			if got != w {
				t.Fatalf("event %d = %q, want %q", i, got, w)
			}
		case <-time.After(jsWait):
			t.Fatalf("no %q within %v", w, jsWait)
		}
	}
}
