package parser

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tarogen/tarogen/spec"
)

func parseFamily(t *testing.T, format string) (*spec.Package, spec.Diagnostics) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(pagesDir, format, "*.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no %s pages: %v", format, err)
	}
	pkg, diags := ParseFiles(paths)
	if diags.HasErrors() {
		t.Fatalf("ParseFiles(%s) errors:\n%s", format, diags)
	}
	for _, d := range diags {
		if strings.Contains(d.Msg, "cannot resolve") {
			t.Errorf("ParseFiles(%s): unexpected %s", format, d)
		}
	}
	return pkg, diags
}

func refOf(t *testing.T, typ spec.Type) *spec.Ref {
	t.Helper()
	nt, ok := typ.(*spec.NamedType)
	if !ok {
		t.Fatalf("type %v is %T, want *spec.NamedType", typ, typ)
	}
	return nt.Ref
}

func checkRef(t *testing.T, what string, got *spec.Ref, want spec.Ref) {
	t.Helper()
	if got == nil {
		t.Errorf("%s: Ref = nil, want %+v", what, want)
		return
	}
	if diff := cmp.Diff(want, *got); diff != "" {
		t.Errorf("%s: Ref mismatch (-want +got):\n%s", what, diff)
	}
}

func TestMergeWebSocketFamily(t *testing.T) {
	for _, format := range []string{"pipe", "mdx"} {
		t.Run(format, func(t *testing.T) {
			pkg, _ := parseFamily(t, format)
			for i := 1; i < len(pkg.Pages); i++ {
				if pkg.Pages[i-1].Name > pkg.Pages[i].Name {
					t.Errorf("pages not sorted: %s before %s", pkg.Pages[i-1].Name, pkg.Pages[i].Name)
				}
			}
			conn := pkg.Page("connectSocket").Function
			sig := conn.Signature
			prom, ok := sig.Result.(*spec.PromiseType)
			if !ok {
				t.Fatalf("connectSocket result is %T, want promise", sig.Result)
			}
			checkRef(t, "connectSocket Promise<SocketTask>", refOf(t, prom.Elem), spec.Ref{Kind: spec.RefClass, Page: "SocketTask", Name: "SocketTask"})
			checkRef(t, "connectSocket option", refOf(t, sig.Params[0].Type), spec.Ref{Kind: spec.RefDecl, Page: "connectSocket", Name: "Option"})

			task := pkg.Class("SocketTask")
			var onMessage *spec.Function
			for _, m := range task.Methods {
				if m.Name == "onMessage" {
					onMessage = m
				}
			}
			cb := onMessage.Signature.Params[0].Type.(*spec.NamedType)
			checkRef(t, "onMessage callback", cb.Ref, spec.Ref{Kind: spec.RefDecl, Page: "SocketTask", Name: "OnMessageCallback"})
			checkRef(t, "onMessage <T>", refOf(t, cb.Args[0]), spec.Ref{Kind: spec.RefTypeParam, Name: "T"})
			if onMessage.Params[0].Type != onMessage.Signature.Params[0].Type {
				t.Errorf("onMessage Params[0].Type = %v, want the signature's type", onMessage.Params[0].Type)
			}
			for _, p := range task.Properties {
				if p.Name == "ws" {
					checkRef(t, "ws", refOf(t, p.Type), spec.Ref{Kind: spec.RefBuiltin, Name: "WebSocket"})
				}
			}
			for _, d := range pkg.Page("SocketTask").Decls {
				switch d.Name {
				case "OnMessageCallbackResult":
					if len(d.TypeParams) != 1 || d.TypeParams[0].Name != "T" {
						t.Errorf("OnMessageCallbackResult TypeParams = %v, want [T]", d.TypeParams)
					}
					checkRef(t, "OnMessageCallbackResult.data", refOf(t, d.Fields[0].Type), spec.Ref{Kind: spec.RefTypeParam, Name: "T"})
				case "OnMessageCallback":
					if len(d.TypeParams) != 1 || d.TypeParams[0].Name != "T" {
						t.Errorf("OnMessageCallback TypeParams = %v, want [T] (inferred from OnMessageCallbackResult<T>)", d.TypeParams)
					}
				case "SendOption":
					complete := d.Fields[1].Type.(*spec.FuncType)
					checkRef(t, "SendOption.complete res", refOf(t, complete.Params[0].Type), spec.Ref{Kind: spec.RefGeneral, Name: "CallbackResult"})
					data := d.Fields[0].Type.(*spec.UnionType)
					checkRef(t, "SendOption.data ArrayBuffer", refOf(t, data.Types[1]), spec.Ref{Kind: spec.RefBuiltin, Name: "ArrayBuffer"})
				}
			}
			// A bare CallbackResult on connectSocket's page is TaroGeneral's,
			// even though onSocketClose declares its own CallbackResult.
			opt := pkg.Page("connectSocket").Decls[0]
			complete := opt.Fields[1].Type.(*spec.FuncType)
			checkRef(t, "connectSocket Option.complete res", refOf(t, complete.Params[0].Type), spec.Ref{Kind: spec.RefGeneral, Name: "CallbackResult"})
		})
	}
	t.Run("own CallbackResult", func(t *testing.T) {
		pkg, _ := parseFamily(t, "pipe")
		cb := pkg.Page("onSocketClose").Decls[0]
		checkRef(t, "onSocketClose Callback result", refOf(t, cb.Func.Params[0].Type), spec.Ref{Kind: spec.RefDecl, Page: "onSocketClose", Name: "CallbackResult"})
	})
}

func TestMergeUnresolved(t *testing.T) {
	src := "---\ntitle: Taro.demo(option)\nsidebar_label: demo\n---\n\n## 类型\n\n```tsx\n(option: Mystery) => Promise<TaroGeneral.CallbackResult>\n```\n"
	pg, diags := ParsePage("demo.md", []byte(src))
	if len(diags) != 0 {
		t.Fatalf("ParsePage diagnostics: %s", diags)
	}
	pkg, diags := Merge([]*spec.Page{pg, nil})
	want := "demo.md:9:10: warning: cannot resolve type Mystery: not declared on any page, and not a class, type parameter, builtin or TaroGeneral type"
	if got := diags.Error(); got != want {
		t.Errorf("Merge() diagnostics = %q, want %q", got, want)
	}
	sig := pkg.Pages[0].Function.Signature
	if ref := refOf(t, sig.Params[0].Type); ref != nil {
		t.Errorf("unresolved Mystery has Ref %+v, want nil", ref)
	}
	checkRef(t, "TaroGeneral.CallbackResult", refOf(t, sig.Result.(*spec.PromiseType).Elem), spec.Ref{Kind: spec.RefGeneral, Name: "CallbackResult"})
}
