//go:build !js && !taro_weapp && !taro_swan && !taro_alipay && !taro_tt && !taro_qq && !taro_jd && !taro_h5 && !taro_rn && !taro_harmony && !taro_harmony_hybrid && !taro_quickapp && !taro_ascf

// The example runs on the native build, against a server in the same
// process; go test checks its output.

package sockettask_test

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/gorilla/websocket"

	"github.com/tarogen/tarogen/generated/sockettask"
	"github.com/tarogen/tarogen/runtime/tarort"
)

// Example connects to a WebSocket echo server, sends a text and a binary
// message once the socket is open, prints the echoes, and closes.
func Example() {
	srv := httptest.NewServer(http.HandlerFunc(echo))
	defer srv.Close()
	url := "ws" + strings.TrimPrefix(srv.URL, "http") // ws://127.0.0.1:port

	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: url})
	if err != nil {
		log.Fatal(err)
	}
	// Handlers registered right after ConnectSocket miss no event; they
	// run one at a time, in order, on a goroutine of the task's.
	closed := make(chan struct{})
	task.OnOpen(func(sockettask.OnOpenCallbackResult) {
		fmt.Println("open, ready state", task.ReadyState() == sockettask.Open)
		task.Send(sockettask.SendOption{Data: sockettask.Text("hello")})
		task.Send(sockettask.SendOption{Data: sockettask.Binary{0x74, 0x61, 0x72, 0x6f}})
	})
	echoes := 0
	task.OnMessage(func(res sockettask.OnMessageCallbackResult) {
		switch d := res.Data.(type) {
		case sockettask.Text:
			fmt.Printf("text %q\n", string(d))
		case sockettask.Binary:
			fmt.Printf("binary % x\n", []byte(d))
		}
		if echoes++; echoes == 2 {
			task.Close(sockettask.CloseOption{Code: 1000, Reason: "done"})
		}
	})
	task.OnClose(func(res sockettask.OnCloseCallbackResult) {
		fmt.Println("close", res.Code)
		close(closed)
	})
	<-closed

	// A closed task fails: the returned error is a *tarort.Error whose
	// text is Taro's errMsg (the same string Fail and Complete get), and
	// errors.Is matches it against the runtime's sentinels.
	err = task.Send(sockettask.SendOption{Data: sockettask.Text("late")})
	var te *tarort.Error
	fmt.Println(errors.As(err, &te), te.API, errors.Is(err, tarort.ErrClosed))
	// Output:
	// open, ready state true
	// text "hello"
	// binary 74 61 72 6f
	// close 1000
	// true SocketTask.send true
}

// echo is a WebSocket server that sends every message back.
func echo(w http.ResponseWriter, r *http.Request) {
	c, err := (&websocket.Upgrader{}).Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer c.Close()
	for {
		kind, msg, err := c.ReadMessage()
		if err != nil {
			return
		}
		if c.WriteMessage(kind, msg) != nil {
			return
		}
	}
}
