package parser

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/text"
)

func BenchmarkParse(b *testing.B) {
	for _, fx := range fixtures(b) {
		b.Run(fx.name, func(b *testing.B) {
			b.SetBytes(int64(len(fx.src)))
			b.ReportAllocs()
			start := time.Now()
			for b.Loop() {
				ParsePage(fx.name, fx.src)
			}
			b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N), "ns/page")
		})
	}
}

// BenchmarkGoldmarkOnly is the floor: goldmark parsing the same bytes with
// the same extensions, and nothing else.
func BenchmarkGoldmarkOnly(b *testing.B) {
	for _, fx := range fixtures(b) {
		b.Run(fx.name, func(b *testing.B) {
			b.SetBytes(int64(len(fx.src)))
			b.ReportAllocs()
			for b.Loop() {
				markdown.Parser().Parse(text.NewReader(fx.src))
			}
		})
	}
}

// scaledPage is a class page with n×6 method sections (distinct names) and
// n×6 declared types, modelled on pipe/SocketTask.md.
func scaledPage(n int) []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: Big\nsidebar_label: Big\n---\n\nA big class.\n\n## 方法\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| id | `number` | id |\n\n")
	for i := range n * 6 {
		fmt.Fprintf(&b, "### method%d\n\n做点什么 %d\n\n> [参考文档](https://example.com/m%d.html)\n\n```tsx\n(option: Option%d) => Promise<TaroGeneral.CallbackResult>\n```\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| option | `Option%d` | 选项 |\n\n#### API 支持度\n\n| API | 微信小程序 | 百度小程序 | 支付宝小程序 | H5 | React Native |\n| :---: | :---: | :---: | :---: | :---: | :---: |\n| Big.method%d | ✔️ | ✔️ | ✔️ |  | ✔️ |\n\n", i, i, i, i, i, i)
	}
	b.WriteString("## 参数\n\n")
	for i := range n * 6 {
		fmt.Fprintf(&b, "### Option%d\n\n| 参数 | 类型 | 必填 | 说明 |\n| --- | --- | :---: | --- |\n| data | string or ArrayBuffer | 是 | 内容 |\n| complete | `(res: TaroGeneral.CallbackResult) => void` | 否 | 结束回调 |\n| fail | `(res: TaroGeneral.CallbackResult) => void` | 否 | 失败回调 |\n\n", i)
	}
	return []byte(b.String())
}

func BenchmarkParseScaled(b *testing.B) {
	for _, n := range []int{1, 10} {
		src := scaledPage(n)
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			start := time.Now()
			for b.Loop() {
				ParsePage("big.md", src)
			}
			b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N), "ns/page")
		})
		// The same page through goldmark alone, to tell the parser's
		// scaling from goldmark's.
		b.Run(fmt.Sprintf("goldmark-%dx", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				markdown.Parser().Parse(text.NewReader(src))
			}
		})
	}
}

// TestScaledPage keeps the benchmark's page honest: it parses cleanly.
func TestScaledPage(t *testing.T) {
	pg, diags := ParsePage("big.md", scaledPage(2))
	if len(diags) != 0 || pg == nil || len(pg.Class.Methods) != 12 || len(pg.Decls) != 12 {
		t.Fatalf("scaledPage(2): %d methods, %d decls, diagnostics:\n%s", len(pg.Class.Methods), len(pg.Decls), diags)
	}
}
