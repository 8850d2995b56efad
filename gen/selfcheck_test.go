package gen

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/tarogen/tarogen/overlay"
)

// A package that would not compile is a failed Generate, reported at the
// input that caused it, and no file is returned. An overlay goType that
// passes every check on its own (int is a basic Go type) but breaks the
// WebSocket binding, which needs url to be a string, is such a case.
func TestSelfCheckRefusesGoThatDoesNotCompile(t *testing.T) {
	pkg := parsePages(t, "pipe/SocketTask.md", "pipe/connectSocket.md")
	ov, ds := overlay.Parse("o.yaml", []byte("entries:\n  connectSocket.Option.url: {goType: int}\n"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	files, ds := Generate(pkg, Options{Package: "p", Overlay: ov})
	if files != nil {
		t.Errorf("Generate returned %d files, want none", len(files))
	}
	want := "o.yaml:2:3: error: generated Go does not compile with no build tag: connectsocket.native.go:12:12: " +
		"cannot use option.URL (variable of type int) as string value in assignment (in field connectSocket.Option.url)"
	if !strings.Contains(ds.Error(), want) {
		t.Errorf("diagnostics\n%s\nwant\n%s", ds.Error(), want)
	}
}

// A compile error inside a page's own declaration is reported at the page
// row that declared it.
func TestSelfCheckMapsToThePage(t *testing.T) {
	pkg := parsePages(t, "pipe/connectSocket.md")
	g := newGenerator(pkg, Options{Package: "p"})
	g.plan()
	if g.ds.HasErrors() {
		t.Fatal(g.ds)
	}
	// Break one planned field the way a generator bug would.
	fi := g.decls[0].field("protocols")
	broken := tBool
	fi.typ = typ{kind: kSlice, elem: &broken, code: func() *jen.Statement { return jen.Id("undefinedType") }}
	g.selfCheck(g.emitFiles())
	want := "pipe/connectSocket.md:30:3: error: generated Go does not compile with no build tag: connectsocket.go:32:12: undefined: undefinedType (in field connectSocket.Option.protocols)"
	if !strings.Contains(g.ds.Error(), want) {
		t.Errorf("diagnostics\n%s\nwant\n%s", g.ds.Error(), want)
	}
}
