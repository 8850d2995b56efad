//go:build !js && !taro_weapp && !taro_swan && !taro_alipay && !taro_tt && !taro_qq && !taro_jd && !taro_h5 && !taro_rn && !taro_harmony && !taro_harmony_hybrid && !taro_quickapp && !taro_ascf

package sockettask_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/generated/sockettask"
	"github.com/tarogen/tarogen/internal/wspeer"
	"github.com/tarogen/tarogen/runtime/tarort"
)

// checkFailure fails the test unless err is the *tarort.Error with errMsg
// want, matching sentinel, and the callbacks got want through fail and
// complete only.
func checkFailure(t *testing.T, call string, err error, cb *callbacks, want string, sentinel error) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s = nil, want %q", call, want)
	}
	if err.Error() != want {
		t.Errorf("%s = %q, want %q", call, err, want)
	}
	var re *tarort.Error
	if !errors.As(err, &re) {
		t.Errorf("%s = %T, want a *tarort.Error", call, err)
	} else if re.ErrMsg() != want {
		t.Errorf("%s: ErrMsg() = %q, want %q", call, re.ErrMsg(), want)
	}
	if !errors.Is(err, sentinel) {
		t.Errorf("%s = %v, want errors.Is(err, %v)", call, err, sentinel)
	}
	cb.check(t, call, want)
}

func TestConnectSocketInvalidOptions(t *testing.T) {
	tests := []struct {
		name string
		opt  sockettask.ConnectSocketOption
		want string
	}{
		{"ftp url", sockettask.ConnectSocketOption{URL: "ftp://x"}, `connectSocket:fail invalid url "ftp://x"`},
		{"no url", sockettask.ConnectSocketOption{}, "connectSocket:fail parameter error: parameter.url is required"},
		{"no host", sockettask.ConnectSocketOption{URL: "ws://"}, `connectSocket:fail invalid url "ws://"`},
		{"referer", sockettask.ConnectSocketOption{URL: "ws://127.0.0.1:1/", Header: map[string]any{"Referer": "x"}},
			`connectSocket:fail header "Referer" cannot be set`},
		{"header injection", sockettask.ConnectSocketOption{URL: "ws://127.0.0.1:1/", Header: map[string]any{"X-A": "b\r\nX-Evil: 1"}},
			`connectSocket:fail header "X-A" contains CR or LF`},
		{"duplicate protocol", sockettask.ConnectSocketOption{URL: "ws://127.0.0.1:1/", Protocols: []string{"chat", "chat"}},
			`connectSocket:fail duplicate protocol "chat"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var cb callbacks
			opt := tt.opt
			opt.Success, opt.Fail, opt.Complete = cb.onSuccess, cb.onFail, cb.onComplete
			task, err := sockettask.ConnectSocket(opt)
			if task != nil {
				t.Errorf("ConnectSocket returned a task (id %d), want nil", task.SocketTaskID())
			}
			checkFailure(t, "ConnectSocket", err, &cb, tt.want, tarort.ErrInvalidOption)
		})
	}
}

// TestConnectSocketHeaderAndProtocols: header values of any type reach the
// server as JavaScript's String() would write them; the negotiated
// subprotocol comes back in onOpen's header.
func TestConnectSocketHeaderAndProtocols(t *testing.T) {
	t.Parallel()
	srv := wspeer.NewServer(t, wspeer.Options{Subprotocols: []string{"chat.v2"}})
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{
		URL:        srv.URL,
		Header:     map[string]any{"X-Token": "abc", "X-Count": 42, "X-Flag": true},
		Protocols:  []string{"chat.v1", "chat.v2"},
		TCPNoDelay: sockettask.Ptr(true),
	})
	if err != nil {
		t.Fatalf("ConnectSocket = %v", err)
	}
	r := newRecorder(t, task)
	r.attach()
	closeAtCleanup(t, task, r)
	res := r.waitOpen(t)
	if got := res.Header["Sec-Websocket-Protocol"]; got != "chat.v2" {
		t.Errorf(`onOpen Header["Sec-Websocket-Protocol"] = %v, want "chat.v2"`, got)
	}
	h := srv.RequestHeaders()
	if len(h) != 1 {
		t.Fatalf("server saw %d handshakes, want 1", len(h))
	}
	for name, want := range map[string]string{"X-Token": "abc", "X-Count": "42", "X-Flag": "true"} {
		if got := h[0].Get(name); got != want {
			t.Errorf("server received %s: %q, want %q", name, got, want)
		}
	}
}

// testCloseInvalidArguments: a bad code or reason fails through the
// returned error and fail/complete, sends nothing, and leaves the task open.
func testCloseInvalidArguments(t *testing.T, get getPeer) {
	long := strings.Repeat("r", 124)
	tests := []struct {
		opt  sockettask.CloseOption
		want string
	}{
		{sockettask.CloseOption{Code: 999}, "SocketTask.close:fail invalid close code 999: must be 1000 or 3000-4999"},
		{sockettask.CloseOption{Code: 1001}, "SocketTask.close:fail invalid close code 1001: must be 1000 or 3000-4999"},
		{sockettask.CloseOption{Code: 5000}, "SocketTask.close:fail invalid close code 5000: must be 1000 or 3000-4999"},
		{sockettask.CloseOption{Code: 4001, Reason: long}, "SocketTask.close:fail reason is 124 bytes: must be at most 123 bytes of UTF-8"},
		{sockettask.CloseOption{Reason: "\xff"}, "SocketTask.close:fail reason is not valid UTF-8"},
	}
	url, srv := get(t)
	task, r := connect(t, url)
	r.waitOpen(t)
	for _, tt := range tests {
		var cb callbacks
		opt := tt.opt
		opt.Success, opt.Fail, opt.Complete = cb.onSuccess, cb.onFail, cb.onComplete
		err := task.Close(opt)
		checkFailure(t, "Close("+describeClose(tt.opt)+")", err, &cb, tt.want, tarort.ErrInvalidOption)
		if got := task.ReadyState(); got != sockettask.Open {
			t.Errorf("ReadyState() after a failed Close = %v, want Open", got)
		}
		if got := task.ErrMsg(); got != tt.want {
			t.Errorf("ErrMsg() after a failed Close = %q, want %q", got, tt.want)
		}
	}
	// Still open: a message goes through and comes back.
	send(t, task, sockettask.Text("still open"))
	if got := r.nextMessage(t); !sameData(got, sockettask.Text("still open")) {
		t.Errorf("echo = %s, want text:still open", describe(got))
	}
	// A reason of exactly 123 bytes is the longest allowed; it is the
	// first close frame the server sees, so the failed calls sent none.
	reason := strings.Repeat("r", 123)
	if err := task.Close(sockettask.CloseOption{Code: 4001, Reason: reason}); err != nil {
		t.Fatalf("Close(4001, 123-byte reason) = %v, want nil", err)
	}
	if srv != nil {
		if got, want := srv.NextClose(t), (wspeer.CloseFrame{Code: 4001, Reason: reason}); got != want {
			t.Errorf("first close frame the server received = %+v, want %+v", got, want)
		}
	}
	if got, want := r.waitClose(t), (sockettask.OnCloseCallbackResult{Code: 4001, Reason: reason}); got != want {
		t.Errorf("onClose = %+v, want %+v", got, want)
	}
}

func describeClose(o sockettask.CloseOption) string {
	if len(o.Reason) > 16 {
		return fmt.Sprintf("%d, %d-byte reason", o.Code, len(o.Reason))
	}
	return fmt.Sprintf("%d, %q", o.Code, o.Reason)
}

// TestSendBeforeOpenAndAfterClose: Send fails unless the task is OPEN, with
// the errMsg through fail/complete and the returned error, and sends nothing.
func TestSendBeforeOpenAndAfterClose(t *testing.T) {
	t.Parallel()
	srv := newHeldServer(t, heldOptions{HoldHandshake: true})
	task, r := connect(t, srv.URL)

	var cb callbacks
	err := task.Send(sockettask.SendOption{Data: sockettask.Text("early"), Success: cb.onSuccess, Fail: cb.onFail, Complete: cb.onComplete})
	checkFailure(t, "Send while CONNECTING", err, &cb, "SocketTask.send:fail SocketTask.readyState is CONNECTING, not OPEN", tarort.ErrNotOpen)

	srv.releaseHandshake()
	r.waitOpen(t)
	// The first echo is of the first message sent once open: "early" never left.
	send(t, task, sockettask.Text("first"))
	if got := r.nextMessage(t); !sameData(got, sockettask.Text("first")) {
		t.Errorf("first echo = %s, want text:first", describe(got))
	}

	if err := task.Close(sockettask.CloseOption{}); err != nil {
		t.Fatalf("Close() = %v", err)
	}
	if got, want := r.waitClose(t), (sockettask.OnCloseCallbackResult{Code: 1000}); got != want {
		t.Errorf("onClose = %+v, want %+v (Close without a code sends 1000)", got, want)
	}
	cb = callbacks{}
	err = task.Send(sockettask.SendOption{Data: sockettask.Binary("late"), Success: cb.onSuccess, Fail: cb.onFail, Complete: cb.onComplete})
	checkFailure(t, "Send after onClose", err, &cb, "SocketTask.send:fail SocketTask.readyState is CLOSED, not OPEN", tarort.ErrClosed)
	if got, want := task.ErrMsg(), "SocketTask.send:fail SocketTask.readyState is CLOSED, not OPEN"; got != want {
		t.Errorf("ErrMsg() = %q, want %q", got, want)
	}
}

func TestSendInvalidData(t *testing.T) {
	t.Parallel()
	srv := wspeer.NewServer(t, wspeer.Options{})
	task, r := connect(t, srv.URL)
	r.waitOpen(t)
	tests := []struct {
		name string
		task *sockettask.SocketTask
		data sockettask.Data
		want string
		is   error
	}{
		{"nil data", task, nil, "SocketTask.send:fail parameter error: parameter.data is required", tarort.ErrInvalidOption},
		{"text not UTF-8", task, sockettask.Text("a\xffb"), "SocketTask.send:fail text data is not valid UTF-8", tarort.ErrInvalidOption},
		{"task not from ConnectSocket", new(sockettask.SocketTask), sockettask.Text("x"), "SocketTask.send:fail task was not created by ConnectSocket", tarort.ErrNoTask},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cb callbacks
			err := tt.task.Send(sockettask.SendOption{Data: tt.data, Success: cb.onSuccess, Fail: cb.onFail, Complete: cb.onComplete})
			checkFailure(t, "Send("+describe(tt.data)+")", err, &cb, tt.want, tt.is)
		})
	}
	// Nothing was sent: the first echo is the next message.
	send(t, task, sockettask.Text("next"))
	if got := r.nextMessage(t); !sameData(got, sockettask.Text("next")) {
		t.Errorf("first echo = %s, want text:next", describe(got))
	}
	if got := task.ReadyState(); got != sockettask.Open {
		t.Errorf("ReadyState() after failed sends = %v, want Open", got)
	}
}

// TestSendSocketMessageNilData: the required field is checked before the
// latest task is looked up, so this touches no global state.
func TestSendSocketMessageNilData(t *testing.T) {
	t.Parallel()
	var cb callbacks
	_, err := sockettask.SendSocketMessage(sockettask.SendSocketMessageOption{Success: cb.onSuccess, Fail: cb.onFail, Complete: cb.onComplete})
	checkFailure(t, "SendSocketMessage(nil data)", err, &cb, "sendSocketMessage:fail parameter error: parameter.data is required", tarort.ErrInvalidOption)
}
