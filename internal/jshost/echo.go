package jshost

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gorilla/websocket"
)

// ServerClosePrefix starts a text message that makes [EchoHandler] close the
// connection itself instead of echoing: "server-close 4001 bye" sends a
// close frame with code 4001 and reason "bye". Tests use it to see how a host
// reports a close the server started.
const ServerClosePrefix = "server-close "

// EchoHandler is an in-process gorilla/websocket echo server: every text or
// binary message comes back as it was sent, in order, until the client
// closes (gorilla's default close handler replies with the client's code)
// or a [ServerClosePrefix] message asks the server to close.
// With ?greet in the URL the server first sends one text message, the
// greeting "x-tarogen=<the X-Tarogen request header> protocol=<the
// subprotocol chosen>" ("echo" when the client offers it). The upgrade
// response carries the header X-Echo: yes. Any origin is accepted: the test
// page is served from another port.
func EchoHandler() http.Handler {
	up := websocket.Upgrader{
		CheckOrigin:     func(*http.Request) bool { return true },
		ReadBufferSize:  4096,
		WriteBufferSize: 4096,
		Subprotocols:    []string{"echo"},
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := up.Upgrade(w, r, http.Header{"X-Echo": {"yes"}})
		if err != nil {
			return // Upgrade has answered with an HTTP error
		}
		defer conn.Close()
		conn.SetReadLimit(8 << 20)
		if r.URL.Query().Has("greet") {
			// What the server saw of the handshake, for the tests of what
			// a host sends (Taro H5 drops the header option).
			greeting := "x-tarogen=" + r.Header.Get("X-Tarogen") + " protocol=" + conn.Subprotocol()
			if err := conn.WriteMessage(websocket.TextMessage, []byte(greeting)); err != nil {
				return
			}
		}
		for {
			kind, data, err := conn.ReadMessage()
			if err != nil {
				return
			}
			if kind == websocket.TextMessage && strings.HasPrefix(string(data), ServerClosePrefix) {
				serverClose(conn, strings.TrimPrefix(string(data), ServerClosePrefix))
				continue // read on until the client's close reply
			}
			if err := conn.WriteMessage(kind, data); err != nil {
				return
			}
		}
	})
}

// serverClose sends the close frame "CODE REASON" asks for.
func serverClose(conn *websocket.Conn, arg string) {
	codeText, reason, _ := strings.Cut(arg, " ")
	code, err := strconv.Atoi(codeText)
	if err != nil {
		code = websocket.CloseNormalClosure
	}
	conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason))
}
