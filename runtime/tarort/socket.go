package tarort

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"
)

// Ready states, as SocketTask.readyState and the browser's WebSocket number
// them.
const (
	Connecting = 0
	Open       = 1
	Closing    = 2
	Closed     = 3
)

var stateNames = [...]string{"CONNECTING", "OPEN", "CLOSING", "CLOSED"}

// OpenEvent is onOpen's argument.
type OpenEvent struct {
	Header map[string]string // handshake response header: {"Sec-Websocket-Protocol": "chat"}; repeated fields joined by ", "
}

// MessageEvent is onMessage's argument: Text for a text message, Data for a
// binary one. Data belongs to the handler, which may keep it.
type MessageEvent struct {
	Binary bool
	Text   string
	Data   []byte
}

// ErrorEvent is onError's argument.
type ErrorEvent struct {
	ErrMsg string // "connectSocket:fail handshake refused: HTTP 403 Forbidden"
	Err    error  // the *Error behind ErrMsg
}

// CloseEvent is onClose's argument.
type CloseEvent struct {
	Code   int    // as the peer sent it; 1005 if it sent none; 1006 if there was no close handshake
	Reason string // as the peer sent it
}

var (
	lastID atomic.Int64
	latest atomic.Pointer[Socket]
)

// Latest returns the task most recently created by Connect, or nil. The
// global APIs (sendSocketMessage, onSocketOpen, closeSocket...) act on it,
// as WeChat's do since base library 1.7.0 allowed several sockets.
func Latest() *Socket { return latest.Load() }

// Socket is a SocketTask: one WebSocket client connection. All methods are
// safe for concurrent use, including from inside the task's own handlers.
type Socket struct {
	id  int64
	api string // the API that created the task ("connectSocket"): lifecycle errMsgs use it
	cfg *settings

	state atomic.Int32 // Connecting..Closed; changed under mu, read without it

	mu             sync.Mutex
	cond           sync.Cond // on mu: reader waits for a dispatcher, or for parked room
	conn           *websocket.Conn
	cancelDial     context.CancelFunc
	closeRequested bool   // Close during CONNECTING
	closeSent      bool   // a close frame went out (ours or the echo of the peer's)
	abortCause     *Error // set by whoever cut the TCP connection from outside the reader
	pingTimer      *time.Timer
	closeTimer     *time.Timer
	dispatcher     // handlers and parked events, guarded by mu

	writeMu sync.Mutex // one writer at a time: gorilla allows a single concurrent writer

	resMu  sync.Mutex
	resAPI string // last call's API; with resErr == nil its errMsg is resAPI+":ok"
	resErr *Error

	// Owned by the reader goroutine.
	readBuf    []byte
	probe      [1]byte       // readMessage's look past a full buffer
	watch      *frameWatch   // nil when gorilla does TLS itself (wss:// through a proxy)
	window     time.Duration // PingInterval+PongTimeout, 0 when liveness is off
	extendedAt time.Time     // when the read deadline was last pushed back
}

// Connect validates cfg, returning an *Error and no task if it is invalid.
// Otherwise it returns the task at once in CONNECTING, dials in the
// background (the task's reader goroutine), and makes it Latest.
func Connect(api string, cfg ConnectConfig) (*Socket, error) {
	st, ferr := cfg.validate(api)
	if ferr != nil {
		return nil, ferr
	}
	s := &Socket{id: lastID.Add(1), api: api, cfg: st, resAPI: api}
	s.cond.L = &s.mu
	s.dispatcher.maxParked = st.maxPendingMessages
	if st.pingInterval > 0 && st.pongTimeout > 0 {
		s.window = st.pingInterval + st.pongTimeout
	}
	ctx, cancel := context.WithCancel(st.ctx)
	s.cancelDial = cancel
	latest.Store(s)
	applyGlobal(s)
	go s.run(ctx)
	return s, nil
}

// ID returns the task's socketTaskId, unique in the process, from 1.
func (s *Socket) ID() int64 { return s.id }

// ReadyState returns Connecting, Open, Closing or Closed.
func (s *Socket) ReadyState() int { return int(s.state.Load()) }

// ErrMsg returns the errMsg of the last call on the task (Connect, Send,
// Close): "connectSocket:ok", "SocketTask.send:fail ...". Failures reported
// through onError do not change it.
func (s *Socket) ErrMsg() string {
	s.resMu.Lock()
	defer s.resMu.Unlock()
	if s.resErr != nil {
		return s.resErr.Error()
	}
	return OKMsg(s.resAPI)
}

func (s *Socket) setResult(api string, err *Error) {
	s.resMu.Lock()
	s.resAPI, s.resErr = api, err
	s.resMu.Unlock()
}

func (s *Socket) setState(st int) { s.state.Store(int32(st)) }

// Send writes one message: text (which must be UTF-8, RFC 6455 §5.6) unless
// binary. It fails unless the task is OPEN, and nothing is sent then. It may
// be called from many goroutines: writes are serialised, so messages from
// one goroutine keep their order. A write that does not finish within
// WriteTimeout fails with ErrTimeout and fails the connection (onError,
// onClose 1006), since a half-written frame cannot be recovered.
func (s *Socket) Send(api string, binary bool, data []byte) error {
	if err := s.send(api, binary, data); err != nil {
		s.setResult(api, err)
		return err
	}
	s.setResult(api, nil)
	return nil
}

func (s *Socket) send(api string, binary bool, data []byte) *Error {
	switch st := s.state.Load(); st {
	case Connecting:
		// Taro H5: "SocketTask.send:fail SocketTask.readState is not OPEN".
		return Fail(api, ErrNotOpen, "SocketTask.readyState is CONNECTING, not OPEN")
	case Closing, Closed:
		return Fail(api, ErrClosed, "SocketTask.readyState is "+stateNames[st]+", not OPEN")
	}
	typ := websocket.BinaryMessage
	if !binary {
		typ = websocket.TextMessage
		if !utf8.Valid(data) {
			return Fail(api, ErrInvalidOption, "text data is not valid UTF-8")
		}
	}
	conn := s.conn // set before the state became Open
	s.writeMu.Lock()
	conn.SetWriteDeadline(s.writeDeadline())
	err := conn.WriteMessage(typ, data)
	s.writeMu.Unlock()
	if err == nil {
		return nil
	}
	if errors.Is(err, websocket.ErrCloseSent) || s.state.Load() >= Closing {
		return Fail(api, ErrClosed, "SocketTask.readyState is "+stateNames[s.state.Load()]+", not OPEN")
	}
	var sentinels []error
	var reason string
	if isTimeout(err) {
		sentinels = []error{ErrTimeout}
		reason = fmt.Sprintf("write timed out after %v: the peer is not reading", s.cfg.writeTimeout)
	} else {
		sentinels = []error{ErrAbnormalClosure}
		reason = "write failed: " + err.Error()
	}
	s.abort(failCause(s.api, err, reason, sentinels...))
	return failCause(api, err, reason, sentinels...)
}

func (s *Socket) writeDeadline() time.Time {
	if s.cfg.writeTimeout <= 0 {
		return time.Time{}
	}
	return time.Now().Add(s.cfg.writeTimeout)
}

// validateClose applies RFC 6455 §7.4 and the WebSocket API's close() rules
// (WHATWG: code 1000 or 3000-4999; reason at most 123 bytes of UTF-8, so
// that it fits a 125-byte control frame with the code).
func validateClose(api string, code int, hasCode bool, reason string) *Error {
	if hasCode && code != websocket.CloseNormalClosure && (code < 3000 || code > 4999) {
		return Fail(api, ErrInvalidOption, fmt.Sprintf("invalid close code %d: must be 1000 or 3000-4999", code))
	}
	if !utf8.ValidString(reason) {
		return Fail(api, ErrInvalidOption, "reason is not valid UTF-8")
	}
	if len(reason) > 123 {
		return Fail(api, ErrInvalidOption, fmt.Sprintf("reason is %d bytes: must be at most 123 bytes of UTF-8", len(reason)))
	}
	return nil
}

// Close starts the closing handshake with code (1000 when !hasCode, as
// WeChat documents) and reason, and returns without waiting for the peer:
// onClose reports the peer's answer, or 1006 if none comes within
// CloseTimeout. Invalid arguments fail and send nothing. Closing a task
// that is already CLOSING or CLOSED does nothing and succeeds. Closing a
// CONNECTING task abandons the dial: onError, then onClose 1006 (as the
// browser's close() does before the connection is established).
func (s *Socket) Close(api string, code int, hasCode bool, reason string) error {
	if ferr := validateClose(api, code, hasCode, reason); ferr != nil {
		s.setResult(api, ferr)
		return ferr
	}
	if !hasCode {
		code = websocket.CloseNormalClosure
	}
	s.setResult(api, nil)

	s.mu.Lock()
	switch s.state.Load() {
	case Connecting:
		s.closeRequested = true
		s.setState(Closing)
		s.mu.Unlock()
		s.cancelDial()
		return nil
	case Closing, Closed:
		s.mu.Unlock()
		return nil
	}
	s.setState(Closing)
	s.closeSent = true
	s.stopPingLocked()
	if t := s.cfg.closeTimeout; t > 0 {
		s.closeTimer = time.AfterFunc(t, func() {
			s.abort(Fail(s.api, ErrTimeout, fmt.Sprintf("peer did not answer the close frame within %v", t)))
		})
	}
	s.cond.Broadcast() // a reader parked on MaxPendingMessages resumes, to see the peer's close
	conn := s.conn
	s.mu.Unlock()

	if err := conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), s.writeDeadline()); err != nil {
		s.abort(failCause(s.api, err, "close frame not sent: "+err.Error(), ErrAbnormalClosure))
	}
	return nil
}

// abort cuts the TCP connection from outside the reader goroutine; the
// reader's pending read then fails and it reports cause (onError, onClose
// 1006).
func (s *Socket) abort(cause *Error) {
	s.mu.Lock()
	if s.abortCause == nil && s.state.Load() != Closed {
		s.abortCause = cause
	}
	conn := s.conn
	s.mu.Unlock()
	if conn != nil {
		conn.Close()
	}
}

func (s *Socket) stopPingLocked() {
	if s.pingTimer != nil {
		s.pingTimer.Stop()
		s.pingTimer = nil
	}
}

// ping runs on the ping timer's goroutine (time.AfterFunc), so an idle task
// costs no goroutine besides its reader.
func (s *Socket) ping() {
	s.mu.Lock()
	if s.pingTimer == nil || s.state.Load() != Open {
		s.mu.Unlock()
		return
	}
	s.pingTimer.Reset(s.cfg.pingInterval)
	conn := s.conn
	s.mu.Unlock()
	// WriteControl may run concurrently with Send's WriteMessage (gorilla
	// documents it). A failure needs no handling here: the peer will not
	// answer, and the read deadline reports it.
	conn.WriteControl(websocket.PingMessage, nil, s.writeDeadline())
}

// OnOpen sets the open handler, replacing any earlier one (Taro H5 assigns
// ws.onopen, so the last registration wins). A nil handler discards the
// event. See the package doc for parked events.
func (s *Socket) OnOpen(h func(OpenEvent)) {
	s.mu.Lock()
	s.onOpen = h
	s.registerLocked(kindOpen)
}

// OnMessage sets the message handler, replacing any earlier one.
func (s *Socket) OnMessage(h func(MessageEvent)) {
	s.mu.Lock()
	s.onMessage = h
	s.registerLocked(kindMessage)
}

// OnError sets the error handler, replacing any earlier one.
func (s *Socket) OnError(h func(ErrorEvent)) {
	s.mu.Lock()
	s.onError = h
	s.registerLocked(kindError)
}

// OnClose sets the close handler, replacing any earlier one.
func (s *Socket) OnClose(h func(CloseEvent)) {
	s.mu.Lock()
	s.onClose = h
	s.registerLocked(kindClose)
}
