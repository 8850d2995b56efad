package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// guard turns a panic in a command into a one-line internal error (exit
// 2), so no input ever gets a goroutine dump; with -debug the stack is
// printed too, for a bug report. Use it as: defer guard(debug, stderr, &err).
func guard(withStack bool, stderr io.Writer, err *error) {
	r := recover()
	if r == nil {
		return
	}
	if withStack {
		fmt.Fprintf(stderr, "tarogen: panic: %v\n%s", r, debug.Stack())
	}
	*err = fmt.Errorf("internal error: %v (please report it, with the input; -debug prints the stack)", r)
}
