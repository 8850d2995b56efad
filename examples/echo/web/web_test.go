package main

import (
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tarogen/tarogen/internal/jshost"
)

// TestPageInChromium follows the README's browser steps: the js/wasm build
// of examples/echo and the Taro H5 bundle, served by this command, echo
// through its /ws in headless Chromium.
func TestPageInChromium(t *testing.T) {
	taro := jshost.TaroH5Bundle(t)
	wasm := jshost.BuildProgram(t, "./examples/echo", "-s -w")
	h, err := newHandler(wasm, taro)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	r := jshost.RunPage(t, srv.URL+"/?args=-n+2+hello+你好", 0)
	got := strings.Split(strings.TrimSpace(regexp.MustCompile(`127\.0\.0\.1:\d+`).ReplaceAllString(r.Output, "127.0.0.1:PORT")), "\n")
	// Taro H5's SocketTask has no socketTaskId, and its onOpen gets a DOM
	// Event: no response headers.
	want := []string{
		"connect ws://127.0.0.1:PORT/ws",
		"open    socketTaskId=0",
		"header  Connection: <nil>",
		"header  Upgrade: <nil>",
		`message text "hello"`, `message text "你好"`, `message text "hello"`, `message text "你好"`,
		`close   1000 "done"`,
	}
	if diff := cmp.Diff(want, got); diff != "" || r.ExitCode != 0 || len(r.Host) > 0 {
		t.Errorf("exit %d, host %q, output (-want +got):\n%s", r.ExitCode, r.Host, diff)
	}
}

func TestNeedsWasm(t *testing.T) {
	if _, err := newHandler("", "x"); err == nil || !strings.Contains(err.Error(), "-wasm is required") {
		t.Errorf("newHandler without -wasm: err = %v, want -wasm is required", err)
	}
}
