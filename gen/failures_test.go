package gen

import (
	"strings"
	"testing"

	"github.com/tarogen/tarogen/overlay"
	"github.com/tarogen/tarogen/spec"
)

// Each failure class of issue 9 that gen owns, on the real page that
// showed it: the page generates (the self-check proves the output
// compiles), and the diagnostic or declaration that replaced the failure
// is pinned.

// generate runs Generate and fails on an error; it returns all output
// text and the diagnostics' text.
func generate(t *testing.T, pkg *spec.Package, ov *overlay.Overlay) (string, string) {
	t.Helper()
	files, ds := Generate(pkg, Options{Package: "p", Overlay: ov})
	if ds.HasErrors() {
		t.Fatalf("Generate: %v", ds)
	}
	var all strings.Builder
	for _, f := range files {
		all.Write(f.Content)
	}
	return all.String(), ds.Error()
}

func wantAll(t *testing.T, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("output lacks %q", w)
		}
	}
}

// FileSystemManager's Encoding has "ucs2" and "ucs-2": once two constants
// EncodingUcs2 (redeclared), now the second keeps its hyphen as "_".
func TestEnumValuesThatNormaliseAlike(t *testing.T) {
	out, diags := generate(t, parsePages(t, "current/files/FileSystemManager.md"), nil)
	wantAll(t, out, `EncodingUcs2 Encoding = "ucs2"`, `EncodingUcs_2 Encoding = "ucs-2"`, `EncodingUtf_16le Encoding = "utf-16le"`)
	wantAll(t, diags, `current/files/FileSystemManager.md:758:3: warning: value "ucs-2" of Encoding: Go name EncodingUcs2 is already used by value "ucs2" of Encoding; named EncodingUcs_2`)
}

// InterstitialAd's errCode is `string or number or symbol`: symbol is any,
// so the union is any (once a wrapper of an interface, an invalid
// receiver).
func TestUnionWithAnyMemberIsAny(t *testing.T) {
	out, _ := generate(t, parsePages(t, "current/ad/InterstitialAd.md"), nil)
	wantAll(t, out, "ErrCode any `json:\"errCode,omitempty\"`")
	if strings.Contains(out, "Symbol") {
		t.Error("output still names a Symbol member")
	}
}

// chooseMedia declares a type ChooseMedia beside the function chooseMedia:
// the function keeps its name, the type gets "Type" (once exit 2).
func TestTypeNamedLikeItsFunction(t *testing.T) {
	out, _ := generate(t, parsePages(t, "current/media/video/chooseMedia.md"), nil)
	wantAll(t, out, "func ChooseMedia(option ChooseMediaOption)", "type ChooseMediaType struct", "TempFiles []ChooseMediaType")
}

// router is a namespace page (once "bad signature: expected function
// type"): its methods are package functions named with the namespace.
// env is a value page: left out with a warning, never an error.
func TestNamespaceAndValuePages(t *testing.T) {
	out, diags := generate(t, parsePages(t, "current/route/router.md", "current/base/env/env.md"), nil)
	wantAll(t, out, "func RouterAddRouteBuilder(", "APIRouterAddRouteBuilder API = \"router.addRouteBuilder\"")
	wantAll(t, diags, "current/base/env/env.md:")
	wantAll(t, diags, "warning: value env: a global value has no native Go form; its types are generated, the value is left out")
}

// Unions whose members are unions, type parameters bound to unions, and
// unions of declared result types all compile: nested unions are
// flattened, a declared type implements the union itself, and a member
// that maps to the same Go type as another is one member.
func TestUnionShapes(t *testing.T) {
	pkg := parsePages(t, "pipe/SocketTask.md")
	ov, ds := overlay.Parse("o.yaml", []byte(`entries:
  SocketTask.CloseOption.reason: {type: "(string | ArrayBuffer) | (number | string[])"}
  SocketTask.SendOption.data: {type: "CloseOption | OnOpenCallbackResult | string"}
  SocketTask: {typeArgs: {T: "CloseOption | T2 | null"}}
`))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	_, gds := Generate(pkg, Options{Package: "p", Overlay: ov})
	wantAll(t, gds.Error(), `o.yaml:4:45: error: overlay type "CloseOption | T2 | null": T2 names no type parameter, page type, class, builtin or TaroGeneral type`)

	ov, ds = overlay.Parse("o.yaml", []byte(`entries:
  SocketTask.CloseOption.reason: {type: "(string | ArrayBuffer) | (number | string[])"}
  SocketTask.SendOption.data: {type: "CloseOption | OnOpenCallbackResult | string"}
  SocketTask: {typeArgs: {T: "CloseOption | SendOption | void"}}
`))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	out, _ := generate(t, pkg, ov)
	wantAll(t, out,
		"Reason CloseOptionReason", // four members: named by its context
		"func (CloseOptionReasonString) isCloseOptionReason()",
		"func (CloseOptionReasonStringArray) isCloseOptionReason()",
		"Data SendOptionData", // a joined name would pass 40 characters: named by its context
		"func (CloseOption) isSendOptionData()",
		"func (SendOptionDataString) isSendOptionData()",
		"Data CloseOptionOrSendOption `json:\"data,omitempty\"`", // T bound to a union; void dropped
	)
}

// `Option | T` with T unbound: T is any, so the union is any (once a
// wrapper of an interface that did not compile).
func TestUnionWithTypeParameter(t *testing.T) {
	ov, ds := overlay.Parse("o.yaml", []byte("entries:\n  SocketTask.OnMessageCallbackResult.data: {type: \"CloseOption | T\"}\n"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	out, _ := generate(t, parsePages(t, "pipe/SocketTask.md"), ov)
	wantAll(t, out, "Data any `json:\"data,omitempty\"`")
}
