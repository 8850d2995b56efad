package bench

import (
	"context"
	"fmt"
	"testing"

	"github.com/coder/websocket"
	gorilla "github.com/gorilla/websocket"

	"github.com/tarogen/tarogen/bench/internal/echoserver"
	"github.com/tarogen/tarogen/generated/sockettask"
)

// The echo benchmarks measure binary round trips over loopback to the same
// in-process gorilla echo server (internal/echoserver), from three clients:
//
//   - gorilla: raw gorilla/websocket, WriteMessage then ReadMessage on one
//     goroutine: the floor tarogen is built on.
//   - tarogen: the generated package (generated/sockettask), used as a Taro
//     program uses it: the next message is sent from inside onMessage, which
//     runs on the task's reader goroutine.
//   - coder: coder/websocket, Write then Read on one goroutine.
//
// One op is one round trip; SetBytes counts the payload once, so MB/s is
// payload echoed per second.

var sizes = []int{16, 1024, 65536}

func startServer(b *testing.B) *echoserver.Server {
	b.Helper()
	srv, err := echoserver.Start("127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(srv.Close)
	return srv
}

func BenchmarkEcho(b *testing.B) {
	srv := startServer(b)
	for _, impl := range []struct {
		name string
		run  func(b *testing.B, url string, payload []byte)
	}{
		{"gorilla", echoGorilla},
		{"tarogen", echoTarogen},
		{"coder", echoCoder},
	} {
		for _, size := range sizes {
			b.Run(fmt.Sprintf("impl=%s/size=%d", impl.name, size), func(b *testing.B) {
				payload := make([]byte, size)
				b.SetBytes(int64(size))
				b.ReportAllocs()
				impl.run(b, srv.URL, payload)
			})
		}
	}
}

func dialGorilla(b *testing.B, url string) *gorilla.Conn {
	b.Helper()
	conn, _, err := gorilla.DefaultDialer.Dial(url, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { conn.Close() })
	return conn
}

func echoGorilla(b *testing.B, url string, payload []byte) {
	conn := dialGorilla(b, url)
	b.ResetTimer()
	for range b.N {
		if err := conn.WriteMessage(gorilla.BinaryMessage, payload); err != nil {
			b.Fatal(err)
		}
		if _, got, err := conn.ReadMessage(); err != nil || len(got) != len(payload) {
			b.Fatalf("ReadMessage() = %d bytes, %v; want %d bytes", len(got), err, len(payload))
		}
	}
}

// openTask connects a task through the generated package and waits for
// onOpen; the task is closed, and onClose waited for, at cleanup.
func openTask(b testing.TB, url string) *sockettask.SocketTask {
	b.Helper()
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: url})
	if err != nil {
		b.Fatal(err)
	}
	opened := make(chan struct{})
	closed := make(chan struct{})
	task.OnOpen(func(sockettask.OnOpenCallbackResult) { close(opened) })
	task.OnError(func(r sockettask.OnErrorCallbackResult) { b.Error(r.ErrMsg) })
	task.OnClose(func(sockettask.OnCloseCallbackResult) { close(closed) })
	select {
	case <-opened:
	case <-closed:
		b.Fatal("task closed before it opened")
	}
	b.Cleanup(func() {
		task.Close(sockettask.CloseOption{})
		<-closed
	})
	return task
}

func send(b testing.TB, task *sockettask.SocketTask, data sockettask.Data) {
	if err := task.Send(sockettask.SendOption{Data: data}); err != nil {
		b.Error(err)
	}
}

func echoTarogen(b *testing.B, url string, payload []byte) {
	task := openTask(b, url)
	data := sockettask.Binary(payload) // boxed once, reused
	done := make(chan struct{})
	n := 0
	task.OnMessage(func(r sockettask.OnMessageCallbackResult) {
		if got, ok := r.Data.(sockettask.Binary); !ok || len(got) != len(payload) {
			b.Errorf("message %T of %d bytes, want Binary of %d", r.Data, len(got), len(payload))
		}
		n++
		if n == b.N {
			close(done)
			return
		}
		send(b, task, data)
	})
	b.ResetTimer()
	send(b, task, data)
	<-done
	b.StopTimer()
}

// BenchmarkEchoWaiter is BenchmarkEcho/impl=tarogen driven from another
// goroutine: the benchmark goroutine sends, then blocks on a channel that
// onMessage signals. Each round trip then pays two goroutine handoffs (the
// reader wakes the waiter, which must be scheduled before it can send) on
// top of the network; BenchmarkEcho sends straight from the reader
// goroutine, as raw gorilla's loop does, so it pays none.
func BenchmarkEchoWaiter(b *testing.B) {
	srv := startServer(b)
	for _, size := range sizes {
		b.Run(fmt.Sprintf("impl=tarogen/size=%d", size), func(b *testing.B) {
			payload := make([]byte, size)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			task := openTask(b, srv.URL)
			data := sockettask.Binary(payload)
			replies := make(chan struct{}, 1)
			task.OnMessage(func(sockettask.OnMessageCallbackResult) { replies <- struct{}{} })
			b.ResetTimer()
			for range b.N {
				send(b, task, data)
				<-replies
			}
		})
	}
}

func echoCoder(b *testing.B, url string, payload []byte) {
	ctx := context.Background()
	conn, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.CloseNow()
	conn.SetReadLimit(-1) // coder's default is 32 KiB
	b.ResetTimer()
	for range b.N {
		if err := conn.Write(ctx, websocket.MessageBinary, payload); err != nil {
			b.Fatal(err)
		}
		if _, got, err := conn.Read(ctx); err != nil || len(got) != len(payload) {
			b.Fatalf("Read() = %d bytes, %v; want %d bytes", len(got), err, len(payload))
		}
	}
}

// inFlight is how many messages BenchmarkPipelined keeps on the wire.
const inFlight = 64

// BenchmarkPipelined keeps 64 messages of 1 KiB in flight: each reply
// releases the next message, from a single loop per client (for tarogen,
// onMessage). It measures throughput, where BenchmarkEcho measures
// latency.
func BenchmarkPipelined(b *testing.B) {
	srv := startServer(b)
	const size = 1024
	for _, impl := range []struct {
		name string
		run  func(b *testing.B, url string, payload []byte)
	}{
		{"gorilla", pipelinedGorilla},
		{"tarogen", pipelinedTarogen},
		{"coder", pipelinedCoder},
	} {
		b.Run(fmt.Sprintf("impl=%s/size=%d", impl.name, size), func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			impl.run(b, srv.URL, make([]byte, size))
		})
	}
}

func pipelinedGorilla(b *testing.B, url string, payload []byte) {
	conn := dialGorilla(b, url)
	b.ResetTimer()
	sent := 0
	for ; sent < min(inFlight, b.N); sent++ {
		if err := conn.WriteMessage(gorilla.BinaryMessage, payload); err != nil {
			b.Fatal(err)
		}
	}
	for range b.N {
		if _, _, err := conn.ReadMessage(); err != nil {
			b.Fatal(err)
		}
		if sent < b.N {
			if err := conn.WriteMessage(gorilla.BinaryMessage, payload); err != nil {
				b.Fatal(err)
			}
			sent++
		}
	}
}

func pipelinedTarogen(b *testing.B, url string, payload []byte) {
	task := openTask(b, url)
	data := sockettask.Binary(payload)
	done := make(chan struct{})
	// The first messages are counted as sent before onMessage is set, so
	// the counter is onMessage's alone from then on.
	initial := min(inFlight, b.N)
	sent, received := initial, 0
	task.OnMessage(func(sockettask.OnMessageCallbackResult) {
		received++
		if received == b.N {
			close(done)
			return
		}
		if sent < b.N {
			send(b, task, data)
			sent++
		}
	})
	b.ResetTimer()
	for range initial {
		send(b, task, data)
	}
	<-done
	b.StopTimer()
}

func pipelinedCoder(b *testing.B, url string, payload []byte) {
	ctx := context.Background()
	conn, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.CloseNow()
	b.ResetTimer()
	sent := 0
	for ; sent < min(inFlight, b.N); sent++ {
		if err := conn.Write(ctx, websocket.MessageBinary, payload); err != nil {
			b.Fatal(err)
		}
	}
	for range b.N {
		if _, _, err := conn.Read(ctx); err != nil {
			b.Fatal(err)
		}
		if sent < b.N {
			if err := conn.Write(ctx, websocket.MessageBinary, payload); err != nil {
				b.Fatal(err)
			}
			sent++
		}
	}
}
