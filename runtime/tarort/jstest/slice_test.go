//go:build js && wasm

package jstest

import (
	"errors"
	"syscall/js"
	"testing"
	"time"

	"github.com/tarogen/tarogen/generated/sockettask"
	"github.com/tarogen/tarogen/runtime/tarort"
)

// standIn is a stand-in Taro host, not Taro: an in-memory echo server
// behind the shapes of Taro H5's connectSocket and SocketTask (4.2.1,
// packages/taro-h5/src/api/network/webSocket): connectSocket calls success
// at once and returns a Promise of the task; the task opens a moment
// later; an event with no listener is lost, as with ws.onopen; send before
// open fails with Taro H5's errMsg; close reports onClose later, here
// twice, to prove the binding delivers it once. A URL containing "greet"
// gets a message right after open, before any Go handler can exist; one
// containing "fail" gets the browser's error Event and close 1006 instead.
// internal/jshost runs the same API against Taro H5 itself in Chromium.
const standIn = `(() => {
	let next = 1;
	const host = { global: {} };
	class Task {
		constructor(url) {
			this.socketTaskId = next++; this.readyState = 0; this.l = {};
			setTimeout(() => {
				this.readyState = 1;
				this.emit("onOpen", {header: {"x-standin": "1"}});
				if (host.global.open) host.global.open({header: {}});
				if (url.includes("greet")) this.emit("onMessage", {data: "hello"});
				if (url.includes("fail")) { this.emit("onError", {type: "error"}); this.emit("onClose", {code: 1006, reason: "abnormal closure"}); }
			}, 1);
		}
		emit(k, v) { if (this.l[k]) this.l[k](v); }
		onOpen(f) { this.l.onOpen = f; } onMessage(f) { this.l.onMessage = f; }
		onClose(f) { this.l.onClose = f; } onError(f) { this.l.onError = f; }
		send(o) {
			if (this.readyState !== 1) {
				const r = {errMsg: "SocketTask.send:fail SocketTask.readState is not OPEN"};
				o.fail(r); o.complete(r); return;
			}
			const d = o.data;
			setTimeout(() => this.emit("onMessage", {data: d}), 1);
			o.success({errMsg: "sendSocketMessage:ok"}); o.complete({errMsg: "sendSocketMessage:ok"});
		}
		close(o) {
			const code = o.code || 1000, reason = o.reason || "";
			this.readyState = 3;
			o.success({errMsg: "closeSocket:ok"}); o.complete({errMsg: "closeSocket:ok"});
			setTimeout(() => { this.emit("onClose", {code, reason}); this.emit("onClose", {code, reason}); }, 1);
		}
	}
	host.connectSocket = (o) => {
		if (!/^wss?:\/\//.test(o.url)) {
			const r = {errMsg: 'connectSocket:fail request:fail invalid url "' + o.url + '"'};
			o.fail(r); o.complete(r); return Promise.resolve(r);
		}
		const t = new Task(o.url);
		o.success({errMsg: "connectSocket:ok"}); o.complete({errMsg: "connectSocket:ok"});
		return Promise.resolve(t);
	};
	host.onSocketOpen = (f) => { host.global.open = f; };
	return host;
})()`

func withStandIn(t *testing.T) {
	t.Helper()
	tarort.SetHost(eval(standIn))
	t.Cleanup(func() { tarort.SetHost(js.Undefined()) })
}

type events struct {
	open  chan sockettask.OnOpenCallbackResult
	msg   chan sockettask.Data
	close chan sockettask.OnCloseCallbackResult
}

func listen(task *sockettask.SocketTask) events {
	ev := events{make(chan sockettask.OnOpenCallbackResult, 4), make(chan sockettask.Data, 16), make(chan sockettask.OnCloseCallbackResult, 4)}
	task.OnMessage(func(r sockettask.OnMessageCallbackResult) { ev.msg <- r.Data })
	task.OnOpen(func(r sockettask.OnOpenCallbackResult) { ev.open <- r })
	task.OnClose(func(r sockettask.OnCloseCallbackResult) { ev.close <- r })
	return ev
}

func next[T any](t *testing.T, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(5 * time.Second):
		t.Fatal("no event within 5s")
		var zero T
		return zero
	}
}

// The vertical slice: connect, early events held, text and binary echo,
// close with onClose once, all through the generated package.
func TestSocketTaskOverStandIn(t *testing.T) {
	withStandIn(t)
	var okMsg string
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{
		URL:     "ws://stand-in/greet",
		Success: func(r sockettask.CallbackResult) { okMsg = r.ErrMsg },
	})
	if err != nil {
		t.Fatal(err)
	}
	if okMsg != "connectSocket:ok" {
		t.Errorf("Success got %q, want connectSocket:ok", okMsg)
	}
	// The open event and the greeting arrive while no Go handler exists.
	time.Sleep(30 * time.Millisecond)
	ev := listen(task)
	if h := next(t, ev.open).Header["x-standin"]; h != "1" {
		t.Errorf("open header x-standin = %v, want 1", h)
	}
	if d := next(t, ev.msg); d != sockettask.Text("hello") {
		t.Errorf("first message = %#v, want the greeting sent before any handler", d)
	}
	if got := task.ReadyState(); got != sockettask.Open {
		t.Errorf("ReadyState = %d, want Open", got)
	}
	if err := task.Send(sockettask.SendOption{Data: sockettask.Text("hi")}); err != nil {
		t.Fatal(err)
	}
	if d := next(t, ev.msg); d != sockettask.Text("hi") {
		t.Errorf("echo = %#v, want Text hi", d)
	}
	if err := task.Send(sockettask.SendOption{Data: sockettask.Binary{0, 1, 255}}); err != nil {
		t.Fatal(err)
	}
	if d, ok := next(t, ev.msg).(sockettask.Binary); !ok || string(d) != "\x00\x01\xff" {
		t.Errorf("binary echo = %#v, want Binary{0, 1, 255}", d)
	}
	if err := task.Close(sockettask.CloseOption{Code: 4001, Reason: "bye"}); err != nil {
		t.Fatal(err)
	}
	if c := next(t, ev.close); c.Code != 4001 || c.Reason != "bye" {
		t.Errorf("onClose = %+v, want 4001 bye", c)
	}
	select {
	case c := <-ev.close:
		t.Errorf("second onClose %+v: must run exactly once", c)
	case <-time.After(30 * time.Millisecond):
	}
}

// A handler may block: here it opens a second socket and waits for its
// echo before returning.
func TestHandlerOpensSecondSocket(t *testing.T) {
	withStandIn(t)
	outer, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: "ws://stand-in/outer"})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan string, 1)
	outer.OnOpen(func(sockettask.OnOpenCallbackResult) {
		inner, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: "ws://stand-in/inner"})
		if err != nil {
			done <- err.Error()
			return
		}
		echo := make(chan sockettask.Data, 1)
		inner.OnMessage(func(r sockettask.OnMessageCallbackResult) { echo <- r.Data })
		opened := make(chan struct{})
		inner.OnOpen(func(sockettask.OnOpenCallbackResult) { close(opened) })
		<-opened
		inner.Send(sockettask.SendOption{Data: sockettask.Text("inner")})
		d := <-echo
		done <- string(d.(sockettask.Text))
	})
	if got := next(t, done); got != "inner" {
		t.Errorf("the blocking handler got %q, want the inner echo", got)
	}
}

func TestConnectFailures(t *testing.T) {
	withStandIn(t)
	var failMsg, completeMsg string
	_, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{
		URL:      "ftp://x",
		Fail:     func(r sockettask.CallbackResult) { failMsg = r.ErrMsg },
		Complete: func(r sockettask.CallbackResult) { completeMsg = r.ErrMsg },
	})
	want := `connectSocket:fail request:fail invalid url "ftp://x"`
	wantErr(t, err, want, tarort.ErrInvalidOption)
	if failMsg != want || completeMsg != want {
		t.Errorf("Fail got %q, Complete got %q, want %q for both", failMsg, completeMsg, want)
	}

	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: "ws://stand-in/early"})
	if err != nil {
		t.Fatal(err)
	}
	err = task.Send(sockettask.SendOption{Data: sockettask.Text("too early")})
	wantErr(t, err, "SocketTask.send:fail SocketTask.readState is not OPEN", tarort.ErrNotOpen)

	tarort.SetHost(eval(`({ connectSocket(o) { o.success({errMsg: "connectSocket:ok"}); o.complete({}); return Promise.resolve(undefined); } })`))
	task, err = sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: "ws://x"})
	wantErr(t, err, "connectSocket:fail the host returned no SocketTask", tarort.ErrHost)
	if task != nil {
		t.Errorf("task = %v, want nil with the error", task)
	}

	tarort.SetHost(js.Null())
	_, err = sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: "ws://x"})
	wantErr(t, err, "connectSocket:fail no Taro host: the value given to tarort.SetHost is null", tarort.ErrNoHost)
}

func TestGlobalListenerAndPlatform(t *testing.T) {
	withStandIn(t)
	opened := make(chan struct{}, 1)
	sockettask.OnSocketOpen(func(sockettask.OnSocketOpenCallbackResult) { opened <- struct{}{} })
	if _, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: "ws://stand-in/global"}); err != nil {
		t.Fatal(err)
	}
	next(t, opened)
	sockettask.OnSocketOpen(nil)
	if got := sockettask.CanIUse(sockettask.APIConnectSocket); got != sockettask.SupportUnknown {
		t.Errorf("CanIUse(connectSocket) = %v on js/wasm with no tag, want unknown (the host decides)", got)
	}
	var nilTask *sockettask.SocketTask
	err := nilTask.Send(sockettask.SendOption{Data: sockettask.Text("x")})
	if !errors.Is(err, tarort.ErrNoTask) {
		t.Errorf("Send on a nil task = %v, want ErrNoTask", err)
	}
}

// An error event carries the typed error, as natively; Taro H5's Event has
// no errMsg, so the errMsg names the event.
func TestErrorEvent(t *testing.T) {
	withStandIn(t)
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: "ws://stand-in/fail"})
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan sockettask.OnErrorCallbackResult, 2)
	task.OnError(func(r sockettask.OnErrorCallbackResult) { errs <- r })
	ev := listen(task)
	r := next(t, errs)
	if r.ErrMsg != "SocketTask.onError:fail error" || !errors.Is(r.Err, tarort.ErrHost) {
		t.Errorf("onError = %q, %v; want SocketTask.onError:fail error, ErrHost", r.ErrMsg, r.Err)
	}
	if c := next(t, ev.close); c.Code != 1006 {
		t.Errorf("onClose code = %d, want 1006", c.Code)
	}
}
