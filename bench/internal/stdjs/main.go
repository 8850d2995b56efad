//go:build js && wasm

// Command stdjs is a syscall/js program that imports what examples/echo
// imports from the standard library (flag, fmt, os, time) and nothing else:
// the second baseline of ../../wasmsize_test.go, which separates what the
// binding costs from what the example's use of fmt and flag costs.
package main

import (
	"flag"
	"fmt"
	"os"
	"syscall/js"
	"time"
)

func main() {
	n := flag.Int("n", 1, "send each message `n` times")
	timeout := flag.Duration("timeout", 10*time.Second, "give up after this long")
	flag.Parse()
	fmt.Fprintf(os.Stdout, "n=%d timeout=%v\n", *n, *timeout)
	js.Global().Get("console").Call("log", "hello from Go")
}
