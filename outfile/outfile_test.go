package outfile

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// files returns the names in dir, hidden temporary files included.
func files(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	for _, content := range []string{"first", "second, longer", "3"} {
		if err := WriteFile(p, []byte(content), Options{}); err != nil {
			t.Fatal(err)
		}
		if got := read(t, p); got != content {
			t.Fatalf("got %q, want %q", got, content)
		}
	}
	if names := files(t, dir); len(names) != 1 {
		t.Errorf("temporary files left: %v", names)
	}
}

func TestFailureKeepsPreviousOutput(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "map.svg")
	os.WriteFile(p, []byte("the good map"), 0o644)
	boom := errors.New("layout failed")
	err := Write(p, Options{}, func(w io.Writer) error {
		io.WriteString(w, "half a m")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want the writer's error", err)
	}
	if got := read(t, p); got != "the good map" {
		t.Errorf("previous output destroyed: %q", got)
	}
	if names := files(t, dir); len(names) != 1 {
		t.Errorf("temporary files left: %v", names)
	}
}

func TestDiscardedWhenNeverCommitted(t *testing.T) {
	dir := t.TempDir()
	f, err := Create(filepath.Join(dir, "x.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("a,b\n"))
	f.Discard()
	f.Discard()
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if names := files(t, dir); len(names) != 0 {
		t.Errorf("left behind: %v", names)
	}
}

// TestFullDisk runs in a child process whose files may not exceed 4 KB
// (RLIMIT_FSIZE; Go ignores SIGXFSZ, so writes fail with EFBIG as on a full
// disk).
func TestFullDisk(t *testing.T) {
	if os.Getenv("OUTFILE_FULL_DISK_CHILD") != "" {
		lim := syscall.Rlimit{Cur: 4096, Max: 4096}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
			t.Fatal(err)
		}
		err := WriteFile(os.Getenv("OUTFILE_TARGET"), []byte(strings.Repeat("x", 1<<20)), Options{})
		if err == nil {
			t.Fatal("a 1 MB file written with a 4 KB limit")
		}
		t.Log(err)
		return
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "export.json")
	os.WriteFile(p, []byte(`{"good":true}`), 0o644)
	cmd := exec(t, "TestFullDisk", "OUTFILE_FULL_DISK_CHILD=1", "OUTFILE_TARGET="+p)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got := read(t, p); got != `{"good":true}` {
		t.Errorf("previous export destroyed by a full disk: %d bytes", len(got))
	}
	if names := files(t, dir); len(names) != 1 {
		t.Errorf("temporary files left: %v", names)
	}
}

func TestRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	os.WriteFile(victim, []byte("precious"), 0o644)
	link := filepath.Join(dir, "out.svg")
	os.Symlink(victim, link)
	if err := WriteFile(link, []byte("map"), Options{}); !errors.Is(err, ErrSymlink) {
		t.Fatalf("got %v, want ErrSymlink", err)
	}
	if read(t, victim) != "precious" {
		t.Error("written through the link")
	}
}

func TestRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- WriteFile(fifo, []byte("x"), Options{}) }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("FIFO: got %v, want ErrNotRegular", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("writing onto a FIFO hangs")
	}
	if err := WriteFile(dir, []byte("x"), Options{}); !errors.Is(err, ErrNotRegular) {
		t.Errorf("directory: got %v, want ErrNotRegular", err)
	}
}

// boltFile writes a file that starts like a bbolt database: a page header
// of 16 bytes, then the magic number.
func boltFile(t *testing.T, path string) {
	t.Helper()
	b := make([]byte, 4096)
	binary.LittleEndian.PutUint32(b[16:], boltMagic)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestRefusesStore(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "alliances.db")
	boltFile(t, store)
	before := read(t, store)
	if err := WriteFile(store, []byte("{}"), Options{}); !errors.Is(err, ErrStore) {
		t.Errorf("onto a bbolt file: got %v, want ErrStore", err)
	}
	// The store named by --store, even damaged (no magic) and under
	// another name (a hard link).
	damaged := filepath.Join(dir, "damaged.db")
	os.WriteFile(damaged, []byte("not bolt any more"), 0o600)
	alias := filepath.Join(dir, "alias.json")
	if err := os.Link(damaged, alias); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(alias, []byte("{}"), Options{Store: damaged}); !errors.Is(err, ErrStore) {
		t.Errorf("onto the store under another name: got %v, want ErrStore", err)
	}
	if read(t, store) != before || read(t, damaged) != "not bolt any more" {
		t.Error("a store was changed")
	}
	// An ordinary file is fine, with or without a store.
	if err := WriteFile(filepath.Join(dir, "out.json"), []byte("{}"), Options{Store: store}); err != nil {
		t.Error(err)
	}
}

func TestKeepsPermissions(t *testing.T) {
	p := filepath.Join(t.TempDir(), "private.csv")
	os.WriteFile(p, []byte("old"), 0o600)
	if err := WriteFile(p, []byte("new"), Options{}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 as before", fi.Mode().Perm())
	}
}

func TestDirCommitsTogether(t *testing.T) {
	root := filepath.Join(t.TempDir(), "report")
	write := func(fail bool) error {
		d, err := OpenDir(root, Options{})
		if err != nil {
			return err
		}
		defer d.Discard()
		for _, name := range []string{"report.html", "maps/network.svg", "tables/actors.csv"} {
			if err := d.Write(name, func(w io.Writer) error {
				if fail && name == "tables/actors.csv" {
					io.WriteString(w, "half")
					return errors.New("disk full")
				}
				_, err := io.WriteString(w, name+" v2")
				return err
			}); err != nil {
				return err
			}
		}
		_, err = d.Commit()
		return err
	}
	if err := write(false); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(root, "report.html"), []byte("v1"), 0o644)
	if err := write(true); err == nil {
		t.Fatal("no error")
	}
	if got := read(t, filepath.Join(root, "report.html")); got != "v1" {
		t.Errorf("a failed report replaced report.html: %q", got)
	}
	for _, sub := range []string{".", "maps", "tables"} {
		for _, n := range files(t, filepath.Join(root, sub)) {
			if strings.HasSuffix(n, ".tmp") {
				t.Errorf("temporary file left: %s/%s", sub, n)
			}
		}
	}
}

func TestDirNeverFollowsLinksInside(t *testing.T) {
	root := t.TempDir()
	elsewhere := t.TempDir()
	os.Symlink(elsewhere, filepath.Join(root, "maps"))
	victim := filepath.Join(elsewhere, "victim")
	os.WriteFile(victim, []byte("precious"), 0o644)
	os.Symlink(victim, filepath.Join(root, "report.html"))

	d, err := OpenDir(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Discard()
	if err := d.WriteFile("maps/network.svg", []byte("x")); !errors.Is(err, ErrSymlink) {
		t.Errorf("maps/ a link: got %v, want ErrSymlink", err)
	}
	if err := d.WriteFile("report.html", []byte("x")); !errors.Is(err, ErrSymlink) {
		t.Errorf("report.html a link: got %v, want ErrSymlink", err)
	}
	if err := d.WriteFile("../escape", []byte("x")); err == nil {
		t.Error("a name outside the directory accepted")
	}
	if names := files(t, elsewhere); len(names) != 1 || read(t, victim) != "precious" {
		t.Errorf("written through a link: %v", names)
	}
}

func TestDirRefusesLinkAppearedBeforeCommit(t *testing.T) {
	root := t.TempDir()
	d, err := OpenDir(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("report.md", []byte("x")); err != nil {
		t.Fatal(err)
	}
	os.Symlink(filepath.Join(t.TempDir(), "victim"), filepath.Join(root, "report.md"))
	if _, err := d.Commit(); !errors.Is(err, ErrSymlink) {
		t.Errorf("got %v, want ErrSymlink", err)
	}
	if names := files(t, root); len(names) != 1 {
		t.Errorf("left: %v", names)
	}
}

// exec returns a command that runs the test named run of this test binary
// with env added.
func exec(t *testing.T, run string, env ...string) *osexec.Cmd {
	t.Helper()
	cmd := osexec.Command(os.Args[0], "-test.run=^"+run+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), env...)
	return cmd
}
