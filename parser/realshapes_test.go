package parser

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tarogen/tarogen/spec"
)

// Issue 9: every shape real pages take is read faithfully. Each case pins
// the page kind, what the spec must hold and the exact diagnostics.

// parseExact parses src as t.md and checks its diagnostics are exactly want.
func parseExact(t *testing.T, src string, want ...string) *spec.Page {
	t.Helper()
	pg, diags := ParsePage("t.md", []byte(src))
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParsePage diagnostics mismatch (-want +got):\n%s", diff)
	}
	if pg == nil {
		t.Fatalf("ParsePage returned no page")
	}
	return pg
}

func fieldNames(fs []*spec.Field) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

func methodNames(fs []*spec.Function) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

const icon = `<img title="%s" src={require('@site/static/img/platform/x.png').default} className="icon_platform%s" width="25px"/>`

// icons writes an MDX 支持情况 line: "weapp" supported, "-h5" not supported.
func icons(platforms ...string) string {
	titles := map[string]string{"weapp": "微信小程序", "swan": "百度小程序", "alipay": "支付宝小程序", "h5": "H5", "rn": "React Native"}
	var b strings.Builder
	b.WriteString("支持情况：")
	for _, pl := range platforms {
		cls := ""
		if strings.HasPrefix(pl, "-") {
			pl, cls = pl[1:], " icon_platform--not-support"
		}
		b.WriteString(strings.Replace(strings.Replace(icon, "%s", titles[pl], 1), "%s", cls, 1) + " ")
	}
	return strings.TrimSpace(b.String())
}

func TestNamespacePage(t *testing.T) {
	src := "---\ntitle: router\nsidebar_label: router\n---\n\n## 类型\n\n```tsx\nrouter\n```\n\n## 参数\n\n" +
		"### Handler\n\n```tsx\n(ctx) => { [key: string]: any; }\n```\n\n" +
		"### router\n\n自定义路由\n\n" + icons("weapp", "-h5") + "\n\n> [参考文档](https://example.com/router.html)\n\n" +
		"#### addRouteBuilder\n\n添加\n\n" + icons("weapp", "-h5") + "\n\n```tsx\n(routeType: string, routeBuilder: Handler) => void\n```\n\n" +
		"| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| routeType | `string` | 类型 |\n| routeBuilder | `Handler` | 定义 |\n\n" +
		"#### removeRouteBuilder\n\n```tsx\n(routeType: string) => void\n```\n"
	pg := parseExact(t, src)
	if pg.Kind != spec.PageNamespace || pg.Namespace == nil || pg.Function != nil || pg.Class != nil {
		t.Fatalf("Kind = %q, Namespace = %v; want a namespace page", pg.Kind, pg.Namespace)
	}
	ns := pg.Namespace
	if got := methodNames(ns.Methods); !slices.Equal(got, []string{"addRouteBuilder", "removeRouteBuilder"}) {
		t.Errorf("namespace methods = %v", got)
	}
	if ns.Doc != "自定义路由" || len(ns.Refs) != 1 || ns.Support.State("h5") != spec.Unsupported {
		t.Errorf("namespace doc %q, refs %v, h5 %v", ns.Doc, ns.Refs, ns.Support.State("h5"))
	}
	add := ns.Methods[0]
	if add.Owner != "router" || add.QualifiedName() != "router.addRouteBuilder" || add.Signature == nil || len(add.Params) != 2 {
		t.Errorf("addRouteBuilder = %+v", add)
	}
	if len(pg.Decls) != 1 || pg.Decls[0].Name != "Handler" || pg.Decls[0].Kind != spec.DeclCallback {
		t.Errorf("decls = %v", pg.Decls)
	}
}

func TestValuePage(t *testing.T) {
	src := "---\ntitle: env\nsidebar_label: env\n---\n\n" + icons("weapp", "-h5") + "\n\n> [参考文档](https://example.com/env.html)\n\n## 类型\n\n```tsx\n{ [key: string]: string; FRAMEWORK: \"react\" | \"vue3\"; USER_DATA_PATH?: string; }\n```\n"
	pg := parseExact(t, src)
	if pg.Kind != spec.PageValue || pg.Value == nil {
		t.Fatalf("Kind = %q; want a value page", pg.Kind)
	}
	v := pg.Value
	if got, want := v.Type.String(), `{ FRAMEWORK: "react" | "vue3"; USER_DATA_PATH?: string; [key: string]: string }`; got != want {
		t.Errorf("value type = %s, want %s", got, want)
	}
	if v.Pos.String() != "t.md:13:1" || len(v.Refs) != 1 || v.Support.State("weapp") != spec.Supported || v.Support.State("h5") != spec.Unsupported {
		t.Errorf("value = %+v", v)
	}
}

// A value whose ## 类型 is a name with no section of its own is a value of
// that type, not a namespace.
func TestNamedValuePage(t *testing.T) {
	pg := parseExact(t, "---\ntitle: cfg\nsidebar_label: cfg\n---\n\n全局配置\n\n## 类型\n\n```tsx\nConfig\n```\n\n只读\n\n## 参数\n\n### Config\n\n| 参数 | 类型 |\n| --- | --- |\n| a | `string` |\n")
	if pg.Kind != spec.PageValue || pg.Value.Type.String() != "Config" || len(pg.Decls) != 1 {
		t.Fatalf("Kind = %q, value %v, decls %d", pg.Kind, pg.Value, len(pg.Decls))
	}
	if pg.Value.Doc != "全局配置\n\n只读" {
		t.Errorf("value doc = %q, want the page's and the section's text", pg.Value.Doc)
	}
}

func TestTypesOnlyPage(t *testing.T) {
	pg := parseExact(t, "---\ntitle: General\n---\n\n通用类型\n\n## 参数\n\n### CallbackResult\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| errMsg | `string` | 错误信息 |\n\n### Mode\n\n| 参数 | 说明 |\n| --- | --- |\n| fast | 快 |\n")
	if pg.Kind != spec.PageTypes || pg.Class != nil || pg.Function != nil || len(pg.Decls) != 2 {
		t.Fatalf("Kind = %q, %d decls", pg.Kind, len(pg.Decls))
	}
	if pg.Decls[1].Kind != spec.DeclEnum || pg.Doc != "通用类型" {
		t.Errorf("Mode kind %q, doc %q", pg.Decls[1].Kind, pg.Doc)
	}
}

// Signatures the type parser used to refuse: call signatures inside object
// types and untyped parameters (implicit any).
func TestCallSignaturesAndUntypedParams(t *testing.T) {
	pg := parseExact(t, fnPage("## 参数\n\n### Option\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| draw | `{ (ctx): void; id: number }` | 绘制 |\n| hook | `(ctx) => { [key: string]: any; }` | 钩子 |\n| cb | (res: A or B) => void | 回调 |\n"))
	fs := pg.Decls[0].Fields
	var got []string
	for _, f := range fs {
		got = append(got, f.Type.String())
	}
	want := []string{"{ id: number; (ctx): void }", "(ctx) => { [key: string]: any }", "(res: A | B) => void"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("field types (-want +got):\n%s", diff)
	}
}

// A method's own 支持情况 icons and the page's API 支持度 row are merged:
// the row's explicit cells win (an empty cell is unsupported), icons fill
// the platforms the row leaves out, and a disagreement is a warning.
func TestSupportMerge(t *testing.T) {
	src := "---\ntitle: Task\nsidebar_label: Task\n---\n\n## 方法\n\n### abort\n\n" + icons("weapp", "swan", "-rn") + "\n\n```tsx\n() => void\n```\n\n" +
		"## API 支持度\n\n| API | 微信小程序 | 百度小程序 | 支付宝小程序 |\n| :---: | :---: | :---: | :---: |\n| Task.abort | ✔️ |  |  |\n"
	pg := parseExact(t, src, `t.md:20:26: warning: Task.abort on 百度小程序: the table row says unsupported, the 支持情况 icons says supported`)
	s := pg.Class.Methods[0].Support
	for id, want := range map[string]spec.SupportState{"weapp": spec.Supported, "swan": spec.Unsupported, "alipay": spec.Unsupported, "rn": spec.Unsupported, "h5": spec.Unknown} {
		if got := s.State(id); got != want {
			t.Errorf("abort on %s = %v, want %v", id, got, want)
		}
	}
	if s.API != "Task.abort" {
		t.Errorf("merged support API = %q", s.API)
	}
}

// A ### Option whose table sits directly under it, followed by #### API
// 支持度, is a type with its fields; the support table is never an enum.
func TestOptionWithSupportHeading(t *testing.T) {
	src := fnPage("## 参数\n\n### Option\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| url | `string` | 地址 |\n| data | `string` | 数据 |\n\n#### API 支持度\n\n| API | 微信小程序 | H5 |\n| :---: | :---: | :---: |\n| Taro.demo | ✔️ |  |\n")
	pg := parseExact(t, src)
	if len(pg.Decls) != 1 || pg.Decls[0].Name != "Option" || pg.Decls[0].Kind != spec.DeclObject || !slices.Equal(fieldNames(pg.Decls[0].Fields), []string{"url", "data"}) {
		t.Fatalf("decls = %+v", pg.Decls)
	}
	if pg.Function.Support == nil || pg.Function.Support.State("h5") != spec.Unsupported {
		t.Errorf("the support row under Option did not reach demo: %+v", pg.Function.Support)
	}
}

// An English class page whose property table comes before the first ##
// keeps it: properties and ALL-CAPS constants.
func TestPropertyTableBeforeFirstSection(t *testing.T) {
	src := "---\ntitle: SocketTask\nsidebar_label: SocketTask\n---\n\nThe task.\n\n| Property | Type | Description |\n| --- | --- | --- |\n| readyState | `number` | state |\n| socketTaskId | `number` | id |\n| errMsg | `string` | message |\n| CONNECTING | `number` | connecting |\n| CLOSED | `number` | closed |\n\n## Methods\n\n### close\n\n```tsx\n() => void\n```\n"
	pg := parseExact(t, src)
	c := pg.Class
	var consts []string
	for _, k := range c.Constants {
		consts = append(consts, k.Name)
	}
	if !slices.Equal(fieldNames(c.Properties), []string{"readyState", "socketTaskId", "errMsg"}) || !slices.Equal(consts, []string{"CONNECTING", "CLOSED"}) {
		t.Errorf("properties %v, constants %v", fieldNames(c.Properties), consts)
	}
}

// A member table missing its separator row is read as a table, with a
// warning, never an empty type in silence.
func TestTableWithoutSeparator(t *testing.T) {
	src := fnPage("## 参数\n\n### Option\n\n| 参数 | 类型 | 说明 |\n| url | `string` | 地址 |\n| header | `Record<string, string>` | 头 \\| 部 |\n")
	pg := parseExact(t, src, "t.md:16:1: warning: table has no separator row (| --- |) under its header: read as a table")
	d := pg.Decls[0]
	if !slices.Equal(fieldNames(d.Fields), []string{"url", "header"}) || d.Fields[1].Type.String() != "Record<string, string>" || d.Fields[1].Doc != "头 | 部" {
		t.Errorf("Option = %+v", d.Fields)
	}
	if got := d.Fields[1].Type.Position().String(); got != "t.md:18:13" {
		t.Errorf("header type at %s, want t.md:18:13", got)
	}
}

// A section or table the page structure leaves no place for names every
// member it held.
func TestDroppedMembersAreNamed(t *testing.T) {
	src := fnPage("## 方法\n\n### send\n\n### close\n\n## 说明\n\n| 参数 | 说明 |\n| --- | --- |\n| a | x |\n| b | y |\n")
	parseExact(t, src,
		"t.md:3:16: warning: page has both ## 方法 and ## 类型 sections: read as a function",
		"t.md:12:1: warning: ## 方法 section on a function page: ignored, and with it the members send, close",
		"t.md:18:1: warning: unrecognised section ## 说明: ignored, and with it the members a, b")
	cls := "---\ntitle: T\nsidebar_label: T\n---\n\n## 方法\n\n### send\n\n```tsx\n() => void\n```\n\n## 参数\n\n| 参数 | 类型 |\n| --- | --- |\n| lost | `string` |\n"
	parseExact(t, cls, "t.md:16:1: warning: table under ## 参数 before any ### type: ignored, and with it the member lost")
}

// Page-local names resolve within their page and never silently across
// pages: connectSocket without its own Option does not get closeSocket's.
func TestPageLocalNamesStayOnTheirPage(t *testing.T) {
	conn, _ := ParsePage("connectSocket.md", []byte("---\ntitle: Taro.connectSocket(option)\nsidebar_label: connectSocket\n---\n\n## 类型\n\n```tsx\n(option: Option) => void\n```\n\n## 参数\n\n### ConnectOption\n\n| 参数 | 类型 |\n| --- | --- |\n| url | `string` |\n"))
	closePg, _ := ParsePage("closeSocket.md", []byte("---\ntitle: Taro.closeSocket(option)\nsidebar_label: closeSocket\n---\n\n## 类型\n\n```tsx\n(option: Option) => void\n```\n\n## 参数\n\n### Option\n\n| 参数 | 类型 |\n| --- | --- |\n| code | `number` |\n"))
	pkg, diags := Merge([]*spec.Page{conn, closePg})
	want := "connectSocket.md:9:10: warning: cannot resolve type Option on page connectSocket (connectSocket.md): it is a page-local name and this page declares none; page closeSocket (closeSocket.md) declares one, which is not used across pages"
	if diags.Error() != want {
		t.Errorf("Merge diagnostics =\n%s\nwant\n%s", diags.Error(), want)
	}
	if ref := pkg.Page("connectSocket").Function.Signature.Params[0].Type.(*spec.NamedType).Ref; ref != nil {
		t.Errorf("connectSocket's Option resolved to %+v, want unresolved", ref)
	}
	if ref := pkg.Page("closeSocket").Function.Signature.Params[0].Type.(*spec.NamedType).Ref; ref == nil || ref.Page != "closeSocket" {
		t.Errorf("closeSocket's Option = %+v, want its own", ref)
	}
}

// TestEveryRealPageParses: every page under testdata/pages parses with no
// error diagnostic, alone and merged together.
func TestEveryRealPageParses(t *testing.T) {
	var pages []*spec.Page
	for _, fx := range fixtures(t) {
		pg, diags := ParsePage(fx.name, fx.src)
		if pg == nil || diags.HasErrors() {
			t.Errorf("%s: page %v, errors:\n%s", fx.name, pg != nil, diagText(diags))
			continue
		}
		if pg.Kind == "" {
			t.Errorf("%s: no page kind", fx.name)
		}
		pages = append(pages, pg)
	}
	if _, diags := Merge(pages); diags.HasErrors() {
		t.Errorf("Merge of all pages:\n%s", diagText(diags))
	}
	if _, err := os.Stat(filepath.Join(pagesDir, "current", "route", "router.md")); err != nil {
		t.Errorf("the real pages are missing: %v", err)
	}
}
