package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/overlay"
	"github.com/tarogen/tarogen/parser"
	"github.com/tarogen/tarogen/spec"
)

func parsePages(t testing.TB, files ...string) *spec.Package {
	t.Helper()
	var pages []*spec.Page
	for _, f := range files {
		path := filepath.Join("..", "testdata", "pages", f)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		pg, ds := parser.ParsePage(f, b)
		if ds.HasErrors() {
			t.Fatal(ds)
		}
		pages = append(pages, pg)
	}
	pkg, ds := parser.Merge(pages)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return pkg
}

// Overlay mistakes are errors at the overlay's own position, and no file
// is produced.
func TestOverlayErrors(t *testing.T) {
	pkg := parsePages(t, "pipe/SocketTask.md", "pipe/connectSocket.md")
	for _, tc := range []struct{ overlay, want string }{
		{"entries:\n  SocketTask.nosuch: {name: X}\n", `o.yaml:2:3: error: overlay entry "SocketTask.nosuch" matches nothing in the spec`},
		{"entries:\n  SocketTask.CloseOption.code: {goType: complex128}\n", `o.yaml:2:3: error: overlay goType "complex128" is neither a basic Go type nor a type in the overlay's types section`},
		{"entries:\n  SocketTask.send: {type: \"string\"}\n", `o.yaml:2:28: error: overlay type for SocketTask.send must be a function type`},
		{"entries:\n  SocketTask.CloseOption.code: {type: \"Record<\"}\n", `o.yaml:2:47: error: overlay type "Record<": expected type, found end of input`},
		{"entries:\n  connectSocket.Option: {name: SocketTask}\n", `o.yaml:2:3: error: overlay name "SocketTask" for connectSocket.Option is already used by class SocketTask`},
	} {
		ov, ds := overlay.Parse("o.yaml", []byte(tc.overlay))
		if ds.HasErrors() {
			t.Fatalf("overlay %q: %v", tc.overlay, ds)
		}
		files, ds := Generate(pkg, Options{Package: "p", Overlay: ov})
		if files != nil {
			t.Errorf("overlay %q: got %d files, want none", tc.overlay, len(files))
		}
		if !strings.Contains(ds.Error(), tc.want) {
			t.Errorf("overlay %q: diagnostics\n%s\nwant one starting %q", tc.overlay, ds.Error(), tc.want)
		}
	}
}

// Without an overlay a union gets a name from its members and the
// generic T falls back to any; the output still compiles (golden vets it).
func TestDefaultsWithoutOverlay(t *testing.T) {
	pkg := parsePages(t, "pipe/SocketTask.md")
	files, ds := Generate(pkg, Options{Package: "p"})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	var all string
	for _, f := range files {
		all += string(f.Content)
	}
	for _, want := range []string{
		"type StringOrArrayBuffer interface", "Data StringOrArrayBuffer", "Data any", // OnMessageCallbackResult<T = any>
		"func (t *SocketTask) Send(option SendOption) error", "Code float64",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	for _, d := range ds {
		if strings.Contains(d.Msg, "SocketTask.OPEN") && !strings.Contains(d.Msg, "left out") {
			t.Errorf("unexpected diagnostic %v", d)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	groups := map[string][]string{
		"websocket-mdx":  {"mdx/SocketTask.md", "mdx/connectSocket.md", "mdx/onSocketMessage.md"},
		"websocket-pipe": {"pipe/SocketTask.md", "pipe/connectSocket.md", "pipe/closeSocket.md", "pipe/onSocketOpen.md", "pipe/onSocketClose.md", "pipe/onSocketError.md"},
		"udpsocket-pipe": {"pipe/UDPSocket.md"},
	}
	for _, name := range []string{"udpsocket-pipe", "websocket-mdx", "websocket-pipe"} {
		pkg := parsePages(b, groups[name]...)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, ds := Generate(pkg, Options{Package: "p"}); ds.HasErrors() {
					b.Fatal(ds)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(groups[name])), "ns/page")
		})
	}
}
