package gen

import "testing"

func TestExportedName(t *testing.T) {
	for in, want := range map[string]string{
		"socketTaskId": "SocketTaskID", "tcpNoDelay": "TCPNoDelay", "url": "URL", "errMsg": "ErrMsg",
		"CONNECTING": "Connecting", "onHTTPRequest": "OnHTTPRequest", "udp4": "Udp4", "content-type": "ContentType",
		"": "X", "3d": "X3d", "OnSocketOpen": "OnSocketOpen", "harmony_hybrid": "HarmonyHybrid",
	} {
		if got := exportedName(in); got != want {
			t.Errorf("exportedName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLocalName(t *testing.T) {
	for in, want := range map[string]string{"option": "option", "type": "type_", "URL": "url", "callback": "callback", "err": "err_", "api": "api_"} {
		if got := localName(in); got != want {
			t.Errorf("localName(%q) = %q, want %q", in, got, want)
		}
	}
}

// A file name must never end in a GOOS or GOARCH word, or the go command
// would silently build it only there.
func TestFileName(t *testing.T) {
	for in, want := range map[string]string{"SocketTask": "sockettask.go", "getSystemInfo_android": "getsysteminfoandroid.go", "x_js": "xjs.go", "": "page.go"} {
		if got := fileName(in); got != want {
			t.Errorf("fileName(%q) = %q, want %q", in, got, want)
		}
	}
}
