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
		// Issue 9.5: names that would be unexported, and duplicate keys at
		// every level, are errors (a YAML decoder would merge them).
		{"entries:\n  X: {name: open}\n", `o.yaml:2:13: error: name "open" is not an exported Go identifier`},
		{"entries:\n  X: {name: \"Op en\"}\n", `o.yaml:2:14: error: name "Op en" is not an exported Go identifier`},
		{"unions:\n  \"a | b\": {name: data}\n", `o.yaml:2:19: error: union name "data" is not an exported Go identifier`},
		{"unions:\n  \"a | b\": {name: D, members: {a: x}}\n", `o.yaml:2:35: error: member name "x" is not an exported Go identifier`},
		{"entries:\n  X: {}\nentries:\n  Y: {}\n", `o.yaml:3:1: error: duplicate key "entries" in overlay (first at o.yaml:1:1)`},
		{"entries:\n  X: {name: A, name: B}\n", `o.yaml:2:16: error: duplicate key "name" in entry X (first at o.yaml:2:7)`},
		{"entries:\n  X: {}\n  X: {}\n", `o.yaml:3:3: error: duplicate key "X" in entries (first at o.yaml:2:3)`},
		{"entries:\n  X\u200b: {}\n  X: {}\n", `o.yaml:3:3: error: duplicate key "X" in entries (first at o.yaml:2:3)`},
		{"types:\n  A: {underlying: int, doc: x, doc: y}\n", `o.yaml:2:32: error: duplicate key "doc" in type A (first at o.yaml:2:24)`},
		{"entries:\n  X: {typeArgs: {T: a, T: b}}\n", `o.yaml:2:24: error: duplicate key "T" in typeArgs (first at o.yaml:2:18)`},
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

// Paths and names are matched after zero-width characters are stripped:
// an entry copied from a page that carries one still matches.
func TestNormalizedPaths(t *testing.T) {
	o, ds := Parse("o.yaml", []byte("entries:\n  \"close\u200bSocket.Option\": {name: \"Close\u200dOption\"}\n"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	e := o.Entries["closeSocket.Option"]
	if e == nil || e.Name != "CloseOption" {
		t.Errorf("Entries = %v, want closeSocket.Option named CloseOption", o.Entries)
	}
	// NFC: a decomposed é (e + U+0301) is the precomposed one.
	o, ds = Parse("o.yaml", []byte("entries:\n  \"caf\u0065\u0301.x\": {}\n"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if o.Entries["caf\u00e9.x"] == nil {
		t.Errorf("Entries = %v, want the NFC path café.x", o.Entries)
	}
}
