//go:build js && wasm

package jstest

import (
	"errors"
	"reflect"
	"sync/atomic"
	"syscall/js"
	"testing"
	"time"

	"github.com/tarogen/tarogen/runtime/tarort"
)

// eval runs JavaScript source and returns its value: the stand-ins below
// are small JavaScript objects, written as JavaScript.
func eval(src string) js.Value { return js.Global().Call("eval", src) }

// wantErr checks err's text (the errMsg) and sentinel.
func wantErr(t *testing.T, err error, msg string, sentinel error) {
	t.Helper()
	if err == nil {
		t.Fatalf("err = nil, want %q", msg)
	}
	if err.Error() != msg {
		t.Errorf("err = %q, want %q", err.Error(), msg)
	}
	if !errors.Is(err, sentinel) {
		t.Errorf("errors.Is(%q, %v) = false", err, sentinel)
	}
	var te *tarort.Error
	if !errors.As(err, &te) {
		t.Errorf("errors.As(%q, *tarort.Error) = false", err)
	}
}

func TestHostMissing(t *testing.T) {
	tarort.SetHost(js.Undefined())
	js.Global().Delete("Taro")
	_, err := tarort.Host("connectSocket")
	wantErr(t, err, "connectSocket:fail no Taro host: globalThis.Taro is not set (set globalThis.Taro before starting the Go program, or call tarort.SetHost)", tarort.ErrNoHost)
}

func TestHostDefaultAndSet(t *testing.T) {
	defer tarort.SetHost(js.Undefined())
	defer js.Global().Delete("Taro")
	js.Global().Set("Taro", eval(`({name: "global"})`))
	h, err := tarort.Host("x")
	if err != nil || h.Get("name").String() != "global" {
		t.Fatalf("Host = %v, %v; want globalThis.Taro", h, err)
	}
	tarort.SetHost(eval(`({name: "set"})`))
	if h, err := tarort.Host("x"); err != nil || h.Get("name").String() != "set" {
		t.Fatalf("Host after SetHost = %v, %v; want the set host", h, err)
	}
	tarort.SetHost(js.Null())
	_, err = tarort.Host("request")
	wantErr(t, err, "request:fail no Taro host: the value given to tarort.SetHost is null", tarort.ErrNoHost)
}

func TestCallMissingMethod(t *testing.T) {
	_, err := tarort.Call("getStorage", eval(`({})`), "getStorage", tarort.Callbacks)
	wantErr(t, err, "getStorage:fail not supported by the host: getStorage is not a function", tarort.ErrNotSupported)
}

func TestCallSyncCallbacks(t *testing.T) {
	host := eval(`({ f(o) { o.success({errMsg: "f:ok", v: 7}); o.complete({errMsg: "f:ok"}); } })`)
	res, err := tarort.Call("f", host, "f", tarort.Callbacks, tarort.NewObject())
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Payload().Get("v").Int(); got != 7 {
		t.Errorf("Payload().v = %d, want 7", got)
	}
}

func TestCallAsyncFail(t *testing.T) {
	host := eval(`({ f(o) { setTimeout(() => { o.fail({errMsg: "request:fail timeout"}); o.complete({errMsg: "request:fail timeout"}); }, 5); } })`)
	_, err := tarort.Call("request", host, "f", tarort.Callbacks)
	wantErr(t, err, "request:fail timeout", tarort.ErrTimeout)
}

// Taro H5's connectSocket: success runs at once, the Promise resolves to
// the task.
func TestCallPromiseOfTask(t *testing.T) {
	host := eval(`({ connectSocket(o) { o.success({errMsg: "connectSocket:ok"}); o.complete({errMsg: "connectSocket:ok"}); return Promise.resolve({task: 1}); } })`)
	res, err := tarort.Call("connectSocket", host, "connectSocket", tarort.Callbacks|tarort.AwaitValue)
	if err != nil {
		t.Fatal(err)
	}
	if res.Return.Get("task").Int() != 1 {
		t.Errorf("Return = %v, want the task", res.Return)
	}
	if res.Success.Get("errMsg").String() != "connectSocket:ok" {
		t.Errorf("Success = %v, want connectSocket:ok", res.Success)
	}
}

// Taro's mini-program layer: the Promise resolves after success, later.
func TestCallPromiseAfterSuccess(t *testing.T) {
	host := eval(`({ f(o) { return new Promise(r => setTimeout(() => { o.success({errMsg: "f:ok"}); o.complete({}); r({task: 2}); }, 3)); } })`)
	res, err := tarort.Call("f", host, "f", tarort.Callbacks|tarort.AwaitValue)
	if err != nil || res.Return.Get("task").Int() != 2 {
		t.Fatalf("Call = %v, %v; want the task", res.Return, err)
	}
}

// With a fail callback, Taro H5 resolves its Promise with the failure.
func TestCallPromiseResolvedWithFailure(t *testing.T) {
	host := eval(`({ connectSocket(o) { const r = {errMsg: 'connectSocket:fail request:fail invalid url "ftp://x"'}; o.fail(r); o.complete(r); return Promise.resolve(r); } })`)
	_, err := tarort.Call("connectSocket", host, "connectSocket", tarort.Callbacks|tarort.AwaitValue)
	wantErr(t, err, `connectSocket:fail request:fail invalid url "ftp://x"`, tarort.ErrInvalidOption)
}

func TestCallPromiseRejected(t *testing.T) {
	host := eval(`({ f() { return Promise.reject(new Error("boom")); } })`)
	_, err := tarort.Call("f", host, "f", 0)
	wantErr(t, err, "f:fail boom", tarort.ErrHost)
}

func TestCallThrows(t *testing.T) {
	host := eval(`({ f() { throw new TypeError("bad argument"); } })`)
	_, err := tarort.Call("f", host, "f", tarort.Callbacks)
	wantErr(t, err, "f:fail bad argument", tarort.ErrHost)
}

func TestCallSyncValue(t *testing.T) {
	host := eval(`({ getStorageSync(k) { return k + "!"; } })`)
	res, err := tarort.Call("getStorageSync", host, "getStorageSync", tarort.AwaitValue, js.ValueOf("key"))
	if err != nil || res.Return.String() != "key!" {
		t.Fatalf("Call = %v, %v; want key!", res.Return, err)
	}
}

// An object with on* registration methods, and fire(kind, value) to call
// the listener registered for kind.
func emitter() js.Value {
	return eval(`(() => { const l = {}; return {
		onOpen(f) { l.onOpen = f }, onMessage(f) { l.onMessage = f }, onClose(f) { l.onClose = f },
		fire(k, v) { l[k](v) }, fireLater(k, v, ms) { setTimeout(() => l[k](v), ms) },
	}; })()`)
}

func str(v js.Value) string { return v.String() }

func recv(t *testing.T, ch <-chan string) string {
	t.Helper()
	select {
	case s := <-ch:
		return s
	case <-time.After(5 * time.Second):
		t.Fatal("no event within 5s")
		return ""
	}
}

func TestEventsParkedUntilHandled(t *testing.T) {
	obj := emitter()
	e := tarort.NewEvents("onClose")
	for _, k := range []string{"onOpen", "onMessage", "onClose"} {
		tarort.Listen(e, obj, k, str)
	}
	obj.Call("fire", "onOpen", "open")
	obj.Call("fire", "onMessage", "1")
	obj.Call("fire", "onMessage", "2")
	obj.Call("fire", "onClose", "close")
	obj.Call("fire", "onClose", "close again") // final: dropped
	got := make(chan string, 10)
	tarort.Handle(e, "onMessage", func(s string) { got <- s })
	tarort.Handle(e, "onClose", func(s string) { got <- s })
	tarort.Handle(e, "onOpen", func(s string) { got <- s })
	var seq []string
	for range 4 {
		seq = append(seq, recv(t, got))
	}
	if want := []string{"1", "2", "close", "open"}; !reflect.DeepEqual(seq, want) {
		t.Errorf("delivered %q, want %q (parked per kind, released in registration order)", seq, want)
	}
	select {
	case s := <-got:
		t.Errorf("extra event %q after the final one", s)
	case <-time.After(20 * time.Millisecond):
	}
}

// A handler may block, even on another object's events: the JavaScript
// callbacks only queue, so the other object's event still arrives.
func TestEventsHandlerMayBlock(t *testing.T) {
	a, b := emitter(), emitter()
	ea, eb := tarort.NewEvents(), tarort.NewEvents()
	tarort.Listen(ea, a, "onMessage", str)
	tarort.Listen(eb, b, "onMessage", str)
	fromB := make(chan string)
	got := make(chan string, 10)
	var running, overlap atomic.Int32
	tarort.Handle(eb, "onMessage", func(s string) { fromB <- s })
	tarort.Handle(ea, "onMessage", func(s string) {
		if running.Add(1) > 1 {
			overlap.Add(1)
		}
		defer running.Add(-1)
		if s == "first" {
			b.Call("fireLater", "onMessage", "echo", 5)
			s += "+" + <-fromB
		}
		got <- s
	})
	a.Call("fire", "onMessage", "first")
	a.Call("fire", "onMessage", "second")
	if s := recv(t, got); s != "first+echo" {
		t.Errorf("first = %q, want first+echo", s)
	}
	if s := recv(t, got); s != "second" {
		t.Errorf("second = %q, want second", s)
	}
	if overlap.Load() != 0 {
		t.Error("handlers of one Events ran concurrently")
	}
}

func TestEventsOffDiscards(t *testing.T) {
	obj := emitter()
	e := tarort.NewEvents()
	tarort.Listen(e, obj, "onMessage", str)
	got := make(chan string, 10)
	tarort.Handle(e, "onMessage", func(s string) { got <- s })
	obj.Call("fire", "onMessage", "kept")
	if s := recv(t, got); s != "kept" {
		t.Fatalf("got %q, want kept", s)
	}
	e.Off("onMessage")
	obj.Call("fire", "onMessage", "discarded")
	tarort.Handle(e, "onMessage", func(s string) { got <- s })
	obj.Call("fire", "onMessage", "after")
	if s := recv(t, got); s != "after" {
		t.Errorf("got %q, want after (the event sent while off is discarded)", s)
	}
}

func TestEventsBounded(t *testing.T) {
	obj := emitter()
	e := tarort.NewEvents()
	tarort.Listen(e, obj, "onMessage", str)
	fire := eval(`((o, n) => { for (let i = 0; i < n; i++) o.fire("onMessage", "m" + i); })`)
	fire.Invoke(obj, tarort.MaxParkedEvents+3)
	if d := e.Dropped(); d != 3 {
		t.Errorf("Dropped = %d, want 3", d)
	}
	got := make(chan string, tarort.MaxParkedEvents)
	tarort.Handle(e, "onMessage", func(s string) { got <- s })
	first, last := recv(t, got), ""
	for range tarort.MaxParkedEvents - 1 {
		last = recv(t, got)
	}
	if first != "m0" || last != "m4095" {
		t.Errorf("parked events ran from %q to %q, want m0 to m4095", first, last)
	}
}

// A Blob (Taro H5's binary message) is read before its event is handled,
// and the events after it wait their turn.
func TestEventsReadBlobsInOrder(t *testing.T) {
	obj := emitter()
	e := tarort.NewEvents()
	conv := func(v js.Value) string {
		if b := tarort.BytesFromJS(v.Get("data")); b != nil {
			return "bytes:" + string(b)
		}
		return "text:" + v.Get("data").String()
	}
	tarort.Listen(e, obj, "onMessage", conv, "data")
	got := make(chan string, 10)
	tarort.Handle(e, "onMessage", func(s string) { got <- s })
	obj.Call("fire", "onMessage", eval(`({data: new Blob([new Uint8Array([104, 105])])})`))
	obj.Call("fire", "onMessage", eval(`({data: "after"})`))
	if s := recv(t, got); s != "bytes:hi" {
		t.Errorf("first = %q, want bytes:hi (the Blob, read)", s)
	}
	if s := recv(t, got); s != "text:after" {
		t.Errorf("second = %q, want text:after", s)
	}
}

// A callback the host calls back any time: each call is converted and run
// in order on a goroutine.
func TestCallbackBridge(t *testing.T) {
	got := make(chan string, 4)
	fn := tarort.Callback(str, func(s string) { got <- s })
	host := eval(`({ on(f) { f("one"); setTimeout(() => f("two"), 2); } })`)
	host.Call("on", fn)
	if a, b := recv(t, got), recv(t, got); a != "one" || b != "two" {
		t.Errorf("callback got %q, %q; want one, two", a, b)
	}
	if !tarort.Callback[string](str, nil).IsUndefined() {
		t.Error("Callback with a nil func is not undefined")
	}
}
