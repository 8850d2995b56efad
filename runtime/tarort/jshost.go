//go:build js && wasm

package tarort

import (
	"sync"
	"syscall/js"
)

// The host object: the JavaScript object whose methods are Taro's API
// (connectSocket, request, getStorage…). Generated code looks it up on every
// call through Host, so a host set after the program starts is honoured.

var host struct {
	mu  sync.Mutex
	set bool
	v   js.Value
}

// SetHost makes v the object whose methods the generated js/wasm bindings
// call, in place of globalThis.Taro. Pass js.Undefined() to go back to the
// default lookup. A Taro app does not need it: it sets globalThis.Taro
// before starting the Go program. It is for hosts that are not at that
// name: a Taro object imported under another name, a test double, or a
// mini-program's own API object, for example
//
//	tarort.SetHost(js.Global().Get("wx"))
//
// which, on WeChat, gets the SocketTask from wx.connectSocket at once
// instead of through Taro's Promise (see the package doc, "js/wasm").
func SetHost(v js.Value) {
	host.mu.Lock()
	defer host.mu.Unlock()
	host.set = !v.IsUndefined()
	host.v = v
}

// Host returns the host object for api: the one given to SetHost, else
// globalThis.Taro, else, in a build for a mini-program platform (tags
// taro_weapp, taro_alipay, taro_swan, taro_tt, taro_qq, taro_jd), that
// platform's global (wx, my, swan, tt, qq, jd). With none of them it fails
// with ErrNoHost and errMsg
// "<api>:fail no Taro host: globalThis.Taro is not set (…)".
func Host(api string) (js.Value, error) {
	host.mu.Lock()
	v, set := host.v, host.set
	host.mu.Unlock()
	if set {
		if usable(v) {
			return v, nil
		}
		return js.Value{}, Fail(api, ErrNoHost, "no Taro host: the value given to tarort.SetHost is "+v.Type().String())
	}
	if v := js.Global().Get("Taro"); usable(v) {
		return v, nil
	}
	if platformGlobal != "" {
		if v := js.Global().Get(platformGlobal); usable(v) {
			return v, nil
		}
	}
	return js.Value{}, Fail(api, ErrNoHost, noHostReason())
}

// noHostReason says where the host was looked for and how to provide one.
func noHostReason() string {
	where := "globalThis.Taro is not set"
	if platformGlobal != "" {
		where = "neither globalThis.Taro nor globalThis." + platformGlobal + " is set"
	}
	return "no Taro host: " + where + " (set globalThis.Taro before starting the Go program, or call tarort.SetHost)"
}

// usable reports whether v can hold API methods.
func usable(v js.Value) bool {
	t := v.Type()
	return t == js.TypeObject || t == js.TypeFunction
}

// method returns recv[name] when it is a function, else an ErrNotSupported
// *Error: "<api>:fail not supported by the host: <name> is not a function".
func method(api string, recv js.Value, name string) *Error {
	if !usable(recv) {
		return Fail(api, ErrNoTask, "the object to call "+name+" on is "+recv.Type().String())
	}
	if recv.Get(name).Type() != js.TypeFunction {
		return Fail(api, ErrNotSupported, "not supported by the host: "+name+" is not a function")
	}
	return nil
}
