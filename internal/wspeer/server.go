// Package wspeer provides the WebSocket peers that the runtime's tests, and
// the end-to-end tests of the generated package, talk to, all on 127.0.0.1:
//
//   - NewServer: an in-process gorilla/websocket server that echoes, obeys
//     text commands, and can be told to misbehave (refuse the upgrade, stop
//     reading, stop answering pings...).
//   - Start: an independent peer, peer.js on Node's "ws" package, so the
//     runtime is not only tested against the library it is built on.
//
// Both echo every message with its type and bytes, and obey these text
// commands (Start's peer knows the first four):
//
//	close:<code>:<reason>  close with that code and reason
//	close-nostatus         close without a status code (the client sees 1005)
//	terminate              drop TCP without a close frame (1006)
//	send-invalid-utf8      send a text frame that is not UTF-8 (client must close 1007)
//	kill-mid-message       send half of a binary frame, then drop TCP (1006)
//	send-bad-close-code    send a close frame with code 999 (client must close 1002)
//	send:<n>               send a binary message of n bytes (to test read limits)
package wspeer

import (
	"encoding/binary"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Options make a Server misbehave; the zero value is a well-behaved echo
// server.
type Options struct {
	RefuseStatus   int         // non-zero: answer the upgrade with this HTTP status, e.g. 403
	Subprotocols   []string    // subprotocols the server accepts, in preference order
	ResponseHeader http.Header // extra handshake response header
	Greeting       []string    // text messages sent right after the upgrade
	NoPong         bool        // read, but never answer pings (a half-open peer)
	NoRead         bool        // never read after the upgrade (the client's writes back up)
}

// CloseFrame is a close frame the server received.
type CloseFrame struct {
	Code   int // 1005 when the frame had no status
	Reason string
}

// Server is an in-process gorilla/websocket peer. Its connections are
// closed, and their goroutines waited for, when the test ends.
type Server struct {
	URL string // "ws://127.0.0.1:port/"

	opts   Options
	srv    *httptest.Server
	closes chan CloseFrame
	done   chan struct{}
	wg     sync.WaitGroup

	mu      sync.Mutex
	conns   map[net.Conn]bool
	headers []http.Header
}

// NewServer starts a Server for the length of t.
func NewServer(t testing.TB, opts Options) *Server {
	t.Helper()
	s := &Server{
		opts:   opts,
		closes: make(chan CloseFrame, 64),
		done:   make(chan struct{}),
		conns:  make(map[net.Conn]bool),
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = "ws://" + strings.TrimPrefix(s.srv.URL, "http://") + "/"
	t.Cleanup(s.shutdown)
	return s
}

func (s *Server) shutdown() {
	close(s.done)
	s.srv.Close()
	s.mu.Lock()
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
}

// RequestHeaders returns the handshake request headers received so far.
func (s *Server) RequestHeaders() []http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]http.Header(nil), s.headers...)
}

// NextClose waits up to 10s for the next close frame the server receives.
func (s *Server) NextClose(t testing.TB) CloseFrame {
	t.Helper()
	select {
	case f := <-s.closes:
		return f
	case <-time.After(10 * time.Second):
		t.Fatalf("wspeer: no close frame received within 10s")
		return CloseFrame{}
	}
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.headers = append(s.headers, r.Header.Clone())
	s.mu.Unlock()
	if s.opts.RefuseStatus != 0 {
		http.Error(w, http.StatusText(s.opts.RefuseStatus), s.opts.RefuseStatus)
		return
	}
	up := websocket.Upgrader{
		Subprotocols: s.opts.Subprotocols,
		CheckOrigin:  func(*http.Request) bool { return true },
	}
	conn, err := up.Upgrade(w, r, s.opts.ResponseHeader)
	if err != nil {
		return // Upgrade has answered with an HTTP error
	}
	s.mu.Lock()
	select {
	case <-s.done:
		s.mu.Unlock()
		conn.Close()
		return
	default:
	}
	s.conns[conn.NetConn()] = true
	s.wg.Add(1)
	s.mu.Unlock()
	defer func() {
		conn.Close()
		s.mu.Lock()
		delete(s.conns, conn.NetConn())
		s.mu.Unlock()
		s.wg.Done()
	}()
	s.talk(conn)
}

func (s *Server) talk(conn *websocket.Conn) {
	for _, g := range s.opts.Greeting {
		if conn.WriteMessage(websocket.TextMessage, []byte(g)) != nil {
			return
		}
	}
	if s.opts.NoRead {
		<-s.done
		return
	}
	if s.opts.NoPong {
		conn.SetPingHandler(func(string) error { return nil })
	}
	conn.SetCloseHandler(func(code int, reason string) error {
		select {
		case s.closes <- CloseFrame{Code: code, Reason: reason}:
		default:
		}
		// Echo code and reason, as Node's ws does (gorilla's default
		// handler drops the reason).
		conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(time.Second))
		return nil
	})
	for {
		typ, data, err := conn.ReadMessage()
		if err != nil {
			return
		}
		if typ == websocket.TextMessage && s.command(conn, string(data)) {
			continue
		}
		if conn.WriteMessage(typ, data) != nil {
			return
		}
	}
}

// command runs text if it is a command, and reports whether it was.
func (s *Server) command(conn *websocket.Conn, text string) bool {
	deadline := time.Now().Add(time.Second)
	switch {
	case strings.HasPrefix(text, "close:"):
		codeText, reason, _ := strings.Cut(strings.TrimPrefix(text, "close:"), ":")
		code, _ := strconv.Atoi(codeText)
		conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), deadline)
	case text == "close-nostatus":
		conn.WriteControl(websocket.CloseMessage, nil, deadline)
	case text == "terminate":
		conn.NetConn().Close()
	case text == "send-invalid-utf8":
		conn.WriteMessage(websocket.TextMessage, []byte{'h', 'i', 0xff, 0xfe})
	case text == "kill-mid-message":
		// A final binary frame announcing 1000 bytes, 10 of them sent.
		frame := []byte{0x82, 126, 0, 0}
		binary.BigEndian.PutUint16(frame[2:], 1000)
		frame = append(frame, make([]byte, 10)...)
		conn.NetConn().Write(frame)
		conn.NetConn().Close()
	case text == "send-bad-close-code":
		conn.WriteControl(websocket.CloseMessage, []byte{0x03, 0xe7}, deadline) // 999
	case strings.HasPrefix(text, "send:"):
		n, err := strconv.Atoi(strings.TrimPrefix(text, "send:"))
		if err != nil || n < 0 {
			n = 0
		}
		conn.WriteMessage(websocket.BinaryMessage, make([]byte, n))
	default:
		return false
	}
	return true
}
