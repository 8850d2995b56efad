//go:build !js

package tarort

import (
	"sync"
	"sync/atomic"
)

// The task the global APIs act on, and the global listeners.

var (
	lastID atomic.Int64
	latest atomic.Pointer[Socket]
)

// Latest returns the task most recently created by Connect, or nil. The
// global APIs (sendSocketMessage, closeSocket, onSocketOpen…) act on it.
func Latest() *Socket { return latest.Load() }

// global holds the listeners set by onSocketOpen and friends. They are read
// on every delivery, so a task's events reach them only while it is Latest
// (dispatch.go), and one atomic load serves them; setters copy the array and
// swap it, under mu so that two setters do not lose each other's change.
var global struct {
	mu sync.Mutex
	l  atomic.Pointer[listeners]
}

// OnGlobalOpen sets the global open listener (onSocketOpen), replacing any
// earlier one; nil removes it. It receives the open event of the latest
// task, and of every task Connect creates later, from the time it is set.
func OnGlobalOpen(h func(OpenEvent)) { setGlobal(kindOpen, openHandler(h)) }

// OnGlobalMessage sets the global message listener (onSocketMessage).
func OnGlobalMessage(h func(MessageEvent)) { setGlobal(kindMessage, messageHandler(h)) }

// OnGlobalError sets the global error listener (onSocketError).
func OnGlobalError(h func(ErrorEvent)) { setGlobal(kindError, errorHandler(h)) }

// OnGlobalClose sets the global close listener (onSocketClose).
func OnGlobalClose(h func(CloseEvent)) { setGlobal(kindClose, closeHandler(h)) }

func setGlobal(kind eventKind, h handler) {
	global.mu.Lock()
	var l listeners
	if old := global.l.Load(); old != nil {
		l = *old
	}
	l[kind] = h
	global.l.Store(&l)
	global.mu.Unlock()
	if s := Latest(); s != nil {
		s.mu.Lock()
		s.deliverParkedLocked() // what was parked for the listener goes to it now
		s.mu.Unlock()
	}
}

// globalListener returns the global listener of kind, or nil.
func globalListener(kind eventKind) handler {
	if l := global.l.Load(); l != nil {
		return l[kind]
	}
	return nil
}
