package render

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// The embedded Graphviz is compiled once per process, so each case of
// finding 1 of issue #16 (a shared, predictable compilation cache in
// $TMPDIR) runs in a child process: this test binary, re-run with
// ALLIANCES_TEST_EMBEDDED_CHILD set, draws the small network with the
// embedded engine and prints "ok".

const childEnv = "ALLIANCES_TEST_EMBEDDED_CHILD"

func TestEmbeddedChild(t *testing.T) {
	mode := os.Getenv(childEnv)
	if mode == "" {
		t.Skip("run by the tests of the embedded engine's cache")
	}
	if mode == "small-files" {
		// Every file this process writes is cut at 64 KB (EFBIG: Go ignores
		// SIGXFSZ), as on a nearly full disk: the compiled code (megabytes)
		// cannot be cached.
		lim := syscall.Rlimit{Cur: 64 << 10, Max: 64 << 10}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := Render(context.Background(), &buf, "svg", small(), Options{Engine: EngineEmbedded}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`class="node"`)) {
		t.Fatal("no drawing")
	}
	os.Stdout.WriteString("child:ok\n")
}

// runChild draws a map in a child process with the given TMPDIR and
// XDG_CACHE_HOME and fails the test unless it succeeds.
func runChild(t *testing.T, mode, tmp, cache string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestEmbeddedChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, "TMPDIR="+tmp, "XDG_CACHE_HOME="+cache, "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "child:ok") {
		t.Fatalf("drawing with TMPDIR=%s XDG_CACHE_HOME=%s: %v\n%s", tmp, cache, err, out)
	}
}

// cacheEntries returns the files under dir, recursively.
func cacheEntries(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	return files
}

func TestEmbeddedCacheIsPrivateAndNotInTMPDIR(t *testing.T) {
	tmp, cache := t.TempDir(), t.TempDir()
	// What another user would have planted for go-graphviz v0.2.10: its
	// cache directory, open to all, holding "compiled code".
	planted := filepath.Join(tmp, "go-graphviz", "wazero-v1.10.1-amd64-linux")
	if err := os.MkdirAll(planted, 0o777); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(planted, "planted"), []byte("\xcc\xcc\xcc\xcc"), 0o666)
	runChild(t, "plain", tmp, cache)
	runChild(t, "plain", tmp, cache) // the second run reads the cache

	if files := cacheEntries(t, filepath.Join(tmp, "go-graphviz")); len(files) != 1 {
		t.Errorf("the shared $TMPDIR/go-graphviz was written to: %v", files)
	}
	dir := filepath.Join(cache, "alliances", "graphviz")
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatalf("no cache in the user's cache directory: %v", err)
	}
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("cache directory mode %v, want 0700", fi.Mode().Perm())
	}
	if len(cacheEntries(t, dir)) == 0 {
		t.Error("nothing cached: every map compiles Graphviz again")
	}
}

func TestEmbeddedCacheRefusesDirectoryOthersCanWrite(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, cache string)
	}{
		{"cache open to all", func(t *testing.T, cache string) {
			dir := filepath.Join(cache, "alliances", "graphviz")
			os.MkdirAll(dir, 0o700)
			if err := os.Chmod(dir, 0o777); err != nil {
				t.Fatal(err)
			}
		}},
		{"parent open to all", func(t *testing.T, cache string) {
			os.MkdirAll(filepath.Join(cache, "alliances"), 0o700)
			if err := os.Chmod(filepath.Join(cache, "alliances"), 0o777); err != nil {
				t.Fatal(err)
			}
		}},
		{"cache is a symbolic link", func(t *testing.T, cache string) {
			os.MkdirAll(filepath.Join(cache, "alliances"), 0o700)
			target := filepath.Join(cache, "elsewhere")
			os.Mkdir(target, 0o700)
			if err := os.Symlink(target, filepath.Join(cache, "alliances", "graphviz")); err != nil {
				t.Fatal(err)
			}
		}},
		{"cache of another user", func(t *testing.T, cache string) {
			if os.Geteuid() != 0 {
				t.Skip("only root can give a directory to another user")
			}
			dir := filepath.Join(cache, "alliances", "graphviz")
			os.MkdirAll(dir, 0o700)
			if err := os.Chown(dir, 65534, 65534); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cache := t.TempDir()
			tc.setup(t, cache)
			runChild(t, "plain", t.TempDir(), cache)
			files := cacheEntries(t, filepath.Join(cache, "elsewhere"))
			if fi, err := os.Lstat(filepath.Join(cache, "alliances", "graphviz")); err == nil && fi.Mode()&os.ModeSymlink == 0 {
				files = append(files, cacheEntries(t, cache)...)
			}
			if len(files) != 0 {
				t.Errorf("compiled code cached where others can write: %v", files)
			}
		})
	}
}

func TestEmbeddedWorksWithoutRoomToCache(t *testing.T) {
	cache := t.TempDir()
	runChild(t, "small-files", t.TempDir(), cache)
	// The cache was tried (its directory exists) and nothing was left in it.
	tried, _ := filepath.Glob(filepath.Join(cache, "alliances", "graphviz", "wazero-*"))
	if len(tried) == 0 {
		t.Error("the cache was not even tried: the test proves nothing")
	}
	for _, f := range cacheEntries(t, cache) {
		fi, _ := os.Stat(f)
		t.Errorf("left in the cache: %s (%s bytes)", f, strconv.FormatInt(fi.Size(), 10))
	}
}

func TestEmbeddedWorksWithUnusableTMPDIR(t *testing.T) {
	// A TMPDIR that does not exist, and one that is a file: neither matters.
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o600)
	runChild(t, "plain", filepath.Join(t.TempDir(), "missing"), t.TempDir())
	runChild(t, "plain", file, t.TempDir())
}
