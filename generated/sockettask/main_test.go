package sockettask_test

import (
	"testing"

	"go.uber.org/goleak"
)

// Every task's reader goroutine, every peer's goroutines and every Node
// process must be gone when the tests end. On js/wasm the Go runtime's
// runtime.handleEvent goroutine (the JS event being handled while the
// check runs) is not a leak.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreAnyFunction("runtime.handleEvent"))
}
