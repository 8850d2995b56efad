package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDownstream is what a user does: in a fresh module that requires
// tarogen (through a replace directive), put the pages and overlay beside
// a file with the README's go:generate line, run go generate, and build a
// program that uses every exported identifier of the generated package.
func TestDownstream(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a separate module")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	pkgDir := filepath.Join(mod, "sockettask")
	src := filepath.Join(root, "generated", "sockettask")
	copyFile(t, filepath.Join(root, "go.sum"), filepath.Join(mod, "go.sum"))
	writeFile(t, filepath.Join(mod, "go.mod"), fmt.Sprintf(
		"module example.com/app\n\ngo 1.26\n\nrequire github.com/tarogen/tarogen v0.0.0\n\nreplace github.com/tarogen/tarogen => %s\n", root))
	for _, p := range socketPages {
		copyFile(t, filepath.Join(src, "pages", p), filepath.Join(pkgDir, "pages", p))
	}
	copyFile(t, filepath.Join(src, "overlay.yaml"), filepath.Join(pkgDir, "overlay.yaml"))
	writeFile(t, filepath.Join(pkgDir, "generate.go"), "package sockettask\n\n"+readmeGenerateLine(t, filepath.Join(root, "README.md"))+"\n")

	goCmd(t, mod, "mod", "tidy")
	goCmd(t, mod, "generate", "./...")
	if _, err := os.Stat(filepath.Join(pkgDir, "sockettask.go")); err != nil {
		t.Fatalf("go generate wrote no sockettask.go: %v", err)
	}
	writeFile(t, filepath.Join(mod, "main.go"), usesEverything(t, pkgDir))
	goCmd(t, mod, "vet", "./...")
	goCmd(t, mod, "build", "-o", filepath.Join(mod, "app"), ".")
	out, err := exec.Command(filepath.Join(mod, "app")).CombinedOutput()
	if err != nil {
		t.Fatalf("running the program: %v\n%s", err, out)
	}
	if got, want := strings.TrimSpace(string(out)), `connectSocket:fail invalid url "ftp://example.com"`; got != want {
		t.Errorf("program printed %q, want %q", got, want)
	}
}

// usesEverything writes a program that names every exported identifier
// of the package (types, functions, constants, methods, struct fields),
// so it compiles only if the whole API is there, and that makes one real
// call.
func usesEverything(t *testing.T, dir string) string {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool {
		n := fi.Name()
		return !strings.HasPrefix(n, "platform.") || n == "platform.native.go"
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range pkgs {
		for _, f := range p.Files {
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if !d.Name.IsExported() {
						continue
					}
					if d.Recv == nil {
						if d.Type.TypeParams != nil {
							lines = append(lines, fmt.Sprintf("_ = st.%s[int]", d.Name.Name))
						} else {
							lines = append(lines, fmt.Sprintf("_ = st.%s", d.Name.Name))
						}
						continue
					}
					recv := d.Recv.List[0].Type
					if star, ok := recv.(*ast.StarExpr); ok {
						lines = append(lines, fmt.Sprintf("_ = (*st.%s).%s", star.X.(*ast.Ident).Name, d.Name.Name))
					} else {
						lines = append(lines, fmt.Sprintf("_ = st.%s.%s", recv.(*ast.Ident).Name, d.Name.Name))
					}
				case *ast.GenDecl:
					for _, s := range d.Specs {
						switch s := s.(type) {
						case *ast.TypeSpec:
							if !s.Name.IsExported() {
								continue
							}
							lines = append(lines, fmt.Sprintf("var _ st.%s", s.Name.Name))
							if stt, ok := s.Type.(*ast.StructType); ok {
								for _, fl := range stt.Fields.List {
									for _, n := range fl.Names {
										if n.IsExported() {
											lines = append(lines, fmt.Sprintf("_ = st.%s{}.%s", s.Name.Name, n.Name))
										}
									}
								}
							}
						case *ast.ValueSpec:
							for _, n := range s.Names {
								if n.IsExported() {
									lines = append(lines, fmt.Sprintf("_ = st.%s", n.Name))
								}
							}
						}
					}
				}
			}
		}
	}
	slices.Sort(lines)
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"fmt\"\n\n\tst \"example.com/app/sockettask\"\n)\n\nfunc main() {\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "var ") {
			fmt.Fprintf(&b, "\t{\n\t\t%s\n\t}\n", l)
			continue
		}
		fmt.Fprintf(&b, "\t%s\n", l)
	}
	b.WriteString(`	_, err := st.ConnectSocket(st.ConnectSocketOption{URL: "ftp://example.com"})
	fmt.Println(err)
}
`)
	return b.String()
}

func readmeGenerateLine(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); strings.HasPrefix(l, "//go:generate go run github.com/tarogen/tarogen/cmd/tarogen gen ") {
			return l
		}
	}
	t.Fatal("README.md has no go:generate line")
	return ""
}

func goCmd(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(b))
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
