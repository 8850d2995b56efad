// Package tarort is the hand-written WebSocket runtime behind tarogen's
// generated bindings for Taro's WebSocket family: connectSocket,
// SocketTask (send, close, onOpen, onMessage, onError, onClose),
// sendSocketMessage, closeSocket and onSocketOpen/Message/Error/Close.
//
// tarogen reads Taro's API doc pages and generates typed Go wrappers; those
// wrappers translate option objects and success/fail/complete callbacks and
// call this package, which owns every connection. Generated code references
// SupportPackageIsVersion1, so it does not compile against an incompatible
// runtime. The client is gorilla/websocket; this package adds Taro's task
// model and the semantics below. Built for js/wasm, the generated code
// calls the host's Taro API instead, through this package's js half (see
// js/wasm at the end). Where Taro's runtimes, WeChat's documents
// and the WebSocket standards disagree or say nothing, each section says
// what was chosen and from which source.
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
// what happens on the connection is reported through onError, whose
// ErrorEvent carries the same *Error in Err beside the errMsg (the
// generated onError and onSocketError results have it as their Err field),
// so errors.Is and errors.As work on asynchronous failures too.
//
// Success errMsgs are "<api>:ok", except that SocketTask.send succeeds with
// "sendSocketMessage:ok" and SocketTask.close with "closeSocket:ok": that
// is what Taro's own SocketTask reports, in its H5 runtime
// (packages/taro-h5/src/api/network/websocket/socketTask.ts: send resolves
// { errMsg: 'sendSocketMessage:ok' }, close { errMsg: 'closeSocket:ok' })
// and its React Native runtime
// (packages/taro-rn/src/lib/connectSocket/socketTask.ts, the same strings).
// On the mini-program platforms Taro hands the host's own SocketTask
// through, and WeChat's documentation gives no success errMsg for it, so
// Taro's runtimes are the only source. A failure keeps the method's name,
// as Taro H5's does: "SocketTask.send:fail SocketTask.readyState is
// CLOSED, not OPEN". The global functions report their own names
// (sendSocketMessage:ok, closeSocket:ok).
//
// # Connect
//
// Connect validates the options and returns the task at once in CONNECTING
// (readyState 0); the dial runs in the background. The task becomes
// Latest, which the global APIs act on. Its ID is a process-wide counter
// from 1 (Taro H5's socketTaskId). Validation:
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
//     onError (ErrTimeout), onClose 1006. Detection may come up to 1/16 of
//     that window early.
//   - CloseTimeout 5s: after our close frame, how long to wait for the
//     peer's before cutting TCP (onError ErrTimeout, onClose 1006).
//   - ReadLimit 16 MiB: a larger message is refused with close 1009,
//     onError (ErrTooLarge), onClose 1009. Browsers have no limit; gorilla
//     has none by default; Node's ws uses 100 MiB. 16 MiB bounds the
//     memory one peer can make a task allocate.
//   - MaxPendingMessages 256: see Parking below.
//   - TLSConfig nil: Go's default, verifying against the system roots.
//
// # Events and handlers
//
// The states are CONNECTING, OPEN, CLOSING, CLOSED (the browser's
// readyState). Events arrive in the order open, messages, at most one
// error, close; onClose runs exactly once. Handlers may call Send, Close
// and On* on their own task: Close from a handler sends the close frame,
// moves to CLOSING and returns; the handshake finishes in the background.
//
// Registering replaces: onOpen(f) then onOpen(g) runs only g. Taro's H5
// runtime assigns this.ws.onopen = func (packages/taro-h5 SocketTask), so
// the last registration wins there; WeChat's documentation does not say.
// A nil handler discards events of its kind.
//
// # Global listeners
//
// onSocketOpen, onSocketMessage, onSocketError and onSocketClose
// (OnGlobalOpen…) follow the latest task: they get the events of the task
// Connect created last, from the moment it is created, and no longer those
// of the task that was latest before. A global listener set before
// connectSocket, as WeChat's examples do, applies to the task it creates.
// The source is WeChat's: the wx.* socket APIs were designed for a single
// connection ("1.7.0 以下版本，一个小程序同时只能有一个 WebSocket 连接，如果
// 当前已存在一个 WebSocket 连接，会自动关闭该连接，并重新创建一个 WebSocket
// 连接", wx.connectSocket, 并发数), which makes the newest connection the
// only one they can speak for; sendSocketMessage "需要先 wx.connectSocket，
// 并在 wx.onSocketOpen 回调之后才能发送" ties them to the connection
// wx.connectSocket made; and every wx.onSocket* page warns that with
// several connections "使用 wx 前缀的方法可能会带来一些和预期不一致的情况"
// and recommends SocketTask. WeChat does not document more than that; a
// rule that lets an older task's events reach the listeners would mix two
// connections' streams in one handler.
//
// A global listener and the task's own handler are two independent
// subscribers (in WeChat, wx.onSocketOpen and SocketTask.onOpen both fire):
// each gets every event of its kind, the global listener first. A global
// listener never costs the task's handler an event: what the task's
// handler has not yet been registered for is parked for it (below), even
// while a global listener takes the same events.
//
// # Parking
//
// A handler registered right after Connect returns must not miss the open
// event or the first messages, although the reader may have them already.
// So an event that a subscriber has no handler for yet is parked for it,
// never dropped, and delivered in order as soon as the subscriber
// registers a handler of its kind: by the registering call before it
// returns, or, when a handler of the task is running (the registration may
// come from inside it), right after that handler returns; never
// concurrently with another handler of the task. Events of kinds that have handlers keep flowing meanwhile. Open,
// error and close are sticky: a late onClose still gets the close, once.
//
// For the task's own handlers every event is parked. For the global
// listeners an event is parked only while the task has no handler of its
// kind either (whoever registers first gets it: a program written for the
// 1.x APIs sets onSocketOpen right after connectSocket); once the task's
// handler has taken it, a global listener set later does not get it.
//
// At most MaxPendingMessages messages are parked for the task's handler.
// When nobody takes them the reader then stops reading, and the peer feels
// TCP backpressure. When a global listener takes every message (a 1.x
// program may never register on its task), the parked messages are
// dropped instead, so that the global listener is never stalled, and the
// task's handler, if it registers later, gets the messages from then on.
//
// Handler panics are not recovered: they crash the program, like a panic
// in any goroutine, unless they happen on a goroutine that recovers them
// (a registering call that runs parked events runs them on the caller's
// goroutine); Go programs should not hide bugs behind an onError event.
// The task stays usable after a recovered panic.
//
// # Sending
//
// Send fails unless the task is OPEN: ErrNotOpen in CONNECTING, ErrClosed
// from CLOSING on, with errMsg "<api>:fail SocketTask.readyState is
// CONNECTING, not OPEN" (Taro H5 says "SocketTask.readState is not OPEN").
// Text must be UTF-8 (RFC 6455 §5.6), or Send fails and sends nothing.
// Messages sent from one goroutine keep their order.
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
// not UTF-8, 1007 (RFC 6455 §8.1; checked on the whole message, so a
// character split across fragments is fine); an invalid close code or
// other framing error, 1002; a message over ReadLimit, 1009. A close
// reason that is not UTF-8 is 1002, not 1007: §8.1 requires failing the
// connection, and §7.4.1 keeps 1007 for data "within a message", which a
// close frame's body is not (Autobahn's case 7.5.1 accepts either). A close
// frame with a 1-byte body and a 64-bit length with its top bit set are
// 1002 too, except over wss:// through an HTTP proxy, where they come out
// as onClose 1005 and 1009 (gorilla does the TLS there, and the runtime
// cannot see the frames to correct gorilla's reading of them).
//
// # Concurrency
//
// All methods of a Socket, and the global functions, are safe for
// concurrent use, including from inside the task's own handlers. A task's
// handlers (its own and the global listeners' for it) run one at a time,
// never concurrently with each other.
//
// Goroutines. Each task has one goroutine for its lifetime, its reader: it
// waits for the dial, reads every frame, answers pings, and runs the
// handlers, normally itself, so an idle open task costs one goroutine and
// a message reaches its handler with no handoff. The dial runs on a
// goroutine of its own that ends with the handshake and hands the
// connection to the reader over a channel. Pings and the close timeout run
// on time.AfterFunc timers. A call that registers a handler runs the events
// parked for it on the calling goroutine, while the reader waits. Send and
// Close write on the caller's goroutine.
//
// Ownership and locks. The task's mutex (mu) guards the connection handle,
// the close bookkeeping (close requested while connecting, close frame
// sent, the cause of an abort), the ping and close timers, and the
// handlers with their parked events and the flag that says some goroutine
// is running them; a condition variable on mu is where the reader waits
// for that goroutine, or for room among the parked messages. The ready
// state is atomic, written under mu and read without it. A second mutex
// serialises data frames (gorilla allows one writer; control frames may be
// written alongside). A third guards the errMsg of the last call. The read
// buffer, the read deadline's bookkeeping and the frame watch belong to
// the reader goroutine alone. The global listeners are one value swapped
// atomically (setters are serialised by a mutex), and Latest is an atomic
// pointer; the global listeners are looked up on each delivery.
//
// Blocking. Handlers run without any lock held. A slow handler delays the
// task's other events and, through the reader, the reading of its
// connection (TCP backpressure), never other tasks. Send, and Close (which
// writes the close frame), block at most WriteTimeout; neither waits for
// the peer's answer. The On* registrations and the global setters never
// wait for the network (a registration that runs parked events waits for
// those handlers).
//
// # Memory
//
// An idle open task costs one goroutine (its reader, parked in a read) and
// about 13-16 KiB: gorilla's 4 KiB read buffer, the reader's stack, the
// connection's structures; write buffers are shared by all tasks rather
// than held per task. A binary message is copied once for its handler,
// which may keep it; with a global listener too, each subscriber gets a
// copy of its own. bench/README.md has the measurements.
//
// # js/wasm
//
// Built with GOOS=js GOARCH=wasm, none of the above runs and gorilla is
// not linked: every generated API calls the host's method of the same name
// (host.connectSocket(options), host.request(options), task.send(options)
// …) through the js half of this package: Host and SetHost find the host,
// Call makes a call, Wrap and Events hold class instances and their
// events, and small helpers convert values. The generated package's
// exported API is the same as natively.
//
// The host is globalThis.Taro. A Taro app adds one line before it starts
// the Go program:
//
//	globalThis.Taro = Taro // import Taro from '@tarojs/taro'
//
// (a page that bundles @tarojs/taro-h5 by itself sets globalThis.Taro to
// the package's default export merged with its named exports, which hold
// the API functions). Go code may call SetHost instead. In a build for a
// mini-program (tags taro_weapp, taro_alipay, taro_swan, taro_tt, taro_qq,
// taro_jd) with no globalThis.Taro, the host is the platform's own global
// (wx, my, swan, tt, qq, jd), whose API Taro's follows. That
// fallback is allowed on purpose: Taro's mini-program layer resolves
// connectSocket's Promise only after wx's success callback, so an event wx
// fires before then is gone before any listener exists, while
// wx.connectSocket returns the task at once and the binding listens to all
// its events immediately; SetHost(js.Global().Get("wx")) chooses it even
// where globalThis.Taro is set. With no host, every call fails with
// "<api>:fail no Taro host: …" (ErrNoHost), never a panic.
//
// Calls: the option struct becomes a JavaScript object keyed by Taro's
// field names, unset optional fields left out; []byte is copied into an
// ArrayBuffer. success, fail and complete are small JavaScript functions
// that record their argument in the call's state, so a host that calls
// back at once (Taro H5's send) costs no wake-up of the Go program; only a
// call that must wait gets a js.Func to wake it, released before the call
// returns. The calling goroutine waits for the outcome (success or fail;
// a returned Promise settling when its value is the result, as
// connectSocket's task), then runs the option's Go callbacks and returns,
// as natively: one outcome, reported in Taro's order through the callbacks
// and the returned error. JavaScript callbacks
// never wait; but a Go call made from inside your own js.FuncOf callback
// would, and deadlock: call from a goroutine (generated handlers run on
// one).
//
// Events keep the native guarantees: a JavaScript listener only converts
// (copies) its argument and queues it; a task's handlers run in order, one
// at a time, on a goroutine, and may block (open a second socket and wait
// for its echo); an instance's listeners are registered when it is
// wrapped, so an event fired before a Go handler exists is held, up to
// MaxParkedEvents, and delivered when the handler is registered; onClose
// runs once. Binary messages arrive as []byte also where Taro H5 hands
// over a Blob (its default binaryType): the Blob is read first, in order.
//
// Errors: a host failure ({errMsg}, a rejected Promise, an exception)
// becomes an *Error whose Error() is the host's errMsg unchanged, with the
// sentinel its wording matches (ErrNotOpen, ErrInvalidOption, ErrTimeout,
// ErrNotSupported, ErrAbnormalClosure, ErrClosed), else ErrHost.
//
// What the host does is what Go sees: Taro H5 ignores header (browsers
// cannot set WebSocket headers), gives onOpen no header, reports a close
// the server started as 1006 and the code given to close as onClose's. Of
// ConnectConfig only the Taro fields reach the host; the Go-only knobs are
// accepted and ignored, and there is no TLSConfig (the host does TLS).
//
// A limit: the js half builds three small JavaScript helpers (the call
// recorder, the Blob reader, the listener guard) with the Function
// constructor when the package starts. Browsers, Node and Taro H5 allow
// that; WeChat's and Douyin's mini-program runtimes forbid dynamic code
// ("不支持使用 new Function 创建函数", WeChat's JavaScript support page), so
// this backend is proven under Taro H5 and under Taro's weapp layer in
// Node, not yet on a real mini-program device.
package tarort
