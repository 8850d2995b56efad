package outdir

import (
	"fmt"
	"os"
	"path/filepath"
)

// Apply makes the directory hold the planned files, in the order the
// package doc describes: temporary files, the journal (the commit point),
// the renames and removals, then the journal's removal. A failure before
// the commit point removes the temporary files and leaves the directory
// as it was; a failure after it leaves the journal for the next run.
func (d *Dir) Apply(p *Plan) error {
	if p.Empty() {
		return nil
	}
	j := &journal{}
	var temps []string
	undo := func(err error) error {
		for _, t := range temps {
			os.Remove(filepath.Join(d.path, t))
		}
		return err
	}
	for _, f := range p.Write {
		t, err := d.writeTemp(tempPrefix+"*"+tempSuffix, f.Content)
		if err != nil {
			return undo(err)
		}
		temps = append(temps, t)
		j.ops = append(j.ops, journalOp{temp: t, name: f.Name, sum: checksum(f.Content)})
		killpoint()
	}
	for _, name := range p.Remove {
		j.ops = append(j.ops, journalOp{remove: true, name: name})
	}
	if err := d.commit(j); err != nil {
		return undo(err)
	}
	killpoint()
	if err := d.replay(j); err != nil {
		return fmt.Errorf("%w; the journal %s stays, and the next tarogen gen in %s finishes the run", err, journalName, d.path)
	}
	return nil
}

// writeTemp writes b to a new temporary file in the directory, synced and
// readable by all, and returns its base name. CreateTemp uses O_EXCL, so
// it never opens something an attacker placed there.
func (d *Dir) writeTemp(pattern string, b []byte) (string, error) {
	t, err := os.CreateTemp(d.path, pattern)
	if err != nil {
		return "", err
	}
	name := filepath.Base(t.Name())
	_, err = t.Write(b)
	if err == nil {
		err = t.Sync()
	}
	if cerr := t.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(t.Name(), 0o644)
	}
	if err != nil {
		os.Remove(t.Name())
		return "", err
	}
	return name, nil
}

// commit writes the journal under its own temporary name and renames it
// into place: from that rename on, the run is done as far as the next run
// is concerned.
func (d *Dir) commit(j *journal) error {
	t, err := d.writeTemp(tempPrefix+"journal-*"+tempSuffix, j.encode())
	if err != nil {
		return err
	}
	if err := os.Rename(filepath.Join(d.path, t), filepath.Join(d.path, journalName)); err != nil {
		os.Remove(filepath.Join(d.path, t))
		return err
	}
	return syncDir(d.path)
}

// replay carries out a committed journal and removes it. It is idempotent,
// so recover can run it again after a kill at any point: a write whose
// temporary file is gone was already renamed.
func (d *Dir) replay(j *journal) error {
	for _, op := range j.ops {
		var err error
		if op.remove {
			err = d.removeOurs(op.name)
		} else {
			err = d.renameTemp(op)
		}
		if err != nil {
			return err
		}
		killpoint()
	}
	if err := syncDir(d.path); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(d.path, journalName)); err != nil {
		return err
	}
	return syncDir(d.path)
}

// renameTemp moves a write's temporary file into place after checking it
// is a regular file holding exactly the bytes the journal names.
func (d *Dir) renameTemp(op journalOp) error {
	temp := filepath.Join(d.path, op.temp)
	if _, err := os.Lstat(temp); os.IsNotExist(err) {
		return nil // renamed before a kill
	}
	f, err := openRegular(temp)
	if err != nil {
		return err
	}
	b, err := readAll(f)
	f.Close()
	if err != nil {
		return err
	}
	if checksum(b) != op.sum {
		return fmt.Errorf("%s: does not hold the bytes the journal recorded for %s", temp, op.name)
	}
	target := filepath.Join(d.path, op.name)
	if fi, err := os.Lstat(target); err == nil && !fi.Mode().IsRegular() {
		return notRegular(target, fi.Mode())
	}
	return os.Rename(temp, target)
}

// removeOurs removes a stale output, if it is still there and still ours.
func (d *Dir) removeOurs(name string) error {
	path := filepath.Join(d.path, name)
	fi, err := os.Lstat(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return notRegular(path, fi.Mode())
	}
	if _, ours, err := readIfOurs(path, d.opt.Header); err != nil || !ours {
		return err // changed by someone since: leave it
	}
	return os.Remove(path)
}
