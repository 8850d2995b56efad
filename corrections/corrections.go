// Package corrections holds the built-in overlay: the corrections Taro's
// own API pages need before they make a good Go API (close codes and task
// ids as integers, ReadyState and its values, the text-or-binary Data
// union, the h5-only ws accessor left out, a signature the page gets
// wrong). The file is taro.yaml beside this one, embedded in the tarogen
// binary, in the format of package github.com/tarogen/tarogen/overlay.
//
// tarogen gen applies it by default: [For] keeps the entries that name
// something in the pages being generated, so one file serves any set of
// pages, and the user's own -overlay is layered on top with
// [overlay.Layer]. gen -builtin=false turns the built-ins off.
//
// [Acknowledge] drops the warnings for the page quirks tarogen already
// resolves the right way, so that generating from Taro's pages alone is
// silent.
package corrections

import (
	_ "embed"
	"slices"
	"strings"
	"sync"

	"github.com/tarogen/tarogen/overlay"
	"github.com/tarogen/tarogen/spec"
)

// File is the name positions in the built-in overlay carry: the file's
// path in tarogen's module, so a diagnostic about it can be looked up.
const File = "github.com/tarogen/tarogen/corrections/taro.yaml"

//go:embed taro.yaml
var taroYAML []byte

// parsed is the built-in overlay, parsed once. It is never handed out:
// [All] and [For] return copies, because the generator marks entries used.
var parsed = sync.OnceValues(func() (*overlay.Overlay, spec.Diagnostics) {
	return overlay.Parse(File, taroYAML)
})

// All returns the whole built-in overlay. Its diagnostics are empty unless
// taro.yaml is broken, which the package's tests rule out.
func All() (*overlay.Overlay, spec.Diagnostics) {
	o, ds := parsed()
	if o == nil {
		return nil, ds
	}
	return overlay.Layer(o, nil), ds
}

// For returns the built-in corrections that apply to pkg: the entries
// whose path names a page, member, declared type or field that pkg has,
// the named types those entries use, and every union name (a union name
// applies only where that union occurs, so it needs no filter). An entry
// for an absent page is not applied and not an error: the user never has
// to know what the built-ins hold.
func For(pkg *spec.Package) (*overlay.Overlay, spec.Diagnostics) {
	all, ds := All()
	if all == nil || pkg == nil {
		return all, ds
	}
	used := map[string]bool{}
	for path, e := range all.Entries {
		if !declares(pkg, path) {
			delete(all.Entries, path)
			continue
		}
		used[goTypeName(e.GoType)] = true
	}
	for name := range all.Types {
		if !used[name] {
			delete(all.Types, name)
		}
	}
	return all, ds
}

// goTypeName is the named type a goType refers to: "*ReadyState" →
// "ReadyState".
func goTypeName(goType string) string {
	if len(goType) > 0 && goType[0] == '*' {
		return goType[1:]
	}
	return goType
}

// declares reports whether pkg has what an overlay path names (the paths
// of package overlay: Page, Page.member, Page.Decl.field).
func declares(pkg *spec.Package, path string) bool {
	parts := strings.Split(path, ".")
	for _, pg := range pkg.Pages {
		if pg.Name != parts[0] && (pg.Class == nil || pg.Class.Name != parts[0]) {
			continue
		}
		switch len(parts) {
		case 1:
			return true
		case 2:
			if hasMember(pg, parts[1]) {
				return true
			}
		case 3:
			if hasField(pg, parts[1], parts[2]) {
				return true
			}
		}
	}
	return false
}

// hasMember reports whether the page has a method, property, constant or
// declared type called name.
func hasMember(pg *spec.Page, name string) bool {
	if c := pg.Class; c != nil {
		if slices.ContainsFunc(c.Methods, func(f *spec.Function) bool { return f.Name == name }) ||
			slices.ContainsFunc(c.Properties, func(f *spec.Field) bool { return f.Name == name }) ||
			slices.ContainsFunc(c.Constants, func(k *spec.Constant) bool { return k.Name == name }) {
			return true
		}
	}
	return slices.ContainsFunc(pg.Decls, func(d *spec.Decl) bool { return d.Name == name })
}

// hasField reports whether the page declares type decl with a field.
func hasField(pg *spec.Page, decl, field string) bool {
	return slices.ContainsFunc(pg.Decls, func(d *spec.Decl) bool {
		return d.Name == decl && slices.ContainsFunc(d.Fields, func(f *spec.Field) bool { return f.Name == field })
	})
}
