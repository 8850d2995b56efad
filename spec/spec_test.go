package spec

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestLookupPlatform(t *testing.T) {
	for _, tc := range []struct {
		in    string
		id    string
		known bool
		name  string
	}{
		{"微信小程序", "weapp", true, "微信小程序"},
		{"\u200b百度小程序\u200b ", "swan", true, "百度小程序"},
		{"字节跳动小程序", "tt", true, "字节跳动小程序"},
		{"头条小程序", "tt", true, "头条小程序"},
		{"抖音小程序", "tt", true, "抖音小程序"},
		{"QQ 轻应用", "qq", true, "QQ 轻应用"},
		{"QQ 小程序", "qq", true, "QQ 小程序"},
		{"WeChat Mini-Program", "weapp", true, "WeChat Mini-Program"},
		{"Harmony hybrid", "harmony_hybrid", true, "Harmony hybrid"},
		{"ASCF元服务", "ascf", true, "ASCF元服务"},
		{"React Native", "rn", true, "React Native"},
		{"Kuaishou Mini-Program", "kuaishou_mini_program", false, "Kuaishou Mini-Program"},
		{"快手小程序", "p_e5bfabe6898be5b08fe7a88be5ba8f", false, "快手小程序"},
	} {
		p, ok := LookupPlatform(tc.in)
		if p.ID != tc.id || ok != tc.known || p.Name != tc.name {
			t.Errorf("LookupPlatform(%q) = %+v, %v; want id %q, known %v, name %q", tc.in, p, ok, tc.id, tc.known, tc.name)
		}
	}
}

func TestPosJSON(t *testing.T) {
	p := Pos{File: "pipe/a:b.md", Line: 12, Col: 3}
	b, err := json.Marshal(p)
	if err != nil || string(b) != `"pipe/a:b.md:12:3"` {
		t.Fatalf("Marshal(%v) = %s, %v", p, b, err)
	}
	var q Pos
	if err := json.Unmarshal(b, &q); err != nil || q != p {
		t.Errorf("Unmarshal(%s) = %v, %v; want %v", b, q, err, p)
	}
}

func TestTypeJSONAndString(t *testing.T) {
	ty := &FuncType{
		TypeParams: []*TypeParamType{{Name: "T", Default: &PrimitiveType{Name: "any"}}},
		Params:     []*FuncParam{{Name: "callback", Type: &NamedType{Name: "OnMessageCallback", Args: []Type{&NamedType{Name: "T"}}}}},
		Result:     &PrimitiveType{Name: "void"},
	}
	if got, want := ty.String(), "<T = any>(callback: OnMessageCallback<T>) => void"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	b, err := json.Marshal(ty)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"kind":"function","pos":"-","typeParams":[{"kind":"typeparam","pos":"-","name":"T","default":{"kind":"primitive","pos":"-","name":"any"}}],"params":[{"pos":"-","name":"callback","type":{"kind":"named","pos":"-","name":"OnMessageCallback","args":[{"kind":"named","pos":"-","name":"T"}]}}],"result":{"kind":"primitive","pos":"-","name":"void"}}`
	if string(b) != want {
		t.Errorf("Marshal =\n%s\nwant\n%s", b, want)
	}
}

func TestDiagnosticsSort(t *testing.T) {
	var ds Diagnostics
	ds.Warnf(Pos{File: "b.md", Line: 1, Col: 1}, "w")
	ds.Errorf(Pos{File: "a.md", Line: 2, Col: 1}, "e2")
	ds.Errorf(Pos{File: "a.md", Line: 1, Col: 5}, "e1")
	ds.Errorf(Pos{File: "a.md", Line: 1, Col: 5}, "e1")
	ds.Sort()
	want := "a.md:1:5: error: e1\na.md:2:1: error: e2\nb.md:1:1: warning: w"
	if ds.Error() != want || !ds.HasErrors() {
		t.Errorf("sorted = %q, want %q", ds.Error(), want)
	}
}

// TestObjectCalls: a call signature prints as TypeScript writes it, and
// Walk reaches its types.
func TestObjectCalls(t *testing.T) {
	obj := &ObjectType{
		Members: []*ObjectMember{{Name: "a", Type: &NamedType{Name: "B"}}},
		Calls:   []*FuncType{{Params: []*FuncParam{{Name: "x", Type: &PrimitiveType{Name: "number"}}}, Result: &NamedType{Name: "R"}}, {Params: []*FuncParam{}}},
	}
	if got, want := obj.String(), "{ a: B; (x: number): R; (): void }"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	var names []string
	Walk(obj, func(t Type) bool {
		if n, ok := t.(*NamedType); ok {
			names = append(names, n.Name)
		}
		return true
	})
	if got := strings.Join(names, ","); got != "B,R" {
		t.Errorf("Walk reached %q, want B,R", got)
	}
}
