package gen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/parser"
	"github.com/tarogen/tarogen/spec"
)

// Bounded cost (issue 12.5): output grows linearly with the page. Three
// shapes once made it grow with the square: a union of many named types
// (every wrapper's name and doc repeated the union's), a deeply nested
// list (indentation copied at every level) and a type with many fields.

// scaleShapes build a package of size n and report its input bytes.
var scaleShapes = []struct {
	name  string
	build func(tb testing.TB, n int) (*spec.Package, int)
}{
	{"union", unionPage},
	{"fields", fieldsPage},
	{"list", listPage},
}

// unionPage is a function page whose option's data is a union of n named
// types, each declared on the page.
func unionPage(tb testing.TB, n int) (*spec.Package, int) {
	var members, decls []string
	for i := range n {
		members = append(members, fmt.Sprintf("Member%d", i))
		decls = append(decls, fmt.Sprintf("### Member%d\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| v%d | `number` | value |\n", i, i))
	}
	src := fmt.Sprintf("---\ntitle: Taro.big(option)\nsidebar_label: big\n---\n\nbig\n\n## 类型\n\n```tsx\n(option: Option) => void\n```\n\n## 参数\n\n### Option\n\n| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| data | `%s` | the data |\n\n%s",
		strings.Join(members, " | "), strings.Join(decls, "\n"))
	return parseScale(tb, src), len(src)
}

// fieldsPage is a function page whose option has n fields.
func fieldsPage(tb testing.TB, n int) (*spec.Package, int) {
	var rows []string
	for i := range n {
		rows = append(rows, fmt.Sprintf("| field%d | `string` | 否 | the field number %d |", i, i))
	}
	src := fmt.Sprintf("---\ntitle: Taro.big(option)\nsidebar_label: big\n---\n\nbig\n\n## 类型\n\n```tsx\n(option: Option) => void\n```\n\n## 参数\n\n### Option\n\n| 参数 | 类型 | 必填 | 说明 |\n| --- | --- | :---: | --- |\n%s\n",
		strings.Join(rows, "\n"))
	return parseScale(tb, src), len(src)
}

// listPage is a function whose doc is a list nested n deep. The parser
// refuses lists deeper than its limit, so the doc is built as the parser
// renders a nested list, to measure gen's own cost.
func listPage(tb testing.TB, n int) (*spec.Package, int) {
	var lines []string
	for i := range n {
		lines = append(lines, strings.Repeat("  ", i)+fmt.Sprintf("- item %d", i))
	}
	doc := strings.Join(lines, "\n")
	pg := fnPage("deep.md", "deep")
	pg.Function.Doc = doc
	return &spec.Package{Pages: []*spec.Page{pg}}, len(doc)
}

func parseScale(tb testing.TB, src string) *spec.Package {
	tb.Helper()
	pg, ds := parser.ParsePage("big.md", []byte(src))
	if ds.HasErrors() {
		tb.Fatal(ds)
	}
	pkg, ds := parser.Merge([]*spec.Page{pg})
	if ds.HasErrors() {
		tb.Fatal(ds)
	}
	return pkg
}

// outputBytes generates pkg and returns the bytes of its page file (the
// shared files are the same size whatever the page).
func outputBytes(tb testing.TB, pkg *spec.Package) int {
	tb.Helper()
	files, ds := Generate(pkg, Options{Package: "p"})
	if ds.HasErrors() {
		tb.Fatal(ds)
	}
	total := 0
	for _, f := range files {
		total += len(f.Content)
	}
	return total
}

// TestOutputLinearInPageSize checks the bound itself: from 250 to 2000
// members, fields or list levels, output bytes per input byte stay within
// a factor of 1.5 (they once grew 8-fold and more).
func TestOutputLinearInPageSize(t *testing.T) {
	if testing.Short() {
		t.Skip("generates pages of 2000 members")
	}
	for _, sh := range scaleShapes {
		var ratios []float64
		for _, n := range []int{250, 2000} {
			pkg, in := sh.build(t, n)
			ratios = append(ratios, float64(outputBytes(t, pkg))/float64(in))
		}
		if ratios[1] > 1.5*ratios[0] {
			t.Errorf("%s: output/input %.2f at 250, %.2f at 2000: not linear", sh.name, ratios[0], ratios[1])
		}
	}
}

// BenchmarkScale reports, per shape and size, the input and output bytes
// and the time to generate (parse excluded):
//
//	go test -run '^$' -bench Scale -benchtime 3x ./gen
func BenchmarkScale(b *testing.B) {
	for _, sh := range scaleShapes {
		for _, n := range []int{250, 500, 1000, 2000} {
			b.Run(fmt.Sprintf("%s/n=%d", sh.name, n), func(b *testing.B) {
				pkg, in := sh.build(b, n)
				out := 0
				for b.Loop() {
					out = outputBytes(b, pkg)
				}
				b.ReportMetric(float64(in), "in-bytes")
				b.ReportMetric(float64(out), "out-bytes")
			})
		}
	}
}
