package gen

import (
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/tarogen/tarogen/spec"
)

// selfCheck type-checks the package about to be returned, so Generate
// never hands back Go that does not compile. It checks two builds: no tag
// (native) and the first platform's tag; every platform file is written by
// one function and differs from the others only in constant values, so one
// tagged build stands for all (golden/ vets every tag).
//
// The imports (the runtime, the standard library) are loaded once per
// process with go/packages from the build cache's export data: one go list
// run, about 0.6 s of CPU warm (2.5 s wall on the shared 2-core machine).
// Checking the package itself is fast: 0.47 s for both builds of all 35
// current/ and en/ pages together (930 KB of Go).
//
// A type error is reported at the page or overlay position of the plan
// node that produced the declaration it is in (origins), so a user sees
// which input to fix, with the generated line for context.
func (g *generator) selfCheck(files []File) {
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, f := range files {
		af, err := parser.ParseFile(fset, f.Name, f.Content, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			g.ds.Errorf(spec.Pos{File: f.Name}, "internal error: generated %s does not parse: %v", f.Name, err)
			return
		}
		parsed = append(parsed, af)
	}
	// The js/wasm files import syscall/js, which a native load refuses;
	// golden/ vets them under GOOS=js.
	imp, err := importerFor(slices.DeleteFunc(slices.Clone(parsed), jsOnly))
	if err != nil {
		g.ds.Warnf(spec.Pos{}, "generated package not type-checked: cannot load its imports: %v", err)
		return
	}
	tags := [][]string{nil}
	if len(g.platforms) > 0 {
		tags = append(tags, []string{"taro_" + g.platforms[0].ID})
	}
	for _, set := range tags {
		var errs []types.Error
		conf := types.Config{Importer: imp, Error: func(err error) {
			if te, ok := err.(types.Error); ok && !te.Soft {
				errs = append(errs, te)
			}
		}}
		info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
		conf.Check(g.opt.Package, fset, buildFiles(parsed, set), info)
		for _, te := range errs {
			g.reportTypeError(fset, parsed, info, te, set)
		}
		if len(errs) > 0 {
			return // the same error again under the next tag says nothing new
		}
	}
}

// buildFiles are the files a build with the given taro tags compiles.
func buildFiles(files []*ast.File, tags []string) []*ast.File {
	var out []*ast.File
	for _, f := range files {
		if included(f, tags) {
			out = append(out, f)
		}
	}
	return out
}

// included evaluates a file's //go:build line for a native linux/amd64
// build (no js/wasm: the js files are vetted by golden/) with tags set.
func included(f *ast.File, tags []string) bool {
	for _, cg := range f.Comments {
		if cg.Pos() >= f.Package {
			break
		}
		for _, c := range cg.List {
			if !constraint.IsGoBuild(c.Text) {
				continue
			}
			expr, err := constraint.Parse(c.Text)
			if err != nil {
				return false
			}
			return expr.Eval(func(tag string) bool {
				return tag == "linux" || tag == "amd64" || tag == "unix" || tag == "gc" || slices.Contains(tags, tag) ||
					strings.HasPrefix(tag, "go1.")
			})
		}
	}
	return true
}

// reportTypeError maps one type error to its origin.
func (g *generator) reportTypeError(fset *token.FileSet, files []*ast.File, info *types.Info, te types.Error, tags []string) {
	p := fset.Position(te.Pos)
	build := "with no build tag"
	if len(tags) > 0 {
		build = "with tag " + strings.Join(tags, ",")
	}
	at, what := g.originAt(files, info, te.Pos)
	g.ds.Errorf(at, "generated Go does not compile %s: %s:%d:%d: %s (in %s)", build, p.Filename, p.Line, p.Column, te.Msg, what)
}

// originAt finds the plan node behind pos: a field the erroneous
// expression selects (option.URL, whose type an overlay goType chose),
// else the struct field, type, function, method or constant whose
// declaration holds pos.
func (g *generator) originAt(files []*ast.File, info *types.Info, pos token.Pos) (spec.Pos, string) {
	for _, f := range files {
		if pos < f.Pos() || pos > f.End() {
			continue
		}
		for _, key := range selectedFields(f, info, pos) {
			if o, ok := g.origin(key); ok {
				return o.pos, o.what
			}
		}
		for _, d := range f.Decls {
			if pos < d.Pos() || pos > d.End() {
				continue
			}
			for _, key := range declKeys(d, pos) {
				if o, ok := g.origin(key); ok {
					return o.pos, o.what
				}
			}
		}
	}
	return spec.Pos{}, "a declaration tarogen made on its own"
}

// selectedFields are "Type.Field" for every selector expression around
// pos, innermost first.
func selectedFields(f *ast.File, info *types.Info, pos token.Pos) []string {
	var keys []string
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || pos > n.End() {
			return false
		}
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if tv, ok := info.Types[sel.X]; ok && tv.Type != nil {
				t := tv.Type
				if p, ok := t.(*types.Pointer); ok {
					t = p.Elem()
				}
				if named, ok := t.(*types.Named); ok {
					keys = append([]string{named.Obj().Name() + "." + sel.Sel.Name}, keys...)
				}
			}
		}
		return true
	})
	return keys
}

// declKeys are the names a declaration is known by in the plan, most
// specific first: "Type.Field", "Type", "Recv.Method", "Func".
func declKeys(d ast.Decl, pos token.Pos) []string {
	var keys []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) == 1 {
			recv := recvName(d.Recv.List[0].Type)
			keys = append(keys, recv+"."+d.Name.Name, recv)
		}
		keys = append(keys, d.Name.Name)
		// A backend's doX implements the exported X (jsfiles.go).
		if rest, ok := strings.CutPrefix(d.Name.Name, "do"); ok && len(keys) > 0 {
			for _, k := range slices.Clone(keys) {
				if strings.HasSuffix(k, d.Name.Name) {
					keys = append(keys, strings.TrimSuffix(k, d.Name.Name)+rest)
				}
			}
		}
	case *ast.GenDecl:
		for _, s := range d.Specs {
			if pos < s.Pos() || pos > s.End() {
				continue
			}
			switch s := s.(type) {
			case *ast.TypeSpec:
				if st, ok := s.Type.(*ast.StructType); ok {
					for _, f := range st.Fields.List {
						if pos >= f.Pos() && pos <= f.End() && len(f.Names) > 0 {
							keys = append(keys, s.Name.Name+"."+f.Names[0].Name)
						}
					}
				}
				keys = append(keys, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					keys = append(keys, n.Name)
				}
			}
		}
	}
	return keys
}

func recvName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// origin looks a declaration key up in the plan.
func (g *generator) origin(key string) (origin, bool) {
	if o, ok := g.goNames[key]; ok {
		return o, true
	}
	typeName, member, ok := strings.Cut(key, ".")
	if !ok {
		return origin{}, false
	}
	for _, di := range g.decls {
		if di.goName != typeName {
			continue
		}
		for _, fi := range di.fields {
			if fi.goName == member {
				return origin{what: "field " + di.path + "." + fi.tsName, pos: fi.pos}, true
			}
		}
	}
	for _, ci := range g.classes {
		if ci.goName != typeName {
			continue
		}
		for _, p := range ci.props {
			if p.goName == member {
				return origin{what: "property " + ci.c.Name + "." + p.p.Name, pos: p.pos}, true
			}
		}
		if at, ok := ci.members[member]; ok {
			return origin{what: "method " + ci.c.Name + "." + member, pos: at}, true
		}
	}
	return origin{}, false
}

// importCache holds the packages loaded for self-checks, by import path.
var importCache = struct {
	sync.Mutex
	pkgs map[string]*types.Package
}{pkgs: map[string]*types.Package{}}

// importerFor loads every package the files import that is not loaded
// yet, in one go/packages call, and returns an importer over the cache.
func importerFor(files []*ast.File) (types.Importer, error) {
	importCache.Lock()
	defer importCache.Unlock()
	var missing []string
	for _, f := range files {
		for _, is := range f.Imports {
			path, err := strconv.Unquote(is.Path.Value)
			if err == nil && importCache.pkgs[path] == nil && !slices.Contains(missing, path) {
				missing = append(missing, path)
			}
		}
	}
	if len(missing) > 0 {
		cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes, Env: nativeEnv()}
		pkgs, err := packages.Load(cfg, missing...)
		if err != nil {
			return nil, err
		}
		for _, p := range pkgs {
			if len(p.Errors) > 0 {
				return nil, fmt.Errorf("%s: %v", p.PkgPath, p.Errors[0])
			}
			importCache.pkgs[p.PkgPath] = p.Types
		}
	}
	m := map[string]*types.Package{}
	for k, v := range importCache.pkgs {
		m[k] = v
	}
	return importerFunc(func(path string) (*types.Package, error) {
		if p := m[path]; p != nil {
			return p, nil
		}
		return nil, fmt.Errorf("package %s not loaded", path)
	}), nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
