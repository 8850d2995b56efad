// Package echoserver is the one WebSocket server every benchmark and the
// scale command talk to: a gorilla/websocket echo server, so that the three
// clients (raw gorilla, tarogen's generated package, coder/websocket) are
// measured against the same peer.
package echoserver

import (
	"io"
	"net"
	"net/http"
	"sync"

	"github.com/gorilla/websocket"
)

// Server echoes every message with its type, streaming it through one
// reused buffer (no per-message allocation on the server side).
type Server struct {
	URL string // "ws://127.0.0.1:port/"

	ln  net.Listener
	srv *http.Server
	wg  sync.WaitGroup

	mu    sync.Mutex
	conns map[*websocket.Conn]bool
}

// Start listens on addr ("127.0.0.1:0") and serves until Close.
func Start(addr string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := &Server{URL: "ws://" + ln.Addr().String() + "/", ln: ln, conns: make(map[*websocket.Conn]bool)}
	s.srv = &http.Server{Handler: http.HandlerFunc(s.serve)}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.srv.Serve(ln)
	}()
	return s, nil
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	s.mu.Lock()
	if s.conns == nil { // closing
		s.mu.Unlock()
		conn.Close()
		return
	}
	s.conns[conn] = true
	s.wg.Add(1)
	s.mu.Unlock()
	defer func() {
		conn.Close()
		s.mu.Lock()
		delete(s.conns, conn)
		s.mu.Unlock()
		s.wg.Done()
	}()
	conn.SetReadLimit(-1)
	buf := make([]byte, 32<<10)
	for {
		typ, r, err := conn.NextReader()
		if err != nil {
			return
		}
		w, err := conn.NextWriter(typ)
		if err != nil {
			return
		}
		if _, err := io.CopyBuffer(w, r, buf); err != nil {
			return
		}
		if err := w.Close(); err != nil {
			return
		}
	}
}

// Close stops the server and closes every connection.
func (s *Server) Close() {
	s.srv.Close() // closes the listener; hijacked connections are ours
	s.mu.Lock()
	conns := s.conns
	s.conns = nil
	s.mu.Unlock()
	for c := range conns {
		c.Close()
	}
	s.wg.Wait()
}
