package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/tarogen/tarogen/corrections"
	"github.com/tarogen/tarogen/gen"
	"github.com/tarogen/tarogen/overlay"
	"github.com/tarogen/tarogen/parser"
	"github.com/tarogen/tarogen/spec"
)

func main() {
	os.Exit(exitCode(run(os.Args[1:], os.Stdout, os.Stderr), os.Stderr))
}

// errStale is returned by gen -check when the directory differs.
var errStale = errors.New("generated files are stale")

// errReported means the diagnostics were already printed.
var errReported = errors.New("errors reported")

// usageError is bad command-line usage.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errStale):
		return 1
	case errors.Is(err, errReported):
		return 2
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "tarogen: %s\nusage: tarogen spec [-o FILE] DOC... | tarogen gen -o DIR [-pkg NAME] [-overlay FILE] [-check] DOC...\n", ue.msg)
		return 2
	}
	fmt.Fprintf(stderr, "tarogen: %v\n", err)
	return 2
}

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"no command"}
	}
	switch args[0] {
	case "spec":
		return runSpec(args[1:], stdout, stderr)
	case "gen":
		return runGen(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprintln(stdout, "usage: tarogen spec [-o FILE] DOC... | tarogen gen -o DIR [-pkg NAME] [-overlay FILE] [-check] DOC...\nRun 'go doc github.com/tarogen/tarogen/cmd/tarogen' for the manual.")
		return nil
	}
	return usageError{fmt.Sprintf("unknown command %q", args[0])}
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// printDiags prints every diagnostic, sorted, and reports whether any is
// an error.
func printDiags(stderr io.Writer, ds spec.Diagnostics) bool {
	ds.Sort()
	for _, d := range ds {
		fmt.Fprintln(stderr, d.String())
	}
	return ds.HasErrors()
}

func runSpec(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("spec", stderr)
	out := fs.String("o", "", "write the JSON to `FILE` instead of standard output")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() == 0 {
		return usageError{"spec: no DOC given"}
	}
	pkg, ds := parser.ParseFiles(fs.Args())
	if printDiags(stderr, ds) {
		return errReported
	}
	b, err := json.MarshalIndent(pkg, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if *out != "" {
		return writeFileAtomic(*out, b)
	}
	_, err = stdout.Write(b)
	return err
}

func runGen(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("gen", stderr)
	out := fs.String("o", "", "output `DIR`")
	pkgName := fs.String("pkg", "", "Go package `NAME` (default: base name of DIR)")
	ovPath := fs.String("overlay", "", "overlay `FILE`, layered over the built-in corrections")
	builtin := fs.Bool("builtin", true, "apply the built-in corrections for Taro's pages (package github.com/tarogen/tarogen/corrections)")
	check := fs.Bool("check", false, "write nothing; print a diff and exit 1 when DIR is stale")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *out == "" {
		return usageError{"gen: -o DIR is required"}
	}
	if fs.NArg() == 0 {
		return usageError{"gen: no DOC given"}
	}
	name := *pkgName
	if name == "" {
		abs, err := filepath.Abs(*out)
		if err != nil {
			return err
		}
		name = strings.ToLower(strings.NewReplacer("-", "", ".", "", "_", "").Replace(filepath.Base(abs)))
	}
	pkg, ds := parser.ParseFiles(fs.Args())
	ov, ds := loadOverlay(pkg, ds, *ovPath, *builtin)
	if ds.HasErrors() {
		printDiags(stderr, ds)
		return errReported
	}
	files, gds := gen.Generate(pkg, gen.Options{Package: name, Overlay: ov})
	ds = append(ds, gds...)
	if printDiags(stderr, ds) {
		return errReported
	}
	plan, err := planWrite(*out, files)
	if err != nil {
		return err
	}
	if *check {
		if plan.empty() {
			return nil
		}
		plan.diff(stdout)
		return errStale
	}
	return plan.apply()
}

// loadOverlay layers the user's overlay file (if any) over the built-in
// corrections that apply to pkg (if on), and drops the parser's warnings
// for the page quirks the built-ins resolve.
func loadOverlay(pkg *spec.Package, ds spec.Diagnostics, path string, builtin bool) (*overlay.Overlay, spec.Diagnostics) {
	var base, top *overlay.Overlay
	if builtin {
		var bds spec.Diagnostics
		base, bds = corrections.For(pkg)
		ds = append(corrections.Acknowledge(ds), bds...)
	}
	if path != "" {
		var ods spec.Diagnostics
		top, ods = overlay.ReadFile(path)
		ds = append(ds, ods...)
	}
	return overlay.Layer(base, top), ds
}

// writePlan is what gen will do to DIR.
type writePlan struct {
	dir    string
	write  []gen.File // new or changed
	remove []string   // generated earlier, no longer
	old    map[string][]byte
}

func (p *writePlan) empty() bool { return len(p.write) == 0 && len(p.remove) == 0 }

// planWrite compares files with DIR. A file in DIR is ours when its first
// line is the generated-code header.
func planWrite(dir string, files []gen.File) (*writePlan, error) {
	p := &writePlan{dir: dir, old: map[string][]byte{}}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	ours := map[string]bool{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		p.old[e.Name()] = b
		first, _, _ := bytes.Cut(b, []byte("\n"))
		if string(first) == "// "+gen.Header {
			ours[e.Name()] = true
		}
	}
	keep := map[string]bool{}
	for _, f := range files {
		keep[f.Name] = true
		old, exists := p.old[f.Name]
		if exists && !ours[f.Name] {
			return nil, fmt.Errorf("%s: exists and was not generated by tarogen; refusing to overwrite it", filepath.Join(dir, f.Name))
		}
		if !exists || !bytes.Equal(old, f.Content) {
			p.write = append(p.write, f)
		}
	}
	for name := range ours {
		if !keep[name] {
			p.remove = append(p.remove, name)
		}
	}
	slices.Sort(p.remove)
	return p, nil
}

// apply writes every new or changed file to a temporary file first, then
// renames them all into place, so an I/O error leaves no half-written file.
func (p *writePlan) apply() error {
	if err := os.MkdirAll(p.dir, 0o755); err != nil {
		return err
	}
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for _, f := range p.write {
		t, err := os.CreateTemp(p.dir, ".tarogen-*.tmp")
		if err != nil {
			cleanup()
			return err
		}
		temps = append(temps, t.Name())
		_, err = t.Write(f.Content)
		if cerr := t.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			cleanup()
			return err
		}
	}
	for i, f := range p.write {
		if err := os.Chmod(temps[i], 0o644); err != nil {
			cleanup()
			return err
		}
		if err := os.Rename(temps[i], filepath.Join(p.dir, f.Name)); err != nil {
			cleanup()
			return err
		}
	}
	for _, name := range p.remove {
		if err := os.Remove(filepath.Join(p.dir, name)); err != nil {
			return err
		}
	}
	return nil
}

// diff prints a unified diff per changed file.
func (p *writePlan) diff(w io.Writer) {
	for _, f := range p.write {
		name := filepath.Join(p.dir, f.Name)
		d, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
			A: difflib.SplitLines(string(p.old[f.Name])), B: difflib.SplitLines(string(f.Content)),
			FromFile: name, ToFile: name, Context: 3,
		})
		fmt.Fprint(w, d)
	}
	for _, name := range p.remove {
		full := filepath.Join(p.dir, name)
		d, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
			A: difflib.SplitLines(string(p.old[name])), FromFile: full, ToFile: "/dev/null", Context: 3,
		})
		fmt.Fprint(w, d)
	}
}

func writeFileAtomic(path string, b []byte) error {
	t, err := os.CreateTemp(filepath.Dir(path), ".tarogen-*.tmp")
	if err != nil {
		return err
	}
	_, err = t.Write(b)
	if cerr := t.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(t.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(t.Name(), path)
	}
	if err != nil {
		os.Remove(t.Name())
	}
	return err
}
