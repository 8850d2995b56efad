package gen

import (
	"strings"
	"testing"

	"github.com/tarogen/tarogen/corrections"
)

// socketFiles generates the WebSocket family from its eight real pages
// with the built-in corrections, as tarogen gen does by default.
func socketFiles(t *testing.T) map[string]string {
	t.Helper()
	pkg := parsePages(t, "mdx/SocketTask.md", "mdx/connectSocket.md", "mdx/onSocketMessage.md", "html-css/sendSocketMessage.md",
		"pipe/closeSocket.md", "pipe/onSocketOpen.md", "pipe/onSocketClose.md", "pipe/onSocketError.md")
	ov, ds := corrections.For(pkg)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	files, ds := Generate(pkg, Options{Package: "sockettask", Overlay: ov})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	out := map[string]string{}
	for _, f := range files {
		out[f.Name] = string(f.Content)
	}
	return out
}

// TestGeneratedDocs pins what issue 10 asks of the generated docs: a
// purpose for every type, Go doc links, Markdown links made Go doc links
// with absolute URLs, Go initialisms, the package doc's sections, and no
// check method with nothing to check.
func TestGeneratedDocs(t *testing.T) {
	files := socketFiles(t)
	for _, tc := range []struct{ file, want string }{
		{"sockettask.go", "// CloseOption is the option of [SocketTask.Close].\n"},
		{"sockettask.go", "// SocketTask is what [ConnectSocket] returns.\n// WebSocket 任务，可通过 [Taro.connectSocket()] 接口创建返回。\n"},
		{"sockettask.go", "// OnCloseCallback is the callback [SocketTask.OnClose] takes.\n"},
		{"sockettask.go", "// OnCloseCallbackResult is what [SocketTask.OnClose]'s callback receives.\n"},
		{"connectsocket.go", "// ConnectSocketOption is the option of [ConnectSocket].\n"},
		{"onsocketopen.go", "// OnSocketOpenCallbackResult is what [OnSocketOpen]'s callback receives.\n"},
		// Markdown links: [text] plus a definition; site-relative made absolute.
		{"connectsocket.go", "使用前请注意阅读[相关说明]。\n"},
		{"connectsocket.go", "// [相关说明]: https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html\n"},
		{"sockettask.go", "// [Taro.connectSocket()]: https://docs.taro.zone/docs/apis/network/websocket/SocketTask\n"},
		// API names in prose become Go doc links.
		{"sendsocketmessage.go", "需要先 [ConnectSocket]，并在 [OnSocketOpen] 回调之后才能发送。"},
		{"tarogen.go", "\tPlatformTT "},
		{"tarogen.go", "\tPlatformQQ "},
		{"tarogen.go", "\tPlatformJD "},
		{"tarogen.go", "\tPlatformRN "},
		{"tarogen.go", "// # Errors\n"},
		{"tarogen.go", "// [CloseSocket] and [SendSocketMessage] also return a [CallbackResult]."},
		{"tarogen.go", "// # Global functions\n"},
		{"tarogen.go", "// # Goroutines\n"},
	} {
		if !strings.Contains(files[tc.file], tc.want) {
			t.Errorf("%s lacks %q", tc.file, tc.want)
		}
	}
	for name, src := range files {
		for _, bad := range []string{" on the SocketTask page.", "func (o *CloseOption) check(", "func (o *CloseSocketOption) check(", "](/docs/"} {
			if strings.Contains(src, bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
	if !strings.Contains(files["connectsocket.go"], "func (o *ConnectSocketOption) check(") {
		t.Errorf("connectsocket.go lost the check of its required url")
	}
}

// A short page line after the purpose must not become a heading: gofmt
// would turn it into "# …".
func TestDeclDocHasNoHeading(t *testing.T) {
	for name, src := range socketFiles(t) {
		if strings.Contains(src, "\n// # ") && name != "tarogen.go" {
			t.Errorf("%s has a doc heading:\n%s", name, src)
		}
	}
	if src := socketFiles(t)["sockettask.go"]; !strings.Contains(src, "// OnCloseCallback is the callback [SocketTask.OnClose] takes.\n// WebSocket 连接关闭事件的回调函数\n") {
		t.Errorf("sockettask.go: OnCloseCallback's doc is not purpose then page text in one paragraph")
	}
}
