package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// errNotRegular is wrapped by openFile for a path that is not a regular
// file (nor a directory, which read reports with its own hint).
var errNotRegular = errors.New("not a regular file")

// openFile opens an input file for reading. A named pipe (FIFO), a device
// or a socket is refused without blocking: opening a FIFO that no one
// writes to would wait forever, and ingest reads every file more than once.
func openFile(p string) (*os.File, error) {
	f, err := openNonBlocking(p)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() && !fi.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%w: it is %s: give the path of a regular file (alliances reads its input files more than once, and never waits on a pipe)", errNotRegular, kindOf(fi.Mode()))
	}
	return f, nil
}

// kindOf names the kind of a file that is not regular.
func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	}
	return "not a regular file"
}
