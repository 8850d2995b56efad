//go:build js && wasm

// Package probe is a js/wasm test binary that uses syscall/js alone (no
// tarogen code) to check the hosts jshost runs: that globalThis.Taro is
// Taro's API, that arguments and environment arrive, and that a WebSocket
// echo through Taro.connectSocket works. jshost_test.go builds and runs it.
package probe

import (
	"os"
	"testing"
	"time"

	"syscall/js"
)

func TestEnv(t *testing.T) {
	if got := os.Getenv("PROBE_TOKEN"); got != "tarogen" {
		t.Fatalf(`os.Getenv("PROBE_TOKEN") = %q, want "tarogen"`, got)
	}
}

func TestTaroIsTheAPI(t *testing.T) {
	taro := js.Global().Get("Taro")
	for _, api := range []string{"connectSocket", "request", "setStorage", "getSystemInfoSync"} {
		if got := taro.Get(api).Type(); got != js.TypeFunction {
			t.Errorf("typeof Taro.%s = %v, want function", api, got)
		}
	}
	if got, want := taro.Call("getEnv").String(), os.Getenv("PROBE_ENV"); got != want {
		t.Errorf("Taro.getEnv() = %q, want %q", got, want)
	}
}

// TestEcho sends one text message through Taro.connectSocket and waits for
// its echo and the close. Every JS callback only hands its value to a
// channel: blocking inside one would deadlock the host.
func TestEcho(t *testing.T) {
	events := make(chan string, 8)
	fn := jsFuncs(t)
	onTask := fn(func(task js.Value) {
		task.Call("onOpen", fn(func(js.Value) {
			events <- "open"
			task.Call("send", map[string]any{"data": "probe"})
		}))
		task.Call("onMessage", fn(func(res js.Value) {
			events <- "message " + res.Get("data").String()
			task.Call("close", map[string]any{"code": 1000, "reason": "done"})
		}))
		task.Call("onClose", fn(func(res js.Value) { events <- "close" }))
	})
	onFail := fn(func(res js.Value) { events <- "fail " + res.Get("errMsg").String() })
	p := js.Global().Get("Taro").Call("connectSocket", map[string]any{"url": os.Getenv("ECHO_URL")})
	p.Call("then", onTask, onFail)

	for _, want := range []string{"open", "message probe", "close"} {
		select {
		case got := <-events:
			if got != want {
				t.Fatalf("event = %q, want %q", got, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no %q event within 10s", want)
		}
	}
}

// TestH5BinaryIsBlob pins the Taro H5 behaviour the binding works around:
// a binary message reaches onMessage as a Blob (the browser socket's
// default binaryType), not an ArrayBuffer. Only in the browser.
func TestH5BinaryIsBlob(t *testing.T) {
	if os.Getenv("PROBE_ENV") != "WEB" {
		t.Skip("Taro H5 only")
	}
	kinds := make(chan string, 4)
	fn := jsFuncs(t)
	onTask := fn(func(task js.Value) {
		task.Call("onOpen", fn(func(js.Value) {
			task.Call("send", map[string]any{"data": js.Global().Get("Uint8Array").New(3).Get("buffer")})
		}))
		task.Call("onMessage", fn(func(res js.Value) {
			kinds <- res.Get("data").Get("constructor").Get("name").String()
			task.Call("close", map[string]any{})
		}))
		task.Call("onClose", fn(func(js.Value) { kinds <- "close" }))
	})
	js.Global().Get("Taro").Call("connectSocket", map[string]any{"url": os.Getenv("ECHO_URL")}).Call("then", onTask)
	for _, want := range []string{"Blob", "close"} {
		select {
		case got := <-kinds:
			if got != want {
				t.Fatalf("got %q, want %q", got, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no %q within 10s", want)
		}
	}
}

// jsFuncs returns a maker of js.Funcs that hand their first argument to f;
// every one is released when the test ends.
func jsFuncs(t *testing.T) func(f func(js.Value)) js.Func {
	return func(f func(js.Value)) js.Func {
		jf := js.FuncOf(func(_ js.Value, args []js.Value) any {
			f(args[0])
			return nil
		})
		t.Cleanup(jf.Release)
		return jf
	}
}
