//go:build !js

package hostapi_test

import (
	"errors"
	"testing"

	"github.com/tarogen/tarogen/generated/hostapi"
	"github.com/tarogen/tarogen/runtime/tarort"
)

// Natively the tarogen runtime implements none of these APIs: an
// asynchronous call fails through its callbacks and the returned error
// with ErrNotSupported, as each API's doc says; it does not pretend.
func TestNativeCallsFail(t *testing.T) {
	const want = "getStorage:fail not supported on native Go"
	var fails, completes []string
	_, err := hostapi.GetStorage(hostapi.GetStorageOption{Key: "k",
		Success:  func(r hostapi.GetStorageSuccessCallbackResult) { t.Errorf("success ran: %+v", r) },
		Fail:     func(r hostapi.CallbackResult) { fails = append(fails, r.ErrMsg) },
		Complete: func(r hostapi.CallbackResult) { completes = append(completes, r.ErrMsg) },
	})
	if err == nil || err.Error() != want || !errors.Is(err, tarort.ErrNotSupported) {
		t.Errorf("GetStorage natively: err = %v, want %q (ErrNotSupported)", err, want)
	}
	if len(fails) != 1 || fails[0] != want || len(completes) != 1 || completes[0] != want {
		t.Errorf("fail = %q, complete = %q, want each once with %q", fails, completes, want)
	}
	if got := hostapi.GetSystemInfoSync(); got != (hostapi.GetSystemInfoSyncResult{}) {
		t.Errorf("GetSystemInfoSync natively = %+v, want the zero Result", got)
	}
}
