// Command echo is a small client of the generated Taro WebSocket binding
// (package sockettask): it connects, sends messages, prints every event as
// it happens, and closes.
//
//	go run ./examples/echo [-url ws://host/path] [-n 1] [-binary] [msg ...]
//
// Without -url it starts an echo server of its own on 127.0.0.1 (not in a
// js/wasm build, which has no server: there -url is required). Each
// message (default "hello") is sent n times, as text, or as binary with
// -binary. When every echo is back it closes with 1000 "done". It exits 0
// on a clean close and 1 on any error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/tarogen/tarogen/generated/sockettask"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "echo:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("echo", flag.ContinueOnError)
	fs.SetOutput(stdout)
	url := fs.String("url", "", "WebSocket server `URL`; empty: start a local echo server")
	n := fs.Int("n", 1, "send each message `n` times")
	binary := fs.Bool("binary", false, "send binary messages instead of text")
	timeout := fs.Duration("timeout", 10*time.Second, "give up after this long")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	msgs := fs.Args()
	if len(msgs) == 0 {
		msgs = []string{"hello"}
	}
	if *url == "" {
		local, stop, err := startEchoServer()
		if err != nil {
			return err
		}
		defer stop()
		*url = local
	}

	fmt.Fprintf(stdout, "connect %s\n", *url)
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: *url})
	if err != nil {
		return err // an invalid option: connectSocket:fail ...
	}

	// The handlers run one at a time, in event order, on the task's
	// goroutine; registered right after ConnectSocket, they miss nothing.
	opened := make(chan struct{})
	echoed := make(chan struct{}) // closed when every message has come back
	closed := make(chan sockettask.OnCloseCallbackResult, 1)
	var failure error // set by onError, which runs before onClose
	want, got := *n*len(msgs), 0
	if want == 0 {
		close(echoed)
	}
	task.OnOpen(func(res sockettask.OnOpenCallbackResult) {
		fmt.Fprintf(stdout, "open    socketTaskId=%d\n", task.SocketTaskID())
		for _, name := range []string{"Connection", "Upgrade"} {
			fmt.Fprintf(stdout, "header  %s: %v\n", name, res.Header[name])
		}
		close(opened)
	})
	task.OnMessage(func(res sockettask.OnMessageCallbackResult) {
		switch data := res.Data.(type) {
		case sockettask.Text:
			fmt.Fprintf(stdout, "message text %q\n", string(data))
		case sockettask.Binary:
			fmt.Fprintf(stdout, "message binary %d bytes %q\n", len(data), []byte(data))
		}
		if got++; got == want {
			close(echoed)
		}
	})
	task.OnError(func(res sockettask.OnErrorCallbackResult) {
		fmt.Fprintf(stdout, "error   %s\n", res.ErrMsg)
		failure = errors.New(res.ErrMsg)
	})
	task.OnClose(func(res sockettask.OnCloseCallbackResult) {
		fmt.Fprintf(stdout, "close   %d %q\n", res.Code, res.Reason)
		closed <- res
	})

	deadline := time.After(*timeout)
	// wait waits for ready; it reports an error if the task closes first or
	// the deadline passes.
	wait := func(ready <-chan struct{}, what string) error {
		select {
		case <-ready:
			return nil
		case res := <-closed:
			return closeError(res, failure)
		case <-deadline:
			task.Close(sockettask.CloseOption{})
			return fmt.Errorf("no %s within %v", what, *timeout)
		}
	}

	if err := wait(opened, "open"); err != nil {
		return err
	}
	for range *n {
		for _, m := range msgs {
			var data sockettask.Data = sockettask.Text(m)
			if *binary {
				data = sockettask.Binary(m)
			}
			if err := task.Send(sockettask.SendOption{Data: data}); err != nil {
				return err
			}
		}
	}
	if err := wait(echoed, "echo"); err != nil {
		return err
	}
	if err := task.Close(sockettask.CloseOption{Code: 1000, Reason: "done"}); err != nil {
		return err
	}
	select {
	case res := <-closed:
		if failure != nil || res.Code != 1000 {
			return closeError(res, failure)
		}
		return nil
	case <-deadline:
		return fmt.Errorf("no close within %v", *timeout)
	}
}

// closeError describes an unexpected end of the connection.
func closeError(res sockettask.OnCloseCallbackResult, failure error) error {
	if failure != nil {
		return failure
	}
	return fmt.Errorf("connection closed: %d %q", res.Code, res.Reason)
}
