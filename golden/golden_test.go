package golden

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/tarogen/tarogen/gen"
	"github.com/tarogen/tarogen/internal/update"
	"github.com/tarogen/tarogen/overlay"
	"github.com/tarogen/tarogen/parser"
	"github.com/tarogen/tarogen/spec"
)

// cases are the page groups. Sources are the inputs; each archive keeps a
// copy of them so a case reads whole in one file (see loadArchive).
var cases = []struct {
	name    string
	pkg     string
	sources []string // under ../testdata/pages
	overlay string   // under testdata/overlays, or ""
}{
	{"websocket-html-css", "sockettask", []string{"html-css/SocketTask.md", "html-css/connectSocket.md", "html-css/sendSocketMessage.md"}, "socket.yaml"},
	{"websocket-pipe", "sockettask", []string{"pipe/SocketTask.md", "pipe/connectSocket.md", "pipe/closeSocket.md", "pipe/onSocketOpen.md", "pipe/onSocketClose.md", "pipe/onSocketError.md"}, "socket-pipe.yaml"},
	{"websocket-mdx", "sockettask", []string{"mdx/SocketTask.md", "mdx/connectSocket.md", "mdx/onSocketMessage.md"}, "socket-mdx.yaml"},
	{"websocket-legacy", "sockettask", []string{"legacy/SocketTask.md", "legacy/connectSocket.md"}, "socket-legacy.yaml"},
	{"websocket-english", "sockettask", []string{"english/SocketTask.md"}, "socket.yaml"},
	{"downloadfile-html-jsx", "download", []string{"html-jsx/downloadFile.md"}, ""},
	{"udpsocket-pipe", "udp", []string{"pipe/UDPSocket.md"}, ""},
	// Structurally new pages (issue 9): a namespace, a large class whose
	// listener takes a union of result types, a function beside a type of
	// its own name, a union with an any member.
	{"router-mdx", "router", []string{"current/route/router.md"}, ""},
	{"mapcontext-mdx", "mapcontext", []string{"current/media/map/MapContext.md"}, ""},
	{"choosemedia-mdx", "choosemedia", []string{"current/media/video/chooseMedia.md"}, ""},
	{"interstitialad-mdx", "interstitialad", []string{"current/ad/InterstitialAd.md"}, ""},
}

// result is what one case produces.
type result struct {
	spec  []byte
	diags string
	files []gen.File
}

// run parses and generates from the archive's inputs.
func run(t *testing.T, ar *txtar.Archive, pkgName string) result {
	t.Helper()
	var pages []*spec.Page
	var ds spec.Diagnostics
	var ov *overlay.Overlay
	for _, f := range ar.Files {
		switch {
		case strings.HasPrefix(f.Name, "pages/"):
			pg, pds := parser.ParsePage(f.Name, f.Data)
			ds = append(ds, pds...)
			if pg != nil {
				pages = append(pages, pg)
			}
		case f.Name == "overlay.yaml":
			var ods spec.Diagnostics
			ov, ods = overlay.Parse(f.Name, f.Data)
			ds = append(ds, ods...)
		}
	}
	pkg, mds := parser.Merge(pages)
	ds = append(ds, mds...)
	var r result
	var err error
	r.spec, err = json.MarshalIndent(pkg, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	r.spec = append(r.spec, '\n')
	if !ds.HasErrors() {
		var gds spec.Diagnostics
		r.files, gds = gen.Generate(pkg, gen.Options{Package: pkgName, Overlay: ov})
		ds = append(ds, gds...)
	}
	ds.Sort()
	for _, d := range ds {
		r.diags += d.String() + "\n"
	}
	return r
}

func TestGolden(t *testing.T) {
	vetRoot := vetDir(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join("testdata", c.name+".txtar")
			ar := loadArchive(t, path, c.sources, c.overlay)
			r := run(t, ar, c.pkg)
			if len(r.files) == 0 {
				t.Errorf("no files generated; diagnostics:\n%s", r.diags)
			}
			want := expected(ar)
			got := map[string]string{"spec.json": string(r.spec), "diagnostics.txt": r.diags}
			for _, f := range r.files {
				got["out/"+f.Name] = string(f.Content)
			}
			if update.Enabled() {
				writeArchive(t, path, ar, got)
				return
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s differs from the archive (-want +got); run go test ./golden -update if intended:\n%s", path, diff)
			}
			// The same input gives the same bytes.
			again := run(t, ar, c.pkg)
			for i := range again.files {
				if !bytes.Equal(again.files[i].Content, r.files[i].Content) {
					t.Errorf("generating twice gave different bytes for %s", r.files[i].Name)
				}
			}
			dir := filepath.Join(vetRoot, strings.ReplaceAll(c.name, "-", ""))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, f := range r.files {
				if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	if update.Enabled() {
		return
	}
	// Every output compiles and vets under every build: native, each
	// platform tag, and js/wasm.
	tags := []string{""}
	for _, id := range spec.KnownPlatforms {
		tags = append(tags, "taro_"+id)
	}
	for _, tag := range tags {
		args := []string{"vet"}
		if tag != "" {
			args = append(args, "-tags", tag)
		}
		args = append(args, "./"+filepath.Base(vetRoot)+"/...")
		cmd := exec.Command("go", args...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	cmd := exec.Command("go", "vet", "./"+filepath.Base(vetRoot)+"/...")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("GOOS=js GOARCH=wasm go vet: %v\n%s", err, out)
	}
	if testing.Short() {
		return
	}
	// staticcheck, pinned by the tool directive in go.mod, on the native build and on a platform with
	// stubs (harmony marks most of the WebSocket family unsupported).
	for _, tag := range []string{"", "taro_harmony"} {
		args := []string{"tool", "staticcheck", "-tags", tag, "./" + filepath.Base(vetRoot) + "/..."}
		if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
			t.Errorf("staticcheck -tags %q: %v\n%s", tag, err, out)
		}
	}
}

// vetDir is a scratch directory inside the module, so the generated
// packages can import the runtime; it is removed after the test.
func vetDir(t *testing.T) string {
	dir, err := os.MkdirTemp(".", "vet-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func expected(ar *txtar.Archive) map[string]string {
	m := map[string]string{}
	for _, f := range ar.Files {
		if f.Name == "spec.json" || f.Name == "diagnostics.txt" || strings.HasPrefix(f.Name, "out/") {
			m[f.Name] = string(f.Data)
		}
	}
	return m
}

// loadArchive reads a case. Its input pages are copies of
// ../testdata/pages, the one source of fixture pages: a copy that differs
// from its source fails the test, and -update refreshes it. The overlay
// under testdata/overlays is the source of the archive's overlay.yaml the
// same way.
func loadArchive(t *testing.T, path string, sources []string, ov string) *txtar.Archive {
	t.Helper()
	want := inputs(t, sources, ov)
	b, err := os.ReadFile(path)
	if err != nil {
		if !update.Enabled() {
			t.Fatalf("%v (run go test ./golden -update to create it)", err)
		}
		return &txtar.Archive{
			Comment: []byte(fmt.Sprintf("Golden case %s: input pages, overlay, then the expected spec dump,\ndiagnostics and generated files. go test ./golden -update rewrites all of it;\nthe inputs are copies of ../testdata/pages and testdata/overlays.\n", strings.TrimSuffix(filepath.Base(path), ".txtar"))),
			Files:   want,
		}
	}
	ar := txtar.Parse(b)
	var have []txtar.File
	var outputs []txtar.File
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "pages/") || f.Name == "overlay.yaml" {
			have = append(have, f)
		} else {
			outputs = append(outputs, f)
		}
	}
	if !slices.EqualFunc(have, want, func(a, b txtar.File) bool { return a.Name == b.Name && bytes.Equal(a.Data, b.Data) }) {
		if !update.Enabled() {
			t.Fatalf("%s: its input copies differ from ../testdata/pages or testdata/overlays; run go test ./golden -update", path)
		}
	}
	ar.Files = append(want, outputs...)
	return ar
}

// inputs reads a case's pages and overlay from their sources.
func inputs(t *testing.T, sources []string, ov string) []txtar.File {
	t.Helper()
	var files []txtar.File
	for _, s := range sources {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "pages", s))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, txtar.File{Name: "pages/" + filepath.Base(s), Data: data})
	}
	if ov != "" {
		data, err := os.ReadFile(filepath.Join("testdata", "overlays", ov))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, txtar.File{Name: "overlay.yaml", Data: data})
	}
	return files
}

func writeArchive(t *testing.T, path string, ar *txtar.Archive, got map[string]string) {
	t.Helper()
	out := &txtar.Archive{Comment: ar.Comment}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "pages/") || f.Name == "overlay.yaml" {
			out.Files = append(out.Files, f)
		}
	}
	var names []string
	for n := range got {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		rank := func(s string) int {
			switch {
			case s == "diagnostics.txt":
				return 0
			case s == "spec.json":
				return 2
			}
			return 1
		}
		if rank(a) != rank(b) {
			return rank(a) - rank(b)
		}
		return strings.Compare(a, b)
	})
	for _, n := range names {
		data := got[n]
		if data != "" && !strings.HasSuffix(data, "\n") {
			data += "\n"
		}
		out.Files = append(out.Files, txtar.File{Name: n, Data: []byte(data)})
	}
	if err := os.WriteFile(path, txtar.Format(out), 0o644); err != nil {
		t.Fatal(err)
	}
}
