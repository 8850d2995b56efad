package runtime

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
	mu      sync.Mutex
	open    func(OpenEvent)
	message func(MessageEvent)
	err     func(ErrorEvent)
	close   func(CloseEvent)
}

// OnGlobalOpen sets the global open listener (onSocketOpen).
func OnGlobalOpen(h func(OpenEvent)) {
	global.mu.Lock()
	global.open = h
	global.mu.Unlock()
	if s := Latest(); s != nil {
		s.setGlobalOpen(h)
	}
}

// OnGlobalMessage sets the global message listener (onSocketMessage).
func OnGlobalMessage(h func(MessageEvent)) {
	global.mu.Lock()
	global.message = h
	global.mu.Unlock()
	if s := Latest(); s != nil {
		s.setGlobalMessage(h)
	}
}

// OnGlobalError sets the global error listener (onSocketError).
func OnGlobalError(h func(ErrorEvent)) {
	global.mu.Lock()
	global.err = h
	global.mu.Unlock()
	if s := Latest(); s != nil {
		s.setGlobalError(h)
	}
}

// OnGlobalClose sets the global close listener (onSocketClose).
func OnGlobalClose(h func(CloseEvent)) {
	global.mu.Lock()
	global.close = h
	global.mu.Unlock()
	if s := Latest(); s != nil {
		s.setGlobalClose(h)
	}
}

// applyGlobal gives a new task the global listeners set so far. Connect
// calls it before the task's goroutine starts, so no event can come first.
func applyGlobal(s *Socket) {
	global.mu.Lock()
	open, message, errh, closeh := global.open, global.message, global.err, global.close
	global.mu.Unlock()
	if open != nil {
		s.setGlobalOpen(open)
	}
	if message != nil {
		s.setGlobalMessage(message)
	}
	if errh != nil {
		s.setGlobalError(errh)
	}
	if closeh != nil {
		s.setGlobalClose(closeh)
	}
}

func (s *Socket) setGlobalOpen(h func(OpenEvent)) {
	s.mu.Lock()
	s.setGlobalLocked(kindOpen, h, nil, nil, nil)
}

func (s *Socket) setGlobalMessage(h func(MessageEvent)) {
	s.mu.Lock()
	s.setGlobalLocked(kindMessage, nil, h, nil, nil)
}

func (s *Socket) setGlobalError(h func(ErrorEvent)) {
	s.mu.Lock()
	s.setGlobalLocked(kindError, nil, nil, h, nil)
}

func (s *Socket) setGlobalClose(h func(CloseEvent)) {
	s.mu.Lock()
	s.setGlobalLocked(kindClose, nil, nil, nil, h)
}
