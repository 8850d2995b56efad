package readme

import (
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestSnippetsCompile type-checks and vets every ```go block of README.md
// against the current generated API, and vets examples/echo, so the README
// cannot drift from the code. A block that starts with a package clause (or
// a "// path.go" line and then one) must be a whole file that parses; any
// other block is statements, compiled as the body of a function returning
// error, with the variable task (*sockettask.SocketTask) in scope, in a
// package beside this one. The file is never written into the
// tree: go vet reads it through -overlay.
func TestSnippetsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	readmePath := filepath.Join("..", "..", "README.md")
	blocks, err := Read(readmePath, "")
	if err != nil {
		t.Fatal(err)
	}
	var bodies []Block
	for _, b := range blocks {
		if b.Lang != "go" {
			continue
		}
		if isFile(b.Text) {
			if _, err := parser.ParseFile(token.NewFileSet(), fmt.Sprintf("README.md:%d", b.Line), b.Text, parser.SkipObjectResolution); err != nil {
				t.Errorf("README.md:%d: the Go file does not parse: %v", b.Line, err)
			}
			continue
		}
		bodies = append(bodies, b)
	}
	if len(bodies) == 0 {
		t.Fatal("README.md has no Go snippet to compile")
	}
	dir, err := filepath.Abs("snippets")
	if err != nil {
		t.Fatal(err)
	}
	virtual := filepath.Join(dir, "snippets.go")
	abs, err := filepath.Abs(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	src := snippetFile(abs, bodies)
	overlay := filepath.Join(t.TempDir(), "overlay.json")
	real := filepath.Join(filepath.Dir(overlay), "snippets.go")
	writeJSON(t, overlay, map[string]any{"Replace": map[string]string{virtual: real}})
	if err := os.WriteFile(real, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "vet", "-overlay="+overlay, "./snippets", "../../examples/echo")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("README snippets or examples/echo do not compile or vet:\n%s", toREADMELines(string(out), src))
	}
}

// isFile reports whether a block is a whole Go file.
func isFile(text string) bool {
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l == "" || strings.HasPrefix(l, "//") {
			continue
		}
		return strings.HasPrefix(l, "package ")
	}
	return false
}

// knownImports are the packages a snippet may use without importing: the
// generated package, its runtime and the standard packages the README's
// prose sends readers to.
var knownImports = []string{
	"context", "errors", "fmt", "log", "time",
	"github.com/tarogen/tarogen/generated/sockettask",
	"github.com/tarogen/tarogen/runtime/tarort",
}

// snippetFile wraps each body in func snippetN(task *sockettask.SocketTask)
// error: a snippet may go on with the task an earlier one connected. A
// "//line" directive before each body makes vet report README.md's own
// lines.
func snippetFile(readmePath string, bodies []Block) string {
	var b strings.Builder
	b.WriteString("package snippets\n\nimport (\n")
	for _, p := range knownImports {
		fmt.Fprintf(&b, "\t%q\n", p)
	}
	b.WriteString(")\n\n")
	for _, p := range knownImports {
		fmt.Fprintf(&b, "var _ = %s.%s\n", p[strings.LastIndex(p, "/")+1:], anyExported[p])
	}
	for i, blk := range bodies {
		fmt.Fprintf(&b, "\nfunc snippet%d(task *sockettask.SocketTask) error {\n//line %s:%d\n%s", i, readmePath, blk.Line, blk.Text)
		if !endsInReturn(blk.Text) {
			b.WriteString("\treturn nil\n")
		}
		b.WriteString("}\n")
	}
	return b.String()
}

// anyExported names one exported identifier per known import, so an
// import a snippet does not use is not an error.
var anyExported = map[string]string{
	"context": "Background", "errors": "Is", "fmt": "Sprint", "log": "Print", "time": "Now",
	"github.com/tarogen/tarogen/generated/sockettask": "ConnectSocket",
	"github.com/tarogen/tarogen/runtime/tarort":       "ErrClosed",
}

func endsInReturn(text string) bool {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	return strings.HasPrefix(strings.TrimSpace(lines[len(lines)-1]), "return")
}

var vetPos = regexp.MustCompile(`snippets\.go:\d+`)

// toREADMELines keeps go vet's output readable when a position is still in
// the wrapper (the //line directives map the snippets themselves).
func toREADMELines(out, src string) string {
	if vetPos.MatchString(out) {
		return out + "\nwrapper source:\n" + src
	}
	return out
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestParseSection(t *testing.T) {
	md := "# T\n\n```sh\nx\n```\n\n## A\n\ntext\n\n```go\na := 1\n```\n\n### B\n\n```go\nb\n```\n"
	got, found := parse(md, "## A")
	if !found || len(got) != 1 || got[0] != (Block{Lang: "go", Text: "a := 1\n", Line: 12}) {
		t.Errorf("parse(## A) = %+v, %v; want the one go block at line 12", got, found)
	}
	all, _ := parse(md, "")
	if langs := []string{all[0].Lang, all[1].Lang, all[2].Lang}; len(all) != 3 || !slices.Equal(langs, []string{"sh", "go", "go"}) {
		t.Errorf("parse(all) = %+v", all)
	}
	if _, found := parse(md, "## Missing"); found {
		t.Errorf("parse(## Missing) found it")
	}
}
