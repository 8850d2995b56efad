//go:build !unix

package outdir

// killpoint is the kill tests' hook (killpoint_unix.go); they run on unix.
func killpoint() {}
