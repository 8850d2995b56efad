//go:build !js && !taro_weapp && !taro_swan && !taro_alipay && !taro_tt && !taro_qq && !taro_jd && !taro_h5 && !taro_rn && !taro_harmony && !taro_harmony_hybrid && !taro_quickapp && !taro_ascf

package sockettask_test

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/tarogen/tarogen/generated/sockettask"
	"github.com/tarogen/tarogen/internal/wspeer"
	"github.com/tarogen/tarogen/runtime/tarort"
)

// TestPeers runs the peer tests against each peer, all in parallel.
func TestPeers(t *testing.T) {
	t.Parallel()
	for _, p := range peers {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			get := p.start(t)
			for _, pt := range peerTests {
				t.Run(pt.name, func(t *testing.T) {
					t.Parallel()
					pt.run(t, get)
				})
			}
		})
	}
}

// peerTests are the tests TestPeers runs against every peer.
var peerTests = []struct {
	name string
	run  func(t *testing.T, get getPeer)
}{
	{"Echo", testEcho},
	{"OpenHeader", testOpenHeader},
	{"ClientClose", testClientClose},
	{"ServerClose", testServerClose},
	{"AbnormalClose", testAbnormalClose},
	{"ProtocolViolation", testProtocolViolation},
	{"EventOrder", testEventOrder},
	{"ConcurrentSends", testConcurrentSends},
	{"SendDuringClose", testSendDuringClose},
	{"HandlersCallTheirTask", testHandlersCallTheirTask},
	{"CloseInvalidArguments", testCloseInvalidArguments},
}

// testEcho sends Text and Binary at the frame-length boundaries of RFC 6455
// (125: 7-bit length; 126 and 65535: 16-bit; 65536: 64-bit) and 1 MiB, and
// checks that onMessage gets each back with its type and bytes.
func testEcho(t *testing.T, get getPeer) {
	sizes := []int{0, 125, 126, 65535, 65536, 1 << 20}
	url, _ := get(t)
	task, r := connect(t, url)
	r.waitOpen(t)
	for _, n := range sizes {
		for _, data := range []sockettask.Data{sockettask.Text(textOf(n)), sockettask.Binary(bytesOf(n))} {
			send(t, task, data)
			if got := r.nextMessage(t); !sameData(got, data) {
				t.Errorf("echo of %s = %s (%T), want the same type and bytes", describe(data), describe(got), got)
			}
		}
	}
}

func testOpenHeader(t *testing.T, get getPeer) {
	url, _ := get(t)
	_, r := connect(t, url)
	res := r.waitOpen(t)
	if got := res.Header["Upgrade"]; got != "websocket" {
		t.Errorf(`onOpen Header["Upgrade"] = %v, want "websocket" (header: %v)`, got, res.Header)
	}
}

// testClientClose: the peer gets our code and reason, and onClose reports
// what the peer echoed.
func testClientClose(t *testing.T, get getPeer) {
	url, srv := get(t)
	task, r := connect(t, url)
	r.waitOpen(t)
	var cb callbacks
	err := task.Close(sockettask.CloseOption{Code: 4001, Reason: "bye", Success: cb.onSuccess, Fail: cb.onFail, Complete: cb.onComplete})
	if err != nil {
		t.Fatalf("Close(4001, bye) = %v, want nil", err)
	}
	cb.check(t, "Close(4001, bye)", "closeSocket:ok") // Taro H5 and RN report closeSocket:ok for SocketTask.close
	if srv != nil {
		if got, want := srv.NextClose(t), (wspeer.CloseFrame{Code: 4001, Reason: "bye"}); got != want {
			t.Errorf("server received close %+v, want %+v", got, want)
		}
	}
	if got, want := r.waitClose(t), (sockettask.OnCloseCallbackResult{Code: 4001, Reason: "bye"}); got != want {
		t.Errorf("onClose = %+v, want %+v", got, want)
	}
	if got := task.ReadyState(); got != sockettask.Closed {
		t.Errorf("ReadyState() after onClose = %v, want Closed", got)
	}
	if got, want := r.lines(), []string{"open", "close:4001:bye"}; !equalStrings(got, want) {
		t.Errorf("events = %q, want %q", got, want)
	}
}

// testServerClose: the peer closes first; onClose reports its code and
// reason, with no onError, and the task answers with the same code.
func testServerClose(t *testing.T, get getPeer) {
	tests := []struct {
		command string
		want    sockettask.OnCloseCallbackResult
	}{
		{"close:4002:srv", sockettask.OnCloseCallbackResult{Code: 4002, Reason: "srv"}},
		{"close:1000:", sockettask.OnCloseCallbackResult{Code: 1000}},
		{"close-nostatus", sockettask.OnCloseCallbackResult{Code: 1005}}, // RFC 6455 §7.1.5: no status
	}
	for _, tt := range tests {
		t.Run(tt.command, func(t *testing.T) {
			t.Parallel()
			url, srv := get(t)
			task, r := connect(t, url)
			r.waitOpen(t)
			send(t, task, sockettask.Text(tt.command))
			if got := r.waitClose(t); got != tt.want {
				t.Errorf("onClose = %+v, want %+v", got, tt.want)
			}
			want := []string{"open", fmt.Sprintf("close:%d:%s", tt.want.Code, tt.want.Reason)}
			if got := r.lines(); !equalStrings(got, want) {
				t.Errorf("events = %q, want %q", got, want)
			}
			if srv != nil {
				// The task answers with the code it received, RFC 6455 §5.5.1.
				if got := srv.NextClose(t); got.Code != tt.want.Code {
					t.Errorf("server received close code %d, want the echo %d", got.Code, tt.want.Code)
				}
			}
			// A send now fails: the task is CLOSED.
			if err := task.Send(sockettask.SendOption{Data: sockettask.Text("late")}); err == nil {
				t.Errorf("Send after onClose = nil, want an error")
			}
		})
	}
}

// testAbnormalClose: the peer drops TCP, at a frame boundary or inside a
// frame; the messages before it arrive, then onError, then onClose 1006.
func testAbnormalClose(t *testing.T, get getPeer) {
	tests := []struct {
		command     string
		gorillaOnly bool // peer.js does not know the command
	}{
		{"terminate", false},
		{"kill-mid-message", true},
	}
	for _, tt := range tests {
		t.Run(tt.command, func(t *testing.T) {
			t.Parallel()
			url, srv := get(t)
			if tt.gorillaOnly && srv == nil {
				t.Skipf("%s is a command of the gorilla peer only", tt.command)
			}
			task, r := connect(t, url)
			r.waitOpen(t)
			send(t, task, sockettask.Text("before"))
			send(t, task, sockettask.Text(tt.command))
			if got, want := r.waitClose(t), (sockettask.OnCloseCallbackResult{Code: 1006}); got != want {
				t.Errorf("onClose = %+v, want %+v", got, want)
			}
			want := []string{"open", "text:before", "error:connectSocket:fail connection closed abnormally: *", "close:1006:"}
			if got := r.lines(); !matchLines(got, want) {
				t.Errorf("events = %q, want %q", got, want)
			}
			if got := task.ReadyState(); got != sockettask.Closed {
				t.Errorf("ReadyState() = %v, want Closed", got)
			}
		})
	}
}

// TestHandshakeFailure: connectSocket itself succeeds (the dial runs in the
// background, as in the browser); the failure comes as onError, then
// onClose 1006, to handlers registered after ConnectSocket returned.
func TestHandshakeFailure(t *testing.T) {
	tests := []struct {
		name    string
		url     func(t *testing.T) string
		wantErr string // prefix of onError's errMsg
	}{
		{"refused 403", func(t *testing.T) string {
			return wspeer.NewServer(t, wspeer.Options{RefuseStatus: http.StatusForbidden}).URL
		}, "connectSocket:fail handshake refused: HTTP 403 Forbidden"},
		{"nothing listening", func(t *testing.T) string {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			addr := ln.Addr().String()
			ln.Close()
			return "ws://" + addr + "/"
		}, "connectSocket:fail dial tcp 127.0.0.1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var cb callbacks
			task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{
				URL: tt.url(t), Success: cb.onSuccess, Fail: cb.onFail, Complete: cb.onComplete,
			})
			if err != nil || task == nil {
				t.Fatalf("ConnectSocket = %v, %v; want a task and no error", task, err)
			}
			r := newRecorder(t, task)
			r.attach()
			closeAtCleanup(t, task, r)
			cb.check(t, "ConnectSocket", "connectSocket:ok")
			if got := task.ErrMsg(); got != "connectSocket:ok" {
				t.Errorf("ErrMsg() = %q, want connectSocket:ok", got)
			}

			if got := r.nextError(t); !strings.HasPrefix(got, tt.wantErr) {
				t.Errorf("onError errMsg = %q, want prefix %q", got, tt.wantErr)
			}
			if got, want := r.waitClose(t), (sockettask.OnCloseCallbackResult{Code: 1006}); got != want {
				t.Errorf("onClose = %+v, want %+v", got, want)
			}
			if got, want := r.lines(), []string{"error:" + tt.wantErr + "*", "close:1006:"}; !matchLines(got, want) {
				t.Errorf("events = %q, want %q", got, want)
			}
			if got := task.ReadyState(); got != sockettask.Closed {
				t.Errorf("ReadyState() = %v, want Closed", got)
			}
		})
	}
}

// testConcurrentSends: 50 goroutines share one task. Under -race this
// checks the task is safe for concurrent use; the echoes check that nothing
// is lost and that each goroutine's messages keep their order.
func testConcurrentSends(t *testing.T, get getPeer) {
	const goroutines, perGoroutine = 50, 20
	url, _ := get(t)
	task, r := connect(t, url)
	r.waitOpen(t)

	var wg sync.WaitGroup
	errs := make(chan error, goroutines*perGoroutine)
	for g := range goroutines {
		wg.Go(func() {
			for i := range perGoroutine {
				var data sockettask.Data = sockettask.Text(fmt.Sprintf("%d:%d", g, i))
				if g%2 == 1 { // odd goroutines send binary: both frame types interleave
					data = sockettask.Binary(fmt.Sprintf("%d:%d", g, i))
				}
				if err := task.Send(sockettask.SendOption{Data: data}); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("Send from a goroutine = %v, want nil", err)
	}

	next := make([]int, goroutines) // next expected index per goroutine
	for range goroutines * perGoroutine {
		var text string
		binary := false
		switch d := r.nextMessage(t).(type) {
		case sockettask.Text:
			text = string(d)
		case sockettask.Binary:
			text, binary = string(d), true
		}
		gs, is, _ := strings.Cut(text, ":")
		g, err1 := strconv.Atoi(gs)
		i, err2 := strconv.Atoi(is)
		if err1 != nil || err2 != nil || g < 0 || g >= goroutines {
			t.Fatalf("echo %q is not one we sent", text)
		}
		if binary != (g%2 == 1) {
			t.Errorf("echo %q came back binary=%v, want binary=%v", text, binary, g%2 == 1)
		}
		if i != next[g] {
			t.Fatalf("goroutine %d: echo %d arrived when %d was next: order lost", g, i, next[g])
		}
		next[g]++
	}
}

// testProtocolViolation: the peer breaks RFC 6455; the task closes with the
// RFC's code and reports onError, then onClose with that code.
func testProtocolViolation(t *testing.T, get getPeer) {
	tests := []struct {
		command     string
		gorillaOnly bool // peer.js does not know the command
		want        []string
	}{
		{"send-invalid-utf8", false, []string{"open",
			"error:connectSocket:fail invalid UTF-8 in text message",
			"close:1007:invalid UTF-8 in text message"}},
		{"send-bad-close-code", true, []string{"open",
			"error:connectSocket:fail protocol error: *",
			"close:1002:*"}},
	}
	for _, tt := range tests {
		t.Run(tt.command, func(t *testing.T) {
			t.Parallel()
			url, srv := get(t)
			if tt.gorillaOnly && srv == nil {
				t.Skipf("%s is a command of the gorilla peer only", tt.command)
			}
			task, r := connect(t, url)
			r.waitOpen(t)
			send(t, task, sockettask.Text(tt.command))
			r.waitClose(t)
			if got := r.lines(); !matchLines(got, tt.want) {
				t.Errorf("events = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestReadLimit: ConnectSocketOption.Config reaches the tarort. A message
// over ReadLimit is refused with close 1009.
func TestReadLimit(t *testing.T) {
	t.Parallel()
	srv := wspeer.NewServer(t, wspeer.Options{})
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{
		URL:    srv.URL,
		Config: tarort.ConnectConfig{ReadLimit: 1000},
	})
	if err != nil {
		t.Fatalf("ConnectSocket = %v", err)
	}
	r := newRecorder(t, task)
	r.attach()
	closeAtCleanup(t, task, r)
	r.waitOpen(t)
	send(t, task, sockettask.Text("send:1000")) // at the limit: delivered
	if got := r.nextMessage(t); !sameData(got, sockettask.Binary(make([]byte, 1000))) {
		t.Errorf("message at the read limit = %s, want 1000 zero bytes", describe(got))
	}
	send(t, task, sockettask.Text("send:1001"))
	if got, want := r.waitClose(t), (sockettask.OnCloseCallbackResult{Code: 1009}); got != want {
		t.Errorf("onClose = %+v, want %+v", got, want)
	}
	want := []string{"open", "binary:1000 bytes", "error:connectSocket:fail message exceeds the read limit of 1000 bytes", "close:1009:"}
	if got := r.lines(); !equalStrings(got, want) {
		t.Errorf("events = %q, want %q", got, want)
	}
	if got := srv.NextClose(t); got.Code != 1009 {
		t.Errorf("server received close code %d, want 1009", got.Code)
	}
}

// testSendDuringClose: goroutines keep sending while the task closes. Each
// Send either succeeds or fails with ErrClosed; the close completes with our
// code, once.
func testSendDuringClose(t *testing.T, get getPeer) {
	url, _ := get(t)
	task, r := connect(t, url)
	r.waitOpen(t)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	unexpected := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				err := task.Send(sockettask.SendOption{Data: sockettask.Text(fmt.Sprintf("%d:%d", g, i))})
				if errors.Is(err, tarort.ErrClosed) {
					return
				}
				if err != nil {
					unexpected <- err
					return
				}
			}
		})
	}
	r.nextMessage(t) // the senders are under way
	if err := task.Close(sockettask.CloseOption{Code: 4001, Reason: "bye"}); err != nil {
		t.Errorf("Close(4001, bye) while sending = %v, want nil", err)
	}
	if got, want := r.waitClose(t), (sockettask.OnCloseCallbackResult{Code: 4001, Reason: "bye"}); got != want {
		t.Errorf("onClose = %+v, want %+v", got, want)
	}
	close(stop)
	wg.Wait()
	close(unexpected)
	for err := range unexpected {
		t.Errorf("Send during Close = %v, want nil or ErrClosed", err)
	}
	if lines := r.lines(); lines[len(lines)-1] != "close:4001:bye" || slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, "error:") }) {
		t.Errorf("events end %q, want a clean close:4001:bye", lines[max(0, len(lines)-3):])
	}
}

// testHandlersCallTheirTask: handlers may call Send and Close on their own
// task (runtime/tarort/doc.go); a reply sent from onOpen comes back, and Close from
// onMessage completes the handshake.
func testHandlersCallTheirTask(t *testing.T, get getPeer) {
	url, _ := get(t)
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: url})
	if err != nil {
		t.Fatalf("ConnectSocket = %v", err)
	}
	r := newRecorder(t, task)
	task.OnError(r.onError)
	task.OnClose(r.onClose)
	handlerErrs := make(chan error, 2)
	task.OnOpen(func(res sockettask.OnOpenCallbackResult) {
		r.onOpen(res)
		handlerErrs <- task.Send(sockettask.SendOption{Data: sockettask.Text("from onOpen")})
	})
	task.OnMessage(func(res sockettask.OnMessageCallbackResult) {
		r.onMessage(res)
		handlerErrs <- task.Close(sockettask.CloseOption{Code: 4001, Reason: "from onMessage"})
	})
	closeAtCleanup(t, task, r)
	r.waitClose(t)
	for range 2 {
		if err := wait(t, handlerErrs, "handler's call"); err != nil {
			t.Errorf("Send or Close from a handler = %v, want nil", err)
		}
	}
	want := []string{"open", "text:from onOpen", "close:4001:from onMessage"}
	if got := r.lines(); !equalStrings(got, want) {
		t.Errorf("events = %q, want %q", got, want)
	}
}
