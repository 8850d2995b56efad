package gen

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tarogen/tarogen/overlay"
	tparser "github.com/tarogen/tarogen/parser"
	"github.com/tarogen/tarogen/spec"
)

// FuzzGenerate is issue 12's invariant: whatever the page text and the
// overlay text, parse → merge → generate either refuses (error
// diagnostics) or writes files that
//
//   - parse, and are gofmt-stable;
//   - hold no directive but the //go:build lines tarogen writes itself
//     (allowedBuild): no //go:generate, //go:embed, //go:linkname, //line,
//     //extern, //export, at any indentation, in comments or anywhere else;
//   - import nothing that runs foreign code (cgo "C", unsafe);
//   - declare at top level only what the plan declared (plannedNames, and
//     the helpers derived from those names), no init function and no
//     package-level var (a var's initializer runs on import).
//
// Its seed corpus (testdata/fuzz/FuzzGenerate) holds every attack of
// issue 12; CI runs the seeds with plain go test. Fuzz with
//
//	go test ./gen -run '^$' -fuzz FuzzGenerate -fuzztime 10m
func FuzzGenerate(f *testing.F) {
	for _, p := range seedPages(f) {
		f.Add(p, "")
	}
	f.Fuzz(func(t *testing.T, page, ovText string) {
		files, planned, _ := generateText(page, ovText)
		for _, file := range files {
			checkOutput(t, file, planned)
		}
	})
}

// generateText runs the whole pipeline on one page and an overlay (""
// for none). files is nil when a stage refused the input; ds then says
// why.
func generateText(page, ovText string) (files []File, planned map[string]bool, ds spec.Diagnostics) {
	pg, ds := tparser.ParsePage("fuzz.md", []byte(page))
	if pg == nil || ds.HasErrors() {
		return nil, nil, ds
	}
	pkg, mds := tparser.Merge([]*spec.Page{pg})
	ds = append(ds, mds...)
	if pkg == nil || ds.HasErrors() {
		return nil, nil, ds
	}
	ov := overlay.Empty()
	if ovText != "" {
		var ods spec.Diagnostics
		ov, ods = overlay.Parse("fuzz.yaml", []byte(ovText))
		ds = append(ds, ods...)
		if ov == nil || ds.HasErrors() {
			return nil, nil, ds
		}
	}
	opt := Options{Package: "fuzzpkg", Overlay: ov}
	files, gds := Generate(pkg, opt)
	ds = append(ds, gds...)
	if ds.HasErrors() {
		return nil, nil, ds
	}
	return files, plannedNames(pkg, opt), ds
}

// refusedSeeds are the attacks an earlier stage refuses outright, so the
// output invariant has nothing to check: the parser takes invalid UTF-8
// for a binary file, and gen requires an overlay value to be a literal of
// its type. Their messages are pinned by the parser's and gen's own tests.
var refusedSeeds = map[string]bool{"invalid-utf8": true, "overlay-value-code": true}

// seedWants are what some attacks must still generate: the page read
// whole despite a BOM, names matched despite zero-width characters.
var seedWants = map[string]struct{ file, text string }{
	"bom":                   {"closesocket.go", "func CloseSocket("},
	"zero-width-api-name":   {"closesocket.go", `const api = "closeSocket"`},
	"zero-width-field-name": {"closesocket.go", "\tReason string `json:\"reason,omitempty\"`"},
}

// TestAttackSeeds makes sure every attack in the seed corpus reaches the
// output (so FuzzGenerate's invariant is really checked on it) or is
// refused with an error, as listed in refusedSeeds.
func TestAttackSeeds(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzGenerate")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 25 {
		t.Fatalf("%d seeds in %s; the attacks of issue 12 are missing", len(entries), dir)
	}
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			page, ovText := readSeed(t, filepath.Join(dir, e.Name()))
			files, planned, ds := generateText(page, ovText)
			switch {
			case refusedSeeds[e.Name()] && files != nil:
				t.Errorf("generated, want refused")
			case !refusedSeeds[e.Name()] && files == nil:
				t.Errorf("refused, want generated:\n%v", ds)
			}
			for _, file := range files {
				checkOutput(t, file, planned)
			}
			if w, ok := seedWants[e.Name()]; ok {
				i := slices.IndexFunc(files, func(f File) bool { return f.Name == w.file })
				if i < 0 || !strings.Contains(string(files[i].Content), w.text) {
					t.Errorf("no %s holding %q", w.file, w.text)
				}
			}
		})
	}
}

// readSeed reads a corpus file of two string arguments.
func readSeed(t *testing.T, path string) (page, ovText string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 3 || lines[0] != "go test fuzz v1" {
		t.Fatalf("%s: not a two-string corpus file", path)
	}
	var args []string
	for _, l := range lines[1:] {
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(l, "string("), ")"))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		args = append(args, s)
	}
	return args[0], args[1]
}

// seedPages are a few real pages of each format, for the fuzzer to mutate.
func seedPages(f *testing.F) []string {
	var out []string
	for _, p := range []string{"pipe/closeSocket.md", "pipe/SocketTask.md", "mdx/connectSocket.md", "html-css/sendSocketMessage.md", "english/SocketTask.md", "legacy/connectSocket.md"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "pages", p))
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// plannedNames is the test's hook into the plan: the package-level Go
// names it claimed, before anything is emitted.
func plannedNames(pkg *spec.Package, opt Options) map[string]bool {
	g := newGenerator(pkg, opt)
	g.plan()
	names := map[string]bool{}
	for n := range g.goNames {
		names[n] = true
	}
	for n := range g.namedGo { // the overlay's own named types
		names[n] = true
	}
	return names
}

// helperNames are tarogen's own unexported package-level names, the same
// whatever the pages.
var helperNames = map[string]bool{"errMsg": true, "report": true, "onlyOneTaroPlatformTagMayBeSet": true, "platformName": true}

// helperPrefixes make a helper's name from a planned name: doConnectSocket,
// jsToCloseOption, wrapSocketTask, backendSocketTask, supportCloseSocket.
var helperPrefixes = []string{"do", "jsTo", "jsFrom", "wrap", "backend", "support"}

func declaredByPlan(name string, planned map[string]bool) bool {
	if planned[name] || helperNames[name] {
		return true
	}
	for _, p := range helperPrefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && planned[rest] {
			return true
		}
	}
	return false
}

// directive matches a source line a Go tool could read as a directive:
// the go command (//go:generate at column 1, found by scanning raw lines,
// even inside a string; //go:build; //go:embed after spaces), the compiler
// (//go: pragmas alone on a line at any column, //line at column 1),
// gccgo (//extern) and cgo (//export). /*line directives, which the
// compiler honours anywhere in code, are found in the parsed comments.
var directive = regexp.MustCompile(`^[ \t]*//(go:|line |extern |export )`)

var taroTag = regexp.MustCompile(`^taro_[a-z0-9_]+$`)

// allowedBuild is the one directive tarogen writes: a //go:build line in
// the file header whose tags are taro_<id>, js and wasm. Today those are
//
//	//go:build taro_<id>                          platform.<id>.go
//	//go:build !js && !taro_weapp && … && !taro_<id>   platform.native.go
//	//go:build js && wasm && !taro_weapp && …      platform.js.go
//	//go:build !js                                <page>.native.go
//	//go:build js && wasm                         <page>.jsapi.go, tarogen.jsapi.go
//
// where every <id> is spec.PlatformID's output (ASCII letters, digits, _).
func allowedBuild(line string) bool {
	expr, err := constraint.Parse(line)
	if err != nil {
		return false
	}
	ok := true
	expr.Eval(func(tag string) bool {
		if tag != "js" && tag != "wasm" && !taroTag.MatchString(tag) {
			ok = false
		}
		return true
	})
	return ok
}

// hiddenRune reports a character no generated file may hold raw: it makes
// an editor show something other than what the compiler reads (Trojan
// Source), or breaks a line only for some readers.
func hiddenRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0, r == 0x2028 || r == 0x2029, r == 0xfeff:
		return true
	}
	_, bidi := bidiNames[r]
	return bidi
}

// zeroWidth reports a character that makes two names look the same: the
// runtime binding of "close\u200bSocket" is not closeSocket's.
func zeroWidth(r rune) bool {
	return r == 0x200b || r == 0x200c || r == 0x200d || r == 0x2060 || r == 0xfeff || r == 0xad
}

func checkOutput(t *testing.T, file File, planned map[string]bool) {
	t.Helper()
	src := file.Content
	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, file.Name, src, parser.ParseComments)
	if err != nil {
		t.Fatalf("%s does not parse: %v\n%s", file.Name, err, src)
	}
	if again, err := format.Source(src); err != nil || !bytes.Equal(again, src) {
		t.Errorf("%s is not gofmt-stable (err %v)", file.Name, err)
	}
	pkgLine := fset.Position(af.Package).Line
	for i, line := range strings.Split(string(src), "\n") {
		if !directive.MatchString(line) {
			continue
		}
		if i+1 < pkgLine && strings.HasPrefix(line, "//go:build ") && allowedBuild(line) {
			continue
		}
		t.Errorf("%s:%d: a directive tarogen did not write: %q", file.Name, i+1, line)
	}
	for _, cg := range af.Comments {
		for _, c := range cg.List {
			if strings.HasPrefix(c.Text, "/*line ") {
				t.Errorf("%s:%d: a /*line directive: %q", file.Name, fset.Position(c.Pos()).Line, c.Text)
			}
		}
	}
	if i := strings.IndexFunc(string(src), hiddenRune); i >= 0 {
		r, _ := utf8.DecodeRune(src[i:])
		t.Errorf("%s:%d: %U in the output (a control, bidi or line-separator character hides what the code says)", file.Name, bytes.Count(src[:i], []byte("\n"))+1, r)
	}
	ast.Inspect(af, func(n ast.Node) bool {
		var s string
		switch n := n.(type) {
		case *ast.Ident:
			s = n.Name
		case *ast.BasicLit:
			s, _ = strconv.Unquote(n.Value)
		default:
			return true
		}
		if strings.ContainsFunc(s, zeroWidth) {
			t.Errorf("%s:%d: zero-width character in %q", file.Name, fset.Position(n.Pos()).Line, s)
		}
		return true
	})
	for _, imp := range af.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == "C" || p == "unsafe" {
			t.Errorf("%s imports %q", file.Name, p)
		}
	}
	for _, d := range af.Decls {
		for _, problem := range declProblems(d, planned) {
			t.Errorf("%s:%d: %s", file.Name, fset.Position(d.Pos()).Line, problem)
		}
	}
}

// declProblems lists what is wrong with one top-level declaration.
func declProblems(d ast.Decl, planned map[string]bool) []string {
	var out []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		name := d.Name.Name
		if d.Recv != nil {
			name = recvTypeName(d.Recv.List[0].Type)
		}
		if d.Recv == nil && name == "init" {
			out = append(out, "an init function")
		} else if !declaredByPlan(name, planned) {
			out = append(out, fmt.Sprintf("func %s (receiver or name) not declared by the plan", d.Name.Name))
		}
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				if !declaredByPlan(s.Name.Name, planned) {
					out = append(out, "type "+s.Name.Name+" not declared by the plan")
				}
			case *ast.ValueSpec:
				out = append(out, valueProblems(d.Tok, s, planned)...)
			}
		}
	}
	return out
}

// valueProblems: no package-level var; a const is planned, or the blank
// version check that references the runtime.
func valueProblems(tok token.Token, s *ast.ValueSpec, planned map[string]bool) []string {
	var out []string
	for i, n := range s.Names {
		switch {
		case tok == token.VAR:
			out = append(out, "package-level var "+n.Name)
		case n.Name == "_":
			if sel, ok := valueAt(s, i).(*ast.SelectorExpr); !ok || fmt.Sprint(sel.X) != "tarort" {
				out = append(out, "a blank constant that is not the runtime version check")
			}
		case !declaredByPlan(n.Name, planned):
			out = append(out, "const "+n.Name+" not declared by the plan")
		}
	}
	return out
}

func valueAt(s *ast.ValueSpec, i int) ast.Expr {
	if i < len(s.Values) {
		return s.Values[i]
	}
	return nil
}

func recvTypeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvTypeName(e.X)
	case *ast.IndexExpr:
		return recvTypeName(e.X)
	case *ast.IndexListExpr:
		return recvTypeName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return ""
}
