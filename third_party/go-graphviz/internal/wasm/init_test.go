//go:build unix

package wasm

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestCheckPrivate(t *testing.T) {
	base := t.TempDir()
	mk := func(name string, mode os.FileMode) string {
		p := filepath.Join(base, name)
		if err := os.MkdirAll(p, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	private := mk("private", 0o700)
	if err := checkPrivate(private); err != nil {
		t.Errorf("private directory refused: %v", err)
	}
	open := mk("open", 0o777)
	inOpen := filepath.Join(open, "sub")
	if err := os.Mkdir(inOpen, 0o700); err != nil {
		t.Fatal(err)
	}
	for name, dir := range map[string]string{
		"group-readable":    mk("group", 0o750),
		"world-writable":    mk("world", 0o777),
		"in an open parent": inOpen,
	} {
		if err := checkPrivate(dir); !errors.Is(err, errNotPrivate) {
			t.Errorf("%s: got %v, want errNotPrivate", name, err)
		}
	}
	link := filepath.Join(base, "link")
	os.Symlink(private, link)
	if err := checkPrivate(link); !errors.Is(err, errNotPrivate) {
		t.Errorf("symbolic link: got %v, want errNotPrivate", err)
	}
	sticky := mk("sticky", 0o777|os.ModeSticky)
	os.Chmod(sticky, 0o777|os.ModeSticky)
	in := filepath.Join(sticky, "mine")
	os.Mkdir(in, 0o700)
	if err := checkPrivate(in); err != nil {
		t.Errorf("private directory in a sticky one (like /tmp) refused: %v", err)
	}
}

func TestPrivateCacheNeverFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o600)
	for _, dir := range []string{"", file, filepath.Join(file, "below")} {
		if c := privateCache(context.Background(), dir); c != nil {
			t.Errorf("%q: got a cache", dir)
		}
	}
}
