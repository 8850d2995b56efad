//go:build !js

package main

import (
	"net"
	"net/http"
	"time"

	"github.com/gorilla/websocket"
)

// startEchoServer starts a WebSocket echo server on 127.0.0.1 and returns
// its URL. It answers a close with the client's code and reason.
func startEchoServer() (url string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	var upgrader websocket.Upgrader
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		conn.SetCloseHandler(func(code int, reason string) error {
			// gorilla's default handler echoes the code but drops the reason.
			msg := websocket.FormatCloseMessage(code, reason)
			return conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
		})
		for {
			typ, data, err := conn.ReadMessage()
			if err != nil || conn.WriteMessage(typ, data) != nil {
				return // the client closed, or the connection broke
			}
		}
	})}
	go srv.Serve(ln)
	return "ws://" + ln.Addr().String() + "/", func() { srv.Close() }, nil
}
