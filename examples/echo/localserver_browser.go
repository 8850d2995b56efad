//go:build js

package main

import "errors"

// startEchoServer has no server to start under GOOS=js: a browser or Node
// cannot listen, and linking gorilla/websocket would triple the wasm. The
// js build needs -url.
func startEchoServer() (url string, stop func(), err error) {
	return "", nil, errors.New("no local echo server in a js/wasm build: pass -url ws://host/path")
}
