//go:build !js

package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestJSBuildLinksNoGorilla: the js/wasm build talks to the host's
// WebSocket through Taro; gorilla (and Go's fake js/wasm networking under
// it) must not be linked.
func TestJSBuildLinksNoGorilla(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("GOOS=js GOARCH=wasm go list -deps: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(dep, "gorilla/websocket") {
			t.Errorf("the js/wasm build links %s", dep)
		}
	}
}
