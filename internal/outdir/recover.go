package outdir

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// recover finishes what a killed run left: a committed journal is replayed
// (the run rolls forward), then every leftover temporary file is removed.
// It runs under the lock, so no live run's files are taken for leftovers.
func (d *Dir) recover() error {
	jpath := filepath.Join(d.path, journalName)
	if fi, err := os.Lstat(jpath); err == nil {
		if !fi.Mode().IsRegular() {
			return notRegular(jpath, fi.Mode())
		}
		f, err := openRegular(jpath)
		if err != nil {
			return err
		}
		b, err := readAll(f)
		f.Close()
		if err != nil {
			return err
		}
		j, err := parseJournal(b)
		if err != nil {
			return fmt.Errorf("%s: %v; inspect the directory and remove the journal by hand", jpath, err)
		}
		if err := d.replay(j); err != nil {
			return fmt.Errorf("finishing the run a kill interrupted in %s: %w", d.path, err)
		}
		fmt.Fprintf(d.opt.Log, "tarogen: %s: finished a run that was interrupted (%d changes)\n", d.path, len(j.ops))
	}
	return d.removeTemps()
}

// removeTemps removes the .tarogen-*.tmp files of runs killed before their
// commit point. They are only ever regular files tarogen created; anything
// else with such a name is refused rather than removed.
func (d *Dir) removeTemps() error {
	entries, err := os.ReadDir(d.path)
	if err != nil {
		return err
	}
	removed := 0
	for _, e := range entries {
		if !isTempName(e.Name()) {
			continue
		}
		path := filepath.Join(d.path, e.Name())
		if !e.Type().IsRegular() {
			return notRegular(path, e.Type())
		}
		if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
			return err
		}
		removed++
	}
	if removed > 0 {
		fmt.Fprintf(d.opt.Log, "tarogen: %s: removed %d temporary files an interrupted run left\n", d.path, removed)
	}
	return nil
}

// readAll reads f, a regular file, whole.
func readAll(f *os.File) ([]byte, error) {
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	return b, nil
}
