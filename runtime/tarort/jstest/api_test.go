//go:build !js

package jstest

import (
	"os"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go/types"
	"golang.org/x/tools/go/packages"
)

// The generated packages' exported API is the same on both backends:
// every exported name, its type and its method set, as go/types prints
// them, with no tag and with taro_h5.
func TestExportedAPISameOnBothBackends(t *testing.T) {
	pkgs := []string{"github.com/tarogen/tarogen/generated/sockettask", "github.com/tarogen/tarogen/generated/hostapi"}
	for _, tags := range []string{"", "taro_h5"} {
		native := exportedAPI(t, pkgs, tags, "GOOS=linux", "GOARCH=amd64")
		js := exportedAPI(t, pkgs, tags, "GOOS=js", "GOARCH=wasm")
		for _, p := range pkgs {
			if len(native[p]) < 10 {
				t.Fatalf("%s: only %d exported declarations found natively", p, len(native[p]))
			}
			if diff := cmp.Diff(native[p], js[p]); diff != "" {
				t.Errorf("%s (tags %q): exported API differs between native and js/wasm (-native +js):\n%s", p, tags, diff)
			}
		}
	}
}

// exportedAPI lists, per package, each exported declaration and exported
// method as go/types prints it.
func exportedAPI(t *testing.T, pkgs []string, tags string, env ...string) map[string][]string {
	t.Helper()
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes, Env: append(os.Environ(), env...)}
	if tags != "" {
		cfg.BuildFlags = []string{"-tags=" + tags}
	}
	loaded, err := packages.Load(cfg, pkgs...)
	if err != nil {
		t.Fatalf("load %v (%v): %v", pkgs, env, err)
	}
	out := map[string][]string{}
	for _, p := range loaded {
		if len(p.Errors) > 0 {
			t.Fatalf("%s (%v, tags %q): %v", p.PkgPath, env, tags, p.Errors[0])
		}
		qual := types.RelativeTo(p.Types)
		scope := p.Types.Scope()
		var api []string
		for _, name := range scope.Names() {
			obj := scope.Lookup(name)
			if !obj.Exported() {
				continue
			}
			api = append(api, types.ObjectString(obj, qual))
			if tn, ok := obj.(*types.TypeName); ok {
				ms := types.NewMethodSet(types.NewPointer(tn.Type()))
				for m := range ms.Methods() {
					if m.Obj().Exported() {
						api = append(api, "method "+types.ObjectString(m.Obj(), qual))
					}
				}
			}
		}
		slices.Sort(api)
		out[p.PkgPath] = slices.Compact(api)
	}
	return out
}
