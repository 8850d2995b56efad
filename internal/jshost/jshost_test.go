package jshost_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/internal/jshost"
)

const probe = "./internal/jshost/testdata/probe"

// echoURL starts an in-process echo server for the length of t.
func echoURL(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(jshost.EchoHandler())
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http") + "/"
}

var probeTests = []string{"TestEnv", "TestTaroIsTheAPI", "TestEcho"}

func TestChromiumRunsTheProbeWithTaroH5(t *testing.T) {
	bundle := jshost.TaroH5Bundle(t)
	wasm := jshost.BuildTest(t, probe)
	r := jshost.RunChromium(t, wasm, jshost.Options{
		Args:    []string{"-test.v"},
		Env:     map[string]string{"PROBE_TOKEN": "tarogen", "PROBE_ENV": "WEB", "ECHO_URL": echoURL(t)},
		Scripts: []string{bundle},
	})
	r.RequirePass(t, append(probeTests, "TestH5BinaryIsBlob")...)
}

func TestNodeRunsTheProbeWithTaroWeapp(t *testing.T) {
	wasm := jshost.BuildTest(t, probe)
	r := jshost.RunNode(t, wasm, jshost.Options{
		Args: []string{"-test.v"},
		Env:  map[string]string{"PROBE_TOKEN": "tarogen", "PROBE_ENV": "WEAPP", "ECHO_URL": echoURL(t)},
	})
	r.RequirePass(t, probeTests...)
}

// A failing program is reported as failed, with its output: the harness
// cannot pass a suite that did not pass.
func TestChromiumReportsAFailingProgram(t *testing.T) {
	bundle := jshost.TaroH5Bundle(t)
	wasm := jshost.BuildTest(t, probe)
	r := jshost.RunChromium(t, wasm, jshost.Options{
		Args:    []string{"-test.v", "-test.run", "^TestEnv$"},
		Env:     map[string]string{"PROBE_TOKEN": "wrong"},
		Scripts: []string{bundle},
	})
	if r.ExitCode != 1 {
		t.Errorf("exit code = %d, want 1; output:\n%s\nhost: %q", r.ExitCode, r.Output, r.Host)
	}
	want := `os.Getenv("PROBE_TOKEN") = "wrong", want "tarogen"`
	if !strings.Contains(r.Output, want) {
		t.Errorf("output lacks %q:\n%s", want, r.Output)
	}
}
