//go:build js && wasm

package tarort

import (
	"slices"
	"sync"
	"syscall/js"
)

// MaxParkedEvents bounds the events an Events holds for kinds that have no
// handler yet. JavaScript cannot be made to wait (there is no TCP
// backpressure to apply from here, unlike the native runtime), so past the
// bound further events of handlerless kinds are dropped and counted
// (Dropped).
const MaxParkedEvents = 4096

// Events delivers the events of one JavaScript object (a SocketTask, a
// DownloadTask…) or of the host's global listeners (onSocketOpen…) to Go
// handlers, with the guarantees of the native runtime:
//
//   - A JavaScript callback never blocks: it converts (copies) its argument
//     and queues it.
//   - Handlers run one at a time, in event order, on a goroutine, and may
//     block: calling another API, even waiting for another task's events.
//   - An event whose kind has no handler yet is parked, not lost, and
//     delivered in order when the first handler of its kind is set (at
//     most MaxParkedEvents are held). A kind set to nil (Off) discards.
//   - A kind marked final (onClose) is delivered at most once; after it,
//     the object's JavaScript listeners are released and later events are
//     dropped.
//
// Kinds are the JavaScript method names that register them: "onOpen",
// "onMessage", "onSocketOpen".
type Events struct {
	mu       sync.Mutex
	handlers map[string]func(any) // kind → handler; a nil entry discards
	parked   map[string][]*item
	nparked  int
	ready    []*item
	running  bool // a goroutine is draining ready
	final    map[string]bool
	ended    bool // a final event arrived
	dropped  int
	listened map[string][]js.Value // kind → the objects listened to
	funcs    []guarded
}

// guarded is a listener as the host holds it: a JavaScript function that
// calls fn until stopped. The host keeps it after the final event (there
// is no general way to unregister), so releasing fn alone would make a
// late call log "call to released function"; stopped, it does nothing.
type guarded struct {
	fn      js.Func
	wrapper js.Value
}

// guard makes the JavaScript wrapper of a guarded listener.
var guard = js.Global().Get("Function").New("fn", `
	let live = true;
	const w = (...args) => { if (live) fn(...args); };
	w.stop = () => { live = false; };
	return w;`)

// item is one queued event. A pending item holds its place in the order
// while its Blobs are read (see Listen); drain waits at it.
type item struct {
	kind    string
	v       any
	pending bool
}

// NewEvents returns an Events with no handlers. final names the kinds
// after which nothing more is delivered (a SocketTask's "onClose").
func NewEvents(final ...string) *Events {
	e := &Events{handlers: map[string]func(any){}, parked: map[string][]*item{}, final: map[string]bool{}, listened: map[string][]js.Value{}}
	for _, k := range final {
		e.final[k] = true
	}
	return e
}

// Listen registers, now, a JavaScript listener by calling recv[kind](fn).
// fn converts the listener's first argument with conv (generated per type;
// it must only copy) and queues the result for kind's handler. A recv
// without that method is skipped, so one wrapper serves hosts that
// implement a subset. A kind is listened to once per object, so
// HostEvents serves every host SetHost is given.
//
// blobFields names the argument's fields that carry bytes (a message's
// "data"). A Blob there (Taro H5 delivers binary WebSocket messages as
// Blobs unless the socket's binaryType is "arraybuffer") is read with
// blob.arrayBuffer() before conv runs, so handlers get bytes; the event
// keeps its place in the order meanwhile.
func Listen[T any](e *Events, recv js.Value, kind string, conv func(js.Value) T, blobFields ...string) {
	e.mu.Lock()
	if e.ended || slices.ContainsFunc(e.listened[kind], recv.Equal) {
		e.mu.Unlock()
		return
	}
	e.listened[kind] = append(e.listened[kind], recv)
	e.mu.Unlock()
	if !usable(recv) || recv.Get(kind).Type() != js.TypeFunction {
		return
	}
	fn := js.FuncOf(func(_ js.Value, a []js.Value) any {
		arg := js.Undefined()
		if len(a) > 0 {
			arg = a[0]
		}
		if blobs := blobsIn(arg, blobFields); len(blobs) > 0 {
			it := e.push(kind, nil, true)
			readBlobs(blobs, func() { e.resolve(it, conv(arg)) })
			return nil
		}
		e.push(kind, conv(arg), false)
		return nil
	})
	g := guarded{fn: fn, wrapper: guard.Invoke(fn)}
	e.mu.Lock()
	e.funcs = append(e.funcs, g)
	e.mu.Unlock()
	recv.Call(kind, g.wrapper)
}

// Handle sets kind's handler; the last one set wins, as Taro H5 assigns
// ws.onopen. Events of kind parked so far are delivered first, in order.
// A nil h discards kind's events from now on.
func Handle[T any](e *Events, kind string, h func(T)) {
	if h == nil {
		e.Off(kind)
		return
	}
	e.set(kind, func(v any) { h(v.(T)) })
}

// Off discards kind's events from now on (Taro's off* APIs). Go funcs
// cannot be compared, so the handler is removed whichever callback the
// off call names.
func (e *Events) Off(kind string) { e.set(kind, nil) }

// Dropped is the number of events dropped because MaxParkedEvents were
// parked already.
func (e *Events) Dropped() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.dropped
}

func (e *Events) set(kind string, h func(any)) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.handlers[kind] = h
	if p := e.parked[kind]; len(p) > 0 {
		delete(e.parked, kind)
		e.nparked -= len(p)
		if h != nil {
			e.ready = append(e.ready, p...)
		}
	}
	e.startLocked()
}

// push queues one event and returns its item (nil when it is dropped);
// it runs inside a JavaScript callback, so it only appends and, if no
// goroutine is draining, starts one.
func (e *Events) push(kind string, v any, pending bool) *item {
	e.mu.Lock()
	if e.ended {
		e.mu.Unlock()
		return nil
	}
	var stop []guarded
	if e.final[kind] {
		e.ended = true
		stop, e.funcs = e.funcs, nil
	}
	it := e.queueLocked(&item{kind: kind, v: v, pending: pending})
	e.mu.Unlock()
	e.release(stop) // after the unlock: it calls into JavaScript
	return it
}

func (e *Events) queueLocked(it *item) *item {
	h, set := e.handlers[it.kind]
	switch {
	case set && h == nil:
		return nil // discarded by Off
	case !set && e.nparked >= MaxParkedEvents:
		e.dropped++
		return nil
	case !set:
		e.parked[it.kind] = append(e.parked[it.kind], it)
		e.nparked++
		return it
	}
	e.ready = append(e.ready, it)
	e.startLocked()
	return it
}

// resolve completes a pending item once its Blobs are read.
func (e *Events) resolve(it *item, v any) {
	if it == nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it.v, it.pending = v, false
	e.startLocked()
}

func (e *Events) startLocked() {
	if e.running || len(e.ready) == 0 || e.ready[0].pending {
		return
	}
	e.running = true
	go e.drain()
}

// drain runs the handlers of ready events one at a time, looking each
// handler up when its event's turn comes (a handler may replace another).
func (e *Events) drain() {
	for {
		e.mu.Lock()
		if len(e.ready) == 0 || e.ready[0].pending {
			// A pending head restarts draining when resolve completes it.
			e.running = false
			if len(e.ready) == 0 {
				e.ready = nil
			}
			e.mu.Unlock()
			return
		}
		it := e.ready[0]
		e.ready[0] = nil
		e.ready = e.ready[1:]
		h := e.handlers[it.kind]
		e.mu.Unlock()
		if h != nil {
			h(it.v)
		}
	}
}

// release stops and releases the JavaScript listeners once the final
// event has arrived.
func (e *Events) release(funcs []guarded) {
	for _, g := range funcs {
		g.wrapper.Call("stop")
		g.fn.Release()
	}
}
