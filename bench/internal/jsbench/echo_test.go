//go:build js && wasm

package jsbench

import (
	"os"
	"strings"
	"syscall/js"
	"testing"

	"github.com/tarogen/tarogen/generated/sockettask"
)

// sizes are the payloads of the native BenchmarkEcho.
var sizes = []struct {
	name string
	n    int
}{{"16B", 16}, {"1KiB", 1 << 10}, {"64KiB", 64 << 10}}

// BenchmarkEcho is one text round trip per op over loopback to the gorilla
// echo server at ECHO_URL: impl=binding through the generated package,
// impl=js the same loop in JavaScript (loop.js), both on Taro H5's
// connectSocket in the same page.
func BenchmarkEcho(b *testing.B) {
	for _, s := range sizes {
		b.Run("impl=binding/size="+s.name, func(b *testing.B) { echoBinding(b, s.n) })
		b.Run("impl=js/size="+s.name, func(b *testing.B) { echoJS(b, s.n) })
	}
}

// echoBinding sends the next message from inside onMessage, as a Taro
// program would, and waits for the b.N-th reply.
func echoBinding(b *testing.B, size int) {
	msg := sockettask.Text(strings.Repeat("x", size))
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: os.Getenv("ECHO_URL")})
	if err != nil {
		b.Fatal(err)
	}
	opened, done, closed := make(chan struct{}), make(chan struct{}), make(chan struct{})
	left := 0
	task.OnOpen(func(sockettask.OnOpenCallbackResult) { close(opened) })
	task.OnClose(func(sockettask.OnCloseCallbackResult) { close(closed) })
	task.OnMessage(func(sockettask.OnMessageCallbackResult) {
		if left--; left == 0 {
			done <- struct{}{}
			return
		}
		task.Send(sockettask.SendOption{Data: msg})
	})
	<-opened
	b.SetBytes(int64(size))
	b.ResetTimer()
	left = b.N
	task.Send(sockettask.SendOption{Data: msg})
	<-done
	b.StopTimer()
	task.Close(sockettask.CloseOption{Code: 1000})
	<-closed
}

// echoJS runs loop.js's loop for b.N round trips.
func echoJS(b *testing.B, size int) {
	runner := await(b, js.Global().Get("tarogenBench").Call("open", os.Getenv("ECHO_URL")))
	b.SetBytes(int64(size))
	b.ResetTimer()
	await(b, runner.Call("run", size, b.N))
	b.StopTimer()
	await(b, runner.Call("close"))
}

// await waits on the calling goroutine (never inside a JS callback) for a
// Promise and returns what it resolved to.
func await(b *testing.B, p js.Value) js.Value {
	type result struct {
		v   js.Value
		err string
	}
	ch := make(chan result, 1)
	ok := js.FuncOf(func(_ js.Value, args []js.Value) any { ch <- result{v: args[0]}; return nil })
	fail := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{err: js.Global().Get("String").Invoke(args[0]).String()}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	p.Call("then", ok, fail)
	r := <-ch
	if r.err != "" {
		b.Fatal(r.err)
	}
	return r.v
}
