//go:build !js

package tarort

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Establishing the connection: the dial, TLS, the handshake, and the move
// to OPEN.

// writeBufferPool holds gorilla's write buffers between messages, so an
// idle task keeps none (gorilla otherwise gives each connection its own
// 4 KiB for its lifetime): idle memory per task is a budget (bench/README.md).
// The price is a sync.Pool Get and Put per message written.
var writeBufferPool sync.Pool

// dialed is what the dial goroutine hands the reader.
type dialed struct {
	conn  *websocket.Conn
	resp  *http.Response
	watch *frameWatch
	err   error
}

// run is the task's reader goroutine: it waits for the dial, opens the
// task, then reads until the connection ends (read.go), running the
// handlers (dispatch.go).
//
// The dial runs on a goroutine of its own that ends with it: the handshake
// (HTTP, maybe TLS) grows a stack to 8 KiB or more, which an idle reader
// would otherwise keep for the connection's lifetime. The reader is started
// by Connect, before any handshake runs, so the runtime's adaptive starting
// stack size (the average in use at the last GC, which a thousand
// concurrent handshakes inflate) does not give it a large stack either;
// it idles on 4 KiB. The channel hands the connection and the frame watch
// over: from then on only the reader touches them.
func (s *Socket) run(ctx context.Context) {
	result := make(chan dialed, 1)
	go func() { result <- s.dial(ctx) }()
	d := <-result
	if d.err != nil {
		failure := s.dialError(ctx, d.err, d.resp) // before cancelDial: it tells a cancel from other causes
		s.cancelDial()
		s.finish(failure, websocket.CloseAbnormalClosure, "")
		return
	}
	s.cancelDial() // the Context bounds the dial only
	if !s.open(d.conn) {
		d.conn.Close()
		s.finish(Fail(s.api, ErrClosed, "closed before the connection was established"), websocket.CloseAbnormalClosure, "")
		return
	}
	s.watch = d.watch
	s.extendReadDeadline(true)
	header := make(map[string]string, len(d.resp.Header))
	for name, values := range d.resp.Header {
		header[name] = strings.Join(values, ", ")
	}
	s.emit(&event{kind: kindOpen, open: OpenEvent{Header: header}})
	s.extendReadDeadline(false)
	s.readLoop(d.conn)
}

// open moves the task to OPEN on conn, unless Close came first.
func (s *Socket) open(conn *websocket.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closeRequested {
		return false
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
	return true
}

// dial runs on the dial goroutine. It returns the frame watch it put under
// the connection, if any, with the result; it writes no field of s.
func (s *Socket) dial(ctx context.Context) dialed {
	var watch *frameWatch
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
			watch = newFrameWatch(c)
			return watch, nil
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
			watch = newFrameWatch(tc)
			return watch, nil
		}
	} else {
		d.NetDialContext = dialTCP
	}
	conn, resp, err := d.DialContext(ctx, s.cfg.url, s.cfg.header)
	if stopAfter != nil && !stopAfter() && err == nil {
		// Cancelled just as the handshake finished: the connection is (being)
		// closed, so treat it as cancelled.
		conn.Close()
		return dialed{err: context.Cause(ctx)}
	}
	return dialed{conn: conn, resp: resp, watch: watch, err: err}
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
