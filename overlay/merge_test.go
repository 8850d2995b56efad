package overlay

import (
	"testing"
)

func mustParse(t *testing.T, file, src string) *Overlay {
	t.Helper()
	o, ds := Parse(file, []byte(src))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return o
}

func TestLayerMergesFieldByField(t *testing.T) {
	base := mustParse(t, "base.yaml", `types:
  ReadyState: {underlying: int, doc: base}
unions:
  "string | ArrayBuffer": {name: Data, members: {string: Text, ArrayBuffer: Binary}}
entries:
  SocketTask.OPEN: {name: Open, value: "1", goType: ReadyState}
  SocketTask: {typeArgs: {T: "string | ArrayBuffer", U: "number"}}
  SocketTask.ws: {skip: true}
`)
	top := mustParse(t, "mine.yaml", `types:
  ReadyState: {underlying: int8, doc: mine}
entries:
  SocketTask.OPEN: {name: StateOpen}
  SocketTask: {typeArgs: {T: string}}
  connectSocket.Option.url: {required: true}
`)
	got := Layer(base, top)
	open := got.Entries["SocketTask.OPEN"]
	if open.Name != "StateOpen" || open.Value != "1" || open.GoType != "ReadyState" || open.Pos.String() != "mine.yaml:4:3" {
		t.Errorf("merged SocketTask.OPEN = %+v, want name StateOpen from mine.yaml:4:3, value and goType from base", open)
	}
	if args := got.Entries["SocketTask"].TypeArgs; args["T"] != "string" || args["U"] != "number" {
		t.Errorf("merged typeArgs = %v, want T from top, U from base", args)
	}
	if ws := got.Entries["SocketTask.ws"]; ws == nil || !ws.Skip || ws.Pos.String() != "base.yaml:8:3" {
		t.Errorf("base-only entry = %+v, want it kept with its position", ws)
	}
	if u := got.Entries["connectSocket.Option.url"]; u == nil || u.Required == nil || !*u.Required {
		t.Errorf("top-only entry = %+v", u)
	}
	if rs := got.Types["ReadyState"]; rs.Underlying != "int8" || rs.Doc != "mine" {
		t.Errorf("type ReadyState = %+v, want top's whole", rs)
	}
	if d := got.Unions["string | ArrayBuffer"]; d == nil || d.Members["ArrayBuffer"] != "Binary" {
		t.Errorf("union = %+v, want base's", d)
	}
	// The result shares nothing: marking it used, or editing it, leaves
	// both inputs as they were.
	open.Used = true
	got.Unions["string | ArrayBuffer"].Members["string"] = "X"
	got.Entries["SocketTask"].TypeArgs["U"] = "X"
	if base.Entries["SocketTask.OPEN"].Used || top.Entries["SocketTask.OPEN"].Used ||
		base.Unions["string | ArrayBuffer"].Members["string"] != "Text" || base.Entries["SocketTask"].TypeArgs["U"] != "number" {
		t.Errorf("Layer's result shares state with its inputs")
	}
}

func TestLayerNil(t *testing.T) {
	if o := Layer(nil, nil); o == nil || len(o.Entries) != 0 {
		t.Errorf("Layer(nil, nil) = %+v, want an empty overlay", o)
	}
	top := mustParse(t, "mine.yaml", "entries:\n  X: {name: Y}\n")
	if o := Layer(nil, top); o.File != "mine.yaml" || o.Entries["X"].Name != "Y" {
		t.Errorf("Layer(nil, top) = %+v", o)
	}
}
