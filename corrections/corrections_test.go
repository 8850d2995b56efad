package corrections_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/corrections"
	"github.com/tarogen/tarogen/gen"
	"github.com/tarogen/tarogen/overlay"
	"github.com/tarogen/tarogen/parser"
	"github.com/tarogen/tarogen/spec"
)

// checkedIn is the package generated from Taro's eight WebSocket pages.
var checkedIn = filepath.Join("..", "generated", "sockettask")

func socketPages(t *testing.T) []string {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join(checkedIn, "pages", "*.md"))
	if err != nil || len(pages) != 8 {
		t.Fatalf("want the eight socket pages in %s/pages, found %d (%v)", checkedIn, len(pages), err)
	}
	return pages
}

// generate is what tarogen gen does with the built-ins on and no -overlay.
func generate(t *testing.T, pages []string) ([]gen.File, spec.Diagnostics) {
	t.Helper()
	pkg, ds := parser.ParseFiles(pages)
	if ds.HasErrors() {
		t.Fatalf("parsing %v:\n%v", pages, ds)
	}
	ov, ods := corrections.For(pkg)
	ds = append(corrections.Acknowledge(ds), ods...)
	files, gds := gen.Generate(pkg, gen.Options{Package: "sockettask", Overlay: overlay.Layer(ov, nil)})
	return files, append(ds, gds...)
}

func TestBuiltinParses(t *testing.T) {
	o, ds := corrections.All()
	if len(ds) != 0 || o == nil {
		t.Fatalf("All() diagnostics:\n%v", ds)
	}
	if e := o.Entries["SocketTask.OPEN"]; e == nil || e.Pos.String() != corrections.File+":30:3" {
		t.Errorf("SocketTask.OPEN entry = %v, want it at %s:30:3", e, corrections.File)
	}
}

// TestPagesAloneGiveTheCheckedInPackage is issue 10's promise: the real
// pages, no overlay, no warnings, and exactly generated/sockettask.
func TestPagesAloneGiveTheCheckedInPackage(t *testing.T) {
	pages := socketPages(t)
	// From the package's directory, as go:generate runs it: the pages'
	// positions are written into the platform files.
	t.Chdir(checkedIn)
	for i, p := range pages {
		pages[i] = filepath.Join("pages", filepath.Base(p))
	}
	files, ds := generate(t, pages)
	if len(ds) != 0 {
		t.Fatalf("diagnostics, want none:\n%v", ds)
	}
	for _, f := range files {
		want, err := os.ReadFile(f.Name)
		if err != nil {
			t.Errorf("%s: generated, but not in %s: %v", f.Name, checkedIn, err)
			continue
		}
		if !bytes.Equal(f.Content, want) {
			t.Errorf("%s differs from %s's copy (run go generate ./generated/...)", f.Name, checkedIn)
		}
	}
}

// TestOtherPageSetsTakeWhatMatches generates every other set of real pages
// with the built-ins: none may fail on a built-in entry for a page or
// member it lacks, and a package without SocketTask gets no ReadyState.
func TestOtherPageSetsTakeWhatMatches(t *testing.T) {
	root := filepath.Join("..", "testdata", "pages")
	for _, set := range [][]string{
		{"html-css/SocketTask.md", "html-css/connectSocket.md", "html-css/sendSocketMessage.md"},
		{"pipe/SocketTask.md", "pipe/connectSocket.md", "pipe/closeSocket.md", "pipe/onSocketOpen.md", "pipe/onSocketClose.md", "pipe/onSocketError.md"},
		{"mdx/SocketTask.md", "mdx/connectSocket.md", "mdx/onSocketMessage.md"},
		{"legacy/SocketTask.md", "legacy/connectSocket.md"},
		{"english/SocketTask.md"},
		{"pipe/UDPSocket.md"},
		{"html-jsx/downloadFile.md"},
	} {
		var pages []string
		for _, p := range set {
			pages = append(pages, filepath.Join(root, filepath.FromSlash(p)))
		}
		pkg, ds := parser.ParseFiles(pages)
		if ds.HasErrors() {
			t.Errorf("%v: parse errors:\n%v", set, ds)
			continue
		}
		ov, _ := corrections.For(pkg)
		_, gds := gen.Generate(pkg, gen.Options{Package: "p", Overlay: ov})
		if gds.HasErrors() {
			t.Errorf("%v: generating with the built-ins:\n%v", set, gds)
		}
		_, hasRS := ov.Types["ReadyState"]
		if want := pkg.Class("SocketTask") != nil; hasRS != want {
			t.Errorf("%v: built-in type ReadyState kept = %v, want %v", set, hasRS, want)
		}
	}
}

func TestForKeepsOnlyWhatThePagesDeclare(t *testing.T) {
	pkg, _ := parser.ParseFiles([]string{filepath.Join(checkedIn, "pages", "closeSocket.md")})
	ov, ds := corrections.For(pkg)
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	got := slices.Sorted(func(yield func(string) bool) {
		for k := range ov.Entries {
			if !yield(k) {
				return
			}
		}
	})
	if want := []string{"closeSocket.Option.code"}; !slices.Equal(got, want) {
		t.Errorf("For(closeSocket) entries = %q, want %q", got, want)
	}
	if len(ov.Types) != 0 {
		t.Errorf("For(closeSocket) types = %v, want none", ov.Types)
	}
	if ov.Unions["string | ArrayBuffer"] == nil {
		t.Errorf("For(closeSocket) dropped the Data union; union names apply wherever the union occurs")
	}
}

// TestAcknowledge pins the known quirk's warnings as the parser writes
// them for the real pages, and that they, and only they, are dropped.
func TestAcknowledge(t *testing.T) {
	_, ds := parser.ParseFiles(socketPages(t))
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	want := []string{
		filepath.Join(checkedIn, "pages", "SocketTask.md") + ":119:3: warning: parameter callback of SocketTask.onMessage: signature type OnMessageCallback<T> differs from table type T; keeping the signature's",
		filepath.Join(checkedIn, "pages", "onSocketMessage.md") + ":22:3: warning: parameter callback of onSocketMessage: signature type Callback<T> differs from table type T; keeping the signature's",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("parser warnings on the socket pages =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if left := corrections.Acknowledge(ds); len(left) != 0 {
		t.Errorf("Acknowledge left %v", left)
	}
	other := spec.Diagnostics{
		{Severity: spec.Warning, Msg: "parameter keyList of batchGetStorageSync: signature type string[] differs from table type T; keeping the signature's"},
		{Severity: spec.Warning, Msg: "parameter option of request: signature type Option<T, U> differs from table type V; keeping the signature's"},
		{Severity: spec.Error, Msg: ds[0].Msg},
	}
	if left := corrections.Acknowledge(other); len(left) != 3 {
		t.Errorf("Acknowledge(%v) = %v, want all kept (not a type argument; an error)", other, left)
	}
}

// TestAcknowledgeOtherPages: the same quirk on other real pages, with a
// type argument list.
func TestAcknowledgeOtherPages(t *testing.T) {
	root := filepath.Join("..", "testdata", "pages", "current")
	_, ds := parser.ParseFiles([]string{
		filepath.Join(root, "network", "request", "request.md"),
		filepath.Join(root, "storage", "getStorage.md"),
		filepath.Join(root, "storage", "batchGetStorageSync.md"),
	})
	var quirks []string
	for _, d := range ds {
		if strings.Contains(d.Msg, "differs from table type") {
			quirks = append(quirks, d.Msg)
		}
	}
	if len(quirks) != 3 {
		t.Fatalf("want 3 table/signature warnings on request, getStorage, batchGetStorageSync; got %q", quirks)
	}
	var left []string
	for _, d := range corrections.Acknowledge(ds) {
		if strings.Contains(d.Msg, "differs from table type") {
			left = append(left, d.Msg)
		}
	}
	want := []string{"parameter keyList of batchGetStorageSync: signature type string[] differs from table type T; keeping the signature's"}
	if !slices.Equal(left, want) {
		t.Errorf("after Acknowledge = %q, want only %q", left, want)
	}
}
