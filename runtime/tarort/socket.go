//go:build !js

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

// Socket is a SocketTask: one WebSocket client connection. All methods are
// safe for concurrent use, including from inside the task's own handlers.
type Socket struct {
	id  int64
	api string // the API that created the task ("connectSocket"): lifecycle errMsgs use it
	cfg *settings

	state atomic.Int32 // Connecting..Closed; written under mu, read without it

	mu             sync.Mutex
	cond           sync.Cond       // on mu: the reader waits in emit for a dispatcher to finish, or for parked room
	conn           *websocket.Conn // set once, by the reader, before the state becomes Open
	closeRequested bool            // Close during CONNECTING
	closeSent      bool            // a close frame went out (ours or the echo of the peer's)
	abortCause     *Error          // set by whoever cut the TCP connection from outside the reader
	pingTimer      *time.Timer
	closeTimer     *time.Timer
	dispatcher     // handlers and parked events (dispatch.go)

	writeMu sync.Mutex // one data frame writer at a time: gorilla allows a single concurrent writer

	resMu  sync.Mutex
	resAPI string // last call's API; with resErr == nil its errMsg is OKMsg(resAPI)
	resErr *Error

	cancelDial context.CancelFunc // set by Connect; safe to call from anywhere, any number of times
	window     time.Duration      // PingInterval+PongTimeout, 0 when liveness is off; set by Connect

	// Owned by the reader goroutine: only it reads or writes these.
	readBuf    []byte
	probe      [1]byte     // readMessage's look past a full buffer
	watch      *frameWatch // nil when gorilla does TLS itself (wss:// through a proxy); received from the dial goroutine
	extendedAt time.Time   // when the read deadline was last pushed back
}

// Connect validates cfg, returning an *Error and no task if it is invalid.
// Otherwise it returns the task at once in CONNECTING, dials in the
// background, and makes it Latest: from then on the global listeners get
// its events, and no longer those of the task that was Latest before.
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
