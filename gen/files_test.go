package gen

import (
	"slices"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/spec"
)

// fnPage is a page documenting a function name(): void.
func fnPage(file, name string) *spec.Page {
	pos := spec.Pos{File: file, Line: 1, Col: 1}
	return &spec.Page{Pos: pos, File: file, Kind: spec.PageFunction, Name: name,
		Function: &spec.Function{Pos: pos, Name: name, Signature: &spec.FuncType{Pos: pos}}}
}

func classPage(file, name string) *spec.Page {
	pos := spec.Pos{File: file, Line: 1, Col: 1}
	return &spec.Page{Pos: pos, File: file, Kind: spec.PageClass, Name: name, Class: &spec.Class{Pos: pos, Name: name}}
}

// Output file names are planned: two outputs that would share a file (also
// only case-insensitively, as on macOS and Windows) are an error naming
// both, never a last-write-wins package that silently lacks a page
// (issue 12.3).
func TestFileNameCollisions(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pages []*spec.Page
		want  string
	}{
		{"function beside class", []*spec.Page{classPage("SocketTask.md", "SocketTask"), fnPage("sockettask.md", "sockettask")},
			"sockettask.md:1:1: error: output file sockettask.go for page sockettask (sockettask.md) is already the file of page SocketTask (SocketTask.md)"},
		{"function named tarogenapi beside tarogen", []*spec.Page{fnPage("tarogen.md", "tarogen"), fnPage("tarogenapi.md", "tarogenApi")},
			"tarogenapi.md:1:1: error: output file tarogenapi.go for page tarogenApi (tarogenapi.md) is already the file of page tarogen (tarogen.md)"},
		{"names that differ in punctuation", []*spec.Page{fnPage("a.md", "get-info"), fnPage("b.md", "getInfo")},
			"b.md:1:1: error: output file getinfo.go for page getInfo (b.md) is already the file of page get-info (a.md)"},
	} {
		files, ds := Generate(&spec.Package{Pages: tc.pages}, Options{Package: "p"})
		if files != nil {
			t.Errorf("%s: got %d files, want none", tc.name, len(files))
		}
		if !strings.Contains(ds.Error(), tc.want) {
			t.Errorf("%s: diagnostics\n%s\nwant\n%s", tc.name, ds.Error(), tc.want)
		}
	}
}

// Two CJK page names get two files (once both were page.go), and their
// APIs exported names.
func TestCJKFileNames(t *testing.T) {
	files, ds := Generate(&spec.Package{Pages: []*spec.Page{fnPage("a.md", "打开"), fnPage("b.md", "关闭")}}, Options{Package: "p"})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	var names []string
	var all string
	for _, f := range files {
		names = append(names, f.Name)
		all += string(f.Content)
	}
	for _, want := range []string{"u5173u95ed.go", "u6253u5f00.go"} {
		if !strings.Contains(strings.Join(names, " "), want) {
			t.Errorf("files %v lack %s", names, want)
		}
	}
	wantAll(t, all, "func X打开()", "func X关闭()")
}

// A page API named like tarogen's own declarations (Taro's canIUse beside
// the generated CanIUse lookup) gets a Taro prefix and a warning, never a
// hard error.
func TestAPINamedLikeTarogensOwn(t *testing.T) {
	files, ds := Generate(&spec.Package{Pages: []*spec.Page{fnPage("canIUse.md", "canIUse"), classPage("Platform.md", "Platform")}}, Options{Package: "p"})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	wantAll(t, ds.Error(), "canIUse.md:1:1: warning: function canIUse: Go name CanIUse is tarogen's own; named TaroCanIUse",
		"Platform.md:1:1: warning: class Platform: Go name Platform is tarogen's own; named TaroPlatform")
	var all string
	for _, f := range files {
		all += string(f.Content)
	}
	wantAll(t, all, "func TaroCanIUse()", "type TaroPlatform struct", "func CanIUse(api API) Support")
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	if !slices.Contains(names, "platformapi.go") || !slices.Contains(names, "tarogen.go") {
		t.Errorf("files %v, want platformapi.go for the page beside tarogen.go", names)
	}
}
