//go:build !js

package tarort

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tarogen/tarogen/internal/hostile"
)

// The hostile-peer conformance suite: a raw-TCP peer (internal/hostile)
// upgrades by hand and then writes hand-built frames. Each case pins what
// can be observed from outside: the close code the client puts on the wire
// (read off the wire by the peer; 1006 when it sends no close frame), the
// task's events (messages, then onError only for an abnormal end, then
// onClose exactly once), and the final ReadyState CLOSED. TestMain's goleak
// check covers "no goroutine left".
//
// Who catches what (gorilla v1.5.3 vs the runtime):
//   - gorilla: RSV bits, reserved opcodes, masked server frames, control
//     frames over 125 bytes or fragmented, data frames out of sequence,
//     invalid close codes, invalid UTF-8 in a close reason (1002), frames
//     over the read limit (1009).
//   - the runtime: invalid UTF-8 in a text message (1007, checked on the
//     whole message, so a rune split across fragments is fine), a close
//     frame with a 1-byte body and a 64-bit length with its top bit set
//     (1002; framewatch.go), timeouts and dropped connections (1006).

// expect is a case's pinned outcome.
type expect struct {
	messages []string // event lines between open and error/close
	wire     int      // close code the client sent; 1006 = no close frame
	errMsg   string   // onError's errMsg; "" = no onError
	errIs    error    // sentinel onError's Err must match
	close    string   // onClose as "close:<code>:<reason>"
}

// hostileRun connects a task with cfg to a fresh hostile peer, runs peer
// on the peer's side of the connection while draining what the client
// writes, and returns what the client sent and its events.
func hostileRun(t *testing.T, cfg ConnectConfig, peer func(c *hostile.Conn)) (hostile.Outcome, *Socket, *recorder) {
	t.Helper()
	p := hostile.Listen(t)
	s, r := dial(t, p.URL, cfg)
	c := p.Next(t)
	wire := c.Drain(waitTimeout)
	peer(c)
	out := <-wire
	r.waitClosed(t)
	return out, s, r
}

// checkOutcome compares a run with want.
func checkOutcome(t *testing.T, out hostile.Outcome, s *Socket, r *recorder, want expect) {
	t.Helper()
	if out.UnmaskedErr {
		t.Errorf("client sent an unmasked frame")
	}
	if out.Code != want.wire {
		t.Errorf("close code on the wire = %d (%q), want %d", out.Code, out.Reason, want.wire)
	}
	wantLines := append([]string{"open"}, want.messages...)
	if want.errMsg != "" {
		wantLines = append(wantLines, "error:"+want.errMsg)
	}
	wantLines = append(wantLines, want.close)
	if diff := cmp.Diff(wantLines, r.lines()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if errs := r.errors(); want.errIs != nil && (len(errs) != 1 || !errors.Is(errs[0].Err, want.errIs)) {
		t.Errorf("onError = %+v, want one matching %v", errs, want.errIs)
	}
	if got := s.ReadyState(); got != Closed {
		t.Errorf("ReadyState() = %d, want %d (CLOSED)", got, Closed)
	}
}

// protocolError is the outcome of a violation gorilla reports: close 1002
// with gorilla's message as the reason.
func protocolError(reason string) expect {
	return expect{
		wire:   1002,
		errMsg: "connectSocket:fail protocol error: " + reason,
		errIs:  ErrProtocol,
		close:  "close:1002:" + reason,
	}
}

// closeAfter is the peer's part of most cases: write frames, then close
// 1000 "bye" (which a client still talking answers, and a client that
// failed the connection never reads).
func closeAfter(frames ...[]byte) func(c *hostile.Conn) {
	return func(c *hostile.Conn) {
		c.Write(hostile.Concat(append(frames, hostile.Close(1000, "bye"))...))
	}
}

var normalBye = expect{wire: 1000, close: "close:1000:bye"}

func withMessages(e expect, messages ...string) expect {
	e.messages = messages
	return e
}

func TestHostilePeer(t *testing.T) {
	u64 := func(n uint64) *uint64 { return &n }
	const euro = "\u20ac" // E2 82 AC
	type hostileCase struct {
		name string
		cfg  ConnectConfig
		peer func(c *hostile.Conn)
		want expect
	}
	cases := []hostileCase{
		{
			name: "fragmented text in 3 frames is delivered whole",
			peer: closeAfter(
				hostile.Fragment(hostile.OpText, false, []byte("hel")),
				hostile.Fragment(hostile.OpContinuation, false, []byte("lo, ")),
				hostile.Fragment(hostile.OpContinuation, true, []byte("world")),
			),
			want: withMessages(normalBye, "text:hello, world"),
		},
		{
			name: "fragmented binary with 16- and 64-bit length forms",
			peer: closeAfter(
				hostile.Frame{Opcode: hostile.OpBinary, LenForm: hostile.Len16, Payload: make([]byte, 10)}.Bytes(),
				hostile.Frame{Fin: true, Opcode: hostile.OpContinuation, LenForm: hostile.Len64, Payload: make([]byte, 300)}.Bytes(),
			),
			want: withMessages(normalBye, "binary:310"),
		},
		{
			name: "pings between fragments are answered and the message stays whole",
			peer: func(c *hostile.Conn) {
				c.Write(hostile.Concat(
					hostile.Fragment(hostile.OpText, false, []byte("a")),
					hostile.Ping([]byte("p1")),
					hostile.Fragment(hostile.OpContinuation, false, []byte("b")),
					hostile.Ping(nil),
					hostile.Frame{Fin: true, Opcode: hostile.OpPong, Payload: []byte("unsolicited")}.Bytes(),
					hostile.Ping([]byte("p3")),
					hostile.Fragment(hostile.OpContinuation, true, []byte("c")),
					hostile.Close(1000, "bye"),
				))
			},
			want: withMessages(normalBye, "text:abc"),
		},
		{
			name: "ping payload of 126 bytes",
			peer: closeAfter(hostile.Ping(make([]byte, 126))),
			want: protocolError("len > 125 for control"),
		},
		{
			name: "fragmented ping",
			peer: closeAfter(hostile.Frame{Opcode: hostile.OpPing}.Bytes()),
			want: protocolError("FIN not set on control"),
		},
		{
			name: "RSV1 set",
			peer: closeAfter(hostile.Frame{Fin: true, RSV1: true, Opcode: hostile.OpText, Payload: []byte("x")}.Bytes()),
			want: protocolError("RSV1 set"),
		},
		{
			name: "RSV2 set",
			peer: closeAfter(hostile.Frame{Fin: true, RSV2: true, Opcode: hostile.OpBinary}.Bytes()),
			want: protocolError("RSV2 set"),
		},
		{
			name: "RSV3 set on a ping",
			peer: closeAfter(hostile.Frame{Fin: true, RSV3: true, Opcode: hostile.OpPing}.Bytes()),
			want: protocolError("RSV3 set"),
		},
		{
			name: "masked server frame",
			peer: closeAfter(hostile.Frame{Fin: true, Mask: true, MaskKey: [4]byte{1, 2, 3, 4}, Opcode: hostile.OpText, Payload: []byte("hi")}.Bytes()),
			want: protocolError("bad MASK"),
		},
		{
			name: "continuation without a first frame",
			peer: closeAfter(hostile.Fragment(hostile.OpContinuation, true, []byte("x"))),
			want: protocolError("continuation after FIN"),
		},
		{
			name: "new message inside a fragmented one",
			peer: closeAfter(hostile.Fragment(hostile.OpText, false, []byte("x")), hostile.Text("y")),
			want: protocolError("data before FIN"),
		},
		{
			name: "frame over the read limit is refused from its header",
			cfg:  ConnectConfig{ReadLimit: 1024},
			// Only the header: the client must not wait for 2048 bytes.
			peer: func(c *hostile.Conn) {
				c.Write(hostile.Frame{Fin: true, Opcode: hostile.OpBinary, Length: u64(2048)}.Bytes())
			},
			want: expect{wire: 1009, errMsg: "connectSocket:fail message exceeds the read limit of 1024 bytes", errIs: ErrTooLarge, close: "close:1009:"},
		},
		{
			name: "fragments adding up to over the read limit",
			cfg:  ConnectConfig{ReadLimit: 1024},
			peer: closeAfter(
				hostile.Fragment(hostile.OpBinary, false, make([]byte, 600)),
				hostile.Fragment(hostile.OpContinuation, true, make([]byte, 600)),
			),
			want: expect{wire: 1009, errMsg: "connectSocket:fail message exceeds the read limit of 1024 bytes", errIs: ErrTooLarge, close: "close:1009:"},
		},
		{
			name: "message of exactly the read limit",
			cfg:  ConnectConfig{ReadLimit: 1024},
			peer: closeAfter(hostile.Binary(make([]byte, 1024))),
			want: withMessages(normalBye, "binary:1024"),
		},
		{
			name: "64-bit length with the top bit set",
			peer: func(c *hostile.Conn) {
				c.Write(hostile.Frame{Fin: true, Opcode: hostile.OpBinary, Length: u64(1 << 63)}.Bytes())
			},
			want: expect{wire: 1002, errMsg: "connectSocket:fail invalid frame length: most significant bit set", errIs: ErrProtocol, close: "close:1002:invalid frame length: most significant bit set"},
		},
		{
			name: "invalid UTF-8 in a text frame",
			peer: closeAfter(hostile.Text("ok\xff")),
			want: expect{wire: 1007, errMsg: "connectSocket:fail invalid UTF-8 in text message", errIs: ErrProtocol, close: "close:1007:invalid UTF-8 in text message"},
		},
		{
			name: "rune split across fragments is valid",
			peer: closeAfter(
				hostile.Fragment(hostile.OpText, false, []byte("1"+euro[:1])),
				hostile.Fragment(hostile.OpContinuation, false, []byte(euro[1:2])),
				hostile.Fragment(hostile.OpContinuation, true, []byte(euro[2:]+"2")),
			),
			want: withMessages(normalBye, "text:1"+euro+"2"),
		},
		{
			name: "truncated rune across fragments",
			peer: closeAfter(
				hostile.Fragment(hostile.OpText, false, []byte("1"+euro[:2])),
				hostile.Fragment(hostile.OpContinuation, true, []byte("2")),
			),
			want: expect{wire: 1007, errMsg: "connectSocket:fail invalid UTF-8 in text message", errIs: ErrProtocol, close: "close:1007:invalid UTF-8 in text message"},
		},
		{
			name: "rune truncated at the end of the message",
			peer: closeAfter(
				hostile.Fragment(hostile.OpText, false, []byte("1")),
				hostile.Fragment(hostile.OpContinuation, true, []byte(euro[:2])),
			),
			want: expect{wire: 1007, errMsg: "connectSocket:fail invalid UTF-8 in text message", errIs: ErrProtocol, close: "close:1007:invalid UTF-8 in text message"},
		},
		{
			name: "invalid UTF-8 in a binary message is fine",
			peer: closeAfter(hostile.Binary([]byte{0xff, 0xfe})),
			want: withMessages(normalBye, "binary:2"),
		},
		{
			// RFC 6455 §8.1 says to fail the connection; of the codes,
			// 1007 (§7.4.1) is for data "within a message", and a close
			// frame is not a message but a control frame whose body is
			// malformed, so 1002. It is also what gorilla sends, and
			// Autobahn's case 7.5.1 accepts either.
			name: "invalid UTF-8 in a close reason",
			peer: func(c *hostile.Conn) { c.Write(hostile.Close(1000, "\xff")) },
			want: protocolError("invalid utf8 payload in close frame"),
		},
		{
			name: "close frame with a 1-byte body",
			peer: func(c *hostile.Conn) { c.Write(hostile.ClosePayload([]byte{0x03})) },
			want: expect{wire: 1002, errMsg: "connectSocket:fail close frame body of 1 byte", errIs: ErrProtocol, close: "close:1002:close frame body of 1 byte"},
		},
		{
			name: "close frame with an empty body is 1005",
			peer: func(c *hostile.Conn) { c.Write(hostile.ClosePayload(nil)) },
			want: expect{wire: 1005, close: "close:1005:"},
		},
		{
			name: "close frame over 125 bytes",
			peer: func(c *hostile.Conn) { c.Write(hostile.Close(1000, strings.Repeat("x", 124))) },
			want: protocolError("len > 125 for control"),
		},
		{
			name: "close in the middle of a fragmented message",
			peer: func(c *hostile.Conn) {
				c.Write(hostile.Concat(hostile.Fragment(hostile.OpText, false, []byte("x")), hostile.Close(1001, "away")))
			},
			want: expect{wire: 1001, close: "close:1001:away"},
		},
		{
			name: "disconnect mid-frame",
			peer: func(c *hostile.Conn) {
				c.Write(hostile.Frame{Fin: true, Opcode: hostile.OpBinary, Length: u64(1000), Payload: make([]byte, 10)}.Bytes())
				c.Close()
			},
			want: expect{wire: 1006, errMsg: "connectSocket:fail connection closed abnormally: unexpected EOF", errIs: ErrAbnormalClosure, close: "close:1006:"},
		},
		{
			name: "disconnect mid-header",
			peer: func(c *hostile.Conn) {
				c.Write([]byte{0x82, 127, 0, 0})
				c.CloseWrite()
			},
			want: expect{wire: 1006, errMsg: "connectSocket:fail connection closed abnormally: unexpected EOF", errIs: ErrAbnormalClosure, close: "close:1006:"},
		},
		{
			name: "peer goes silent (half-open)",
			cfg:  ConnectConfig{PingInterval: 50 * time.Millisecond, PongTimeout: 100 * time.Millisecond},
			peer: func(c *hostile.Conn) {}, // reads (Drain) but never answers pings
			want: expect{wire: 1006, errMsg: "connectSocket:fail no frame from the peer within 150ms (PingInterval+PongTimeout)", errIs: ErrTimeout, close: "close:1006:"},
		},
	}
	for _, op := range []byte{3, 4, 5, 6, 7, 0xb, 0xc, 0xd, 0xe, 0xf} {
		cases = append(cases, hostileCase{
			name: fmt.Sprintf("reserved opcode %#x", op),
			peer: closeAfter(hostile.Frame{Fin: true, Opcode: op, Payload: []byte("x")}.Bytes()),
			want: protocolError(fmt.Sprintf("bad opcode %d", op)),
		})
	}
	for _, code := range []uint16{0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535} {
		cases = append(cases, hostileCase{
			name: fmt.Sprintf("invalid close code %d", code),
			peer: func(c *hostile.Conn) { c.Write(hostile.Close(code, "")) },
			want: protocolError(fmt.Sprintf("bad close code %d", code)),
		})
	}
	for _, code := range []uint16{1000, 1001, 1011, 3000, 4999} {
		cases = append(cases, hostileCase{
			name: fmt.Sprintf("valid close code %d is echoed", code),
			peer: func(c *hostile.Conn) { c.Write(hostile.Close(code, "why")) },
			want: expect{wire: int(code), close: fmt.Sprintf("close:%d:why", code)},
		})
	}

	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out, s, r := hostileRun(t, tc.cfg, tc.peer)
			checkOutcome(t, out, s, r, tc.want)
		})
	}
}

// TestHostileGreeting: frames that arrive in the same TCP segment as the
// 101 response are read as frames (the frame watch must find where the
// HTTP response ends), before any handler is registered (parked).
func TestHostileGreeting(t *testing.T) {
	for _, tc := range []struct {
		name     string
		greeting []byte
		want     []string
		wire     int
	}{
		{"message and close", hostile.Concat(hostile.Text("hi"), hostile.Close(1000, "bye")), []string{"open", "text:hi", "close:1000:bye"}, 1000},
		{"1-byte close body", hostile.ClosePayload([]byte{1}), []string{"open", "error:connectSocket:fail close frame body of 1 byte", "close:1002:close frame body of 1 byte"}, 1002},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := hostile.Listen(t)
			p.SetGreeting(tc.greeting)
			s, err := Connect("connectSocket", ConnectConfig{URL: p.URL})
			if err != nil {
				t.Fatal(err)
			}
			c := p.Next(t)
			wire := c.Drain(waitTimeout)
			r := record(t, s) // after the events arrived, maybe: they are parked
			out := <-wire
			r.waitClosed(t)
			if out.Code != tc.wire {
				t.Errorf("close code on the wire = %d, want %d", out.Code, tc.wire)
			}
			if diff := cmp.Diff(tc.want, r.lines()); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
		})
	}
}

// TestHostileTLS runs the cases the frame watch handles over wss://, where
// it must see the decrypted stream.
func TestHostileTLS(t *testing.T) {
	for _, tc := range []struct {
		name  string
		peer  []byte
		wire  int
		lines []string
	}{
		{"message and close", hostile.Concat(hostile.Text("hi"), hostile.Close(3000, "x")), 3000, []string{"open", "text:hi", "close:3000:x"}},
		{"1-byte close body", hostile.ClosePayload([]byte{1}), 1002, []string{"open", "error:connectSocket:fail close frame body of 1 byte", "close:1002:close frame body of 1 byte"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, roots := hostile.ListenTLS(t)
			s, r := dial(t, p.URL, ConnectConfig{TLSConfig: tlsConfig(roots)})
			c := p.Next(t)
			wire := c.Drain(waitTimeout)
			c.Write(tc.peer)
			out := <-wire
			r.waitClosed(t)
			if out.Code != tc.wire {
				t.Errorf("close code on the wire = %d, want %d", out.Code, tc.wire)
			}
			if diff := cmp.Diff(tc.lines, r.lines()); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
			if s.ReadyState() != Closed {
				t.Errorf("ReadyState() = %d, want CLOSED", s.ReadyState())
			}
		})
	}
}

// TestHostileNeverReads: a peer that never reads. Send blocks once the TCP
// buffers are full, fails after WriteTimeout, and fails the connection;
// no goroutine stays blocked in a write (TestMain's goleak).
func TestHostileNeverReads(t *testing.T) {
	t.Parallel()
	p := hostile.Listen(t)
	s, r := dial(t, p.URL, ConnectConfig{WriteTimeout: 200 * time.Millisecond})
	p.Next(t) // never read from
	big := make([]byte, 1<<20)
	var err error
	for i := 0; i < 512 && err == nil; i++ {
		err = s.Send("SocketTask.send", true, big)
	}
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Send to a peer that never reads = %v, want ErrTimeout", err)
	}
	r.waitClosed(t)
	want := []string{"open", "error:connectSocket:fail write timed out after 200ms: the peer is not reading", "close:1006:"}
	if diff := cmp.Diff(want, r.lines()); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if err := s.Send("SocketTask.send", true, big); !errors.Is(err, ErrClosed) {
		t.Errorf("Send after the failure = %v, want ErrClosed", err)
	}
	if s.ReadyState() != Closed {
		t.Errorf("ReadyState() = %d, want CLOSED", s.ReadyState())
	}
}

// TestHostilePingFlood: 10,000 pings, each answered with its payload, in
// order, with the task still correct afterwards; the heap it leaves behind
// is small (answers are written, not queued).
func TestHostilePingFlood(t *testing.T) {
	const n = 10000
	heapAfterGC := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	before := heapAfterGC()
	var peak uint64
	out, s, r := hostileRun(t, ConnectConfig{PingInterval: -1}, func(c *hostile.Conn) {
		var batch []byte
		for i := range n {
			batch = append(batch, hostile.Ping([]byte(fmt.Sprintf("%d", i)))...)
			if len(batch) > 32<<10 {
				c.Write(batch)
				batch = batch[:0]
			}
			if i == n/2 {
				peak = heapAfterGC()
			}
		}
		c.Write(hostile.Concat(batch, hostile.Text("still here"), hostile.Close(1000, "bye")))
	})
	checkOutcome(t, out, s, r, withMessages(normalBye, "text:still here"))
	if len(out.Pongs) != n {
		t.Fatalf("got %d pongs, want %d", len(out.Pongs), n)
	}
	for i, p := range out.Pongs {
		if p != fmt.Sprint(i) {
			t.Fatalf("pong %d carries %q, want %q", i, p, fmt.Sprint(i))
		}
	}
	// Not a precise bound: 10,000 pongs queued would be far over it.
	t.Logf("heap: %d KiB before, %d KiB mid-flood", before>>10, peak>>10)
	if peak > before+(4<<20) {
		t.Errorf("heap grew from %d to %d KiB during the flood, want under 4 MiB of growth", before>>10, peak>>10)
	}
}

func tlsConfig(roots *x509.CertPool) *tls.Config { return &tls.Config{RootCAs: roots} }
