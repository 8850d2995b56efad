// Package update owns the -update test flag, so that
// `go test ./... -update` means the same thing in every package: rewrite
// the expected outputs that package keeps (golden files, txtar archives).
//
// A test binary rejects a flag it does not define, so every package with
// tests imports this one, blank where it has no goldens of its own;
// internal/hygiene checks that none forgets.
package update

import "flag"

var flagUpdate = flag.Bool("update", false, "rewrite the expected outputs (golden files) instead of comparing against them")

// Enabled reports whether the test run was asked to rewrite goldens.
func Enabled() bool { return *flagUpdate }
