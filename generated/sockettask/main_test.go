package sockettask_test

import (
	"testing"

	"go.uber.org/goleak"
)

// Every task's reader goroutine, every peer's goroutines and every Node
// process must be gone when the tests end.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
