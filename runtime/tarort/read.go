//go:build !js

package tarort

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"
)

// Reading: the reader goroutine's loop, the peer's control frames, and how
// the connection ends.

// maxRetainedReadBuffer bounds the read buffer a task keeps between
// messages; a larger message gets a buffer of its own, handed to the
// handler without a copy, so one big message does not pin memory for the
// task's lifetime.
const maxRetainedReadBuffer = 64 << 10

// errCloseBody is what the close handler returns for a close frame with a
// 1-byte body (see framewatch.go).
var errCloseBody = errors.New("close frame body of 1 byte")

func (s *Socket) readLoop(conn *websocket.Conn) {
	for {
		typ, r, err := conn.NextReader()
		if err != nil {
			s.readFailed(err)
			return
		}
		data, retained, err := s.readMessage(r)
		if err != nil {
			s.readFailed(err)
			return
		}
		ev := event{kind: kindMessage}
		if typ == websocket.TextMessage {
			// gorilla does not check; RFC 6455 §8.1 requires failing with 1007.
			if !utf8.Valid(data) {
				s.failProtocol(websocket.CloseInvalidFramePayloadData, "invalid UTF-8 in text message")
				return
			}
			ev.msg.Text = string(data)
		} else {
			ev.msg.Binary = true
			if retained {
				ev.msg.Data = make([]byte, len(data))
				copy(ev.msg.Data, data)
			} else {
				ev.msg.Data = data
			}
		}
		waited := s.emit(&ev)
		s.extendReadDeadline(waited)
	}
}

// readMessage reads r into the task's read buffer. retained reports whether
// the returned bytes are that buffer (and must be copied before they leave
// the reader) or a buffer of their own.
func (s *Socket) readMessage(r io.Reader) (data []byte, retained bool, err error) {
	buf := s.readBuf[:0]
	if cap(buf) == 0 {
		buf = make([]byte, 0, 512)
	}
	for {
		if len(buf) == cap(buf) {
			// Full: the message may be exactly this long (a power of two
			// often is). Probe one byte before doubling, so that such a
			// message neither doubles the buffer for nothing nor, past
			// maxRetainedReadBuffer, loses it and regrows it every time.
			probe := s.probe[:] // a field: a local would escape through r.Read
			n, err := r.Read(probe)
			if n == 0 && err == io.EOF {
				break
			}
			if err != nil && err != io.EOF {
				return nil, false, err
			}
			grown := make([]byte, len(buf), 2*cap(buf))
			copy(grown, buf)
			buf = append(grown, probe[:n]...)
			if err == io.EOF {
				break
			}
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false, err
		}
	}
	if cap(buf) <= maxRetainedReadBuffer {
		s.readBuf = buf
		return buf, true, nil
	}
	return buf[:len(buf):len(buf)], false, nil
}

// extendReadDeadline pushes the read deadline to now+window. Any frame
// counts as life; to keep the per-message cost down the deadline is moved
// only when it is more than window/16 old, unless force (after a wait that
// may have let it pass).
func (s *Socket) extendReadDeadline(force bool) {
	if s.window <= 0 {
		return
	}
	now := time.Now()
	if !force && now.Sub(s.extendedAt) < s.window/16 {
		return
	}
	s.extendedAt = now
	s.conn.SetReadDeadline(now.Add(s.window))
}

// onPing answers a ping, as gorilla's default handler does, and counts it
// as life. It runs on the reader goroutine.
func (s *Socket) onPing(appData string) error {
	s.extendReadDeadline(false)
	// An error is not fatal here: a broken connection shows up on the next
	// read, and ErrCloseSent just means we are closing.
	s.conn.WriteControl(websocket.PongMessage, []byte(appData), s.writeDeadline())
	return nil
}

func (s *Socket) onPong(string) error {
	s.extendReadDeadline(false)
	return nil
}

// onPeerClose replaces gorilla's close handler: it answers the peer's close
// frame with the same code (RFC 6455 §5.5.1: the endpoint "typically echos
// the status code it received"; no status is answered with no status),
// unless we sent ours already. gorilla then returns the peer's
// *websocket.CloseError from NextReader.
func (s *Socket) onPeerClose(code int, _ string) error {
	if s.watch != nil && s.watch.badCloseBody {
		// gorilla reads a 1-byte body as "no status"; RFC 6455 §5.5.1 says
		// a body starts with a 2-byte code. Returning an error makes
		// NextReader return it; readFailed fails the connection with 1002.
		return errCloseBody
	}
	s.mu.Lock()
	echo := !s.closeSent
	s.closeSent = true
	if s.state.Load() == Open {
		s.setState(Closing)
	}
	s.stopPingLocked()
	s.mu.Unlock()
	if echo {
		s.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, ""), s.writeDeadline())
	}
	return nil
}

// failProtocol fails the connection for a violation gorilla does not catch:
// close frame with code, then TCP close, onError, onClose with code.
func (s *Socket) failProtocol(code int, reason string) {
	s.mu.Lock()
	send := !s.closeSent
	s.closeSent = true
	s.mu.Unlock()
	if send {
		s.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), s.writeDeadline())
	}
	s.finish(Fail(s.api, ErrProtocol, reason), code, reason)
}

// readFailed turns the reader's terminal error into onError/onClose.
func (s *Socket) readFailed(err error) {
	s.mu.Lock()
	cause := s.abortCause
	s.mu.Unlock()

	var ce *websocket.CloseError
	var ne net.Error
	switch {
	case errors.As(err, &ce) && ce.Code != websocket.CloseAbnormalClosure:
		s.finish(nil, ce.Code, ce.Text) // the peer's close frame: a clean close
	case cause != nil:
		s.finish(cause, websocket.CloseAbnormalClosure, "")
	case errors.Is(err, errCloseBody):
		s.failProtocol(websocket.CloseProtocolError, errCloseBody.Error())
	case errors.Is(err, websocket.ErrReadLimit) && s.watch != nil && s.watch.badLength:
		// gorilla reports a 64-bit length with its top bit set as
		// ErrReadLimit, and sends nothing: it is a framing error (§5.2).
		s.failProtocol(websocket.CloseProtocolError, "invalid frame length: most significant bit set")
	case errors.Is(err, websocket.ErrReadLimit):
		// gorilla has sent close 1009 (without a reason), except when the
		// lengths of a message's frames overflow an int64; then this sends
		// it, and otherwise gorilla refuses a second close frame.
		s.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseMessageTooBig, ""), s.writeDeadline())
		s.finish(failCause(s.api, err, fmt.Sprintf("message exceeds the read limit of %d bytes", s.cfg.readLimit), ErrTooLarge),
			websocket.CloseMessageTooBig, "")
	case errors.As(err, &ne) && ne.Timeout():
		s.finish(failCause(s.api, err, fmt.Sprintf("no frame from the peer within %v (PingInterval+PongTimeout)", s.window), ErrTimeout),
			websocket.CloseAbnormalClosure, "")
	case ce == nil && ne == nil && strings.HasPrefix(err.Error(), "websocket: "):
		// gorilla's protocol errors are plain errors.New("websocket: ...")
		// and gorilla has sent close 1002 with the same text already.
		reason := strings.TrimPrefix(err.Error(), "websocket: ")
		if len(reason) > 123 {
			reason = reason[:123]
		}
		s.finish(failCause(s.api, err, "protocol error: "+reason, ErrProtocol), websocket.CloseProtocolError, reason)
	default:
		detail := err.Error()
		if ce != nil && ce.Text != "" {
			// gorilla's "websocket: close 1006 (abnormal closure): unexpected
			// EOF" says 1006 twice; the cause alone reads better.
			detail = ce.Text
		}
		s.finish(failCause(s.api, err, "connection closed abnormally: "+detail, ErrAbnormalClosure),
			websocket.CloseAbnormalClosure, "")
	}
}

// finish ends the task: CLOSED, timers stopped, TCP closed, then onError
// (if failure != nil) and onClose. As in the browser, readyState is already
// CLOSED when they run.
func (s *Socket) finish(failure *Error, code int, reason string) {
	s.mu.Lock()
	s.setState(Closed)
	s.stopPingLocked()
	if s.closeTimer != nil {
		s.closeTimer.Stop()
		s.closeTimer = nil
	}
	conn := s.conn
	s.mu.Unlock()
	if conn != nil {
		conn.Close()
	}
	s.readBuf = nil
	if failure != nil {
		s.emit(&event{kind: kindError, err: ErrorEvent{ErrMsg: failure.Error(), Err: failure}})
	}
	s.emit(&event{kind: kindClose, close: CloseEvent{Code: code, Reason: reason}})
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
