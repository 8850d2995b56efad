//go:build !js

package sockettask_test

import (
	"net"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/internal/jshost"
)

// The js/wasm WebSocket suite (js_e2e_test.go) through this package, in
// both JS hosts, against the in-process gorilla echo server.
var jsSuite = []string{"TestJSEchoSizes", "TestJSThousandInOrder", "TestJSClientClose",
	"TestJSServerClose", "TestJSHandshake", "TestJSInvalidURL", "TestJSRefused", "TestJSBlockingHandler",
	"TestJSLateHandlers"}

// jsRun runs only the js suite: the package's other tests need the native
// runtime or the file system.
var jsRun = []string{"-test.v", "-test.run", "^TestJS"}

func TestJSInChromiumWithTaroH5(t *testing.T) {
	bundle := jshost.TaroH5Bundle(t)
	wasm := jshost.BuildTest(t, "./generated/sockettask", "taro_h5")
	r := jshost.RunChromium(t, wasm, jshost.Options{Args: jsRun, Env: jsEnv(t, "h5"), Scripts: []string{bundle}})
	r.RequirePass(t, jsSuite...)
}

func TestJSInNodeWithTaroWeapp(t *testing.T) {
	wasm := jshost.BuildTest(t, "./generated/sockettask", "taro_weapp")
	r := jshost.RunNode(t, wasm, jshost.Options{Args: jsRun, Env: jsEnv(t, "weapp")})
	r.RequirePass(t, jsSuite...)
}

func jsEnv(t *testing.T, host string) map[string]string {
	t.Helper()
	srv := httptest.NewServer(jshost.EchoHandler())
	t.Cleanup(srv.Close)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := "ws://" + l.Addr().String() + "/" // nothing listens once l is closed
	l.Close()
	return map[string]string{
		"TAROGEN_HOST": host,
		"ECHO_URL":     "ws" + strings.TrimPrefix(srv.URL, "http") + "/",
		"REFUSED_URL":  refused,
	}
}
