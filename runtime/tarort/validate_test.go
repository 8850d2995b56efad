//go:build !js

package tarort

import (
	"errors"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/internal/wspeer"
)

func TestConnectValidation(t *testing.T) {
	before := Latest()
	tests := []struct {
		name string
		cfg  ConnectConfig
		want string
	}{
		{"ftp url", ConnectConfig{URL: "ftp://x"}, `connectSocket:fail invalid url "ftp://x"`},
		{"http url", ConnectConfig{URL: "http://example.com"}, `connectSocket:fail invalid url "http://example.com"`},
		{"empty url", ConnectConfig{}, `connectSocket:fail invalid url ""`},
		{"no host", ConnectConfig{URL: "ws://"}, `connectSocket:fail invalid url "ws://"`},
		{"userinfo", ConnectConfig{URL: "ws://u:p@example.com/"}, `connectSocket:fail invalid url "ws://u:p@example.com/"`},
		{"unparsable", ConnectConfig{URL: "ws://%zz"}, `connectSocket:fail invalid url "ws://%zz"`},
		{"referer", ConnectConfig{URL: "ws://h/", Header: map[string]string{"Referer": "x"}},
			`connectSocket:fail header "Referer" cannot be set`},
		{"referer any case", ConnectConfig{URL: "ws://h/", Header: map[string]string{"referer": "x"}},
			`connectSocket:fail header "referer" cannot be set`},
		{"CRLF in value", ConnectConfig{URL: "ws://h/", Header: map[string]string{"X-A": "a\r\nX-B: b"}},
			`connectSocket:fail header "X-A" contains CR or LF`},
		{"LF in name", ConnectConfig{URL: "ws://h/", Header: map[string]string{"X-A\nB": "a"}},
			`connectSocket:fail header "X-A\nB" contains CR or LF`},
		{"invalid name", ConnectConfig{URL: "ws://h/", Header: map[string]string{"X A": "a"}},
			`connectSocket:fail invalid header name "X A"`},
		{"empty name", ConnectConfig{URL: "ws://h/", Header: map[string]string{"": "a"}},
			`connectSocket:fail invalid header name ""`},
		{"control char", ConnectConfig{URL: "ws://h/", Header: map[string]string{"X-A": "a\x00"}},
			`connectSocket:fail header "X-A" value contains a control character`},
		{"handshake header", ConnectConfig{URL: "ws://h/", Header: map[string]string{"upgrade": "h2c"}},
			`connectSocket:fail header "upgrade" is set by the WebSocket handshake and cannot be overridden`},
		{"protocol header", ConnectConfig{URL: "ws://h/", Header: map[string]string{"Sec-WebSocket-Protocol": "a"}},
			`connectSocket:fail header "Sec-WebSocket-Protocol" is set by the WebSocket handshake and cannot be overridden`},
		{"first bad header in sorted order", ConnectConfig{URL: "ws://h/", Header: map[string]string{"Z Z": "a", "A A": "b"}},
			`connectSocket:fail invalid header name "A A"`},
		{"bad protocol", ConnectConfig{URL: "ws://h/", Protocols: []string{"a b"}},
			`connectSocket:fail invalid protocol "a b"`},
		{"duplicate protocol", ConnectConfig{URL: "ws://h/", Protocols: []string{"chat", "chat"}},
			`connectSocket:fail duplicate protocol "chat"`},
		{"negative MaxPendingMessages", ConnectConfig{URL: "ws://h/", MaxPendingMessages: -1},
			`connectSocket:fail MaxPendingMessages is -1: must not be negative`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Connect("connectSocket", tt.cfg)
			if s != nil {
				t.Errorf("Connect() returned a task, want nil")
			}
			if err == nil || err.Error() != tt.want {
				t.Fatalf("Connect() error = %v, want %s", err, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) || e.API != "connectSocket" || e.ErrMsg() != tt.want {
				t.Errorf("errors.As(%v, *Error) = %+v, want API connectSocket", err, e)
			}
			if !errors.Is(err, ErrInvalidOption) {
				t.Errorf("errors.Is(%v, ErrInvalidOption) = false, want true", err)
			}
		})
	}
	if Latest() != before {
		t.Errorf("Latest() changed after failed Connects")
	}
}

func TestCloseValidation(t *testing.T) {
	srv := wspeer.NewServer(t, wspeer.Options{})
	s, r := dial(t, srv.URL, ConnectConfig{})
	tests := []struct {
		code    int
		hasCode bool
		reason  string
		want    string
	}{
		{999, true, "", "SocketTask.close:fail invalid close code 999: must be 1000 or 3000-4999"},
		{1001, true, "", "SocketTask.close:fail invalid close code 1001: must be 1000 or 3000-4999"},
		{2999, true, "", "SocketTask.close:fail invalid close code 2999: must be 1000 or 3000-4999"},
		{5000, true, "", "SocketTask.close:fail invalid close code 5000: must be 1000 or 3000-4999"},
		{0, true, "", "SocketTask.close:fail invalid close code 0: must be 1000 or 3000-4999"},
		{1000, true, strings.Repeat("x", 130), "SocketTask.close:fail reason is 130 bytes: must be at most 123 bytes of UTF-8"},
		{0, false, strings.Repeat("é", 62), "SocketTask.close:fail reason is 124 bytes: must be at most 123 bytes of UTF-8"},
		{4000, true, "bad\xff", "SocketTask.close:fail reason is not valid UTF-8"},
	}
	for _, tt := range tests {
		err := s.Close("SocketTask.close", tt.code, tt.hasCode, tt.reason)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Close(%d, %v, %d-byte reason) = %v, want %s", tt.code, tt.hasCode, len(tt.reason), err, tt.want)
		}
		if !errors.Is(err, ErrInvalidOption) {
			t.Errorf("errors.Is(%v, ErrInvalidOption) = false, want true", err)
		}
		if got := s.ErrMsg(); got != tt.want {
			t.Errorf("ErrMsg() = %q, want %q", got, tt.want)
		}
	}
	if got := s.ReadyState(); got != Open {
		t.Fatalf("ReadyState() after refused closes = %d, want Open", got)
	}
	// Nothing was sent: the connection still echoes.
	mustSend(t, s, false, []byte("still open"))
	if got := r.next(t); got != "text:still open" {
		t.Fatalf("event = %q, want text:still open", got)
	}
	// The limits themselves are accepted.
	if err := s.Close("SocketTask.close", 4999, true, strings.Repeat("x", 123)); err != nil {
		t.Fatalf("Close(4999, 123-byte reason) = %v, want nil", err)
	}
	if got, want := srv.NextClose(t), (wspeer.CloseFrame{Code: 4999, Reason: strings.Repeat("x", 123)}); got != want {
		t.Errorf("server received close %+v, want %+v", got, want)
	}
	if got := s.ErrMsg(); got != "closeSocket:ok" {
		t.Errorf("ErrMsg() = %q, want closeSocket:ok (Taro's success errMsg for SocketTask.close)", got)
	}
}

func TestErrorValues(t *testing.T) {
	e := Fail("sendSocketMessage", ErrNoTask, "no socket task: call connectSocket first")
	if got, want := e.Error(), "sendSocketMessage:fail no socket task: call connectSocket first"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if e.ErrMsg() != e.Error() {
		t.Errorf("ErrMsg() = %q, want Error() %q", e.ErrMsg(), e.Error())
	}
	if !errors.Is(e, ErrNoTask) || errors.Is(e, ErrClosed) {
		t.Errorf("errors.Is matches the wrong sentinel for %v", e)
	}
	ns := NotSupported("SocketTask.send", "js/wasm")
	if got, want := ns.Error(), "SocketTask.send:fail not supported on js/wasm"; got != want || !errors.Is(ns, ErrNotSupported) {
		t.Errorf("NotSupported() = %q, want %q with ErrNotSupported", got, want)
	}
	// Taro H5's and React Native's SocketTask report the global API's name
	// on success (packages/taro-h5/src/api/network/websocket/socketTask.ts,
	// packages/taro-rn/src/lib/connectSocket/socketTask.ts).
	for api, want := range map[string]string{
		"connectSocket":     "connectSocket:ok",
		"SocketTask.send":   "sendSocketMessage:ok",
		"SocketTask.close":  "closeSocket:ok",
		"sendSocketMessage": "sendSocketMessage:ok",
		"closeSocket":       "closeSocket:ok",
	} {
		if got := OKMsg(api); got != want {
			t.Errorf("OKMsg(%q) = %q, want %q", api, got, want)
		}
	}
	cause := errors.New("boom")
	fc := failCause("connectSocket", cause, "boom", ErrHandshake, ErrTimeout)
	if !errors.Is(fc, ErrHandshake) || !errors.Is(fc, ErrTimeout) || !errors.Is(fc, cause) {
		t.Errorf("failCause: errors.Is misses a sentinel or the cause")
	}
	if got, want := fc.Err.Error(), "websocket handshake failed: timeout: boom"; got != want {
		t.Errorf("failCause().Err.Error() = %q, want %q", got, want)
	}
	sentinels := []error{ErrInvalidOption, ErrNotOpen, ErrNotSupported, ErrClosed, ErrTimeout, ErrNoTask,
		ErrHandshake, ErrProtocol, ErrTooLarge, ErrAbnormalClosure}
	for i, a := range sentinels {
		for _, b := range sentinels[i+1:] {
			if errors.Is(a, b) || a.Error() == b.Error() {
				t.Errorf("sentinels %q and %q are not distinct", a, b)
			}
		}
	}
}
