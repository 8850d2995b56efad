//go:build !js && !taro_weapp && !taro_swan && !taro_alipay && !taro_tt && !taro_qq && !taro_jd && !taro_h5 && !taro_rn && !taro_harmony && !taro_harmony_hybrid && !taro_quickapp && !taro_ascf

package sockettask_test

// The global APIs act on the most recent task and keep their listeners in
// process-wide state. These tests therefore never call t.Parallel: top-level
// tests without it run one at a time, and before any parallel test starts,
// so no other test creates a task in between. Each resets the global
// listeners when it ends.

import (
	"testing"
	"time"

	"github.com/tarogen/tarogen/generated/sockettask"
	"github.com/tarogen/tarogen/internal/wspeer"
)

// resetGlobalListeners removes the global listeners when t ends, so that
// later tasks do not get them.
func resetGlobalListeners(t *testing.T) {
	t.Cleanup(func() {
		sockettask.OnSocketOpen(nil)
		sockettask.OnSocketMessage(nil)
		sockettask.OnSocketError(nil)
		sockettask.OnSocketClose(nil)
	})
}

// TestGlobalListenersBeforeConnect: WeChat programs register onSocketOpen
// and friends before connectSocket; they apply to the task it creates.
func TestGlobalListenersBeforeConnect(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	resetGlobalListeners(t)

	opened := make(chan sockettask.OnSocketOpenCallbackResult, 1)
	messages := make(chan sockettask.Data, 1)
	closed := make(chan sockettask.OnSocketCloseCallbackResult, 1)
	sockettask.OnSocketOpen(func(res sockettask.OnSocketOpenCallbackResult) { opened <- res })
	sockettask.OnSocketMessage(func(res sockettask.OnSocketMessageCallbackResult) { messages <- res.Data })
	sockettask.OnSocketClose(func(res sockettask.OnSocketCloseCallbackResult) { closed <- res })

	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: srv.URL})
	if err != nil {
		t.Fatalf("ConnectSocket = %v", err)
	}
	t.Cleanup(func() { task.Close(sockettask.CloseOption{}) })

	res := wait(t, opened, "onSocketOpen")
	if got := res.Header["Upgrade"]; got != "websocket" {
		t.Errorf(`onSocketOpen Header["Upgrade"] = %v, want "websocket"`, got)
	}
	if _, err := sockettask.SendSocketMessage(sockettask.SendSocketMessageOption{Data: sockettask.Text("hi")}); err != nil {
		t.Fatalf("SendSocketMessage(hi) = %v", err)
	}
	if got := wait(t, messages, "onSocketMessage"); !sameData(got, sockettask.Text("hi")) {
		t.Errorf("onSocketMessage data = %s, want text:hi", describe(got))
	}

	var cb callbacks
	result, err := sockettask.CloseSocket(sockettask.CloseSocketOption{Code: 4001, Reason: "bye", Success: cb.onSuccess, Fail: cb.onFail, Complete: cb.onComplete})
	if err != nil {
		t.Fatalf("CloseSocket(4001, bye) = %v", err)
	}
	if want := (sockettask.CallbackResult{ErrMsg: "closeSocket:ok"}); result != want {
		t.Errorf("CloseSocket(4001, bye) = %+v, want %+v", result, want)
	}
	cb.check(t, "CloseSocket", "closeSocket:ok")
	if got, want := srv.NextClose(t), (wspeer.CloseFrame{Code: 4001, Reason: "bye"}); got != want {
		t.Errorf("server received close %+v, want %+v", got, want)
	}
	if got, want := wait(t, closed, "onSocketClose"), (sockettask.OnSocketCloseCallbackResult{Code: 4001, Reason: "bye"}); got != want {
		t.Errorf("onSocketClose = %+v, want %+v", got, want)
	}
}

// TestGlobalsActOnMostRecentTask: with two open tasks, SendSocketMessage and
// CloseSocket reach the second, and leave the first alone.
func TestGlobalsActOnMostRecentTask(t *testing.T) {
	resetGlobalListeners(t)
	srvA := wspeer.NewServer(t, wspeer.Options{})
	srvB := wspeer.NewServer(t, wspeer.Options{})
	taskA, recA := connect(t, srvA.URL)
	taskB, recB := connect(t, srvB.URL)
	recA.waitOpen(t)
	recB.waitOpen(t)

	if _, err := sockettask.SendSocketMessage(sockettask.SendSocketMessageOption{Data: sockettask.Text("to latest")}); err != nil {
		t.Fatalf("SendSocketMessage = %v", err)
	}
	if got := recB.nextMessage(t); !sameData(got, sockettask.Text("to latest")) {
		t.Errorf("latest task got %s, want text:to latest", describe(got))
	}
	// Had the message gone to A, its echo would come before this one.
	send(t, taskA, sockettask.Text("marker"))
	if got := recA.nextMessage(t); !sameData(got, sockettask.Text("marker")) {
		t.Errorf("older task got %s first, want text:marker", describe(got))
	}

	result, err := sockettask.CloseSocket(sockettask.CloseSocketOption{Code: 4003, Reason: "global"})
	if err != nil || result.ErrMsg != "closeSocket:ok" {
		t.Fatalf("CloseSocket(4003, global) = %+v, %v; want closeSocket:ok, nil", result, err)
	}
	if got, want := srvB.NextClose(t), (wspeer.CloseFrame{Code: 4003, Reason: "global"}); got != want {
		t.Errorf("latest task's server received close %+v, want %+v", got, want)
	}
	if got, want := recB.waitClose(t), (sockettask.OnCloseCallbackResult{Code: 4003, Reason: "global"}); got != want {
		t.Errorf("latest task's onClose = %+v, want %+v", got, want)
	}
	if got := taskB.ReadyState(); got != sockettask.Closed {
		t.Errorf("latest task ReadyState() = %v, want Closed", got)
	}
	if got := taskA.ReadyState(); got != sockettask.Open {
		t.Errorf("older task ReadyState() = %v, want Open", got)
	}
	send(t, taskA, sockettask.Text("A still open"))
	if got := recA.nextMessage(t); !sameData(got, sockettask.Text("A still open")) {
		t.Errorf("older task echo = %s, want text:A still open", describe(got))
	}
}

// TestSendSocketMessageResult: sendSocketMessage's page returns
// Promise<CallbackResult>, as closeSocket's does, and CloseSocket fills its
// result with the errMsg.
func TestSendSocketMessageResult(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	resetGlobalListeners(t)
	_, r := connect(t, srv.URL)
	r.waitOpen(t)
	result, err := sockettask.SendSocketMessage(sockettask.SendSocketMessageOption{Data: sockettask.Text("hi")})
	if want := (sockettask.CallbackResult{ErrMsg: "sendSocketMessage:ok"}); err != nil || result != want {
		t.Errorf("SendSocketMessage(hi) = %+v, %v; want %+v, nil", result, err, want)
	}
}

// TestGlobalAndTaskListenersBothGetOpen: onSocketOpen set before
// connectSocket, and the task's onOpen set right after it returns, are two
// listeners, and each must get the open event (in WeChat they are
// independent). The held handshake makes the order certain: both are
// registered before the task opens.
func TestGlobalAndTaskListenersBothGetOpen(t *testing.T) {
	srv := newHeldServer(t, heldOptions{HoldHandshake: true})
	resetGlobalListeners(t)
	globalOpens := make(chan struct{}, 4)
	sockettask.OnSocketOpen(func(sockettask.OnSocketOpenCallbackResult) { globalOpens <- struct{}{} })
	task, r := connect(t, srv.URL) // registers task.OnOpen right after ConnectSocket
	srv.releaseHandshake()
	r.waitOpen(t)
	task.Close(sockettask.CloseOption{})
	r.waitClose(t) // handlers run in event order: a global open would have run by now
	if got := len(globalOpens); got != 1 {
		t.Errorf("onSocketOpen ran %d times, want 1: the task's own OnOpen replaced it", got)
	}
}

// wait receives from c, or fails the test after waitTimeout.
func wait[T any](t *testing.T, c <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-c:
		return v
	case <-time.After(waitTimeout):
		t.Fatalf("no %s within %v", what, waitTimeout)
	}
	var zero T
	return zero
}
