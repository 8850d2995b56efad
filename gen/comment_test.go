package gen

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/tarogen/tarogen/spec"
)

func TestLineComments(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"plain", "Closes the task.", []string{"// Closes the task."}},
		{"empty", "", []string{"//"}},
		{"paragraphs", "a\n\nb", []string{"// a", "//", "// b"}},
		{"trailing space", "a  \t", []string{"// a"}},
		{"list indent kept", "  - item", []string{"//   - item"}},
		{"go directive", "//go:generate touch pwned", []string{"// //go:generate touch pwned"}},
		{"bare go directive", "go:generate touch pwned", []string{"// go:generate touch pwned"}},
		{"directive after tab", "\t//go:noinline", []string{"// \t//go:noinline"}},
		{"line directive", "//line evil.go:1", []string{"// //line evil.go:1"}},
		{"directive on a later line", "ok\n//go:generate x", []string{"// ok", "// //go:generate x"}},
		{"block comment opener", "/* */ func init(){println(\"PWNED\")}", []string{"// /* */ func init(){println(\"PWNED\")}"}},
		{"block comment closer", "Evil\n*/ ); func init(){}; const ( /*", []string{"// Evil", "// */ ); func init(){}; const ( /*"}},
		{"CRLF", "a\r\nb", []string{"// a", "// b"}},
		{"lone CR", "a\rfunc init(){}", []string{"// a", "// func init(){}"}},
		{"line separator", "a\u2028b\u2029c\u0085d", []string{"// a", "// b", "// c", "// d"}},
		{"bidi", "if x \u202e{}\u2066", []string{"// if x <U+202E>{}<U+2066>"}},
		{"C0 and C1", "a\x00b\x1bc\u0080d\x7f", []string{"// a<U+0000>b<U+001B>c<U+0080>d<U+007F>"}},
		{"BOM inside", "a\ufeffb", []string{"// a<U+FEFF>b"}},
		{"invalid UTF-8", "a\xffb", []string{"// a\uFFFDb"}},
		{"CJK and zero width kept", "关闭\u200b连接", []string{"// 关闭\u200b连接"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lineComments(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("lineComments(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestLineCommentsInJennifer renders hostile text the way gen does and
// checks the Go file has no directive and nothing but the one declaration.
func TestLineCommentsInJennifer(t *testing.T) {
	hostile := []string{
		"//go:generate touch pwned",
		"a\n//go:generate touch pwned",
		"*/ ); func init(){println(\"PWNED\")}; const ( /*",
		"/* */ func init(){println(\"PWNED\")}",
		"x\r//go:generate touch pwned",
		"x\u2028//line evil.go:1",
		"\t//go:embed secret",
		"a\x00b\ufeffc\xff",
	}
	for _, h := range hostile {
		f := jen.NewFile("p")
		s := jen.Null()
		for _, l := range lineComments("T " + h) {
			s.Comment(l).Line()
		}
		f.Add(s.Type().Id("T").Int())
		f.Const().Id("C").Op("=").Lit(1).Comment(trailingComment(h))
		var buf bytes.Buffer
		if err := f.Render(&buf); err != nil {
			t.Fatalf("%q: Render: %v", h, err)
		}
		src := buf.Bytes()
		if g, err := format.Source(src); err != nil || !bytes.Equal(g, src) {
			t.Errorf("%q: output is not gofmt-stable (err %v):\n%s", h, err, src)
		}
		file, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ParseComments)
		if err != nil {
			t.Fatalf("%q: %v\n%s", h, err, src)
		}
		if len(file.Decls) != 2 {
			t.Errorf("%q: %d declarations, want 2:\n%s", h, len(file.Decls), src)
		}
		for _, cg := range file.Comments {
			for _, c := range cg.List {
				if !strings.HasPrefix(c.Text, "// ") && c.Text != "//" {
					t.Errorf("%q: comment %q is not a plain // line comment", h, c.Text)
				}
			}
		}
	}
}

func TestTextHazards(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"plain\nlines\r\nCRLF", nil},
		{"a\u202eb\u202ec", []string{"U+202E RIGHT-TO-LEFT OVERRIDE"}},
		{"a\rb\u2028c\xff\x01", []string{"U+000D CARRIAGE RETURN", "U+2028 LINE SEPARATOR", "invalid UTF-8", "U+0001 control character"}},
	}
	for _, tt := range tests {
		if got := textHazards(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("textHazards(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHazardMessage(t *testing.T) {
	tests := map[string]string{
		"U+202E RIGHT-TO-LEFT OVERRIDE": "text has U+202E RIGHT-TO-LEFT OVERRIDE; the generated comment shows it as <U+202E>",
		"U+2028 LINE SEPARATOR":         "text has U+2028 LINE SEPARATOR; the generated comment breaks the line there",
		"U+000D CARRIAGE RETURN":        "text has U+000D CARRIAGE RETURN; the generated comment breaks the line there",
		"invalid UTF-8":                 "text has invalid UTF-8; the generated comment shows U+FFFD instead",
	}
	for in, want := range tests {
		if got := hazardMessage(in); got != want {
			t.Errorf("hazardMessage(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOverlayTextWarned: overlay text with a CR and a bidi control is
// warned about at the overlay entry, and reaches the output as plain //
// lines: the CR breaks the line, the directive-shaped text after it is not
// a directive, the override is visible.
func TestOverlayTextWarned(t *testing.T) {
	b, err := os.ReadFile("../testdata/pages/pipe/closeSocket.md")
	if err != nil {
		t.Fatal(err)
	}
	files, _, ds := generateText(string(b), "entries:\n  closeSocket.Option.reason:\n    doc: \"x\\r//go:generate y\\u202e z\"\n")
	var warnings []string
	for _, d := range ds {
		if strings.Contains(d.Msg, "text has") {
			warnings = append(warnings, d.String())
		}
	}
	want := []string{
		"fuzz.yaml:2:3: warning: text has U+000D CARRIAGE RETURN; the generated comment breaks the line there",
		"fuzz.yaml:2:3: warning: text has U+202E RIGHT-TO-LEFT OVERRIDE; the generated comment shows it as <U+202E>",
	}
	if !slices.Equal(warnings, want) {
		t.Errorf("warnings = %q, want %q", warnings, want)
	}
	i := slices.IndexFunc(files, func(f File) bool { return f.Name == "closesocket.go" })
	if i < 0 {
		t.Fatalf("no closesocket.go; diagnostics:\n%v", ds)
	}
	if wantLines := "\t// x\n\t// //go:generate y<U+202E> z\n\tReason string"; !strings.Contains(string(files[i].Content), wantLines) {
		t.Errorf("closesocket.go does not hold %q:\n%s", wantLines, files[i].Content)
	}
}

// TestCheckTextPositions: a hazard is reported at the nearest spec node
// holding it (the page for its description, the field for its cell), once
// per node and kind, whatever the nesting; a type's name inside a resolved
// reference is not walked twice.
func TestCheckTextPositions(t *testing.T) {
	pagePos := spec.Pos{File: "x.md", Line: 1, Col: 1}
	fieldPos := spec.Pos{File: "x.md", Line: 9, Col: 3}
	pkg := &spec.Package{Pages: []*spec.Page{{
		Pos: pagePos, Name: "x", Doc: "a\u202eb\u202ec",
		Decls: []*spec.Decl{{Pos: spec.Pos{File: "x.md", Line: 7, Col: 1}, Name: "D", Kind: spec.DeclObject,
			Fields: []*spec.Field{{Pos: fieldPos, Name: "f", Doc: "x\ry", Default: "\u2066"}}}},
	}}}
	g := newGenerator(pkg, Options{Package: "p"})
	g.checkText()
	g.ds.Sort()
	var got []string
	for _, d := range g.ds {
		got = append(got, d.String())
	}
	want := []string{
		"x.md:1:1: warning: text has U+202E RIGHT-TO-LEFT OVERRIDE; the generated comment shows it as <U+202E>",
		"x.md:9:3: warning: text has U+000D CARRIAGE RETURN; the generated comment breaks the line there",
		"x.md:9:3: warning: text has U+2066 LEFT-TO-RIGHT ISOLATE; the generated comment shows it as <U+2066>",
	}
	if !slices.Equal(got, want) {
		t.Errorf("checkText warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
