package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tarogen/tarogen/spec"
)

// A class page that groups its types per method under ## 参数 (### method,
// #### Type): the same name under two methods gets two scopes, and
// references resolve to the one in their own method's scope.
const scopedPage = "---\ntitle: Thing\nsidebar_label: Thing\n---\n\n## 方法\n\n### start\n\n```tsx\n(option: Option) => void\n```\n\n### stop\n\n```tsx\n(option: Option) => void\n```\n\n" +
	"## 参数\n\n### start\n\n#### Option\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| mode | `Mode` | 模式 |\n\n#### Mode\n\n| 参数 | 说明 |\n| --- | --- |\n| 'fast' | 快 |\n| slow | 慢 |\n\n" +
	"### stop\n\n#### Option\n\n| 参数 | 类型 |\n| --- | --- |\n| force | `boolean` |\n"

func TestScopedDecls(t *testing.T) {
	pg, diags := ParsePage("thing.md", []byte(scopedPage))
	if len(diags) != 0 {
		t.Fatalf("ParsePage diagnostics:\n%s", diags)
	}
	type decl struct {
		Name, Scope string
		Kind        spec.DeclKind
		Members     []string
	}
	var got []decl
	for _, d := range pg.Decls {
		dd := decl{Name: d.Name, Scope: d.Scope, Kind: d.Kind}
		for _, f := range d.Fields {
			dd.Members = append(dd.Members, f.Name)
		}
		for _, v := range d.Values {
			dd.Members = append(dd.Members, v.Value)
		}
		got = append(got, dd)
	}
	want := []decl{
		{"Option", "start", spec.DeclObject, []string{"mode"}},
		{"Mode", "start", spec.DeclEnum, []string{"fast", "slow"}},
		{"Option", "stop", spec.DeclObject, []string{"force"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Decls mismatch (-want +got):\n%s", diff)
	}
	pkg, diags := Merge([]*spec.Page{pg})
	if len(diags) != 0 {
		t.Fatalf("Merge diagnostics:\n%s", diags)
	}
	for _, m := range pkg.Pages[0].Class.Methods {
		checkRef(t, m.Name+" option", refOf(t, m.Signature.Params[0].Type), spec.Ref{Kind: spec.RefDecl, Page: "Thing", Name: "Option", Scope: m.Name})
	}
	checkRef(t, "Option.mode", refOf(t, pg.Decls[0].Fields[0].Type), spec.Ref{Kind: spec.RefDecl, Page: "Thing", Name: "Mode", Scope: "start"})
}

// TestSupportCells pins the reading of support cells.
func TestSupportCells(t *testing.T) {
	for _, tc := range []struct {
		cell  string
		state spec.SupportState
		note  string
	}{
		{"✔️", spec.Supported, ""},
		{"✅", spec.Supported, ""},
		{"√", spec.Supported, ""},
		{"", spec.Unsupported, ""},
		{"❌", spec.Unsupported, ""},
		{"✖️", spec.Unsupported, ""},
		{"×", spec.Unsupported, ""},
		{"✔️(仅 iOS)", spec.Supported, "仅 iOS"},
		{"部分支持", spec.Unknown, "部分支持"},
	} {
		st, note := cellState(tc.cell)
		if st != tc.state || note != tc.note {
			t.Errorf("cellState(%q) = %v, %q, want %v, %q", tc.cell, st, note, tc.state, tc.note)
		}
	}
}

// TestZeroWidthPlatform: invisible characters in a platform header do not
// make it unknown.
func TestZeroWidthPlatform(t *testing.T) {
	src := fnPage("## API 支持度\n\n| API | \u200b微信小程序\u200b | H5 |\n| :---: | :---: | :---: |\n| Taro.demo | ✔️ |  |\n")
	pg, diags := ParsePage("t.md", []byte(src))
	if len(diags) != 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	if got := pg.Support.State("weapp"); got != spec.Supported {
		t.Errorf("weapp = %v, want supported", got)
	}
	if got := pg.Support.State("h5"); got != spec.Unsupported {
		t.Errorf("h5 = %v, want unsupported", got)
	}
}
