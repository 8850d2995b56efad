// Package runtime is the hand-written WebSocket runtime behind tarogen's
// generated bindings for Taro's WebSocket family: connectSocket,
// SocketTask (send, close, onOpen, onMessage, onError, onClose),
// sendSocketMessage, closeSocket and onSocketOpen/Message/Error/Close.
//
// tarogen reads Taro's API doc pages and generates typed Go wrappers; those
// wrappers translate option objects and success/fail/complete callbacks and
// call this package, which owns every connection. Generated code references
// SupportPackageIsVersion1, so it does not compile against an incompatible
// runtime. The client is gorilla/websocket; this package adds Taro's task
// model and the semantics below.
//
// # Errors
//
// Every failure is an *Error whose Error() is Taro's errMsg,
// "<api>:fail <reason>", with api the name the caller used
// ("connectSocket", "SocketTask.send", "sendSocketMessage"...). Its Err
// matches one or more sentinels with errors.Is (ErrInvalidOption,
// ErrNotOpen, ErrClosed, ErrTimeout, ErrHandshake, ErrProtocol,
// ErrTooLarge, ErrAbnormalClosure, and ErrNotSupported and ErrNoTask for
// generated code) and reaches the cause, such as a *net.OpError, with
// errors.As. Invalid arguments fail synchronously and nothing is sent;
// what happens on the connection is reported through onError.
//
// # Connect
//
// Connect validates the options and returns the task at once in CONNECTING
// (readyState 0); the dial runs in the background, on a goroutine that
// ends with it, so that the stack the handshake grew is not kept while the
// connection idles; the task's reader goroutine waits for it. The task
// becomes Latest, which the global APIs act on, as WeChat's do. Its ID is
// a process-wide counter from 1 (Taro H5's socketTaskId). Validation:
//   - URL: ws:// or wss://, with a host and no user:password; anything
//     else fails with `connectSocket:fail invalid url "<url>"` (Taro H5
//     checks the same prefixes).
//   - Header: Referer is refused (WeChat: "header 中不能设置 Referer"),
//     as are CR or LF in a name or value (header injection), names that
//     are not HTTP tokens, control characters, and the headers the
//     handshake itself writes (Upgrade, Connection, Sec-WebSocket-*; use
//     Protocols). Headers are checked in sorted order, so the error is
//     the same on every run.
//   - Protocols: distinct HTTP tokens (RFC 6455 §4.1).
//   - TCPNoDelay: nil keeps Go's default, which is TCP_NODELAY on. A set
//     value is applied as given: true sets TCP_NODELAY, false turns Nagle's
//     algorithm on. WeChat documents the option's default as false; Go's
//     default is the faster one for small frames, so only an explicit
//     false (Ptr(false) in the generated option) asks for Nagle.
//
// A refused handshake (an HTTP 403, say), nothing listening, a TLS error,
// a cancelled Context or an elapsed HandshakeTimeout are reported as
// onError, then onClose 1006, as in the browser.
//
// # Defaults
//
// Zero means the default; for durations and ReadLimit a negative value
// turns the mechanism off.
//   - HandshakeTimeout 30s: TCP, TLS and HTTP upgrade together (gorilla's
//     DefaultDialer uses 45s; 30s is closer to what mini-program
//     platforms allow a connection).
//   - WriteTimeout 10s per frame: a peer that stops reading makes Send
//     fail with ErrTimeout instead of blocking forever, and fails the
//     connection (onError, onClose 1006), since a half-written frame
//     cannot be recovered.
//   - PingInterval 30s, PongTimeout 10s: a ping every PingInterval; any
//     frame from the peer (message, ping or pong) counts as life. With no
//     frame for PingInterval+PongTimeout the peer is taken for gone:
//     onError (ErrTimeout), onClose 1006. The read deadline is moved
//     forward at most every 1/16 of that window, so detection may come up
//     to 1/16 early; pings run on a time.AfterFunc timer, not a goroutine.
//   - CloseTimeout 5s: after our close frame, how long to wait for the
//     peer's before cutting TCP (onError ErrTimeout, onClose 1006).
//   - ReadLimit 16 MiB: a larger message is refused with close 1009,
//     onError (ErrTooLarge), onClose 1009. Browsers have no limit; gorilla
//     has none by default; Node's ws uses 100 MiB. 16 MiB bounds the
//     memory one peer can make a task allocate.
//   - MaxPendingMessages 256: see parking below.
//   - TLSConfig nil: Go's default, verifying against the system roots.
//
// # Events and handlers
//
// The states are CONNECTING, OPEN, CLOSING, CLOSED (the browser's
// readyState). Events arrive in the order open, messages, at most one
// error, close; onClose runs exactly once. A task's handlers run one at a
// time in that order, normally on the task's reader goroutine, so an idle
// open task costs one goroutine. Handlers may call Send, Close and On* on
// their own task: Close from a handler sends the close frame, moves to
// CLOSING and returns; the reader finishes the handshake.
//
// Registering replaces: onOpen(f) then onOpen(g) runs only g. Taro's H5
// runtime assigns this.ws.onopen = func (packages/taro-h5 SocketTask), so
// the last registration wins there; WeChat's documentation does not say.
// A nil handler discards events of its kind.
//
// Global listeners (OnGlobalOpen… behind onSocketOpen…) are a second
// subscriber, set on the latest task and on every task created after
// them: in WeChat wx.onSocketOpen and SocketTask.onOpen are independent,
// so both fire, the global one first. A kind with a global listener is
// never parked (a 1.x program may never touch its task); an open, error or
// close that reached only the global listener is replayed, once, to the
// task's own handler when it registers. Messages are not replayed.
//
// Parking: a handler registered right after Connect returns must not miss
// the open event or the first messages, although the reader may have them
// already. So an event whose kind has no handler yet is parked, never
// dropped, and delivered in order as soon as the first handler of its kind
// is registered: by the registering call before it returns, or, when it is
// registered from inside a handler, right after that handler returns;
// never concurrently with another handler of the task. Events of kinds
// that have handlers keep flowing meanwhile. Open, error and close are
// sticky: a late onClose still gets the close, once. At most
// MaxPendingMessages messages are parked; then the reader stops reading,
// and the peer feels TCP backpressure.
//
// Handler panics are not recovered: on the reader goroutine they crash the
// program, like a panic in any goroutine; Go programs should not hide
// bugs behind an onError event. The task stays consistent for a caller that
// recovers a panic raised on its own goroutine by a parked delivery.
//
// # Sending
//
// Send fails unless the task is OPEN: ErrNotOpen in CONNECTING, ErrClosed
// from CLOSING on, with errMsg "<api>:fail SocketTask.readyState is
// CONNECTING, not OPEN" (Taro H5 says "SocketTask.readState is not OPEN").
// Text must be UTF-8 (RFC 6455 §5.6), or Send fails and sends nothing.
// Writes are serialised by a mutex, never concurrent; messages sent from
// one goroutine keep their order.
//
// # Closing
//
// Close takes a code of 1000 or 3000-4999 and a reason of at most 123
// bytes of UTF-8 (the browser's close() rules; RFC 6455 §5.5 leaves 123
// bytes for the reason), else it fails and sends nothing. Without a code
// it sends 1000, as WeChat documents ("默认的取值是1000"); a browser's
// close() sends no status (the peer sees 1005), but Taro H5 reports 1000 to
// onClose anyway, so 1000 on the wire matches what both report. Close is
// idempotent: in CLOSING or CLOSED it does nothing and succeeds. In
// CONNECTING it abandons the dial: onError, onClose 1006 (the browser's
// "closed before the connection is established").
//
// onClose carries the code and reason the peer sent: its answer to our
// close, or its own close (which we answer with the same code, RFC 6455
// §5.5.1); 1005 if its frame had no status. 1006 means no close handshake:
// TCP dropped, dial failed, a timeout. Messages arriving after Close are
// dropped, as the browser drops them (WHATWG WebSockets: "If ready state
// is not OPEN, then return").
//
// Failures the peer causes close the connection with the RFC 6455 code,
// then report onError and onClose with that code: a text message that is
// not UTF-8, 1007 (gorilla does not check; RFC 6455 §8.1 requires it;
// checked on the whole message, so a character split across fragments is
// fine); an invalid close code or other framing error, 1002; a message
// over ReadLimit, 1009. A close reason that is not UTF-8 is 1002, not
// 1007: §8.1 requires failing the connection, and §7.4.1 keeps 1007 for
// data "within a message", which a close frame's body is not (gorilla
// sends 1002 too; Autobahn's case 7.5.1 accepts either). A close frame
// with a 1-byte body and a 64-bit length with its top bit set are 1002;
// gorilla misreads both (as "no status" and as a read-limit error), so the
// runtime watches frame headers as gorilla reads them (framewatch.go).
// Over wss:// through an HTTP proxy gorilla does the TLS itself and the
// watch cannot see the frames: there those two come out as gorilla has
// them (onClose 1005 and 1009). internal/hostile's peer and
// runtime/hostile_test.go pin each case.
//
// # Memory
//
// An idle open task costs one goroutine (its reader, parked in a read) and
// about 13 KiB: gorilla's 4 KiB read buffer, the reader's stack, the
// connection's structures. Write buffers come from a pool shared by all
// tasks for the length of one message, instead of 4 KiB held per task. A
// received message is read into a buffer the task keeps between messages
// (up to 64 KiB); a binary message is copied out of it, once, for the
// handler to keep. bench/README.md has the measurements.
package tarort
