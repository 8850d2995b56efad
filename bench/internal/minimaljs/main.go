//go:build js && wasm

// Command minimaljs is the smallest useful syscall/js program: the baseline
// of the js/wasm size comparison in ../../wasmsize_test.go.
package main

import "syscall/js"

func main() {
	js.Global().Get("console").Call("log", "hello from Go")
}
