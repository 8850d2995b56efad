package hostile

import (
	"bufio"
	"crypto/sha1"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Peer is a TCP listener on 127.0.0.1 that upgrades each connection by
// hand and hands it to the test as a *Conn. Everything it started is closed
// and waited for when the test ends.
type Peer struct {
	URL string // "ws://127.0.0.1:port/"

	ln    net.Listener
	conns chan *Conn
	wg    sync.WaitGroup

	mu       sync.Mutex
	open     map[*Conn]bool
	done     bool
	greeting []byte
}

// SetGreeting makes the peer write b in the same write as the 101 response
// to the clients that connect from now on, so the first frames share a TCP
// segment, and the client's first read, with the handshake.
func (p *Peer) SetGreeting(b []byte) {
	p.mu.Lock()
	p.greeting = b
	p.mu.Unlock()
}

// Listen starts a Peer for the length of tb.
func Listen(tb testing.TB) *Peer {
	tb.Helper()
	p, err := New()
	if err != nil {
		tb.Fatalf("hostile: %v", err)
	}
	tb.Cleanup(p.Close)
	return p
}

// New starts a Peer that runs until Close. A test that opens thousands of
// connections moves to a new Peer, on a new port, every few thousand: each
// connection leaves a TIME_WAIT entry holding its 4-tuple for a minute, and
// one destination port has only about 28,000 source ports to pair with.
func New() (*Peer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	return start(ln, "ws://"), nil
}

// ListenTLS starts a Peer that speaks wss://, with httptest's certificate
// for 127.0.0.1; roots verifies it.
func ListenTLS(tb testing.TB) (p *Peer, roots *x509.CertPool) {
	tb.Helper()
	// httptest holds the certificate; borrow it and its server config.
	srv := httptest.NewUnstartedServer(http.NotFoundHandler())
	srv.StartTLS()
	cfg := srv.TLS.Clone()
	roots = x509.NewCertPool()
	roots.AddCert(srv.Certificate())
	srv.Close()
	cfg.NextProtos = nil // HTTP/1.1 only: the upgrade is not HTTP/2
	ln, err := tls.Listen("tcp", "127.0.0.1:0", cfg)
	if err != nil {
		tb.Fatalf("hostile: listen: %v", err)
	}
	p = start(ln, "wss://")
	tb.Cleanup(p.Close)
	return p, roots
}

func start(ln net.Listener, scheme string) *Peer {
	p := &Peer{
		URL:   scheme + ln.Addr().String() + "/",
		ln:    ln,
		conns: make(chan *Conn, 1024),
		open:  make(map[*Conn]bool),
	}
	p.wg.Add(1)
	go p.accept()
	return p
}

// Close stops the listener, closes every connection and waits for the
// peer's goroutines.
func (p *Peer) Close() {
	p.mu.Lock()
	p.done = true
	open := make([]*Conn, 0, len(p.open))
	for c := range p.open {
		open = append(open, c)
	}
	p.mu.Unlock()
	for _, c := range open {
		c.Close()
	}
	p.ln.Close()
	p.wg.Wait()
}

func (p *Peer) accept() {
	defer p.wg.Done()
	for {
		nc, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			c, err := p.upgrade(nc)
			if err != nil {
				nc.Close()
				return
			}
			p.mu.Lock()
			if p.done {
				p.mu.Unlock()
				c.Close()
				return
			}
			p.open[c] = true
			p.mu.Unlock()
			p.conns <- c
		}()
	}
}

// acceptGUID is RFC 6455 §1.3's magic string.
const acceptGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

// AcceptKey computes Sec-WebSocket-Accept for a Sec-WebSocket-Key.
func AcceptKey(key string) string {
	h := sha1.Sum([]byte(key + acceptGUID))
	return base64.StdEncoding.EncodeToString(h[:])
}

func (p *Peer) upgrade(nc net.Conn) (*Conn, error) {
	nc.SetDeadline(time.Now().Add(30 * time.Second))
	br := bufio.NewReader(nc)
	req, err := http.ReadRequest(br)
	if err != nil {
		return nil, err
	}
	key := req.Header.Get("Sec-WebSocket-Key")
	if !strings.EqualFold(req.Header.Get("Upgrade"), "websocket") || key == "" {
		io.WriteString(nc, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
		return nil, errors.New("not a WebSocket upgrade")
	}
	resp := "HTTP/1.1 101 Switching Protocols\r\n" +
		"Upgrade: websocket\r\n" +
		"Connection: Upgrade\r\n" +
		"Sec-WebSocket-Accept: " + AcceptKey(key) + "\r\n\r\n"
	p.mu.Lock()
	greeting := p.greeting
	p.mu.Unlock()
	if _, err := nc.Write(append([]byte(resp), greeting...)); err != nil {
		return nil, err
	}
	nc.SetDeadline(time.Time{})
	return &Conn{nc: nc, br: br, peer: p}, nil
}

// Next waits up to 30s for the next upgraded connection.
func (p *Peer) Next(tb testing.TB) *Conn {
	tb.Helper()
	select {
	case c := <-p.conns:
		return c
	case <-time.After(30 * time.Second):
		tb.Fatalf("hostile: no client connected within 30s")
		return nil
	}
}

// Conn is one upgraded connection, from the peer's side.
type Conn struct {
	nc   net.Conn
	br   *bufio.Reader
	peer *Peer

	closeOnce sync.Once
}

// NetConn returns the TCP connection.
func (c *Conn) NetConn() net.Conn { return c.nc }

// Write writes raw bytes (frames built with Frame, or anything else).
func (c *Conn) Write(b []byte) error {
	_, err := c.nc.Write(b)
	return err
}

// CloseWrite half-closes the connection: the client reads EOF after what
// was written, and can still send.
func (c *Conn) CloseWrite() error {
	if hc, ok := c.nc.(interface{ CloseWrite() error }); ok { // *net.TCPConn, *tls.Conn
		return hc.CloseWrite()
	}
	return c.nc.Close()
}

// Close closes the connection.
func (c *Conn) Close() {
	c.closeOnce.Do(func() {
		c.nc.Close()
		c.peer.mu.Lock()
		delete(c.peer.open, c)
		c.peer.mu.Unlock()
	})
}

// ReadFrame reads one frame the client sent and unmasks it. Frames longer
// than 16 MiB are refused, so a broken client cannot make the peer allocate
// without bound.
func (c *Conn) ReadFrame() (ClientFrame, error) {
	var h [2]byte
	if _, err := io.ReadFull(c.br, h[:]); err != nil {
		return ClientFrame{}, err
	}
	f := ClientFrame{Fin: h[0]&0x80 != 0, RSV: (h[0] >> 4) & 0x7, Opcode: h[0] & 0x0f, Masked: h[1]&0x80 != 0}
	n := uint64(h[1] & 0x7f)
	switch n {
	case 126:
		var b [2]byte
		if _, err := io.ReadFull(c.br, b[:]); err != nil {
			return f, err
		}
		n = uint64(binary.BigEndian.Uint16(b[:]))
	case 127:
		var b [8]byte
		if _, err := io.ReadFull(c.br, b[:]); err != nil {
			return f, err
		}
		n = binary.BigEndian.Uint64(b[:])
	}
	if n > 16<<20 {
		return f, fmt.Errorf("hostile: client frame of %d bytes", n)
	}
	var key [4]byte
	if f.Masked {
		if _, err := io.ReadFull(c.br, key[:]); err != nil {
			return f, err
		}
	}
	f.Payload = make([]byte, n)
	if _, err := io.ReadFull(c.br, f.Payload); err != nil {
		return f, err
	}
	if f.Masked {
		for i := range f.Payload {
			f.Payload[i] ^= key[i%4]
		}
	}
	return f, nil
}

// Outcome is what the client put on the wire before its side of the TCP
// connection ended.
type Outcome struct {
	CloseSent   bool     // a close frame arrived
	Code        int      // its status code, 1005 if it had none; 1006 if no close frame
	Reason      string   // its reason
	Pongs       []string // payloads of the pong frames before it, in order
	Pings       int      // ping frames before it
	Messages    int      // data frames before it
	UnmaskedErr bool     // some frame was not masked (RFC 6455 §5.1: clients must mask)
	Err         error    // how reading ended after the close frame, or without one: io.EOF, a reset...
}

// ReadUntilClose reads the client's frames until its close frame, then on
// to EOF (the client closes TCP after the close handshake), or until a read
// error; it gives up after limit.
func (c *Conn) ReadUntilClose(limit time.Duration) Outcome {
	c.nc.SetReadDeadline(time.Now().Add(limit))
	defer c.nc.SetReadDeadline(time.Time{})
	out := Outcome{Code: 1006}
	for {
		f, err := c.ReadFrame()
		if err != nil {
			out.Err = err
			return out
		}
		if !f.Masked {
			out.UnmaskedErr = true
		}
		switch f.Opcode {
		case OpPong:
			out.Pongs = append(out.Pongs, string(f.Payload))
		case OpPing:
			out.Pings++
		case OpClose:
			if !out.CloseSent {
				out.CloseSent = true
				out.Code, out.Reason = f.CloseCode()
			}
		case OpText, OpBinary, OpContinuation:
			out.Messages++
		}
	}
}

// Drain reads and discards what the client sends until the connection ends,
// in the background; the returned channel yields the Outcome. A test uses
// it when the client may write a lot (pongs to a flood of pings) while the
// peer is still writing.
func (c *Conn) Drain(limit time.Duration) <-chan Outcome {
	ch := make(chan Outcome, 1)
	c.peer.wg.Add(1)
	go func() {
		defer c.peer.wg.Done()
		ch <- c.ReadUntilClose(limit)
	}()
	return ch
}
