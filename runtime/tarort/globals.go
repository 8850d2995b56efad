package tarort

import (
	"fmt"
	"sync"
)

// This file holds the helpers only generated code calls: conversions
// between the page's types and the runtime's, and the global listeners of
// onSocketOpen/onSocketMessage/onSocketError/onSocketClose.

// HeaderStrings converts a Taro header object (TaroGeneral.IAnyObject, a
// Record<string, any>) into HTTP header values: strings stay as they are,
// anything else is formatted with fmt's %v, as JavaScript's String() would
// for numbers and booleans. nil stays nil.
func HeaderStrings[V any](m map[string]V) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		if s, ok := any(v).(string); ok {
			out[k] = s
			continue
		}
		out[k] = fmt.Sprint(v)
	}
	return out
}

// HeaderAny converts the handshake response header into the page's
// Record<string, any>.
func HeaderAny(m map[string]string) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// global holds the listeners set by the global on* APIs. WeChat's
// wx.onSocketOpen and friends listen to "the" socket that wx.connectSocket
// creates, and are commonly registered before it is created; so a global
// listener is set on the latest task now and on every task Connect creates
// later, until replaced (the last registration wins). On a task it is a
// listener of its own beside the task's handler: both fire (see
// dispatch.go).
var global struct {
	mu sync.Mutex
	l  listeners
}

// OnGlobalOpen sets the global open listener (onSocketOpen).
func OnGlobalOpen(h func(OpenEvent)) { setGlobal(kindOpen, listeners{open: h}) }

// OnGlobalMessage sets the global message listener (onSocketMessage).
func OnGlobalMessage(h func(MessageEvent)) { setGlobal(kindMessage, listeners{message: h}) }

// OnGlobalError sets the global error listener (onSocketError).
func OnGlobalError(h func(ErrorEvent)) { setGlobal(kindError, listeners{err: h}) }

// OnGlobalClose sets the global close listener (onSocketClose).
func OnGlobalClose(h func(CloseEvent)) { setGlobal(kindClose, listeners{close: h}) }

// setGlobal records from's listener of kind for tasks to come and sets it
// on the latest task.
func setGlobal(kind eventKind, from listeners) {
	global.mu.Lock()
	global.l.set(kind, from)
	global.mu.Unlock()
	if s := Latest(); s != nil {
		s.setGlobal(kind, from)
	}
}

// applyGlobal gives a new task the global listeners set so far. Connect
// calls it before the task's goroutine starts, so no event can come first.
func applyGlobal(s *Socket) {
	global.mu.Lock()
	l := global.l
	global.mu.Unlock()
	for kind := range numKinds {
		if l.has(kind) {
			s.setGlobal(kind, l)
		}
	}
}
