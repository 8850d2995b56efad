//go:build js && wasm

package jstest

import (
	"errors"
	"reflect"
	"syscall/js"
	"testing"

	"github.com/tarogen/tarogen/runtime/tarort"
)

func TestBytesRoundTrip(t *testing.T) {
	for _, n := range []int{0, 1, 125, 65536} {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(i * 7)
		}
		v := tarort.BytesToJS(b)
		if !v.InstanceOf(js.Global().Get("ArrayBuffer")) || v.Get("byteLength").Int() != n {
			t.Fatalf("BytesToJS(%d bytes) = %v, want an ArrayBuffer of %d bytes", n, v, n)
		}
		if got := tarort.BytesFromJS(v); !reflect.DeepEqual(got, b) {
			t.Errorf("BytesFromJS(BytesToJS(%d bytes)) differs", n)
		}
	}
}

func TestBytesFromViews(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []byte
	}{
		{`new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4)`, []byte{1, 2, 3}},
		{`new DataView(new Uint8Array([9, 4, 5]).buffer, 1)`, []byte{4, 5}},
		{`new Uint16Array([0x0201])`, []byte{1, 2}},
		{`"text"`, nil},
		{`({length: 2})`, nil},
		{`undefined`, nil},
	} {
		if got := tarort.BytesFromJS(eval(tc.src)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("BytesFromJS(%s) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

func TestAnyFromJS(t *testing.T) {
	got := tarort.AnyFromJS(eval(`({a: [1, "x", true, null], b: new Uint8Array([1, 2]).buffer, c: {d: 2.5}})`))
	want := map[string]any{"a": []any{1.0, "x", true, nil}, "b": []byte{1, 2}, "c": map[string]any{"d": 2.5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AnyFromJS = %#v, want %#v", got, want)
	}
}

func TestAnyToJSRoundTrip(t *testing.T) {
	in := map[string]any{"n": 3.0, "s": "x", "b": false, "l": []any{"y", nil}, "bytes": []byte{7}, "m": map[string]string{"k": "v"}}
	got := tarort.AnyFromJS(tarort.AnyToJS(in))
	want := map[string]any{"n": 3.0, "s": "x", "b": false, "l": []any{"y", nil}, "bytes": []byte{7}, "m": map[string]any{"k": "v"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AnyFromJS(AnyToJS(x)) = %#v, want %#v", got, want)
	}
}

func TestMapToJSKeyOrder(t *testing.T) {
	v := tarort.MapToJS(map[string]int{"b": 2, "c": 3, "a": 1}, func(n int) js.Value { return js.ValueOf(n) })
	if got := js.Global().Get("JSON").Call("stringify", v).String(); got != `{"a":1,"b":2,"c":3}` {
		t.Errorf("MapToJS = %s, want keys in sorted order", got)
	}
	if !tarort.MapToJS[int](nil, nil).IsUndefined() || !tarort.SliceToJS[int](nil, nil).IsUndefined() {
		t.Error("nil map or slice is not undefined")
	}
}

func TestReadersTolerateWrongTypes(t *testing.T) {
	o := eval(`({n: "1", s: 2, b: "true"})`)
	if tarort.NumberFromJS(o.Get("n")) != 0 || tarort.StringFromJS(o.Get("s")) != "" || tarort.BoolFromJS(o.Get("b")) {
		t.Error("a value of the wrong type is not the zero value")
	}
}

func TestFailFromJS(t *testing.T) {
	for _, tc := range []struct {
		res      string
		msg      string
		api      string
		sentinel error
	}{
		{`({errMsg: "SocketTask.send:fail SocketTask.readState is not OPEN"})`, "SocketTask.send:fail SocketTask.readState is not OPEN", "SocketTask.send", tarort.ErrNotOpen},
		{`({errMsg: 'connectSocket:fail request:fail invalid url "ftp://x"'})`, `connectSocket:fail request:fail invalid url "ftp://x"`, "connectSocket", tarort.ErrInvalidOption},
		{`({errMsg: "暂时不支持 API"})`, "f:fail 暂时不支持 API", "f", tarort.ErrNotSupported},
		{`new Error("Network down")`, "f:fail Network down", "f", tarort.ErrHost},
		{`undefined`, "f:fail the host failed without a message", "f", tarort.ErrHost},
		{`"request:fail timeout"`, "request:fail timeout", "request", tarort.ErrTimeout},
	} {
		err := tarort.FailFromJS("f", eval(tc.res))
		if err.Error() != tc.msg || err.API != tc.api || !errors.Is(err, tc.sentinel) {
			t.Errorf("FailFromJS(%s) = %q (API %q, Err %v), want %q (API %q, %v)", tc.res, err, err.API, err.Err, tc.msg, tc.api, tc.sentinel)
		}
	}
}

func TestAnyFromJSCycle(t *testing.T) {
	v := eval(`(() => { const o = {name: "loop"}; o.self = o; return o; })()`)
	got, ok := tarort.AnyFromJS(v).(map[string]any)
	if !ok || got["name"] != "loop" {
		t.Fatalf("AnyFromJS(cyclic) = %#v, want a map named loop", got)
	}
	depth := 0
	for m := got; m != nil; depth++ {
		next, _ := m["self"].(map[string]any)
		m = next
	}
	if depth != 64 {
		t.Errorf("cyclic object converted %d levels deep, want the bound, 64", depth)
	}
}
