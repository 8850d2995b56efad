//go:build !js && !taro_weapp && !taro_swan && !taro_alipay && !taro_tt && !taro_qq && !taro_jd && !taro_h5 && !taro_rn && !taro_harmony && !taro_harmony_hybrid && !taro_quickapp && !taro_ascf

package sockettask_test

// The semantic choices of issue 10, each with its source in
// runtime/tarort/doc.go, pinned through the generated API. Like
// globals_test.go these tests use the global listeners and never call
// t.Parallel.

import (
	"errors"
	"testing"

	"github.com/tarogen/tarogen/generated/sockettask"
	"github.com/tarogen/tarogen/internal/wspeer"
	"github.com/tarogen/tarogen/runtime/tarort"
)

// TestSuccessErrMsgs: SocketTask.send and close succeed with the errMsgs
// Taro's H5 and React Native runtimes report, sendSocketMessage:ok and
// closeSocket:ok; a failure keeps the method's name, as Taro H5's does.
func TestSuccessErrMsgs(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	resetGlobalListeners(t)
	task, r := connect(t, srv.URL)
	r.waitOpen(t)

	var sent callbacks
	if err := task.Send(sockettask.SendOption{Data: sockettask.Text("hi"), Success: sent.onSuccess, Fail: sent.onFail, Complete: sent.onComplete}); err != nil {
		t.Fatalf("Send(hi) = %v, want nil", err)
	}
	sent.check(t, "Send(hi)", "sendSocketMessage:ok")
	if got := task.ErrMsg(); got != "sendSocketMessage:ok" {
		t.Errorf("ErrMsg() after Send = %q, want sendSocketMessage:ok", got)
	}
	r.nextMessage(t)

	var closed callbacks
	if err := task.Close(sockettask.CloseOption{Success: closed.onSuccess, Fail: closed.onFail, Complete: closed.onComplete}); err != nil {
		t.Fatalf("Close() = %v, want nil", err)
	}
	closed.check(t, "Close()", "closeSocket:ok")
	if got := task.ErrMsg(); got != "closeSocket:ok" {
		t.Errorf("ErrMsg() after Close = %q, want closeSocket:ok", got)
	}
	r.waitClose(t)

	var late callbacks
	err := task.Send(sockettask.SendOption{Data: sockettask.Text("late"), Success: late.onSuccess, Fail: late.onFail, Complete: late.onComplete})
	const want = "SocketTask.send:fail SocketTask.readyState is CLOSED, not OPEN"
	if err == nil || err.Error() != want {
		t.Errorf("Send after close = %v, want %s", err, want)
	}
	late.check(t, "Send after close", want)
}

// TestErrorEventsCarryTheTypedError: onError and onSocketError get the
// *tarort.Error beside the errMsg, so errors.Is and errors.As work on
// asynchronous failures as on returned ones.
func TestErrorEventsCarryTheTypedError(t *testing.T) {
	for _, tc := range []struct {
		name     string
		opts     wspeer.Options
		command  string // sent once open, if any
		sentinel error
	}{
		{"dropped", wspeer.Options{}, "terminate", tarort.ErrAbnormalClosure},
		{"refused", wspeer.Options{RefuseStatus: 403}, "", tarort.ErrHandshake},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := wspeer.NewServer(t, tc.opts)
			resetGlobalListeners(t)
			global := make(chan sockettask.OnSocketErrorCallbackResult, 1)
			sockettask.OnSocketError(func(res sockettask.OnSocketErrorCallbackResult) { global <- res })
			task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: srv.URL})
			if err != nil {
				t.Fatalf("ConnectSocket = %v", err)
			}
			own := make(chan sockettask.OnErrorCallbackResult, 1)
			task.OnError(func(res sockettask.OnErrorCallbackResult) { own <- res })
			closed := make(chan sockettask.OnCloseCallbackResult, 1)
			task.OnClose(func(res sockettask.OnCloseCallbackResult) { closed <- res })
			if tc.command != "" {
				opened := make(chan struct{}, 1)
				task.OnOpen(func(sockettask.OnOpenCallbackResult) { opened <- struct{}{} })
				wait(t, opened, "onOpen")
				send(t, task, sockettask.Text(tc.command))
			}
			g := wait(t, global, "onSocketError")
			o := wait(t, own, "onError")
			for _, res := range []struct {
				who    string
				errMsg string
				err    error
			}{{"onSocketError", g.ErrMsg, g.Err}, {"onError", o.ErrMsg, o.Err}} {
				var e *tarort.Error
				if !errors.As(res.err, &e) || e.ErrMsg() != res.errMsg || !errors.Is(res.err, tc.sentinel) {
					t.Errorf("%s = {ErrMsg: %q, Err: %v}, want Err a *tarort.Error with the same errMsg matching %v",
						res.who, res.errMsg, res.err, tc.sentinel)
				}
			}
			wait(t, closed, "onClose")
		})
	}
}

// TestGlobalListenersFollowTheLatestTask: once task B is created, task A's
// events no longer reach the global listeners (WeChat's wx.on* APIs serve
// the one connection wx.connectSocket made last; see doc.go). A's own
// handlers keep getting them.
func TestGlobalListenersFollowTheLatestTask(t *testing.T) {
	resetGlobalListeners(t)
	srvA := wspeer.NewServer(t, wspeer.Options{})
	srvB := wspeer.NewServer(t, wspeer.Options{})
	opens := make(chan struct{}, 4)
	messages := make(chan sockettask.Data, 8)
	closes := make(chan sockettask.OnSocketCloseCallbackResult, 4)
	sockettask.OnSocketOpen(func(sockettask.OnSocketOpenCallbackResult) { opens <- struct{}{} })
	sockettask.OnSocketMessage(func(res sockettask.OnSocketMessageCallbackResult) { messages <- res.Data })
	sockettask.OnSocketClose(func(res sockettask.OnSocketCloseCallbackResult) { closes <- res })

	taskA, recA := connect(t, srvA.URL)
	recA.waitOpen(t)
	wait(t, opens, "onSocketOpen of A")
	send(t, taskA, sockettask.Text("A1"))
	recA.nextMessage(t)
	if got := wait(t, messages, "onSocketMessage of A1"); !sameData(got, sockettask.Text("A1")) {
		t.Errorf("onSocketMessage while A is latest = %s, want text:A1", describe(got))
	}

	taskB, recB := connect(t, srvB.URL)
	recB.waitOpen(t)
	wait(t, opens, "onSocketOpen of B")
	// A global listener runs before the task's handler of the same event,
	// so had A2 reached it, it would be in messages before B1.
	send(t, taskA, sockettask.Text("A2"))
	if got := recA.nextMessage(t); !sameData(got, sockettask.Text("A2")) {
		t.Errorf("A's own onMessage = %s, want text:A2", describe(got))
	}
	send(t, taskB, sockettask.Text("B1"))
	recB.nextMessage(t)
	if got := wait(t, messages, "onSocketMessage of B1"); !sameData(got, sockettask.Text("B1")) {
		t.Errorf("onSocketMessage after B was created = %s, want text:B1 (A's messages no longer reach it)", describe(got))
	}

	taskA.Close(sockettask.CloseOption{Code: 4001})
	recA.waitClose(t)
	taskB.Close(sockettask.CloseOption{Code: 4002})
	recB.waitClose(t)
	if got := wait(t, closes, "onSocketClose"); got.Code != 4002 {
		t.Errorf("onSocketClose = %+v, want B's close 4002 only (A's 4001 is not B's)", got)
	}
	if n := len(closes) + len(opens) + len(messages); n != 0 {
		t.Errorf("%d more global events, want none", n)
	}
}

// TestGlobalListenerLeavesTheTaskItsMessages: with onSocketMessage set, a
// task handler registered after the first messages arrived still gets
// them; both subscribers see every message. (A held-out client saw a
// handler registered 50 ms after connectSocket miss the first message 10
// times out of 10; here the test waits until the global listener had the
// messages, so they certainly came first.)
func TestGlobalListenerLeavesTheTaskItsMessages(t *testing.T) {
	greeting := []string{"first", "second", "third"}
	srv := wspeer.NewServer(t, wspeer.Options{Greeting: greeting})
	resetGlobalListeners(t)
	global := make(chan sockettask.Data, 8)
	sockettask.OnSocketMessage(func(res sockettask.OnSocketMessageCallbackResult) { global <- res.Data })
	for range 5 {
		task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: srv.URL})
		if err != nil {
			t.Fatalf("ConnectSocket = %v", err)
		}
		for _, g := range greeting {
			if got := wait(t, global, "onSocketMessage"); !sameData(got, sockettask.Text(g)) {
				t.Fatalf("onSocketMessage = %s, want text:%s", describe(got), g)
			}
		}
		r := newRecorder(t, task)
		r.attach()
		for _, g := range greeting {
			if got := r.nextMessage(t); !sameData(got, sockettask.Text(g)) {
				t.Errorf("late task onMessage = %s, want text:%s", describe(got), g)
			}
		}
		task.Close(sockettask.CloseOption{})
		r.waitDone(t)
	}
}
