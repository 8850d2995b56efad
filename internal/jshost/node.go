package jshost

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// RunNode runs the wasm file under Node with Taro's real weapp layer over
// the wx stand-in (npm/weapp-host.js, npm/wx-standin.js) and returns when the
// program has exited or the timeout has passed. opts.Scripts is not used.
func RunNode(t testing.TB, wasm string, opts Options) Result {
	t.Helper()
	needNpm(t)
	node := needNode(t)
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = 2 * time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()

	// What go_js_wasm_exec runs (a bigger V8 stack, wasm_exec_node.js), with
	// the weapp host preloaded. The two warnings are about Taro's
	// dependencies (require("sys"), WASI), not about the program.
	args := []string{"--stack-size=8192",
		"--disable-warning=DEP0025", "--disable-warning=ExperimentalWarning",
		"--require", filepath.Join(NpmDir(), "weapp-host.js"),
		filepath.Join(WasmExecDir(t), "wasm_exec_node.js"), wasm}
	cmd := exec.CommandContext(ctx, node, append(args, opts.Args...)...)
	cmd.Dir = NpmDir()
	cmd.Env = append(os.Environ(), envList(opts.Env)...)
	cmd.WaitDelay = 5 * time.Second
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	r := Result{ExitCode: -1, Output: out.String()}
	if cmd.ProcessState != nil {
		r.ExitCode = cmd.ProcessState.ExitCode()
	}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		r.ExitCode = -1
		r.Host = append(r.Host, fmt.Sprintf("program did not exit within %v", timeout))
	case err != nil && !errors.As(err, &exitErr):
		r.Host = append(r.Host, fmt.Sprintf("running node: %v", err))
	}
	return r
}

// envList turns env into KEY=value lines, sorted so runs repeat.
func envList(env map[string]string) []string {
	var l []string
	for k, v := range env {
		l = append(l, k+"="+v)
	}
	sort.Strings(l)
	return l
}
