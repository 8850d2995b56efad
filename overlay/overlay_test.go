package overlay

import (
	"strings"
	"testing"
)

func TestOverlayParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"entries:\n  X: {nme: Y}\n", `o.yaml:2:7: error: unknown key "nme" in entry "X"`},
		{"entrys: {}\n", `o.yaml:1:1: error: unknown key "entrys" (want entries, types, unions)`},
		{"types:\n  ReadyState: {underlying: int8x}\n", `o.yaml:2:3: error: type "ReadyState": underlying must be one of`},
		{"entries:\n  X: {required: maybe}\n", `o.yaml:2:17: error: expected true or false, found "maybe"`},
		{"entries:\n  X: {name: 1abc}\n", `o.yaml:2:13: error: name "1abc" is not an exported Go identifier`},
		{"[unclosed\n", `o.yaml:1:1: error: overlay is not valid YAML`},
	} {
		_, ds := Parse("o.yaml", []byte(tc.src))
		if !strings.Contains(ds.Error(), tc.want) {
			t.Errorf("Parse(%q) = %q, want it to contain %q", tc.src, ds.Error(), tc.want)
		}
	}
}

func TestParseEntries(t *testing.T) {
	src := "types:\n  ReadyState: {underlying: int}\nunions:\n  \"string | ArrayBuffer\": {name: Data, members: {string: Text}}\nentries:\n  SocketTask.OPEN: {name: Open, value: \"1\", goType: ReadyState, required: true}\n"
	o, ds := Parse("o.yaml", []byte(src))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	e := o.Entries["SocketTask.OPEN"]
	if e == nil || e.Name != "Open" || e.Value != "1" || e.GoType != "ReadyState" || e.Required == nil || !*e.Required || e.Pos.String() != "o.yaml:6:3" {
		t.Errorf("entry = %+v", e)
	}
	if u := o.Unions["string | ArrayBuffer"]; u == nil || u.Name != "Data" || u.Members["string"] != "Text" {
		t.Errorf("union = %+v", u)
	}
	if len(o.Unused()) != 1 {
		t.Errorf("Unused() = %v, want the one entry", o.Unused())
	}
}
