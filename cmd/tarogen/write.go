package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/tarogen/tarogen/gen"
	"github.com/tarogen/tarogen/internal/outdir"
)

// writeOutput writes the generated files into dir through package outdir,
// which owns every rule about the directory (regular files only, the lock,
// the journal; see its doc). With check it writes nothing and prints a
// diff instead, returning errStale when dir differs.
func writeOutput(dir string, files []gen.File, check bool, stdout, stderr io.Writer) error {
	out := make([]outdir.File, len(files))
	for i, f := range files {
		out[i] = outdir.File{Name: f.Name, Content: f.Content}
	}
	header := "// " + gen.Header
	if !check {
		return outdir.Write(dir, out, outdir.Options{Header: header, Log: stderr})
	}
	p, err := outdir.Inspect(dir, out, header)
	if err != nil {
		return err
	}
	if p.Empty() {
		return nil
	}
	printDiff(stdout, p)
	return errStale
}

// printDiff prints a unified diff per changed or removed file.
func printDiff(w io.Writer, p *outdir.Plan) {
	for _, f := range p.Write {
		name := filepath.Join(p.Dir, f.Name)
		d, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
			A: difflib.SplitLines(string(p.Old[f.Name])), B: difflib.SplitLines(string(f.Content)),
			FromFile: name, ToFile: name, Context: 3,
		})
		fmt.Fprint(w, d)
	}
	for _, name := range p.Remove {
		full := filepath.Join(p.Dir, name)
		d, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
			A: difflib.SplitLines(string(p.Old[name])), FromFile: full, ToFile: "/dev/null", Context: 3,
		})
		fmt.Fprint(w, d)
	}
}
