package runtime

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
	kind  eventKind
	open  OpenEvent
	msg   MessageEvent
	err   ErrorEvent
	close CloseEvent
}

type dispatcher struct {
	onOpen    func(OpenEvent)
	onMessage func(MessageEvent)
	onError   func(ErrorEvent)
	onClose   func(CloseEvent)

	registered  [numKinds]bool // a handler (maybe nil) was set for the kind
	queue       []event        // parked events, in arrival order
	parked      int            // messages in queue
	maxParked   int
	dispatching bool // some goroutine is running this task's handlers
	waiting     int  // goroutines in cond.Wait
}

// registerLocked delivers what became deliverable by a registration of
// kind, then unlocks mu.
func (s *Socket) registerLocked(kind eventKind) {
	s.registered[kind] = true
	if !s.dispatching && slices.ContainsFunc(s.queue, func(ev event) bool { return ev.kind == kind }) {
		s.drainLocked()
	}
	s.mu.Unlock()
}

// emit delivers or parks ev; called by the reader goroutine only, without
// mu. It blocks while another goroutine is dispatching (so the reader takes
// over in order) and while MaxPendingMessages messages are parked (so the
// peer feels TCP backpressure instead of the process growing without
// bound). It reports whether it had to wait.
func (s *Socket) emit(ev *event) (waited bool) {
	s.mu.Lock()
	for s.dispatching || (ev.kind == kindMessage && !s.registered[kindMessage] &&
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
	if s.registered[ev.kind] {
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
		i := slices.IndexFunc(s.queue, func(ev event) bool { return s.registered[ev.kind] })
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
	switch {
	case ev.kind == kindOpen && onOpen == nil,
		ev.kind == kindMessage && onMessage == nil,
		ev.kind == kindError && onError == nil,
		ev.kind == kindClose && onClose == nil:
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
	switch ev.kind {
	case kindOpen:
		onOpen(ev.open)
	case kindMessage:
		onMessage(ev.msg)
	case kindError:
		onError(ev.err)
	case kindClose:
		onClose(ev.close)
	}
	ok = true
	s.mu.Lock()
}
