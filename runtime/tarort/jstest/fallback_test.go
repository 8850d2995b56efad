//go:build js && wasm

package jstest

import (
	"syscall/js"
	"testing"

	"github.com/tarogen/tarogen/runtime/tarort"
)

// With no globalThis.Taro, a mini-program build falls back to the
// platform's global (here wx, with -tags taro_weapp); other builds do not.
func TestHostFallback(t *testing.T) {
	tarort.SetHost(js.Undefined())
	js.Global().Delete("Taro")
	js.Global().Set("wx", eval(`({name: "wx"})`))
	defer js.Global().Delete("wx")
	h, err := tarort.Host("connectSocket")
	if !fallsBackToWx {
		wantErr(t, err, "connectSocket:fail no Taro host: globalThis.Taro is not set (set globalThis.Taro before starting the Go program, or call tarort.SetHost)", tarort.ErrNoHost)
		return
	}
	if err != nil || h.Get("name").String() != "wx" {
		t.Fatalf("Host = %v, %v; want globalThis.wx", h, err)
	}
	js.Global().Delete("wx")
	_, err = tarort.Host("connectSocket")
	wantErr(t, err, "connectSocket:fail no Taro host: neither globalThis.Taro nor globalThis.wx is set (set globalThis.Taro before starting the Go program, or call tarort.SetHost)", tarort.ErrNoHost)
}
