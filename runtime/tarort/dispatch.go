package tarort

import "slices"

// Event delivery. A task's handlers run one at a time in event order. Events
// come only from the reader goroutine, which normally runs the handlers
// itself. An event whose kind has no handler yet is parked in queue; the
// first registration of that kind delivers what is parked, on the
// registering goroutine, or, if called from inside a handler, right after
// that handler returns. "dispatching" marks that some goroutine is running
// handlers; whoever holds it drains every deliverable event, so there is
// never a second dispatcher and never a goroutine per event.

type eventKind uint8

const (
	kindOpen eventKind = iota
	kindMessage
	kindError
	kindClose
	numKinds
)

type event struct {
	kind     eventKind
	taskOnly bool // a replay of an open/error/close the global listener already had
	open     OpenEvent
	msg      MessageEvent
	err      ErrorEvent
	close    CloseEvent
}

type dispatcher struct {
	onOpen    func(OpenEvent)
	onMessage func(MessageEvent)
	onError   func(ErrorEvent)
	onClose   func(CloseEvent)

	registered [numKinds]bool // a handler (maybe nil) was set for the kind

	// The global listeners (onSocketOpen…) are a second, independent
	// subscriber, as in WeChat, where wx.onSocketOpen and SocketTask.onOpen
	// both fire. Events of a kind with a global listener are delivered at
	// once (never parked: a 1.x program may never touch the task). An
	// open, error or close the task's own handler missed that way is
	// replayed to it when it registers, so a handler set right after
	// ConnectSocket still gets it; messages are not replayed.
	global      listeners
	missed      [numKinds]*event // open/error/close delivered before the task handler was set
	queue       []event          // parked events, in arrival order
	parked      int              // messages in queue
	maxParked   int
	dispatching bool // some goroutine is running this task's handlers
	waiting     int  // goroutines in cond.Wait
}

// registerLocked delivers what became deliverable by a registration of
// kind, then unlocks mu.
func (s *Socket) registerLocked(kind eventKind) {
	s.registered[kind] = true
	if ev := s.missed[kind]; ev != nil {
		s.missed[kind] = nil
		replay := *ev
		replay.taskOnly = true
		s.queue = append(s.queue, replay)
	}
	if !s.dispatching && slices.ContainsFunc(s.queue, func(ev event) bool { return ev.kind == kind }) {
		s.drainLocked()
	}
	s.mu.Unlock()
}

// listeners is one subscriber's handlers, one per kind: the global
// listeners of a task, and the process-wide set new tasks copy.
type listeners struct {
	open    func(OpenEvent)
	message func(MessageEvent)
	err     func(ErrorEvent)
	close   func(CloseEvent)
}

// set copies from's handler of kind into l.
func (l *listeners) set(kind eventKind, from listeners) {
	switch kind {
	case kindOpen:
		l.open = from.open
	case kindMessage:
		l.message = from.message
	case kindError:
		l.err = from.err
	case kindClose:
		l.close = from.close
	}
}

// has reports whether l has a handler of kind.
func (l *listeners) has(kind eventKind) bool {
	switch kind {
	case kindOpen:
		return l.open != nil
	case kindMessage:
		return l.message != nil
	case kindError:
		return l.err != nil
	}
	return l.close != nil
}

// setGlobal sets the task's global listener of kind from from (a nil
// handler removes it) and delivers what that makes deliverable.
func (s *Socket) setGlobal(kind eventKind, from listeners) {
	s.mu.Lock()
	s.global.set(kind, from)
	if !s.dispatching && s.global.has(kind) && slices.ContainsFunc(s.queue, func(ev event) bool { return ev.kind == kind }) {
		s.drainLocked()
	}
	s.mu.Unlock()
}

// deliverable reports whether an event of kind has someone to go to now.
func (s *Socket) deliverable(kind eventKind) bool { return s.registered[kind] || s.global.has(kind) }

// emit delivers or parks ev; called by the reader goroutine only, without
// mu. It blocks while another goroutine is dispatching (so the reader takes
// over in order) and while MaxPendingMessages messages are parked (so the
// peer feels TCP backpressure instead of the process growing without
// bound). It reports whether it had to wait.
func (s *Socket) emit(ev *event) (waited bool) {
	s.mu.Lock()
	for s.dispatching || (ev.kind == kindMessage && !s.deliverable(kindMessage) &&
		s.parked >= s.maxParked && s.state.Load() == Open) {
		waited = true
		s.waiting++
		s.cond.Wait()
		s.waiting--
	}
	// The browser drops messages that arrive once close() was called
	// (WHATWG WebSockets, "a WebSocket message has been received": "If
	// ready state is not OPEN, then return").
	if ev.kind == kindMessage && s.state.Load() != Open {
		s.mu.Unlock()
		return waited
	}
	if s.deliverable(ev.kind) {
		// Fast path, the steady state: deliver without queueing. The queue
		// holds no deliverable event here (drainLocked empties it of them),
		// so order is kept.
		s.dispatching = true
		s.deliver(ev)
		s.dispatching = false
		if len(s.queue) > 0 {
			s.drainLocked() // a handler may have registered a parked kind
		} else if s.waiting > 0 {
			s.cond.Broadcast()
		}
		s.mu.Unlock()
		return waited
	}
	s.queue = append(s.queue, *ev)
	if ev.kind == kindMessage {
		s.parked++
	}
	s.mu.Unlock()
	return waited
}

// drainLocked runs the handlers of every deliverable event, in order, with
// mu released around each call. It is called with mu held and
// !s.dispatching.
func (s *Socket) drainLocked() {
	s.dispatching = true
	for {
		i := slices.IndexFunc(s.queue, func(ev event) bool { return s.deliverable(ev.kind) })
		if i < 0 {
			break
		}
		ev := s.queue[i]
		if i == 0 && len(s.queue) == 1 {
			// The common case: keep the backing array for the next event.
			s.queue[0] = event{}
			s.queue = s.queue[:0]
		} else {
			s.queue = slices.Delete(s.queue, i, i+1)
		}
		if ev.kind == kindMessage {
			s.parked--
		}
		s.deliver(&ev)
	}
	s.dispatching = false
	if s.waiting > 0 {
		s.cond.Broadcast()
	}
}

// deliver calls ev's handler with mu released. A panicking handler is not
// recovered (see the package doc); the deferred function only leaves the
// task consistent for a caller that recovers it.
func (s *Socket) deliver(ev *event) {
	onOpen, onMessage, onError, onClose := s.onOpen, s.onMessage, s.onError, s.onClose
	g := s.global
	if ev.taskOnly {
		g = listeners{}
	} else if ev.kind != kindMessage && !s.registered[ev.kind] {
		// Only the global listener is there: keep the event for the task's
		// own handler, should it register later.
		missed := *ev
		s.missed[ev.kind] = &missed
	}
	switch {
	case ev.kind == kindOpen && onOpen == nil && g.open == nil,
		ev.kind == kindMessage && onMessage == nil && g.message == nil,
		ev.kind == kindError && onError == nil && g.err == nil,
		ev.kind == kindClose && onClose == nil && g.close == nil:
		return // registered as nil: discarded
	}
	s.mu.Unlock()
	ok := false
	defer func() {
		if !ok {
			s.mu.Lock()
			s.dispatching = false
			if s.waiting > 0 {
				s.cond.Broadcast()
			}
			s.mu.Unlock()
		}
	}()
	// The global listener first: it was registered first in any program
	// that uses both (WeChat's order for listeners is registration order).
	switch ev.kind {
	case kindOpen:
		if g.open != nil {
			g.open(ev.open)
		}
		if onOpen != nil {
			onOpen(ev.open)
		}
	case kindMessage:
		if g.message != nil {
			g.message(ev.msg)
		}
		if onMessage != nil {
			onMessage(ev.msg)
		}
	case kindError:
		if g.err != nil {
			g.err(ev.err)
		}
		if onError != nil {
			onError(ev.err)
		}
	case kindClose:
		if g.close != nil {
			g.close(ev.close)
		}
		if onClose != nil {
			onClose(ev.close)
		}
	}
	ok = true
	s.mu.Lock()
}
