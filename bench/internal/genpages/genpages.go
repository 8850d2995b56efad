// Package genpages makes generator inputs of any size from tarogen's real
// page fixtures (testdata/pages in the main module): copy k of a fixture
// group (a folder, one page format) renames every API the group documents,
// SocketTask → SocketTaskK3Pipe, so that the copies merge into one package
// without clashing, and each copy has exactly the structure of a real page.
package genpages

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/tarogen/tarogen/gen"
	"github.com/tarogen/tarogen/parser"
)

// Fixtures is the real pages' folder, relative to the bench module.
const Fixtures = "../testdata/pages"

type group struct {
	name  string            // "pipe"
	files map[string][]byte // base name → content
	names []string          // the APIs its pages document
}

// load reads the fixture groups under root, sorted by folder name.
func load(root string) ([]group, error) {
	dirs, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var groups []group
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		g := group{name: d.Name(), files: map[string][]byte{}}
		paths, _ := filepath.Glob(filepath.Join(root, d.Name(), "*.md"))
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			pg, _ := parser.ParsePage(p, src)
			if pg == nil || pg.Name == "" {
				continue
			}
			g.files[filepath.Base(p)] = src
			g.names = append(g.names, pg.Name)
		}
		sort.Strings(g.names)
		if len(g.files) > 0 {
			groups = append(groups, g)
		}
	}
	return groups, nil
}

// Write writes n pages into dir and returns their paths: copy 0 of every
// group, then copy 1, and so on, stopping at n.
func Write(root, dir string, n int) ([]string, error) {
	groups, err := load(root)
	if err != nil {
		return nil, err
	}
	var paths []string
	for k := 0; len(paths) < n; k++ {
		for _, g := range groups {
			suffix := fmt.Sprintf("K%d%s", k, camel(g.name))
			re := regexp.MustCompile(`\b(` + strings.Join(g.names, "|") + `)\b`)
			bases := make([]string, 0, len(g.files))
			for b := range g.files {
				bases = append(bases, b)
			}
			sort.Strings(bases)
			for _, b := range bases {
				if len(paths) == n {
					return paths, nil
				}
				out := re.ReplaceAll(g.files[b], []byte("${1}"+suffix))
				p := filepath.Join(dir, suffix+"-"+b)
				if err := os.WriteFile(p, out, 0o644); err != nil {
					return nil, err
				}
				paths = append(paths, p)
			}
		}
	}
	return paths, nil
}

func camel(s string) string {
	var b strings.Builder
	for _, part := range strings.Split(s, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// Generate runs the pipeline the tarogen command runs, minus writing the
// files: parse and merge the pages, generate. It returns the number of
// files and bytes generated.
func Generate(paths []string) (files, bytes int, err error) {
	pkg, ds := parser.ParseFiles(paths)
	if ds.HasErrors() {
		return 0, 0, fmt.Errorf("parse: %v", ds)
	}
	out, ds := gen.Generate(pkg, gen.Options{Package: "p"})
	if ds.HasErrors() {
		return 0, 0, fmt.Errorf("generate: %v", ds)
	}
	for _, f := range out {
		bytes += len(f.Content)
	}
	return len(out), bytes, nil
}
