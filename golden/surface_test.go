package golden

import (
	"bytes"
	"fmt"
	"go/format"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/gen"
	"github.com/tarogen/tarogen/parser"
	"github.com/tarogen/tarogen/spec"
)

// TestWholeSurface generates every real page in ../testdata/pages alone,
// and the pages of each API set together as one package, then vets all of
// it under no tag, every taro_* tag and GOOS=js GOARCH=wasm (issue 9.4).
// Every file must also be gofmt-stable.
// The together sets hold one page per API: current/ and en/ are one set
// (they document different APIs), and each older format folder is one
// (they document the same WebSocket APIs as each other).
//
// Everything goes into one scratch directory with one package per output,
// so each build is one go vet run over all packages.
func TestWholeSurface(t *testing.T) {
	if testing.Short() {
		t.Skip("vets every real page under every build")
	}
	root := filepath.Join("..", "testdata", "pages")
	sets := pageSets(t, root)
	vetRoot := vetDir(t)
	n := 0
	write := func(name string, pages []string) {
		t.Helper()
		files, ds := generatePages(root, pages, name)
		if ds.HasErrors() {
			t.Errorf("%s: %d pages: %v", name, len(pages), errorsOnly(ds))
			return
		}
		dir := filepath.Join(vetRoot, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if src, err := format.Source(f.Content); err != nil || !bytes.Equal(src, f.Content) {
				t.Errorf("%s: %s is not gofmt-stable (%v)", name, f.Name, err)
			}
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		n++
	}
	var all []string
	for _, set := range slices.Sorted(maps.Keys(sets)) {
		write("set"+pkgWord(set), sets[set])
		all = append(all, sets[set]...)
	}
	for i, p := range all {
		write(fmt.Sprintf("page%03d", i), []string{p})
	}
	t.Logf("%d pages, %d sets: %d packages generated", len(all), len(sets), n)
	vetAll(t, vetRoot)
}

// pageSets groups the pages by API set: "current" (current/ and en/) and
// each older format folder.
func pageSets(t *testing.T, root string) map[string][]string {
	sets := map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") || d.Name() == "README.md" {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		set, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		if set == "en" {
			set = "current"
		}
		sets[set] = append(sets[set], filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sets
}

func generatePages(root string, rels []string, pkgName string) ([]gen.File, spec.Diagnostics) {
	var paths []string
	for _, r := range rels {
		paths = append(paths, filepath.Join(root, r))
	}
	pkg, ds := parser.ParseFiles(paths)
	if ds.HasErrors() {
		return nil, ds
	}
	files, gds := gen.Generate(pkg, gen.Options{Package: pkgName})
	return files, append(ds, gds...)
}

func errorsOnly(ds spec.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		if d.Severity == spec.Error {
			b.WriteString(d.String() + "\n")
		}
	}
	return b.String()
}

func pkgWord(s string) string {
	return strings.NewReplacer("-", "", "_", "").Replace(s)
}

// vetAll runs go vet on every package under dir, once per build.
func vetAll(t *testing.T, dir string) {
	t.Helper()
	pattern := "./" + filepath.Base(dir) + "/..."
	builds := [][]string{{"vet", pattern}}
	for _, id := range spec.KnownPlatforms {
		builds = append(builds, []string{"vet", "-tags", "taro_" + id, pattern})
	}
	for _, args := range builds {
		if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
			t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	cmd := exec.Command("go", "vet", pattern)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("GOOS=js GOARCH=wasm go vet: %v\n%s", err, out)
	}
}
