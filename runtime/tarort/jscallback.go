//go:build js && wasm

package tarort

import "syscall/js"

// Callback returns a JavaScript function for a Go callback the host may
// call at any time (an argument such as MapContext.on's callback, a
// callback field other than success, fail and complete): each call
// converts its first argument with conv and queues it; h runs on a
// goroutine, one call at a time, in order, as an Events handler does. A
// nil h is undefined. The function lives as long as the host holds it:
// the host gives no sign that it will not call it again, so it is never
// released.
func Callback[T any](conv func(js.Value) T, h func(T)) js.Value {
	if h == nil {
		return js.Undefined()
	}
	e := NewEvents()
	Handle(e, "call", h)
	fn := js.FuncOf(func(_ js.Value, a []js.Value) any {
		arg := js.Undefined()
		if len(a) > 0 {
			arg = a[0]
		}
		e.push("call", conv(arg), false)
		return nil
	})
	return fn.Value
}
