//go:build !js

package main

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tarogen/tarogen/internal/jshost"
)

// TestInChromiumWithTaroH5 builds the example for js/wasm, with no platform
// tag and no set-up call, and runs it in headless Chromium beside a page
// that sets globalThis.Taro from Taro's real H5 runtime, against a local
// echo server: what the README's browser steps do.
func TestInChromiumWithTaroH5(t *testing.T) {
	bundle := jshost.TaroH5Bundle(t)
	wasm := jshost.BuildProgram(t, "./examples/echo", "-s -w")
	srv := httptest.NewServer(jshost.EchoHandler())
	defer srv.Close()
	url := "ws" + strings.TrimPrefix(srv.URL, "http") + "/"

	// Taro H5's onOpen gets a DOM Event: no response headers.
	header := []string{
		"connect ws://127.0.0.1:PORT/",
		"open    socketTaskId=N",
		"header  Connection: <nil>",
		"header  Upgrade: <nil>",
	}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"text", []string{"-n", "2", "hello", "你好"}, append(header,
			`message text "hello"`, `message text "你好"`, `message text "hello"`, `message text "你好"`,
			`close   1000 "done"`)},
		{"binary", []string{"-binary", "taro"}, append(header,
			`message binary 4 bytes "taro"`,
			`close   1000 "done"`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := jshost.RunChromium(t, wasm, jshost.Options{
				Args:    append([]string{"-url", url}, tt.args...),
				Scripts: []string{bundle},
			})
			got := strings.Split(strings.TrimSpace(normalize(r.Output)), "\n")
			if diff := cmp.Diff(tt.want, got); diff != "" || r.ExitCode != 0 || len(r.Host) > 0 {
				t.Errorf("echo %s: exit %d, host %q, output (-want +got):\n%s", strings.Join(tt.args, " "), r.ExitCode, r.Host, diff)
			}
		})
	}
}
