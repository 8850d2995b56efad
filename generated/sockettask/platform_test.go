//go:build !js && !taro_weapp && !taro_swan && !taro_alipay && !taro_tt && !taro_qq && !taro_jd && !taro_h5 && !taro_rn && !taro_harmony && !taro_harmony_hybrid && !taro_quickapp && !taro_ascf

package sockettask_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/generated/sockettask"
)

func TestCanIUseNative(t *testing.T) {
	t.Parallel()
	if sockettask.CurrentPlatform != sockettask.PlatformNative {
		t.Errorf("CurrentPlatform = %q, want %q", sockettask.CurrentPlatform, sockettask.PlatformNative)
	}
	for _, api := range []sockettask.API{
		sockettask.APIConnectSocket, sockettask.APISocketTaskSend, sockettask.APISocketTaskClose,
		sockettask.APISocketTaskOnOpen, sockettask.APISocketTaskOnMessage, sockettask.APISocketTaskOnError,
		sockettask.APISocketTaskOnClose, sockettask.APISendSocketMessage, sockettask.APICloseSocket,
		sockettask.APIOnSocketOpen, sockettask.APIOnSocketMessage, sockettask.APIOnSocketError, sockettask.APIOnSocketClose,
	} {
		if got := sockettask.CanIUse(api); got != sockettask.Supported {
			t.Errorf("CanIUse(%q) = %v, want supported: the runtime implements every API", api, got)
		}
	}
	if got := sockettask.CanIUse("request"); got != sockettask.SupportUnknown {
		t.Errorf(`CanIUse("request") = %v, want unknown: not an API of this package`, got)
	}
}

// TestPlatformTags builds the package under platform tags, which a single
// go test run cannot: the Harmony stub's own test (harmony_test.go), and
// two tags at once, which must not compile.
func TestPlatformTags(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the package again under other tags (-short)")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go tool on PATH: %v", err)
	}
	t.Run("harmony stub", func(t *testing.T) {
		t.Parallel()
		out, err := exec.Command(goTool, "test", "-count=1", "-v", "-tags", "taro_harmony", "-run", "^TestHarmonyStub$", ".").CombinedOutput()
		if err != nil {
			t.Fatalf("go test -tags taro_harmony: %v\n%s", err, out)
		}
		if !strings.Contains(string(out), "--- PASS: TestHarmonyStub") {
			t.Errorf("go test -tags taro_harmony did not run TestHarmonyStub:\n%s", out)
		}
	})
	t.Run("two platform tags", func(t *testing.T) {
		t.Parallel()
		out, err := exec.Command(goTool, "vet", "-tags", "taro_weapp,taro_h5", ".").CombinedOutput()
		if err == nil {
			t.Fatalf("go vet -tags taro_weapp,taro_h5 succeeded, want a build failure:\n%s", out)
		}
		if !strings.Contains(string(out), "onlyOneTaroPlatformTagMayBeSet redeclared") {
			t.Errorf("go vet -tags taro_weapp,taro_h5 failed without naming the problem:\n%s", out)
		}
	})
}
