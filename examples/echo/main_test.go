package main

import (
	"bytes"
	"net"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// normalize replaces what changes from run to run: the server's port and
// the process-wide socketTaskId.
func normalize(out string) string {
	out = regexp.MustCompile(`127\.0\.0\.1:\d+`).ReplaceAllString(out, "127.0.0.1:PORT")
	return regexp.MustCompile(`socketTaskId=\d+`).ReplaceAllString(out, "socketTaskId=N")
}

func TestRun(t *testing.T) {
	header := []string{
		"connect ws://127.0.0.1:PORT/",
		"open    socketTaskId=N",
		"header  Connection: Upgrade",
		"header  Upgrade: websocket",
	}
	tests := []struct {
		name string
		args []string
		want []string // after header
	}{
		{"default message", nil, []string{
			`message text "hello"`,
		}},
		{"text, twice", []string{"-n", "2", "hi", "你好"}, []string{
			`message text "hi"`, `message text "你好"`,
			`message text "hi"`, `message text "你好"`,
		}},
		{"binary", []string{"-binary", "hi"}, []string{
			`message binary 2 bytes "hi"`,
		}},
		{"nothing to send", []string{"-n", "0"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(tt.args, &out); err != nil {
				t.Fatalf("run(%q) = %v, want nil; output:\n%s", tt.args, err, out.String())
			}
			want := append(append(append([]string(nil), header...), tt.want...), `close   1000 "done"`)
			got := strings.Split(strings.TrimSuffix(normalize(out.String()), "\n"), "\n")
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("run(%q) output mismatch (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

// TestRunURL connects to a server given by -url instead of its own.
func TestRunURL(t *testing.T) {
	url, stop, err := startEchoServer()
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	var out bytes.Buffer
	if err := run([]string{"-url", url, "x"}, &out); err != nil {
		t.Fatalf("run(-url %s x) = %v; output:\n%s", url, err, out.String())
	}
	if got := out.String(); !strings.HasPrefix(got, "connect "+url+"\n") || !strings.Contains(got, "message text \"x\"\n") {
		t.Errorf("run(-url %s x) output:\n%s\nwant it to connect to %s and get x back", url, got, url)
	}
}

func TestRunErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := "ws://" + ln.Addr().String() + "/"
	ln.Close() // nothing listens there now

	tests := []struct {
		name    string
		args    []string
		wantErr string // prefix
		wantOut []string
	}{
		{"invalid url", []string{"-url", "ftp://x"}, `connectSocket:fail invalid url "ftp://x"`,
			[]string{"connect ftp://x"}},
		{"nothing listening", []string{"-url", refused}, "connectSocket:fail dial tcp 127.0.0.1:",
			[]string{"connect ws://127.0.0.1:PORT/", "error   connectSocket:fail dial tcp 127.0.0.1:PORT: *", `close   1006 ""`}},
		{"bad flag", []string{"-nope"}, "flag provided but not defined: -nope", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(tt.args, &out)
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Fatalf("run(%q) = %v, want an error starting %q", tt.args, err, tt.wantErr)
			}
			if tt.wantOut == nil {
				return
			}
			got := strings.Split(strings.TrimSuffix(normalize(out.String()), "\n"), "\n")
			if !matchLines(got, tt.wantOut) {
				t.Errorf("run(%q) output = %q, want %q", tt.args, got, tt.wantOut)
			}
		})
	}
}

// matchLines compares got with want, where a want line ending in "*"
// matches any line with that prefix (the OS words errors).
func matchLines(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range want {
		if prefix, ok := strings.CutSuffix(want[i], "*"); ok {
			if !strings.HasPrefix(got[i], prefix) {
				return false
			}
		} else if got[i] != want[i] {
			return false
		}
	}
	return true
}
