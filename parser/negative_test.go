package parser

import (
	"slices"
	"strings"
	"testing"
)

// fnPage wraps body in a function page's front matter and ## 类型 section,
// so that a case can focus on one broken part.
func fnPage(body string) string {
	return "---\ntitle: Taro.demo(option)\nsidebar_label: demo\n---\n\n## 类型\n\n```tsx\n(option: Option) => void\n```\n\n" + body
}

// negativeCases pin the exact message and position of each kind of bad
// input. Lines in fnPage bodies start at line 12.
var negativeCases = []struct {
	name    string
	src     string
	nilPage bool     // the input is not a page at all
	want    []string // diagnostics that must be reported, exactly
}{
	{name: "empty", src: "", nilPage: true, want: []string{"t.md:1:1: error: empty page"}},
	{name: "blank", src: "\n  \n\t\n", nilPage: true, want: []string{"t.md:1:1: error: empty page"}},
	{name: "invalid-utf8", src: "---\ntitle: A\n---\nab\xff\xfe", nilPage: true,
		want: []string{"t.md:4:3: error: not a text page: invalid UTF-8 (byte 0xff)"}},
	{name: "binary", src: "PK\x03\x04\x00\x00junk", nilPage: true,
		want: []string{"t.md:1:5: error: not a text page: NUL byte (binary data)"}},
	{name: "no-api", src: "---\ntitle: Notes\n---\n\nJust some prose.\n\n## 说明\n\nMore prose.\n", nilPage: true,
		want: []string{"t.md:1:1: error: no Taro API found: expected a class page (a ## 方法 / ## Methods section), a function, namespace or value page (a ## 类型 / ## Type section with its tsx block) or declared types (### headings under ## 参数 / ## Parameters)"}},
	{name: "unclosed-html-table", src: fnPage("## 参数\n\n### Option\n\n<table>\n  <thead>\n    <tr>\n      <th>参数</th>\n"),
		want: []string{"t.md:16:1: error: unclosed HTML table: <table> has no </table> before the end of the page"}},
	{name: "short-row", src: fnPage("## 参数\n\n### Option\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| url | `string` |\n"),
		want: []string{"t.md:18:1: error: table row has 2 cells, header has 3"}},
	{name: "short-html-row", src: fnPage("## 参数\n\n### Option\n\n<table>\n<tr><th>参数</th><th>类型</th></tr>\n<tr><td>url</td></tr>\n</table>\n"),
		want: []string{"t.md:18:1: error: table row has 1 cells, header has 2"}},
	{name: "broken-tsx", src: "---\ntitle: Taro.demo(option)\nsidebar_label: demo\n---\n\n## 类型\n\n```tsx\n(option: Option => void\n```\n",
		want: []string{`t.md:9:17: error: bad signature: expected "," or ")" in parameter list, found "=>"`}},
	{name: "broken-type-cell", src: fnPage("## 参数\n\n### Option\n\n| 参数 | 类型 |\n| --- | --- |\n| url | `Record<string,` |\n"),
		want: []string{`t.md:18:24: error: bad type: expected type, found end of input`}},
	{name: "unknown-column", src: fnPage("## 参数\n\n### Option\n\n| 参数 | 类型 | 最低版本 |\n| --- | --- | --- |\n| url | `string` | 2.0.0 |\n"),
		want: []string{`t.md:16:21: warning: unknown table column "最低版本": its cells are ignored`}},
	{name: "empty-type", src: fnPage("## 参数\n\n### Option\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| url |  | 地址 |\n"),
		want: []string{`t.md:18:10: warning: empty type cell for url`}},
	{name: "unknown-platform", src: fnPage("## API 支持度\n\n| API | 微信小程序 | 火星小程序 |\n| :---: | :---: | :---: |\n| Taro.demo | ✔️ | ✔️ |\n"),
		want: []string{`t.md:14:27: warning: unknown platform "火星小程序": kept with id "p_e781abe6989fe5b08fe7a88be5ba8f"`}},
}

func TestNegative(t *testing.T) {
	for _, tc := range negativeCases {
		t.Run(tc.name, func(t *testing.T) {
			pg, diags := ParsePage("t.md", []byte(tc.src))
			if (pg == nil) != tc.nilPage {
				t.Errorf("ParsePage() page = %v, want nil page: %v", pg != nil, tc.nilPage)
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("ParsePage() diagnostics =\n\t%s\nwant among them\n\t%s", strings.Join(got, "\n\t"), w)
				}
			}
		})
	}
}
