package jshost

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// ChromiumPath is Debian's headless shell, started directly: the
// /usr/bin/chromium-headless-shell wrapper starts it without exec, so
// killing the wrapper (as chromedp does) would leave the browser running.
const ChromiumPath = "/usr/lib/chromium/chromium-headless-shell"

//go:embed page/run.js
var page embed.FS

// Options say how to run a program in a host.
type Options struct {
	Args    []string          // the program's arguments, e.g. -test.v
	Env     map[string]string // the program's environment
	Scripts []string          // files loaded by the page, in order, after wasm_exec.js (Chromium only)
	Timeout time.Duration     // for the whole run; 0 means 2 minutes
}

// Result is what a program did in a host.
type Result struct {
	ExitCode int    // the code the program exited with; -1 if it did not
	Output   string // what the program wrote to stdout and stderr
	// Host holds what else the host reported: console messages that are not
	// the program's output, uncaught exceptions, a failure to start.
	Host []string
}

// RunChromium runs the wasm file in headless Chromium with Taro's H5
// runtime (or the scripts of opts) loaded, and returns when the program has
// exited or the timeout has passed. The browser is gone when it returns.
func RunChromium(t testing.TB, wasm string, opts Options) Result {
	t.Helper()
	srv := httptest.NewServer(pageHandler(t, wasm, opts))
	defer srv.Close()
	return RunPage(t, srv.URL+"/", opts.Timeout)
}

// RunPage opens url in headless Chromium and waits for the page's
// window.__tarogenResult, a Promise of {code, output[, error]} (page/run.js
// defines it; so does examples/echo/web's page), or for the timeout (0 means
// 2 minutes). The browser is gone when it returns.
func RunPage(t testing.TB, url string, timeout time.Duration) Result {
	t.Helper()
	if !exists(ChromiumPath) {
		missing(t, ChromiumPath+" is not installed",
			"install it with `apt-get install -y --no-install-recommends chromium-headless-shell`")
	}
	if timeout == 0 {
		timeout = 2 * time.Minute
	}
	r, procs := browse(t, url, timeout)
	if left := stillRunning(procs, 5*time.Second); len(left) > 0 {
		t.Errorf("jshost: browser processes %v still run after the browser was closed", left)
	}
	return r
}

// browse runs the page in a browser of its own and returns the result and
// the browser's processes (itself and its descendants, as they were at the
// end of the run). When it returns, chromedp has killed the browser and
// waited for it.
func browse(t testing.TB, url string, timeout time.Duration) (Result, []int) {
	t.Helper()
	// The allocator's context bounds everything; cancelling it kills the
	// browser and waits for it.
	ctx, cancel := context.WithTimeout(context.Background(), timeout+30*time.Second)
	defer cancel()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, browserFlags()...)
	defer cancelAlloc()
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()

	var host hostLog
	chromedp.ListenTarget(tabCtx, host.listen)
	if err := chromedp.Run(tabCtx); err != nil {
		t.Fatalf("jshost: starting %s: %v", ChromiumPath, err)
	}
	r := awaitProgram(tabCtx, url, timeout, &host)
	var procs []int
	if p := chromedp.FromContext(tabCtx).Browser.Process(); p != nil {
		procs = append([]int{p.Pid}, descendants(p.Pid)...)
	}
	return r, procs
}

// browserFlags are chromedp's defaults plus what this closed machine needs:
// no QUIC and no component updates, whose connections are refused anyway.
func browserFlags() []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(ChromiumPath),
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
	)
}

// awaitProgram loads the page and waits for the program's exit.
func awaitProgram(tabCtx context.Context, url string, timeout time.Duration, host *hostLog) Result {
	runCtx, cancel := context.WithTimeout(tabCtx, timeout)
	defer cancel()
	var res struct {
		Code   *int   `json:"code"`
		Output string `json:"output"`
		Error  string `json:"error"`
	}
	err := chromedp.Run(runCtx,
		chromedp.Navigate(url),
		chromedp.Evaluate(`window.__tarogenResult`, &res, awaitPromise),
	)
	r := Result{ExitCode: -1, Output: res.Output}
	if err != nil {
		// Read what the program wrote before it hung, with a fresh deadline.
		readCtx, cancelRead := context.WithTimeout(tabCtx, 5*time.Second)
		defer cancelRead()
		chromedp.Run(readCtx, chromedp.Evaluate(`window.__tarogenOutput ? window.__tarogenOutput() : ""`, &r.Output))
		host.add(fmt.Sprintf("program did not exit within %v: %v", timeout, err))
	}
	if res.Error != "" {
		host.add("page: " + res.Error)
	}
	if res.Code != nil {
		r.ExitCode = *res.Code
	}
	r.Host = host.lines()
	return r
}

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams {
	return p.WithAwaitPromise(true)
}

// pageHandler serves the page, wasm_exec.js, the scripts, the program and
// its configuration.
func pageHandler(t testing.TB, wasm string, opts Options) http.Handler {
	t.Helper()
	mux := http.NewServeMux()
	scripts := []string{"/wasm_exec.js"}
	serveFile(mux, "/wasm_exec.js", filepath.Join(WasmExecDir(t), "wasm_exec.js"), "text/javascript")
	for i, s := range opts.Scripts {
		name := fmt.Sprintf("/script%d-%s", i, filepath.Base(s))
		serveFile(mux, name, s, "text/javascript")
		scripts = append(scripts, name)
	}
	scripts = append(scripts, "/run.js")
	run, _ := page.ReadFile("page/run.js")
	mux.HandleFunc("GET /run.js", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		w.Write(run)
	})
	serveFile(mux, "/program.wasm", wasm, "application/wasm")
	config, _ := json.Marshal(map[string]any{"args": nonNil(opts.Args), "env": nonNilMap(opts.Env)})
	mux.HandleFunc("GET /config.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(config)
	})
	index := indexHTML(scripts)
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(index))
	})
	return mux
}

func indexHTML(scripts []string) string {
	var b strings.Builder
	b.WriteString("<!doctype html>\n<meta charset=\"utf-8\">\n<title>tarogen js/wasm</title>\n")
	for _, s := range scripts {
		fmt.Fprintf(&b, "<script src=\"%s\"></script>\n", html.EscapeString(s))
	}
	return b.String()
}

func serveFile(mux *http.ServeMux, path, file, contentType string) {
	mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
		b, err := os.ReadFile(file)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", contentType)
		w.Write(b)
	})
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilMap(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// fromWasmExec tells the console calls wasm_exec.js makes itself: the
// program's output (already captured by run.js) and its "exit code: N"
// warning (the exit code is in the Result).
func fromWasmExec(ev *runtime.EventConsoleAPICalled) bool {
	if ev.Type != runtime.APITypeLog && ev.Type != runtime.APITypeWarning {
		return false
	}
	st := ev.StackTrace
	return st != nil && len(st.CallFrames) > 0 && strings.HasSuffix(st.CallFrames[0].URL, "/wasm_exec.js")
}

// hostLog collects what the page reports besides the program's output.
type hostLog struct {
	mu  sync.Mutex
	log []string
}

func (h *hostLog) add(s string) {
	h.mu.Lock()
	h.log = append(h.log, s)
	h.mu.Unlock()
}

func (h *hostLog) lines() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.log...)
}

// listen records uncaught exceptions and console messages, except those of
// wasm_exec.js itself.
func (h *hostLog) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg = d.Exception.Description
		}
		h.add(fmt.Sprintf("uncaught exception: %s", msg))
	case *runtime.EventConsoleAPICalled:
		if fromWasmExec(ev) {
			return
		}
		var parts []string
		for _, a := range ev.Args {
			if a.Value != nil {
				var s string
				if json.Unmarshal(a.Value, &s) == nil {
					parts = append(parts, s)
					continue
				}
				parts = append(parts, string(a.Value))
				continue
			}
			parts = append(parts, a.Description)
		}
		h.add(fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " ")))
	}
}
