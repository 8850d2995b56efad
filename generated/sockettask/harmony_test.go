//go:build !js && taro_harmony

package sockettask_test

// Run by TestPlatformTags (platform_test.go), or by hand:
//
//	go test -tags taro_harmony -run TestHarmonyStub ./generated/sockettask

import (
	"errors"
	"testing"

	"github.com/tarogen/tarogen/generated/sockettask"
	"github.com/tarogen/tarogen/runtime/tarort"
)

// TestHarmonyStub: Harmony's pages mark connectSocket and SocketTask's
// methods unsupported (platform.harmony.go), so they fail with
// "not supported on Harmony"; the APIs whose support the pages leave
// unknown call through to the tarort.
func TestHarmonyStub(t *testing.T) {
	if sockettask.CurrentPlatform != sockettask.PlatformHarmony {
		t.Errorf("CurrentPlatform = %q, want %q", sockettask.CurrentPlatform, sockettask.PlatformHarmony)
	}
	for api, want := range map[sockettask.API]sockettask.Support{
		sockettask.APIConnectSocket:   sockettask.Unsupported,
		sockettask.APISocketTaskSend:  sockettask.Unsupported,
		sockettask.APISocketTaskClose: sockettask.Unsupported,
		sockettask.APIOnSocketMessage: sockettask.Unsupported,
		sockettask.APICloseSocket:     sockettask.SupportUnknown,
		sockettask.APIOnSocketOpen:    sockettask.SupportUnknown,
	} {
		if got := sockettask.CanIUse(api); got != want {
			t.Errorf("CanIUse(%q) = %v, want %v", api, got, want)
		}
	}

	var success, fail, complete []string
	// The URL is invalid too: the platform check comes first.
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{
		URL:      "ftp://x",
		Success:  func(res sockettask.CallbackResult) { success = append(success, res.ErrMsg) },
		Fail:     func(res sockettask.CallbackResult) { fail = append(fail, res.ErrMsg) },
		Complete: func(res sockettask.CallbackResult) { complete = append(complete, res.ErrMsg) },
	})
	const want = "connectSocket:fail not supported on Harmony"
	if task != nil || err == nil || err.Error() != want {
		t.Fatalf("ConnectSocket = %v, %v; want nil, %q", task, err, want)
	}
	if !errors.Is(err, tarort.ErrNotSupported) {
		t.Errorf("ConnectSocket error %v: want errors.Is(err, tarort.ErrNotSupported)", err)
	}
	var re *tarort.Error
	if !errors.As(err, &re) || re.API != "connectSocket" {
		t.Errorf("ConnectSocket error %#v: want a *tarort.Error for connectSocket", err)
	}
	if len(success) != 0 || len(fail) != 1 || fail[0] != want || len(complete) != 1 || complete[0] != want {
		t.Errorf("callbacks got success %q, fail %q, complete %q; want fail and complete %q", success, fail, complete, want)
	}

	var zero sockettask.SocketTask
	err = zero.Send(sockettask.SendOption{Data: sockettask.Text("x")})
	if got, want := errString(err), "SocketTask.send:fail not supported on Harmony"; got != want || !errors.Is(err, tarort.ErrNotSupported) {
		t.Errorf("SocketTask.Send = %q, want %q (ErrNotSupported)", got, want)
	}

	// closeSocket's support is unknown on Harmony, so it calls through to
	// the runtime, which has no task: connectSocket never made one.
	_, err = sockettask.CloseSocket(sockettask.CloseSocketOption{})
	if got, want := errString(err), "closeSocket:fail no WebSocket task: call connectSocket first"; got != want || !errors.Is(err, tarort.ErrNoTask) {
		t.Errorf("CloseSocket = %q, want %q (ErrNoTask)", got, want)
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
