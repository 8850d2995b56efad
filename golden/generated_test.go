package golden

import (
	"bufio"
	"bytes"
	"go/ast"
	goparser "go/parser"
	"go/printer"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tarogen/tarogen/gen"
	"github.com/tarogen/tarogen/overlay"
	"github.com/tarogen/tarogen/parser"
	"github.com/tarogen/tarogen/spec"
)

// TestGeneratedUpToDate runs the go:generate line of the checked-in
// package with -check: it fails, printing the diff, when generated/ was
// edited by hand or the generator changed without regenerating.
func TestGeneratedUpToDate(t *testing.T) {
	dir := filepath.Join("..", "generated", "sockettask")
	args := goGenerateArgs(t, filepath.Join(dir, "generate.go"))
	cmd := exec.Command("go", append([]string{"run", "github.com/tarogen/tarogen/cmd/tarogen", "gen", "-check"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("generated/sockettask is stale (run go generate ./generated/...): %v\n%s", err, out)
	}
}

// goGenerateArgs returns the arguments after "tarogen gen" on the
// file's go:generate line.
func goGenerateArgs(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	const prefix = "//go:generate go run github.com/tarogen/tarogen/cmd/tarogen gen "
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), prefix); ok {
			return strings.Fields(rest)
		}
	}
	t.Fatalf("%s has no %q line", path, prefix)
	return nil
}

// TestFormatsAgree generates SocketTask from its html-css, pipe and mdx
// pages with the same overlay and compares the exported Go API: the
// page's format must not change the Go. What differs is what the pages
// really say differently, listed in wantDiffs.
func TestFormatsAgree(t *testing.T) {
	ov, ds := overlay.Parse("socket.yaml", mustRead(t, filepath.Join("testdata", "overlays", "socket.yaml")))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	apis := map[string]map[string]string{}
	matrix := map[string]map[string]string{}
	for _, format := range []string{"html-css", "pipe", "mdx"} {
		file := filepath.Join("..", "testdata", "pages", format, "SocketTask.md")
		pg, pds := parser.ParsePage(file, mustRead(t, file))
		pkg, mds := parser.Merge([]*spec.Page{pg})
		files, gds := gen.Generate(pkg, gen.Options{Package: "sockettask", Overlay: ov})
		all := append(append(pds, mds...), gds...)
		if all.HasErrors() {
			t.Fatalf("%s: %v", format, all)
		}
		apis[format] = exportedAPI(t, files)
		matrix[format] = supportMatrix(t, files)
	}
	for _, format := range []string{"pipe", "mdx"} {
		if diff := cmp.Diff(apis["html-css"], apis[format]); diff != "" {
			t.Errorf("the exported API of SocketTask from %s pages differs from html-css (-html-css +%s):\n%s", format, format, diff)
		}
	}
	// The pages really differ in one thing, their support matrices: the
	// html-css and pipe pages list five platforms; the mdx page's icons add
	// 抖音小程序 (tt) and Harmony hybrid as supported and Harmony as not.
	if diff := cmp.Diff(matrix["html-css"], matrix["pipe"]); diff != "" {
		t.Errorf("html-css and pipe support matrices differ (-html-css +pipe):\n%s", diff)
	}
	want := map[string]string{}
	for k, v := range matrix["html-css"] {
		want[k] = v
	}
	for _, m := range []string{"Close", "OnClose", "OnError", "OnMessage", "OnOpen", "Send"} {
		want["tt/supportSocketTask"+m] = "Supported"
		want["harmony_hybrid/supportSocketTask"+m] = "Supported"
		want["harmony/supportSocketTask"+m] = "Unsupported"
	}
	if diff := cmp.Diff(want, matrix["mdx"]); diff != "" {
		t.Errorf("mdx support matrix is not html-css's plus tt, harmony, harmony_hybrid (-want +got):\n%s", diff)
	}
}

// supportMatrix reads the support constants of every platform file:
// "weapp/supportSocketTaskSend" → "Supported".
func supportMatrix(t *testing.T, files []gen.File) map[string]string {
	t.Helper()
	m := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		id, ok := strings.CutPrefix(f.Name, "platform.")
		if !ok {
			continue
		}
		id = strings.TrimSuffix(id, ".go")
		af, err := goparser.ParseFile(fset, f.Name, f.Content, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			if gd, ok := d.(*ast.GenDecl); ok {
				for _, s := range gd.Specs {
					vs := s.(*ast.ValueSpec)
					if strings.HasPrefix(vs.Names[0].Name, "support") {
						m[id+"/"+vs.Names[0].Name] = nodeText(fset, vs.Values[0])
					}
				}
			}
		}
	}
	return m
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// exportedAPI maps each exported declaration of the native build to its
// text without comments: "func (*SocketTask) Send" → its signature.
func exportedAPI(t *testing.T, files []gen.File) map[string]string {
	t.Helper()
	api := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasPrefix(f.Name, "platform.") && f.Name != "platform.native.go" {
			continue
		}
		af, err := goparser.ParseFile(fset, f.Name, f.Content, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				key := "func " + d.Name.Name
				if d.Recv != nil {
					key = "func (" + nodeText(fset, d.Recv.List[0].Type) + ") " + d.Name.Name
				}
				api[key] = nodeText(fset, d.Type)
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							api["type "+s.Name.Name] = nodeText(fset, s.Type)
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								api[d.Tok.String()+" "+n.Name] = ""
							}
						}
					}
				}
			}
		}
	}
	return api
}

func nodeText(fset *token.FileSet, n ast.Node) string {
	var b bytes.Buffer
	printer.Fprint(&b, fset, stripComments(n))
	return b.String()
}

func stripComments(n ast.Node) ast.Node {
	ast.Inspect(n, func(n ast.Node) bool {
		if f, ok := n.(*ast.Field); ok {
			f.Doc, f.Comment = nil, nil
		}
		return true
	})
	return n
}
