//go:build !js

package tarort

import "slices"

// Event delivery: which goroutine runs a task's handlers, what is parked,
// and when the reader waits. The package doc's Concurrency section is the
// summary; this is the mechanism.
//
// Two subscribers get a task's events: the task's own handlers (set by
// SocketTask.onOpen…) and, while the task is Latest, the global listeners
// (onSocketOpen…). Each has a queue of the events parked for it: events
// that arrived while it had no handler of their kind. Events come only from
// the reader goroutine (emit), which runs the handlers itself when it can:
// the steady state costs no queue and no goroutine handoff. A registration
// that makes parked events deliverable runs them on the registering
// goroutine before it returns (drainLocked). "dispatching" marks that some
// goroutine is running this task's handlers; while it is set nobody else
// runs them (the reader waits in emit; a registration leaves its parked
// events to the dispatcher, through redrain), so handlers never run
// concurrently and each subscriber sees its events in arrival order.
//
// Why not one event channel per task, drained by a dispatcher goroutine of
// its own: that is a second goroutine per idle task (the budget is one,
// TestGoroutinesPerIdleTask) and a goroutine handoff per message, which
// the serial echo benchmark prices at up to 1.7× at 16 bytes
// (bench/README.md). The reader runs the handlers instead, and the
// condition variable is only for the two moments it must not: while a
// registering goroutine runs parked events, and while parked messages are
// at MaxPendingMessages with nobody to take them.

type eventKind uint8

const (
	kindOpen eventKind = iota
	kindMessage
	kindError
	kindClose
	numKinds
)

type event struct {
	kind  eventKind
	open  OpenEvent
	msg   MessageEvent
	err   ErrorEvent
	close CloseEvent
}

// handler is a subscriber's handler of one kind, wrapped at registration to
// take an event (handlers.go), so that delivery needs no switch on kinds. It
// takes the event by value: a pointer passed to a function value escapes,
// which would cost the reader an allocation per message.
type handler func(event)

// listeners is one subscriber's handlers, by kind; nil means none.
type listeners [numKinds]handler

// dispatcher is a task's delivery state. Every field is guarded by the
// task's mu.
type dispatcher struct {
	own        listeners      // the task's handlers
	registered [numKinds]bool // the task set a handler of the kind (nil: discard)
	ownQueue   []event        // parked for the task's handlers, in arrival order
	ownParked  int            // messages in ownQueue
	ownSkips   bool           // messages stopped being parked for the task (see parkOwn)
	globQueue  []event        // parked for the global listeners, in arrival order
	maxParked  int            // MaxPendingMessages
	waiting    int            // goroutines in cond.Wait (only the reader waits)

	dispatching bool // some goroutine is running this task's handlers
	redrain     bool // parked events may have become deliverable while dispatching
}

// globalFor returns the global listener of kind if the task is Latest:
// global listeners follow the latest task (see doc.go).
func (s *Socket) globalFor(kind eventKind) handler {
	if latest.Load() != s {
		return nil
	}
	return globalListener(kind)
}

// emit delivers ev and parks it for a subscriber that has no handler of its
// kind yet. It is called by the reader goroutine only, without mu. It waits
// while another goroutine is dispatching (the reader then takes over, in
// order) and while MaxPendingMessages messages are parked that nobody
// consumes (the peer then feels TCP backpressure instead of the process
// growing without bound). It reports whether it waited.
func (s *Socket) emit(ev *event) (waited bool) {
	s.mu.Lock()
	for s.mustWaitLocked(ev.kind) {
		waited = true
		s.waiting++
		s.cond.Wait()
		s.waiting--
	}
	g := s.globalFor(ev.kind)
	for s.redrain || (g != nil && hasKind(s.globQueue, ev.kind)) {
		// Parked events go first: left by a handler that panicked, or
		// parked for a global listener that was set an instant ago (it
		// lives outside mu, so emit may see it before its setter drains).
		s.drainLocked()
		g = s.globalFor(ev.kind)
	}
	// The browser drops messages that arrive once close() was called
	// (WHATWG WebSockets, "a WebSocket message has been received": "If
	// ready state is not OPEN, then return").
	if ev.kind == kindMessage && s.state.Load() != Open {
		s.mu.Unlock()
		return waited
	}
	if g == nil && len(s.globQueue) > 0 && latest.Load() != s {
		s.globQueue = nil // a newer task has the global listeners now
	}
	var own handler
	if s.registered[ev.kind] {
		own = s.own[ev.kind]
	} else if s.parkOwn(ev.kind, g) {
		s.ownQueue = append(s.ownQueue, *ev)
		if ev.kind == kindMessage {
			s.ownParked++
		}
	}
	if g == nil && s.parkGlobal(ev.kind) {
		parked := *ev
		if ev.msg.Binary {
			parked.msg.Data = slices.Clone(ev.msg.Data) // each subscriber owns its Data
		}
		s.globQueue = append(s.globQueue, parked)
	}
	s.dispatching = true
	s.deliver(ev, g, own)
	s.dispatching = false
	if s.redrain {
		s.drainLocked() // a handler registered a parked kind
	} else if s.waiting > 0 {
		s.cond.Broadcast()
	}
	s.mu.Unlock()
	return waited
}

func hasKind(q []event, kind eventKind) bool {
	return slices.ContainsFunc(q, func(ev event) bool { return ev.kind == kind })
}

// mustWaitLocked reports whether the reader must wait before emitting an
// event of kind.
func (s *Socket) mustWaitLocked(kind eventKind) bool {
	if s.dispatching {
		return true
	}
	return kind == kindMessage && !s.registered[kindMessage] && s.ownParked >= s.maxParked &&
		s.state.Load() == Open && s.globalFor(kindMessage) == nil
}

// parkOwn reports whether an event of kind, which the task has no handler
// for, is parked for it. Messages are parked up to MaxPendingMessages. When
// that many are parked while a global listener takes every message (a
// program written for the 1.x global APIs may never touch its task),
// stalling the reader would cost the global listener its messages: the
// parked ones are dropped instead, and messages are not parked for the task
// while the global listener stays.
func (s *Socket) parkOwn(kind eventKind, g handler) bool {
	if kind != kindMessage {
		return true
	}
	if g == nil {
		return true // mustWaitLocked kept room
	}
	if s.ownSkips {
		return false
	}
	if s.ownParked >= s.maxParked {
		s.ownQueue = slices.DeleteFunc(s.ownQueue, func(ev event) bool { return ev.kind == kindMessage })
		s.ownParked = 0
		s.ownSkips = true
		return false
	}
	return true
}

// parkGlobal reports whether an event of kind is parked for the global
// listeners, which have none of its kind: only while the task has no
// handler of the kind either, so that whoever registers first gets it (a
// 1.x program sets onSocketOpen right after connectSocket). The claim lapses
// when the task's handler takes the event (register).
func (s *Socket) parkGlobal(kind eventKind) bool {
	return !s.registered[kind] && latest.Load() == s
}

// register sets the task's handler of kind (h nil: discard the kind) and
// delivers what that makes deliverable; registering replaces.
func (s *Socket) register(kind eventKind, h handler) {
	s.mu.Lock()
	s.own[kind] = h
	s.registered[kind] = true
	if kind == kindMessage {
		s.ownSkips = false
	}
	if s.globalFor(kind) == nil {
		// The events of kind parked while nobody listened go to the task;
		// the global listeners' claim to them lapses, so that a program
		// that never sets one does not keep them.
		s.globQueue = slices.DeleteFunc(s.globQueue, func(ev event) bool { return ev.kind == kind })
	}
	s.deliverParkedLocked()
	s.mu.Unlock()
}

// deliverParkedLocked runs the parked events a registration made
// deliverable: now, on the calling goroutine, or, when a handler of the task
// is running (maybe the caller's own), by its dispatcher once it returns.
func (s *Socket) deliverParkedLocked() {
	if s.dispatching {
		s.redrain = true
		return
	}
	if len(s.ownQueue) > 0 || len(s.globQueue) > 0 {
		s.drainLocked()
	} else if s.waiting > 0 {
		s.cond.Broadcast() // a global listener set: a waiting reader may go on
	}
}

// drainLocked delivers every deliverable parked event, in order, with mu
// released around each handler. It is called with mu held and !dispatching.
func (s *Socket) drainLocked() {
	s.dispatching = true
	for {
		s.redrain = false
		ev, g, own, ok := s.nextParkedLocked()
		if !ok {
			break
		}
		s.deliver(&ev, g, own)
	}
	s.dispatching = false
	if s.waiting > 0 {
		s.cond.Broadcast()
	}
}

// nextParkedLocked removes and returns the first parked event a subscriber
// now has a handler for, and that handler.
func (s *Socket) nextParkedLocked() (ev event, g, own handler, ok bool) {
	if latest.Load() != s {
		s.globQueue = nil // global listeners follow the latest task
	}
	if i := slices.IndexFunc(s.globQueue, func(ev event) bool { return globalListener(ev.kind) != nil }); i >= 0 {
		ev = s.globQueue[i]
		s.globQueue = slices.Delete(s.globQueue, i, i+1)
		return ev, globalListener(ev.kind), nil, true
	}
	if i := slices.IndexFunc(s.ownQueue, func(ev event) bool { return s.registered[ev.kind] }); i >= 0 {
		ev = s.ownQueue[i]
		s.ownQueue = slices.Delete(s.ownQueue, i, i+1)
		if ev.kind == kindMessage {
			s.ownParked--
		}
		return ev, nil, s.own[ev.kind], true
	}
	return event{}, nil, nil, false
}

// deliver runs ev's handlers, the global listener first (it was registered
// first in any program that uses both; WeChat runs listeners in
// registration order), with mu released. It is called with mu held and
// dispatching set. A panicking handler is not recovered (see the package
// doc); the deferred function only leaves the task consistent for a caller
// that recovers it.
func (s *Socket) deliver(ev *event, g, own handler) {
	if g == nil && own == nil {
		return // nobody listens, or a handler registered as nil discards it
	}
	s.mu.Unlock()
	ok := false
	defer func() {
		if !ok {
			s.mu.Lock()
			s.dispatching = false
			s.redrain = true // parked events may be left behind the one that panicked
			if s.waiting > 0 {
				s.cond.Broadcast()
			}
			s.mu.Unlock()
		}
	}()
	if g != nil && own != nil && ev.msg.Binary {
		ownEv := *ev
		ownEv.msg.Data = slices.Clone(ev.msg.Data) // each subscriber owns its Data
		g(*ev)
		own(ownEv)
	} else {
		if g != nil {
			g(*ev)
		}
		if own != nil {
			own(*ev)
		}
	}
	ok = true
	s.mu.Lock()
}
