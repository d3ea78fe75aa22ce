package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
)

// ErrChanged is wrapped by the problem of an input file that changed while
// it was read: its rows could mix the old file and the new.
var ErrChanged = errors.New("the file changed while it was read")

// fileWatch remembers each input file as it was first opened (the same
// file, size and modification time), so that ingest, which reads most files
// several times (a CSV file for its bytes, then for its rows; a graph file
// for its nodes, then its edges), detects a file saved or replaced in
// between or during a pass. The hash that ingest records is that of the
// first pass: a file that changed is never ingested under it.
type fileWatch struct {
	mu    sync.Mutex
	first map[string]fs.FileInfo
}

// wrap returns open, checking the file at every opening.
func (w *fileWatch) wrap(open func(string) (io.ReadCloser, error)) func(string) (io.ReadCloser, error) {
	return func(p string) (io.ReadCloser, error) {
		f, err := open(p)
		if err != nil {
			return nil, err
		}
		if err := w.check(p); err != nil {
			f.Close()
			return nil, err
		}
		return f, nil
	}
}

// check compares the file at p with what it was at its first opening.
func (w *fileWatch) check(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrChanged, err)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.first == nil {
		w.first = map[string]fs.FileInfo{}
	}
	old, ok := w.first[p]
	if !ok {
		w.first[p] = fi
		return nil
	}
	if !os.SameFile(old, fi) || old.Size() != fi.Size() || !old.ModTime().Equal(fi.ModTime()) {
		return fmt.Errorf("%w (it was %d bytes, modified %s; it is %d bytes, modified %s)", ErrChanged,
			old.Size(), old.ModTime().Format("15:04:05.000"), fi.Size(), fi.ModTime().Format("15:04:05.000"))
	}
	return nil
}

// problems checks every file once more, after the last pass, and returns a
// problem for each that changed.
func (w *fileWatch) problems() []Problem {
	w.mu.Lock()
	paths := make([]string, 0, len(w.first))
	for p := range w.first {
		paths = append(paths, p)
	}
	w.mu.Unlock()
	var out []Problem
	for _, p := range paths {
		if err := w.check(p); err != nil {
			out = append(out, changedProblem(p, err))
		}
	}
	return out
}

func changedProblem(p string, err error) Problem {
	return Problem{File: p, Err: err, Hint: "nothing was written: run the ingest again once the file is saved (a spreadsheet still open in Excel may keep saving it)"}
}
