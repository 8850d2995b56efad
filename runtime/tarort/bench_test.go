//go:build !js

package tarort

import (
	"testing"

	"github.com/gorilla/websocket"

	"github.com/tarogen/tarogen/internal/wspeer"
)

// The serial-echo benchmarks compare a task with raw gorilla on the same
// in-process peer: one binary round trip per op. The runtime's loop is
// driven from onMessage, the way a Taro program echoes, so that both run
// read and write on one goroutine.

var benchPayload = make([]byte, 64)

func BenchmarkSerialEchoRaw(b *testing.B) {
	srv := wspeer.NewServer(b, wspeer.Options{})
	conn, _, err := websocket.DefaultDialer.Dial(srv.URL, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := conn.WriteMessage(websocket.BinaryMessage, benchPayload); err != nil {
			b.Fatal(err)
		}
		if _, _, err := conn.ReadMessage(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSerialEchoRuntime(b *testing.B) {
	srv := wspeer.NewServer(b, wspeer.Options{})
	s, r := dial(b, srv.URL, ConnectConfig{})
	done := make(chan struct{})
	n := 0
	s.OnMessage(func(MessageEvent) {
		n++
		if n == b.N {
			close(done)
			return
		}
		if err := s.Send("SocketTask.send", true, benchPayload); err != nil {
			b.Error(err)
		}
	})
	b.ReportAllocs()
	b.ResetTimer()
	mustSend(b, s, true, benchPayload)
	<-done
	b.StopTimer()
	s.OnMessage(r.onMessage)
}
