package outfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Dir is a directory of outputs that belong together: its files are staged
// beside their targets and renamed into place together by Commit.
type Dir struct {
	root   string
	opts   Options
	staged []*File
	done   bool
}

// OpenDir prepares the output directory root, creating it (and its parents)
// if needed; root itself may be reached through symbolic links the user
// chose, but nothing inside it is: a subdirectory or file of Create that is
// a symbolic link fails with ErrSymlink.
func OpenDir(root string, opts Options) (*Dir, error) {
	if err := os.MkdirAll(root, 0o777); err != nil {
		return nil, fmt.Errorf("writing into %s: %w", root, err)
	}
	fi, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("writing into %s: %w", root, err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("%s %w but a file: give a directory", root, ErrNotRegular)
	}
	return &Dir{root: root, opts: opts}, nil
}

// Path returns the path of the output name (slash-separated, relative to
// the directory).
func (d *Dir) Path(name string) string { return filepath.Join(d.root, filepath.FromSlash(name)) }

// Create stages the output name, a slash-separated path relative to the
// directory; its subdirectories are created as needed. Nothing replaces
// the previous file until Commit.
func (d *Dir) Create(name string) (*File, error) {
	if d.done {
		return nil, fmt.Errorf("writing into %s: %w", d.root, os.ErrClosed)
	}
	clean := filepath.Clean(filepath.FromSlash(name))
	if name == "" || filepath.IsAbs(clean) || clean == "." || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("writing into %s: bad output name %q", d.root, name)
	}
	parts := strings.Split(clean, string(filepath.Separator))
	p, err := d.mkdirs(parts[:len(parts)-1])
	if err != nil {
		return nil, err
	}
	path := filepath.Join(p, parts[len(parts)-1])
	if err := check(path, d.opts); err != nil {
		return nil, err
	}
	f, err := create(path, true)
	if err != nil {
		return nil, err
	}
	d.staged = append(d.staged, f)
	return f, nil
}

// Subdir creates, if needed, the subdirectory name (slash-separated) of
// the directory, for outputs written by other means (report.Write), and
// returns its path; no part of it may be a symbolic link.
func (d *Dir) Subdir(name string) (string, error) {
	clean := filepath.Clean(filepath.FromSlash(name))
	if name == "" || filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("writing into %s: bad output name %q", d.root, name)
	}
	return d.mkdirs(strings.Split(clean, string(filepath.Separator)))
}

// mkdirs creates the directories parts below the root, one inside the
// other, refusing symbolic links, and returns the path of the last.
func (d *Dir) mkdirs(parts []string) (string, error) {
	p := d.root
	for _, part := range parts {
		if part == "." {
			continue
		}
		p = filepath.Join(p, part)
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			if err := os.Mkdir(p, 0o777); err != nil && !errors.Is(err, fs.ErrExist) {
				return "", fmt.Errorf("writing %s: %w", p, err)
			}
			fi, err = os.Lstat(p)
		}
		if err != nil {
			return "", fmt.Errorf("writing %s: %w", p, err)
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return "", fmt.Errorf("%s %w: alliances never writes through a link inside its output directory; remove it", p, ErrSymlink)
		}
		if !fi.IsDir() {
			return "", fmt.Errorf("%s %w but a file where a directory is needed", p, ErrNotRegular)
		}
	}
	return p, nil
}

// WriteFile stages the output name with data.
func (d *Dir) WriteFile(name string, data []byte) error {
	f, err := d.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Discard()
		return err
	}
	return f.Commit()
}

// Write stages the output name written by write.
func (d *Dir) Write(name string, write func(w io.Writer) error) error {
	f, err := d.Create(name)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Discard()
		return err
	}
	return f.Commit()
}

// Commit renames every staged file into place and returns their paths, in
// the order they were created. A file not committed (File.Commit) by then
// is an error, and nothing is renamed.
func (d *Dir) Commit() ([]string, error) {
	if d.done {
		return nil, fmt.Errorf("writing into %s: %w", d.root, os.ErrClosed)
	}
	for _, f := range d.staged {
		if !f.closed || f.done {
			d.Discard()
			return nil, fmt.Errorf("writing %s: not completed", f.path)
		}
	}
	// Each file is checked again: a link may have appeared since it was
	// staged.
	for _, f := range d.staged {
		if err := check(f.path, d.opts); err != nil {
			d.Discard()
			return nil, err
		}
	}
	d.done = true
	paths := make([]string, 0, len(d.staged))
	dirs := map[string]bool{}
	var err error
	for _, f := range d.staged {
		if err != nil {
			f.Discard()
			continue
		}
		if rerr := os.Rename(f.tmp.Name(), f.path); rerr != nil {
			err = fmt.Errorf("writing %s: %w", f.path, rerr)
			f.Discard()
			continue
		}
		f.done = true
		paths = append(paths, f.path)
		dirs[filepath.Dir(f.path)] = true
	}
	for dir := range dirs {
		syncDir(dir)
	}
	return paths, err
}

// Discard removes every staged file; the previous outputs are left as they
// were. It may be called any number of times, and after Commit.
func (d *Dir) Discard() {
	d.done = true
	for _, f := range d.staged {
		f.Discard()
	}
}
