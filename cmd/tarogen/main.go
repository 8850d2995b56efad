package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

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
		fmt.Fprintf(stderr, "tarogen: %s\nusage: tarogen spec [-o FILE] DOC... | tarogen gen -o DIR [-pkg NAME] [-overlay FILE] [-builtin=false] [-check] DOC...\n", ue.msg)
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
		fmt.Fprintln(stdout, "usage: tarogen spec [-o FILE] DOC... | tarogen gen -o DIR [-pkg NAME] [-overlay FILE] [-builtin=false] [-check] DOC...\nRun 'go doc github.com/tarogen/tarogen/cmd/tarogen' for the manual.")
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

func runSpec(args []string, stdout, stderr io.Writer) (err error) {
	fs := newFlags("spec", stderr)
	out := fs.String("o", "", "write the JSON to `FILE` instead of standard output")
	debug := fs.Bool("debug", false, "on an internal error, print the stack too")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	defer guard(*debug, stderr, &err)
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

func runGen(args []string, stdout, stderr io.Writer) (err error) {
	fs := newFlags("gen", stderr)
	out := fs.String("o", "", "output `DIR`")
	pkgName := fs.String("pkg", "", "Go package `NAME` (default: base name of DIR)")
	ovPath := fs.String("overlay", "", "overlay `FILE`, layered over the built-in corrections")
	builtin := fs.Bool("builtin", true, "apply the built-in corrections for Taro's pages (package github.com/tarogen/tarogen/corrections)")
	check := fs.Bool("check", false, "write nothing; print a diff and exit 1 when DIR is stale")
	debug := fs.Bool("debug", false, "on an internal error, print the stack too")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	defer guard(*debug, stderr, &err)
	if *out == "" {
		return usageError{"gen: -o DIR is required"}
	}
	if fs.NArg() == 0 {
		return usageError{"gen: no DOC given"}
	}
	name, err := packageName(*pkgName, *out)
	if err != nil {
		return err
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
	return writeOutput(*out, files, *check, stdout, stderr)
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
