package tarort

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"
)

// maxRetainedReadBuffer bounds the read buffer a task keeps between
// messages; a larger message gets a buffer of its own, handed to the
// handler without a copy, so one big message does not pin memory for the
// task's lifetime.
const maxRetainedReadBuffer = 64 << 10

// writeBufferPool holds gorilla's write buffers between messages, so an
// idle task keeps none (gorilla otherwise gives each connection its own
// 4 KiB for its lifetime): idle memory per task is a budget (bench/README.md).
// The price is a sync.Pool Get and Put per message written.
var writeBufferPool sync.Pool

// errCloseBody is what the close handler returns for a close frame with a
// 1-byte body (see framewatch.go).
var errCloseBody = errors.New("close frame body of 1 byte")

// run is the task's reader goroutine: it has the dial done, then reads
// until the connection ends, and runs the handlers (see dispatch.go).
//
// The dial runs on a goroutine of its own that ends with it: the handshake
// (HTTP, maybe TLS) grows a stack to 8 KiB or more, which an idle reader
// would otherwise keep for the connection's lifetime. The reader is started
// by Connect, before any handshake runs, so the runtime's adaptive starting
// stack size (the average in use at the last GC, which a thousand
// concurrent handshakes inflate) does not give it a large stack either;
// it idles on 4 KiB.
func (s *Socket) run(ctx context.Context) {
	type dialed struct {
		conn *websocket.Conn
		resp *http.Response
		err  error
	}
	result := make(chan dialed, 1)
	go func() {
		conn, resp, err := s.dial(ctx)
		result <- dialed{conn, resp, err}
	}()
	d := <-result
	conn, resp, err := d.conn, d.resp, d.err
	if err != nil {
		failure := s.dialError(ctx, err, resp)
		s.cancelDial()
		s.finish(failure, websocket.CloseAbnormalClosure, "")
		return
	}
	s.cancelDial() // the Context bounds the dial only

	s.mu.Lock()
	if s.closeRequested {
		s.mu.Unlock()
		conn.Close()
		s.finish(Fail(s.api, ErrClosed, "closed before the connection was established"), websocket.CloseAbnormalClosure, "")
		return
	}
	s.conn = conn
	if s.cfg.readLimit > 0 {
		conn.SetReadLimit(s.cfg.readLimit)
	}
	conn.SetPingHandler(s.onPing)
	conn.SetPongHandler(s.onPong)
	conn.SetCloseHandler(s.onPeerClose)
	s.setState(Open)
	if s.cfg.pingInterval > 0 {
		s.pingTimer = time.AfterFunc(s.cfg.pingInterval, s.ping)
	}
	s.mu.Unlock()

	s.extendReadDeadline(true)
	header := make(map[string]string, len(resp.Header))
	for name, values := range resp.Header {
		header[name] = strings.Join(values, ", ")
	}
	s.emit(&event{kind: kindOpen, open: OpenEvent{Header: header}})
	s.extendReadDeadline(false)
	s.readLoop(conn)
}

func (s *Socket) dial(ctx context.Context) (*websocket.Conn, *http.Response, error) {
	var stopAfter func() bool
	dialTCP := func(dialCtx context.Context, network, addr string) (net.Conn, error) {
		var nd net.Dialer
		c, err := nd.DialContext(dialCtx, network, addr)
		if err != nil {
			return nil, err
		}
		if tcp, ok := c.(*net.TCPConn); ok && s.cfg.tcpNoDelay != nil {
			tcp.SetNoDelay(*s.cfg.tcpNoDelay) // nil keeps Go's default, no delay (see doc.go)
		}
		// gorilla honours a cancelled context only until TCP is up; this
		// makes a cancel (Close while CONNECTING, or the caller's Context)
		// abort the TLS and HTTP exchange as well. It closes rather than
		// setting a past deadline, which gorilla's own SetDeadline could
		// undo. ctx, not dialCtx: gorilla cancels dialCtx as soon as the
		// dial returns.
		stopAfter = context.AfterFunc(ctx, func() { c.Close() })
		return c, nil
	}
	d := websocket.Dialer{
		Proxy:            http.ProxyFromEnvironment, // as gorilla's DefaultDialer
		HandshakeTimeout: s.cfg.handshakeTimeout,
		Subprotocols:     s.cfg.protocols,
		TLSClientConfig:  s.cfg.tlsConfig,
		WriteBufferPool:  &writeBufferPool,
		// gorilla adds 14 bytes of frame header room to the write buffer;
		// 4096-14 makes the pooled buffers 4096 bytes, a size class of its
		// own, where gorilla's default 4096+14 rounds up to 4864.
		WriteBufferSize: 4096 - 14,
	}
	// The frame watch (framewatch.go) must see the bytes gorilla parses
	// frames from: the TCP stream for ws://, the decrypted stream for
	// wss://. For wss:// that means doing TLS here, as gorilla would;
	// gorilla v1.5.3 runs NetDialTLSContext to reach a proxy too, so
	// through an HTTP proxy wss:// keeps gorilla's own TLS and goes
	// unwatched (see doc.go).
	u, _ := url.Parse(s.cfg.url) // validated by Connect
	if u.Scheme == "ws" {
		d.NetDialContext = func(dialCtx context.Context, network, addr string) (net.Conn, error) {
			c, err := dialTCP(dialCtx, network, addr)
			if err != nil {
				return nil, err
			}
			s.watch = newFrameWatch(c)
			return s.watch, nil
		}
	} else if proxyURL, err := d.Proxy(&http.Request{URL: &url.URL{Scheme: "https", Host: u.Host}}); err == nil && proxyURL == nil {
		d.NetDialTLSContext = func(dialCtx context.Context, network, addr string) (net.Conn, error) {
			c, err := dialTCP(dialCtx, network, addr)
			if err != nil {
				return nil, err
			}
			tc, err := tlsHandshake(dialCtx, c, s.cfg.tlsConfig, u.Hostname())
			if err != nil {
				c.Close()
				return nil, err
			}
			s.watch = newFrameWatch(tc)
			return s.watch, nil
		}
	} else {
		d.NetDialContext = dialTCP
	}
	conn, resp, err := d.DialContext(ctx, s.cfg.url, s.cfg.header)
	if stopAfter != nil && !stopAfter() && err == nil {
		// Cancelled just as the handshake finished: the connection is (being)
		// closed, so treat it as cancelled.
		conn.Close()
		return nil, nil, context.Cause(ctx)
	}
	return conn, resp, err
}

// tlsHandshake is what gorilla does for wss:// when it dials itself:
// a copy of cfg with ServerName defaulting to the URL's host, the handshake
// bounded by ctx, and the host name verified.
func tlsHandshake(ctx context.Context, c net.Conn, cfg *tls.Config, host string) (*tls.Conn, error) {
	if cfg == nil {
		cfg = &tls.Config{}
	} else {
		cfg = cfg.Clone()
	}
	if cfg.ServerName == "" {
		cfg.ServerName = host
	}
	tc := tls.Client(c, cfg)
	if err := tc.HandshakeContext(ctx); err != nil {
		return nil, err
	}
	if !cfg.InsecureSkipVerify {
		if err := tc.VerifyHostname(cfg.ServerName); err != nil {
			return nil, err
		}
	}
	return tc, nil
}

func (s *Socket) dialError(ctx context.Context, err error, resp *http.Response) *Error {
	s.mu.Lock()
	closed := s.closeRequested
	s.mu.Unlock()
	switch {
	case closed:
		return Fail(s.api, ErrClosed, "closed before the connection was established")
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return failCause(s.api, ctx.Err(), "dial: "+ctx.Err().Error(), ErrHandshake, ErrTimeout)
	case ctx.Err() != nil:
		return failCause(s.api, ctx.Err(), "dial: "+ctx.Err().Error(), ErrHandshake)
	case errors.Is(err, websocket.ErrBadHandshake) && resp != nil && resp.StatusCode != http.StatusSwitchingProtocols:
		return failCause(s.api, err, "handshake refused: HTTP "+resp.Status, ErrHandshake)
	case errors.Is(err, websocket.ErrBadHandshake):
		return failCause(s.api, err, "handshake failed: invalid upgrade response", ErrHandshake)
	case isTimeout(err):
		return failCause(s.api, err, fmt.Sprintf("handshake timed out after %v: %v", s.cfg.handshakeTimeout, err), ErrHandshake, ErrTimeout)
	}
	return failCause(s.api, err, err.Error(), ErrHandshake)
}

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
