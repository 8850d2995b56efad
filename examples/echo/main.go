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

// config is what the command line asks for.
type config struct {
	url     string
	n       int
	binary  bool
	timeout time.Duration
	msgs    []string
}

// parseArgs reads the flags; help is true after -h, which is not an error.
func parseArgs(args []string, stdout io.Writer) (c config, help bool, err error) {
	fs := flag.NewFlagSet("echo", flag.ContinueOnError)
	fs.SetOutput(stdout)
	fs.StringVar(&c.url, "url", "", "WebSocket server `URL`; empty: start a local echo server")
	fs.IntVar(&c.n, "n", 1, "send each message `n` times")
	fs.BoolVar(&c.binary, "binary", false, "send binary messages instead of text")
	fs.DurationVar(&c.timeout, "timeout", 10*time.Second, "give up after this long")
	if err := fs.Parse(args); err != nil {
		return c, errors.Is(err, flag.ErrHelp), err
	}
	c.msgs = fs.Args()
	if len(c.msgs) == 0 {
		c.msgs = []string{"hello"}
	}
	return c, false, nil
}

func run(args []string, stdout io.Writer) error {
	c, help, err := parseArgs(args, stdout)
	if help {
		return nil
	}
	if err != nil {
		return err
	}
	if c.url == "" {
		local, stop, err := startEchoServer()
		if err != nil {
			return err
		}
		defer stop()
		c.url = local
	}

	fmt.Fprintf(stdout, "connect %s\n", c.url)
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: c.url})
	if err != nil {
		return err // an invalid option: connectSocket:fail ...
	}
	s := watch(task, stdout, c.n*len(c.msgs))
	deadline := time.After(c.timeout)
	if err := s.wait(s.opened, "open", deadline, c.timeout); err != nil {
		return err
	}
	for range c.n {
		for _, m := range c.msgs {
			var data sockettask.Data = sockettask.Text(m)
			if c.binary {
				data = sockettask.Binary(m)
			}
			if err := task.Send(sockettask.SendOption{Data: data}); err != nil {
				return err
			}
		}
	}
	if err := s.wait(s.echoed, "echo", deadline, c.timeout); err != nil {
		return err
	}
	if err := task.Close(sockettask.CloseOption{Code: 1000, Reason: "done"}); err != nil {
		return err
	}
	select {
	case res := <-s.closed:
		if s.failure != nil || res.Code != 1000 {
			return closeError(res, s.failure)
		}
		return nil
	case <-deadline:
		return fmt.Errorf("no close within %v", c.timeout)
	}
}

// session is one task's events as the program waits for them.
type session struct {
	task    *sockettask.SocketTask
	opened  chan struct{}
	echoed  chan struct{} // closed when every message has come back
	closed  chan sockettask.OnCloseCallbackResult
	failure error // set by onError, which runs before onClose
}

// watch registers the task's handlers, which print every event. They run
// one at a time, in event order, on the task's goroutine; registered right
// after ConnectSocket, they miss nothing.
func watch(task *sockettask.SocketTask, stdout io.Writer, want int) *session {
	s := &session{task: task, opened: make(chan struct{}), echoed: make(chan struct{}),
		closed: make(chan sockettask.OnCloseCallbackResult, 1)}
	got := 0
	if want == 0 {
		close(s.echoed)
	}
	task.OnOpen(func(res sockettask.OnOpenCallbackResult) {
		fmt.Fprintf(stdout, "open    socketTaskId=%d\n", task.SocketTaskID())
		for _, name := range []string{"Connection", "Upgrade"} {
			fmt.Fprintf(stdout, "header  %s: %v\n", name, res.Header[name])
		}
		close(s.opened)
	})
	task.OnMessage(func(res sockettask.OnMessageCallbackResult) {
		switch data := res.Data.(type) {
		case sockettask.Text:
			fmt.Fprintf(stdout, "message text %q\n", string(data))
		case sockettask.Binary:
			fmt.Fprintf(stdout, "message binary %d bytes %q\n", len(data), []byte(data))
		}
		if got++; got == want {
			close(s.echoed)
		}
	})
	task.OnError(func(res sockettask.OnErrorCallbackResult) {
		fmt.Fprintf(stdout, "error   %s\n", res.ErrMsg)
		s.failure = res.Err // the typed *tarort.Error: errors.Is works on it
		if s.failure == nil {
			s.failure = errors.New(res.ErrMsg)
		}
	})
	task.OnClose(func(res sockettask.OnCloseCallbackResult) {
		fmt.Fprintf(stdout, "close   %d %q\n", res.Code, res.Reason)
		s.closed <- res
	})
	return s
}

// wait waits for ready; it reports an error if the task closes first or
// the deadline passes (and then closes the task).
func (s *session) wait(ready <-chan struct{}, what string, deadline <-chan time.Time, timeout time.Duration) error {
	select {
	case <-ready:
		return nil
	case res := <-s.closed:
		return closeError(res, s.failure)
	case <-deadline:
		s.task.Close(sockettask.CloseOption{})
		return fmt.Errorf("no %s within %v", what, timeout)
	}
}

// closeError describes an unexpected end of the connection.
func closeError(res sockettask.OnCloseCallbackResult, failure error) error {
	if failure != nil {
		return failure
	}
	return fmt.Errorf("connection closed: %d %q", res.Code, res.Reason)
}
