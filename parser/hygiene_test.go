package parser

import (
	"strings"
	"testing"

	"github.com/tarogen/tarogen/spec"
)

// Issue 12, at the source: a BOM, invisible characters in names, and
// characters that hide or reorder text are handled where the page is read,
// with exact positions.

func TestBOMKeepsFrontMatter(t *testing.T) {
	pg := parseExact(t, "\ufeff"+fnPage(""))
	if pg.Name != "demo" || pg.Title != "Taro.demo(option)" || pg.Function == nil {
		t.Errorf("Name %q, Title %q: the front matter after a BOM was not read", pg.Name, pg.Title)
	}
	// Positions count the BOM's bytes: the label starts at byte 3 of line 3.
	if got := pg.Function.Signature.Pos.String(); got != "t.md:9:1" {
		t.Errorf("signature at %s, want t.md:9:1", got)
	}
}

// Zero-width characters inside names are stripped and names are NFC, so
// that the API, its members and its types match what the runtime binds.
func TestNamesAreNormalised(t *testing.T) {
	src := "---\ntitle: Taro.close\u200bSocket(option)\nsidebar_label: close\u200bSocket\n---\n\n## 类型\n\n```tsx\n(option: Close\u200bOption) => void\n```\n\n## 参数\n\n### Close\u2060Option\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| re\u200bason | `string` | 原因 |\n| caf\u0065\u0301 | `Mo\u200bde` | 咖啡 |\n\n### Mode\n\n| 参数 | 说明 |\n| --- | --- |\n| 'fa\u00adst' | 快 |\n"
	pg := parseExact(t, src)
	d := pg.Decls[0]
	got := []string{pg.Name, pg.Function.Signature.Params[0].Type.String(), d.Name, d.Fields[0].Name, d.Fields[1].Name, d.Fields[1].Type.String(), pg.Decls[1].Values[0].Value}
	want := []string{"closeSocket", "CloseOption", "CloseOption", "reason", "caf\u00e9", "Mode", "fast"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("names = %q, want %q", got, want)
	}
	pkg, diags := Merge([]*spec.Page{pg})
	if len(diags) != 0 {
		t.Errorf("Merge: %s", diags)
	}
	if ref := pkg.Pages[0].Function.Signature.Params[0].Type.(*spec.NamedType).Ref; ref == nil || ref.Name != "CloseOption" {
		t.Errorf("CloseOption did not resolve: %+v", ref)
	}
}

// Bidi controls, line and paragraph separators, lone CRs and C0/C1
// controls are stripped from the text, one warning per run naming each
// character, and positions after them stay those of the file.
func TestHiddenCharactersStripped(t *testing.T) {
	src := fnPage("") + "\n## 说明\n" // a section to report after the stripped text
	src = strings.Replace(src, "## 类型", "Safe \u202eevil\u202c text.\r Bell\u0007\u0085here \u2028\u2029.\n\n## 类型", 1)
	pg := parseExact(t, src,
		"t.md:6:6: warning: page text holds U+202E RIGHT-TO-LEFT OVERRIDE: stripped",
		"t.md:6:13: warning: page text holds U+202C POP DIRECTIONAL FORMATTING: stripped",
		"t.md:6:22: warning: page text holds U+000D CARRIAGE RETURN (not followed by a line feed): stripped",
		"t.md:6:28: warning: page text holds U+0007 BELL, U+0085 NEXT LINE: stripped",
		"t.md:6:36: warning: page text holds U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR: stripped",
		"t.md:15:1: warning: unrecognised section ## 说明: ignored",
	)
	if pg.Doc != "Safe evil text. Bellhere ." {
		t.Errorf("Doc = %q", pg.Doc)
	}
	if got := pg.Function.Signature.Pos.String(); got != "t.md:11:1" {
		t.Errorf("signature at %s, want t.md:11:1", got)
	}
}

// Deep nesting has a limit: an error at the position, and output that
// stays linear.
func TestDeepNesting(t *testing.T) {
	deep := fnPage("## 说明\n\n" + strings.Repeat("- ", 10000) + "x\n")
	pg, diags := ParsePage("t.md", []byte(deep))
	want := "t.md:14:33: error: lists and quotes nested deeper than 16 levels: the deeper levels are left out"
	if pg == nil || !strings.Contains(diags.Error(), want) {
		t.Errorf("diagnostics:\n%s\nwant among them\n%s", diags.Error(), want)
	}
	quotes := fnPage("") + "\n" + strings.Repeat(">", 40) + " x\n"
	parseExact(t, quotes, "t.md:13:17: error: lists and quotes nested deeper than 16 levels: the deeper levels are left out")
	typ := fnPage("## 参数\n\n### Option\n\n| 参数 | 类型 |\n| --- | --- |\n| a | `" + strings.Repeat("Array<", 101) + "x" + strings.Repeat(">", 101) + "` |\n")
	parseExact(t, typ, "t.md:18:608: error: bad type: type nested too deeply")
}
