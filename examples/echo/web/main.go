// Command web serves examples/echo to a browser: a page that loads Go's
// wasm_exec.js, Taro's H5 runtime and the js/wasm build of examples/echo,
// and a WebSocket echo server at /ws for it to talk to. The README's
// "In a browser" section has the steps:
//
//	GOOS=js GOARCH=wasm go build -ldflags='-s -w' -o /tmp/echo.wasm ./examples/echo
//	(cd internal/jshost/npm && npm ci && npm run bundle)
//	go run ./examples/echo/web -wasm /tmp/echo.wasm -taro internal/jshost/npm/dist/taro-h5.js
//
// then open http://127.0.0.1:8080/?args=-n+2+hello in a browser.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/gorilla/websocket"
)

//go:embed index.html
var indexHTML []byte

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "web:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("web", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	wasm := fs.String("wasm", "", "the js/wasm build of examples/echo (required)")
	taro := fs.String("taro", filepath.Join("internal", "jshost", "npm", "dist", "taro-h5.js"), "Taro H5 bundle (npm run bundle in internal/jshost/npm)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	h, err := newHandler(*wasm, *taro)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "serving examples/echo on http://%s/\n", *addr)
	srv := &http.Server{Addr: *addr, Handler: h, ReadHeaderTimeout: 10 * time.Second}
	return srv.ListenAndServe()
}

// newHandler serves the page, its three scripts and /ws. It checks that
// the files exist, so a missing build fails at start, not in the browser.
func newHandler(wasm, taro string) (http.Handler, error) {
	if wasm == "" {
		return nil, errors.New("-wasm is required: GOOS=js GOARCH=wasm go build -o FILE ./examples/echo")
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %v", err)
	}
	files := map[string]string{
		"/echo.wasm":    wasm,
		"/taro-h5.js":   taro,
		"/wasm_exec.js": filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"),
	}
	mux := http.NewServeMux()
	for path, file := range files {
		if _, err := os.Stat(file); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, file) })
	}
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(indexHTML)
	})
	mux.HandleFunc("GET /ws", echo)
	return mux, nil
}

// echo echoes every message back until the client closes, and answers the
// close with the client's code and reason.
func echo(w http.ResponseWriter, r *http.Request) {
	var upgrader websocket.Upgrader // same origin only: the page is served here
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	conn.SetCloseHandler(func(code int, reason string) error {
		msg := websocket.FormatCloseMessage(code, reason)
		return conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
	})
	for {
		typ, data, err := conn.ReadMessage()
		if err != nil || conn.WriteMessage(typ, data) != nil {
			return
		}
	}
}
