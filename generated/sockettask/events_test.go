//go:build !js && !taro_weapp && !taro_swan && !taro_alipay && !taro_tt && !taro_qq && !taro_jd && !taro_h5 && !taro_rn && !taro_harmony && !taro_harmony_hybrid && !taro_quickapp && !taro_ascf

package sockettask_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/tarogen/tarogen/generated/sockettask"
	"github.com/tarogen/tarogen/internal/wspeer"
	"github.com/tarogen/tarogen/runtime/tarort"
)

// testEventOrder pins the order of events: open, the messages in the order
// sent, then close; error just before close when the end is abnormal.
func testEventOrder(t *testing.T, get getPeer) {
	tests := []struct {
		name string
		send []string
		want []string
	}{
		{"clean", []string{"a", "b", "c", "close:4002:srv"},
			[]string{"open", "text:a", "text:b", "text:c", "close:4002:srv"}},
		{"abnormal", []string{"a", "b", "terminate"},
			[]string{"open", "text:a", "text:b", "error:connectSocket:fail *", "close:1006:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			url, _ := get(t)
			task, r := connect(t, url)
			r.waitOpen(t)
			for _, m := range tt.send {
				send(t, task, sockettask.Text(m))
			}
			r.waitClose(t)
			// Close again: idempotent, and no second onClose.
			if err := task.Close(sockettask.CloseOption{}); err != nil {
				t.Errorf("Close after onClose = %v, want nil (Close is idempotent)", err)
			}
			if got := r.lines(); !matchLines(got, tt.want) {
				t.Errorf("events = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestReadyStateTransitions walks a task through CONNECTING, OPEN, CLOSING
// and CLOSED. The held server keeps each state until the test moves on, so
// no check races the network.
func TestReadyStateTransitions(t *testing.T) {
	t.Parallel()
	srv := newHeldServer(t, heldOptions{HoldHandshake: true, HoldCloseReply: true})
	task, r := connect(t, srv.URL)

	if got := task.ReadyState(); got != sockettask.Connecting {
		t.Errorf("ReadyState() before the handshake = %v, want Connecting", got)
	}
	srv.releaseHandshake()
	r.waitOpen(t)
	if got := task.ReadyState(); got != sockettask.Open {
		t.Errorf("ReadyState() after onOpen = %v, want Open", got)
	}

	if err := task.Close(sockettask.CloseOption{Code: 4001, Reason: "bye"}); err != nil {
		t.Fatalf("Close(4001, bye) = %v", err)
	}
	if got := task.ReadyState(); got != sockettask.Closing {
		t.Errorf("ReadyState() after Close, before the peer answers = %v, want Closing", got)
	}
	if err := task.Close(sockettask.CloseOption{Code: 4009}); err != nil {
		t.Errorf("second Close while CLOSING = %v, want nil (Close is idempotent)", err)
	}
	if err := task.Send(sockettask.SendOption{Data: sockettask.Text("x")}); !errors.Is(err, tarort.ErrClosed) {
		t.Errorf("Send while CLOSING = %v, want ErrClosed", err)
	}
	srv.releaseCloseReply()
	if got, want := r.waitClose(t), (sockettask.OnCloseCallbackResult{Code: 4001, Reason: "bye"}); got != want {
		t.Errorf("onClose = %+v, want %+v (the first Close's code, not the second's)", got, want)
	}

	r.mu.Lock()
	atOpen, atClose := r.stateAtOpen, r.stateAtClose
	r.mu.Unlock()
	if atOpen != sockettask.Open {
		t.Errorf("ReadyState() inside onOpen = %v, want Open", atOpen)
	}
	if atClose != sockettask.Closed {
		t.Errorf("ReadyState() inside onClose = %v, want Closed (as in the browser)", atClose)
	}
	if got := task.ReadyState(); got != sockettask.Closed {
		t.Errorf("ReadyState() after onClose = %v, want Closed", got)
	}
}

// TestCloseWhileConnecting abandons the dial: onError, onClose 1006, no open.
func TestCloseWhileConnecting(t *testing.T) {
	t.Parallel()
	srv := newHeldServer(t, heldOptions{HoldHandshake: true})
	task, r := connect(t, srv.URL)
	if err := task.Close(sockettask.CloseOption{Code: 4001, Reason: "bye"}); err != nil {
		t.Fatalf("Close while CONNECTING = %v, want nil", err)
	}
	if got := task.ReadyState(); got != sockettask.Closing {
		t.Errorf("ReadyState() after Close while CONNECTING = %v, want Closing", got)
	}
	if got, want := r.waitClose(t), (sockettask.OnCloseCallbackResult{Code: 1006}); got != want {
		t.Errorf("onClose = %+v, want %+v", got, want)
	}
	want := []string{"error:connectSocket:fail closed before the connection was established", "close:1006:"}
	if got := r.lines(); !equalStrings(got, want) {
		t.Errorf("events = %q, want %q", got, want)
	}
}

func TestSocketTaskIDsIncrease(t *testing.T) {
	t.Parallel()
	srv := wspeer.NewServer(t, wspeer.Options{})
	var last int64
	for i := range 3 {
		task, _ := connect(t, srv.URL)
		id := task.SocketTaskID()
		if id <= last {
			t.Errorf("task %d: SocketTaskID() = %d, want more than the previous task's %d", i, id, last)
		}
		last = id
	}
}

// TestEarlyMessagesReachLateHandlers: the server sends as soon as the
// handshake is done, while the test is still registering handlers right
// after ConnectSocket returned. Nothing may be lost or reordered.
func TestEarlyMessagesReachLateHandlers(t *testing.T) {
	t.Parallel()
	const n = 100
	greeting := make([]string, n)
	want := []string{"open"}
	for i := range greeting {
		greeting[i] = fmt.Sprintf("g%d", i)
		want = append(want, "text:"+greeting[i])
	}
	srv := wspeer.NewServer(t, wspeer.Options{Greeting: greeting})
	_, r := connect(t, srv.URL)
	r.waitOpen(t)
	for range n {
		r.nextMessage(t)
	}
	if got := r.lines(); !equalStrings(got, want) {
		t.Errorf("events = %q, want %q", got, want)
	}
}

// TestParkedEventsReachLateHandlers makes the race of the test above
// certain: onOpen and onMessage are registered only after onClose, so the
// reader has read everything, and parked open and the messages. The
// registering calls deliver them before they return.
func TestParkedEventsReachLateHandlers(t *testing.T) {
	t.Parallel()
	srv := newHeldServer(t, heldOptions{
		Greeting:  []string{"g0", "g1", "g2", "g3", "g4"},
		ThenClose: &wspeer.CloseFrame{Code: 4002, Reason: "srv"},
	})
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: srv.URL})
	if err != nil {
		t.Fatalf("ConnectSocket = %v", err)
	}
	r := newRecorder(t, task)
	task.OnClose(r.onClose)
	closeAtCleanup(t, task, r)
	r.waitClose(t)

	task.OnOpen(r.onOpen)
	task.OnMessage(r.onMessage)
	task.OnError(r.onError)
	// Kinds with a handler keep flowing while others are parked, so close
	// came first here; each registration then delivered its parked events.
	want := []string{"close:4002:srv", "open", "text:g0", "text:g1", "text:g2", "text:g3", "text:g4"}
	if got := r.lines(); !equalStrings(got, want) {
		t.Errorf("events right after registering = %q, want %q", got, want)
	}
}
