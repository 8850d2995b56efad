package gen

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/overlay"
	"github.com/tarogen/tarogen/spec"
)

// Every overlay mistake is an error at its own file:line:col, and nothing
// is generated (issue 9.5, 12.2).
func TestOverlayValidation(t *testing.T) {
	pkg := parsePages(t, "pipe/SocketTask.md", "pipe/connectSocket.md")
	for _, tc := range []struct{ name, overlay, want string }{
		{"two constants, one name", "entries:\n  SocketTask.OPEN: {name: Open, value: \"1\", goType: int}\n  SocketTask.CLOSED: {name: Open, value: \"3\", goType: int}\n",
			`o.yaml:3:3: error: constant SocketTask.CLOSED: Go name Open is already used by constant SocketTask.OPEN`},
		{"a word for an int", "entries:\n  SocketTask.OPEN: {value: \"one\", goType: int}\n",
			`o.yaml:2:29: error: constant SocketTask.OPEN: value "one" is not a Go literal of type int`},
		{"code for an int", "entries:\n  SocketTask.OPEN: {value: \"0); func init(){println(1)}; const (X = 1\", goType: int}\n",
			`o.yaml:2:29: error: constant SocketTask.OPEN: value "0); func init(){println(1)}; const (X = 1" is not a Go literal of type int`},
		{"out of range", "entries:\n  SocketTask.OPEN: {value: \"300\", goType: int8}\n",
			`o.yaml:2:29: error: constant SocketTask.OPEN: value "300" is not a Go literal of type int8`},
		{"a float for a named int", "types:\n  RS: {underlying: int}\nentries:\n  SocketTask.OPEN: {value: \"1.5\", goType: RS}\n",
			`o.yaml:4:29: error: constant SocketTask.OPEN: value "1.5" is not a Go literal of type int`},
		{"a constant of a pointer", "entries:\n  SocketTask.OPEN: {value: \"1\", goType: \"*int\"}\n",
			`o.yaml:2:29: error: constant SocketTask.OPEN: a Go constant cannot have type *int`},
		{"a field name taken", "entries:\n  connectSocket.Option.url: {name: Header}\n",
			`o.yaml:2:3: error: overlay name "Header" for connectSocket.Option.url is already the Go name of connectSocket.Option.header`},
		{"two fields, one name", "entries:\n  connectSocket.Option.url: {name: Link}\n  connectSocket.Option.header: {name: Link}\n",
			`o.yaml:3:3: error: overlay name "Link" for connectSocket.Option.header is already used by connectSocket.Option.url`},
		{"a type name taken", "types:\n  Support: {underlying: int}\n",
			`o.yaml:2:3: error: overlay type Support: Go name Support is already used by tarogen's own Support`},
		{"a union name taken", "unions:\n  \"string | ArrayBuffer\": {name: SocketTask}\n",
			`o.yaml:2:3: error: union string | ArrayBuffer: Go name SocketTask is already used by class SocketTask`},
	} {
		ov, ds := overlay.Parse("o.yaml", []byte(tc.overlay))
		if ds.HasErrors() {
			t.Fatalf("%s: %v", tc.name, ds)
		}
		files, ds := Generate(pkg, Options{Package: "p", Overlay: ov})
		if files != nil {
			t.Errorf("%s: got %d files, want none", tc.name, len(files))
		}
		if !strings.Contains(ds.Error(), tc.want) {
			t.Errorf("%s: diagnostics\n%s\nwant\n%s", tc.name, ds.Error(), tc.want)
		}
	}
}

// A valid constant value is written as the literal it is.
func TestOverlayConstantValues(t *testing.T) {
	pkg := parsePages(t, "pipe/SocketTask.md")
	ov, ds := overlay.Parse("o.yaml", []byte("types:\n  RS: {underlying: int}\nentries:\n  SocketTask.OPEN: {name: Open, value: \"0x1\", goType: RS}\n  SocketTask.CLOSED: {value: \"-3\", goType: int}\n  SocketTask.CLOSING: {value: \"closing\", goType: string}\n"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	out, _ := generate(t, pkg, ov)
	wantAll(t, out, "Open RS = 0x1", "SocketTaskClosed int = -3", `SocketTaskClosing string = "closing"`)
}

// Generate reads its inputs and changes neither: not the spec, not the
// overlay (once every matched entry was marked Used).
func TestGenerateDoesNotMutateItsInputs(t *testing.T) {
	pkg := parsePages(t, "pipe/SocketTask.md", "pipe/connectSocket.md")
	before := pkgJSON(t, pkg)
	ov, ds := overlay.Parse("o.yaml", []byte("entries:\n  SocketTask.CloseOption.code: {goType: int}\n  SocketTask: {typeArgs: {T: \"string | ArrayBuffer\"}}\n"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	saved := map[string]overlay.Entry{}
	for k, e := range ov.Entries {
		saved[k] = *e
	}
	generate(t, pkg, ov)
	for k, e := range ov.Entries {
		if !reflect.DeepEqual(*e, saved[k]) {
			t.Errorf("entry %s changed: %+v, was %+v", k, *e, saved[k])
		}
	}
	if after := pkgJSON(t, pkg); after != before {
		t.Error("Generate changed the spec package")
	}
}

func pkgJSON(t *testing.T, pkg *spec.Package) string {
	t.Helper()
	b, err := json.Marshal(pkg)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
