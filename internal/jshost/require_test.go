package jshost

import (
	"fmt"
	"runtime"
	"testing"
)

// recordTB records what missing asks of a test; like testing's own, its
// Skipf and Fatalf end the goroutine that calls them.
type recordTB struct {
	testing.TB
	skipped, failed string
}

func (r *recordTB) Helper() {}
func (r *recordTB) Skipf(f string, args ...any) {
	r.skipped = fmt.Sprintf(f, args...)
	runtime.Goexit()
}
func (r *recordTB) Fatalf(f string, args ...any) {
	r.failed = fmt.Sprintf(f, args...)
	runtime.Goexit()
}

// callMissing runs missing on a goroutine of its own, as a test would.
func callMissing(tb *recordTB, what, how string) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		missing(tb, what, how)
	}()
	<-done
}

// A missing host skips locally, saying how to install it, and fails under
// CI=true, where a suite must not pass by skipping.
func TestMissingSkipsLocallyAndFailsUnderCI(t *testing.T) {
	const what, how = "/usr/lib/chromium/chromium-headless-shell is not installed",
		"install it with `apt-get install -y --no-install-recommends chromium-headless-shell`"
	t.Setenv("CI", "")
	var local recordTB
	callMissing(&local, what, how)
	if want := "jshost: skipping: " + what + "; " + how; local.skipped != want || local.failed != "" {
		t.Errorf("locally: skipped %q, failed %q; want skipped %q", local.skipped, local.failed, want)
	}
	t.Setenv("CI", "true")
	var ci recordTB
	callMissing(&ci, what, how)
	if want := "jshost: " + what + " (required under CI=true); " + how; ci.failed != want || ci.skipped != "" {
		t.Errorf("under CI=true: failed %q, skipped %q; want failed %q", ci.failed, ci.skipped, want)
	}
}
