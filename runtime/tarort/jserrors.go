//go:build js && wasm

package tarort

import (
	"errors"
	"strings"
	"syscall/js"
)

// Sentinels only the js/wasm backend reports; the shared ones are in
// errors.go.
var (
	// ErrNoHost: there is no host object to call (see Host).
	ErrNoHost = errors.New("no Taro host")
	// ErrHost: the host reported a failure that matches no other sentinel,
	// or threw. The errMsg is the host's.
	ErrHost = errors.New("host API failed")
)

// FailFromJS turns a host failure into an *Error. res is what the host gave
// fail or a rejected Promise: an object with errMsg ("connectSocket:fail
// request:fail invalid url \"x\""), a JavaScript Error, or any other value.
// The host's errMsg is kept as it is: Error() returns it unchanged, with
// its own API prefix, so Go code sees the text Taro reports; api is used
// only when the host's text has no "<api>:fail " prefix. The sentinel is
// chosen from the reason by classify.
func FailFromJS(api string, res js.Value) *Error {
	return failFromMsg(api, hostMessage(res))
}

func failFromMsg(api, msg string) *Error {
	a, reason, ok := strings.Cut(msg, ":fail")
	if !ok || strings.ContainsAny(a, " \t\n") || a == "" {
		a, reason = api, msg
	}
	reason = strings.TrimPrefix(reason, " ")
	return &Error{API: a, Reason: reason, Err: classify(reason)}
}

// hostMessage is the text of a failure value: its errMsg, an Error's
// message, or the value as JavaScript's String() renders it.
func hostMessage(res js.Value) string {
	switch res.Type() {
	case js.TypeObject:
		if m := res.Get("errMsg"); m.Type() == js.TypeString {
			return m.String()
		}
		if m := res.Get("message"); m.Type() == js.TypeString {
			return m.String()
		}
	case js.TypeString:
		return res.String()
	case js.TypeUndefined, js.TypeNull:
		return "the host failed without a message"
	}
	return js.Global().Call("String", res).String()
}

// classify picks the sentinel a host's failure reason stands for. Hosts word
// their reasons differently (Taro H5, WeChat, Taro's own checks), so it
// matches the phrases they are known to use, case-insensitively, and falls
// back to ErrHost. The phrases, most specific first:
var classes = []struct {
	phrases []string
	err     error
}{
	// Taro H5: `SocketTask.send:fail SocketTask.readState is not OPEN`.
	{[]string{"is not open", "readstate", "readystate"}, ErrNotOpen},
	// WeChat and Taro H5: `request:fail invalid url "…"`; WeChat's
	// parameter checks: `parameter error: parameter.url should be String`.
	{[]string{"invalid url", "parameter error", "invalid param", "invalid argument"}, ErrInvalidOption},
	{[]string{"timeout", "timed out"}, ErrTimeout},
	// Taro H5's stubs: `暂时不支持 API`; a missing method: `is not a function`.
	{[]string{"not supported", "not support", "暂时不支持", "is not a function", "not implemented"}, ErrNotSupported},
	{[]string{"abnormal closure"}, ErrAbnormalClosure},
	{[]string{"is closed", "already closed", "closing"}, ErrClosed},
}

func classify(reason string) error {
	r := strings.ToLower(reason)
	for _, c := range classes {
		for _, p := range c.phrases {
			if strings.Contains(r, p) {
				return c.err
			}
		}
	}
	return ErrHost
}

// EventError is the *Error of an error event's argument: FailFromJS of its
// errMsg, or, for an argument with none (Taro H5 passes the browser's
// Event), "<api>:fail <event type>" ("SocketTask.onError:fail error").
func EventError(api string, v js.Value) *Error {
	if v.Type() == js.TypeObject && v.Get("errMsg").Type() != js.TypeString && v.Get("message").Type() != js.TypeString {
		if t := v.Get("type"); t.Type() == js.TypeString {
			return &Error{API: api, Reason: t.String(), Err: ErrHost}
		}
	}
	return FailFromJS(api, v)
}
