// Package outfile writes the files that commands produce (maps, reports,
// exports, comparisons) so that a failure never destroys anything: each
// file is written to a temporary file beside its target and renamed over it
// only once complete and synced, so a full disk, an error or Ctrl-C leave
// the previous output whole; a store file is never replaced; a symbolic
// link is never written through; a name that is not a regular file (a
// directory, a FIFO, a device) is refused.
//
// One file:
//
//	f, err := outfile.Create(path, outfile.Options{Store: store})
//	if err != nil {
//		return err
//	}
//	defer f.Discard() // removes the temporary file unless committed
//	if err := render(f); err != nil {
//		return err
//	}
//	return f.Commit()
//
// Several files that belong together (a report, the tables of an export):
// Dir stages them all and renames them into place together at Commit, so a
// failure leaves the previous set whole.
package outfile

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Errors wrapped by Create and Dir.
var (
	// ErrStore is returned for an output that would replace a store file.
	ErrStore = errors.New("is a store file")
	// ErrSymlink is returned for an output that is a symbolic link, or whose
	// path inside an output directory goes through one.
	ErrSymlink = errors.New("is a symbolic link")
	// ErrNotRegular is returned for an output that exists and is not a
	// regular file: a directory, a FIFO, a device, a socket.
	ErrNotRegular = errors.New("is not a regular file")
)

// Options say what an output must never replace.
type Options struct {
	// Store is the store file of the command (its --store), or "" (also
	// for a Neo4j URI). An output that is that file, under any name, is
	// refused with ErrStore. A file that holds an embedded store (a bbolt
	// database) is refused whatever Store says.
	Store string
}

// File is an output file being written: a temporary file beside its target.
type File struct {
	tmp    *os.File
	path   string
	stage  bool // part of a Dir: Commit leaves the rename to Dir.Commit
	closed bool
	done   bool
	err    error
}

// Create starts writing the output file path. Its directory must exist. It
// fails with ErrSymlink when path is a symbolic link, ErrNotRegular when it
// exists and is not a regular file, ErrStore when it is a store file.
func Create(path string, opts Options) (*File, error) {
	if err := check(path, opts); err != nil {
		return nil, err
	}
	return create(path, false)
}

// WriteFile writes data to the output file path as Create and Commit do.
func WriteFile(path string, data []byte, opts Options) error {
	return Write(path, opts, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Write writes the output file path with write, and commits it when write
// returns nil; otherwise the previous file, if any, is left as it was.
func Write(path string, opts Options, write func(w io.Writer) error) error {
	f, err := Create(path, opts)
	if err != nil {
		return err
	}
	defer f.Discard()
	if err := write(f); err != nil {
		return err
	}
	return f.Commit()
}

// Name returns the path of the output (not of its temporary file).
func (f *File) Name() string { return f.path }

// Write writes to the temporary file. The first error is kept and returned
// again by Commit.
func (f *File) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	if f.closed {
		return 0, fmt.Errorf("%s: %w", f.path, os.ErrClosed)
	}
	n, err := f.tmp.Write(p)
	if err != nil {
		f.err = fmt.Errorf("writing %s: %w", f.path, err)
	}
	return n, f.err
}

// Commit syncs and closes the temporary file and renames it over the
// output; for a file of a Dir, the rename waits for Dir.Commit. On any
// error the temporary file is removed and the previous output is intact.
func (f *File) Commit() error {
	if f.done {
		return nil
	}
	if err := f.finish(); err != nil {
		f.Discard()
		return err
	}
	if f.stage {
		return nil
	}
	if err := os.Rename(f.tmp.Name(), f.path); err != nil {
		f.Discard()
		return fmt.Errorf("writing %s: %w", f.path, err)
	}
	f.done = true
	syncDir(filepath.Dir(f.path))
	return nil
}

// finish syncs and closes the temporary file.
func (f *File) finish() error {
	if f.err != nil {
		return f.err
	}
	if f.closed {
		return nil
	}
	f.closed = true
	if err := f.tmp.Sync(); err != nil {
		f.tmp.Close()
		return fmt.Errorf("writing %s: %w", f.path, err)
	}
	if err := f.tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", f.path, err)
	}
	return nil
}

// Discard removes the temporary file unless the output was committed; the
// previous output, if any, is left as it was. It may be called any number
// of times, and after Commit.
func (f *File) Discard() {
	if f.done {
		return
	}
	f.done = true
	if !f.closed {
		f.closed = true
		f.tmp.Close()
	}
	os.Remove(f.tmp.Name())
}

// create opens a new temporary file beside path, under a random hidden
// name, with O_EXCL and mode 0666 before the umask (like os.Create), or the
// mode of the file it will replace.
func create(path string, stage bool) (*File, error) {
	dir, base := filepath.Split(path)
	for range 100 {
		var rnd [8]byte
		rand.Read(rnd[:])
		name := filepath.Join(dir, "."+base+"."+hex.EncodeToString(rnd[:])+".tmp")
		tmp, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("writing %s: %w", path, err)
		}
		// A file replaced keeps its permissions (a private file stays
		// private).
		if fi, err := os.Lstat(path); err == nil && fi.Mode().IsRegular() {
			tmp.Chmod(fi.Mode().Perm())
		}
		return &File{tmp: tmp, path: path, stage: stage}, nil
	}
	return nil, fmt.Errorf("writing %s: no free temporary name beside it", path)
}

// check refuses an output path that is a symbolic link, an existing file
// that is not regular, or a store file.
func check(path string, opts Options) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s %w: give the path of the file itself (alliances never writes through a link)", path, ErrSymlink)
	case fi.IsDir():
		return fmt.Errorf("%s %w but a directory: give a file name", path, ErrNotRegular)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s %w (%v): give the name of a file to write", path, ErrNotRegular, fi.Mode().Type())
	}
	if opts.Store != "" {
		if st, err := os.Stat(opts.Store); err == nil && os.SameFile(fi, st) {
			return fmt.Errorf("%s %w: it is the store (--store %s); writing there would replace the data. Choose another output name", path, ErrStore, opts.Store)
		}
	}
	if isBolt(path) {
		return fmt.Errorf("%s %w (an alliances store): writing there would replace the data. Choose another output name", path, ErrStore)
	}
	return nil
}

// boltMagic is the magic number of a bbolt database, in the meta page that
// starts the file after the 16-byte page header (go.etcd.io/bbolt,
// internal/common/meta.go and page.go). bbolt writes it in the machine's
// byte order.
const boltMagic = 0xED0CDAED

// isBolt reports whether the file at path starts like a bbolt database.
func isBolt(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [20]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return false
	}
	m := head[16:20]
	return binary.LittleEndian.Uint32(m) == boltMagic || binary.BigEndian.Uint32(m) == boltMagic
}

// syncDir flushes a directory after a rename, so that the new name survives
// a crash; errors are ignored (some file systems cannot sync directories).
func syncDir(dir string) {
	if dir == "" {
		dir = "."
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
