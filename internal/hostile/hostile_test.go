package hostile_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.uber.org/goleak"

	"github.com/tarogen/tarogen/generated/sockettask"
	"github.com/tarogen/tarogen/internal/hostile"
	"github.com/tarogen/tarogen/runtime/tarort"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestGeneratedPackage drives a few hostile cases through the generated
// package, the way a program uses it, and pins what its callbacks see; the
// runtime's hostile_test.go has the full list.
func TestGeneratedPackage(t *testing.T) {
	u64 := func(n uint64) *uint64 { return &n }
	for _, tc := range []struct {
		name   string
		config tarort.ConnectConfig
		frames []byte
		wire   int
		want   []string
	}{
		{
			name: "fragmented text arrives as one Text",
			frames: hostile.Concat(
				hostile.Fragment(hostile.OpText, false, []byte("a\xe2")),
				hostile.Ping([]byte("x")),
				hostile.Fragment(hostile.OpContinuation, true, []byte("\x82\xacb")),
				hostile.Close(4999, "done"),
			),
			wire: 4999,
			want: []string{"open", "text:a€b", "close:4999:done"},
		},
		{
			name:   "RSV1 set",
			frames: hostile.Frame{Fin: true, RSV1: true, Opcode: hostile.OpBinary}.Bytes(),
			wire:   1002,
			want:   []string{"open", "error:connectSocket:fail protocol error: RSV1 set", "close:1002:RSV1 set"},
		},
		{
			name:   "invalid UTF-8",
			frames: hostile.Text("\xc3\x28"),
			wire:   1007,
			want:   []string{"open", "error:connectSocket:fail invalid UTF-8 in text message", "close:1007:invalid UTF-8 in text message"},
		},
		{
			name:   "close frame with a 1-byte body",
			frames: hostile.ClosePayload([]byte{3}),
			wire:   1002,
			want:   []string{"open", "error:connectSocket:fail close frame body of 1 byte", "close:1002:close frame body of 1 byte"},
		},
		{
			name:   "over the read limit",
			config: tarort.ConnectConfig{ReadLimit: 100},
			frames: hostile.Frame{Fin: true, Opcode: hostile.OpBinary, Length: u64(101)}.Bytes(),
			wire:   1009,
			want:   []string{"open", "error:connectSocket:fail message exceeds the read limit of 100 bytes", "close:1009:"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := hostile.Listen(t)
			var (
				mu     sync.Mutex
				events []string
				closed = make(chan struct{})
			)
			add := func(e string) {
				mu.Lock()
				events = append(events, e)
				mu.Unlock()
			}
			task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: p.URL, Config: tc.config})
			if err != nil {
				t.Fatalf("ConnectSocket(%q) = %v, want nil", p.URL, err)
			}
			task.OnOpen(func(sockettask.OnOpenCallbackResult) { add("open") })
			task.OnMessage(func(r sockettask.OnMessageCallbackResult) {
				switch d := r.Data.(type) {
				case sockettask.Text:
					add("text:" + string(d))
				case sockettask.Binary:
					add(fmt.Sprintf("binary:%d", len(d)))
				}
			})
			task.OnError(func(r sockettask.OnErrorCallbackResult) { add("error:" + r.ErrMsg) })
			task.OnClose(func(r sockettask.OnCloseCallbackResult) {
				add(fmt.Sprintf("close:%d:%s", r.Code, r.Reason))
				close(closed)
			})
			c := p.Next(t)
			wire := c.Drain(30 * time.Second)
			c.Write(tc.frames)
			out := <-wire
			select {
			case <-closed:
			case <-time.After(30 * time.Second):
				t.Fatalf("no onClose within 30s")
			}
			if out.Code != tc.wire {
				t.Errorf("close code on the wire = %d, want %d", out.Code, tc.wire)
			}
			mu.Lock()
			defer mu.Unlock()
			if diff := cmp.Diff(tc.want, events); diff != "" {
				t.Errorf("callbacks (-want +got):\n%s", diff)
			}
			if got := task.ReadyState(); got != sockettask.Closed {
				t.Errorf("ReadyState() = %d, want Closed", got)
			}
		})
	}
}

// TestFrameBytes pins the frame builder on the examples of RFC 6455 §5.7.
func TestFrameBytes(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  []byte
		want []byte
	}{
		{"unmasked text", hostile.Text("Hello"), []byte{0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f}},
		{"masked text", hostile.Frame{Fin: true, Opcode: hostile.OpText, Mask: true, MaskKey: [4]byte{0x37, 0xfa, 0x21, 0x3d}, Payload: []byte("Hello")}.Bytes(),
			[]byte{0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58}},
		{"fragments", hostile.Concat(hostile.Fragment(hostile.OpText, false, []byte("Hel")), hostile.Fragment(hostile.OpContinuation, true, []byte("lo"))),
			[]byte{0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f}},
		{"ping", hostile.Ping([]byte("Hello")), []byte{0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f}},
		{"256 bytes binary", hostile.Binary(make([]byte, 256))[:4], []byte{0x82, 0x7E, 0x01, 0x00}},
		{"64 KiB binary", hostile.Binary(make([]byte, 65536))[:10], []byte{0x82, 0x7F, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00}},
		{"forced 64-bit form", hostile.Frame{Fin: true, Opcode: hostile.OpBinary, LenForm: hostile.Len64, Payload: []byte{7}}.Bytes(),
			[]byte{0x82, 127, 0, 0, 0, 0, 0, 0, 0, 1, 7}},
		{"RSV bits", hostile.Frame{RSV1: true, RSV2: true, RSV3: true, Opcode: 0xb}.Bytes(), []byte{0x7b, 0}},
	} {
		if diff := cmp.Diff(tc.want, tc.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}
