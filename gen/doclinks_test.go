package gen

import "testing"

func TestDocLinksRewrite(t *testing.T) {
	l := docLinks{names: map[string]string{
		"connectSocket": "ConnectSocket", "SocketTask": "SocketTask", "SocketTask.close": "SocketTask.Close",
		"onSocketOpen": "OnSocketOpen",
	}}
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"创建一个 WebSocket 连接。使用前请注意阅读[相关说明](https://developers.weixin.qq.com/x/network.html)。",
			"创建一个 WebSocket 连接。使用前请注意阅读[相关说明]。\n\n[相关说明]: https://developers.weixin.qq.com/x/network.html"},
		// Site-relative: made absolute against Taro's docs site.
		{"见 [Stats](/docs/apis/files/Stats) 与 [错误码]( /docs/apis/General#aderrcode)",
			"见 [Stats] 与 [错误码]\n\n[Stats]: https://docs.taro.zone/docs/apis/files/Stats\n[错误码]: https://docs.taro.zone/docs/apis/General#aderrcode"},
		// Page-relative: a Go doc link when the page is in the package, else text.
		{"可以通过 [Taro.connectSocket()](./connectSocket) 创建", "可以通过 [ConnectSocket] 创建"},
		{"[SocketTask](native-api.md#sockettask) 对象", "[SocketTask] 对象"},
		{"用 [Taro.getSystemInfo](./getSystemInfo) 获取", "用 Taro.getSystemInfo 获取"},
		// API names in prose, with or without Taro. and (), spaced for go doc.
		{"WebSocket 任务，可通过 Taro.connectSocket() 接口创建返回。", "WebSocket 任务，可通过 [ConnectSocket] 接口创建返回。"},
		{"需要先 connectSocket，并在onSocketOpen回调之后才能发送。", "需要先 [ConnectSocket]，并在 [OnSocketOpen] 回调之后才能发送。"},
		{"SocketTask.close 关闭", "[SocketTask.Close] 关闭"},
		// Left alone: code spans, URLs, unknown names, names inside a word.
		{"`connectSocket` https://x.y/connectSocket.html request connectSocketX",
			"`connectSocket` https://x.y/connectSocket.html request connectSocketX"},
		// One label, two URLs: the second stays inline.
		{"[a](https://x/1) [a](https://x/2) [a](https://x/1)", "[a] a (https://x/2) [a]\n\n[a]: https://x/1"},
	} {
		if got := l.rewrite(tc.in); got != tc.want {
			t.Errorf("rewrite(%q) =\n%q\nwant\n%q", tc.in, got, tc.want)
		}
	}
}
