package parser

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// hostileSeeds are the shapes issues 9 and 12 name, each a whole page, so
// that the fuzzer starts from them.
var hostileSeeds = []string{
	"\ufeff" + fnPage(""), // a BOM before the front matter
	"---\ntitle: Taro.close\u200bSocket(option)\nsidebar_label: close\u200bSocket\n---\n\n## 类型\n\n```tsx\n(option: Close\u200bOption) => void\n```\n\n## 参数\n\n### Close\u2060Option\n\n| 参数 | 类型 |\n| --- | --- |\n| re\u200bason | `string` |\n",
	fnPage("") + "Safe \u202eevil\u202c text.\r Bell\u0007\u0085here \u2028\u2029 \u2066x\u2069 \u200f\u061c.\n",
	fnPage("## 说明\n\n" + strings.Repeat("- ", 2000) + "x\n\n" + strings.Repeat(">", 200) + " q\n\n" + strings.Repeat("1. ", 100) + "n\n"),
	fnPage("## 说明\n\n" + func() string {
		var b strings.Builder
		for i := range 40 {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}()),
	fnPage("## 参数\n\n### Option\n\n| 参数 | 类型 | 说明 |\n| url | `string` | 地址 |\n| h | `Record<string, string>` | 头 \\| 部 |\n"),
	fnPage("## 参数\n\n### Option\n\n| 参数 | 类型 |\n| --- | --- |\n| a | `" + strings.Repeat("Array<", 120) + "x" + strings.Repeat(">", 120) + "` |\n"),
	fnPage("## 参数\n\n### Option\n\n| 参数 | 类型 |\n| --- | --- |\n| draw | `{ (ctx): void; id: number }` |\n| hook | `(ctx) => { [key: string]: any; }` |\n\n#### API 支持度\n\n| API | 微信小程序 |\n| :---: | :---: |\n| Taro.demo |  |\n"),
	"---\ntitle: router\nsidebar_label: router\n---\n\n## 类型\n\n```tsx\nrouter\n```\n\n## 参数\n\n### router\n\n" + icons("weapp", "-h5") + "\n\n#### add\n\n```tsx\n(x: string) => void\n```\n",
	"---\ntitle: env\nsidebar_label: env\n---\n\n## 类型\n\n```tsx\n{ [key: string]: string; FRAMEWORK: \"react\"; }\n```\n",
	"---\ntitle: General\n---\n\n## 参数\n\n### CallbackResult\n\n| 参数 | 类型 |\n| --- | --- |\n| errMsg | `string` |\n",
	"---\ntitle: SocketTask\nsidebar_label: SocketTask\n---\n\n| Property | Type |\n| --- | --- |\n| readyState | `number` |\n| OPEN | `number` |\n\n## Methods\n\n### close\n\n" + icons("weapp", "swan", "-rn") + "\n\n```tsx\n() => void\n```\n\n## API Support\n\n| API | WeChat Mini-Program | Baidu Smart-Program |\n| :---: | :---: | :---: |\n| SocketTask.close | ✔️ |  |\n",
}

// hiddenRune reports the characters the parser strips: none may reach
// the spec.
func hiddenRune(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\r' // CR of a CRLF line ending may stay
	case r == 0x7f, r >= 0x80 && r <= 0x9f, r == '\u2028', r == '\u2029', r == '\u061c', r == '\u200e', r == '\u200f':
		return true
	}
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// stringsIn calls fn for every string in a decoded JSON value.
func stringsIn(v any, fn func(string)) {
	switch v := v.(type) {
	case string:
		fn(v)
	case []any:
		for _, e := range v {
			stringsIn(e, fn)
		}
	case map[string]any:
		for k, e := range v {
			fn(k)
			stringsIn(e, fn)
		}
	}
}

// FuzzParsePage: on any input ParsePage returns (no panic, no hang), every
// diagnostic has a position inside the file, and no hidden character
// reaches the spec.
func FuzzParsePage(f *testing.F) {
	for _, fx := range fixtures(f) {
		f.Add(fx.src)
	}
	for _, tc := range negativeCases {
		f.Add([]byte(tc.src))
	}
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		start := time.Now()
		pg, diags := ParsePage("f.md", src)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("ParsePage took %v on %d bytes", d, len(src))
		}
		lines := bytes.Split(src, []byte("\n"))
		for _, d := range diags {
			p := d.Pos
			if p.File != "f.md" || p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > len(lines[p.Line-1])+1 {
				t.Errorf("diagnostic %q has a position outside the file (%d lines)", d, len(lines))
			}
		}
		if pg == nil {
			if !diags.HasErrors() {
				t.Errorf("ParsePage returned no page and no error")
			}
			return
		}
		b, err := json.Marshal(pg)
		if err != nil {
			t.Fatalf("json.Marshal: %v", err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("json.Unmarshal: %v", err)
		}
		stringsIn(v, func(s string) {
			if i := strings.IndexFunc(s, hiddenRune); i >= 0 {
				t.Errorf("the spec holds a hidden character in %+q", s)
			}
		})
	})
}
