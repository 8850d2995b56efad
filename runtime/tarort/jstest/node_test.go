//go:build !js

package jstest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnderNode runs this package's js/wasm tests under Node.
func TestUnderNode(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node not found on PATH; CI must have Node.js (see .ci/run)")
		}
		t.Skip("node not found on PATH: install Node.js (apt-get install nodejs) to run the js/wasm backend tests")
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	wasmDir := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm")
	// Every test with no platform tag; the host lookup again under a
	// mini-program tag, where it falls back to wx.
	for _, extra := range [][]string{nil, {"-tags=taro_weapp", "-run=TestHostFallback"}} {
		args := append([]string{"test", "-count=1"}, extra...)
		if testing.Verbose() {
			args = append(args, "-v")
		}
		cmd := exec.Command("go", append(args, ".")...)
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0",
			"PATH="+wasmDir+string(os.PathListSeparator)+os.Getenv("PATH"))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("GOOS=js GOARCH=wasm go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		t.Logf("GOOS=js GOARCH=wasm go %s:\n%s", strings.Join(args, " "), out)
	}
}
