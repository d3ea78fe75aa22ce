package layout_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliances/alliances/layout"
	"github.com/alliances/alliances/render/rendertest"
)

func TestCacheReuses(t *testing.T) {
	net := rendertest.Network(300, 900, 2)
	c := &layout.Cache{Dir: filepath.Join(t.TempDir(), "layouts")}
	a, err := c.Layout(context.Background(), net, layout.Options{Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(c.Dir, a.Key()+".json"))
	if err != nil {
		t.Fatalf("the layout was not cached: %v", err)
	}
	if di, _ := os.Stat(c.Dir); di.Mode().Perm() != 0o700 {
		t.Errorf("cache directory mode %v, want 0700", di.Mode().Perm())
	}
	if fi.Mode().Perm()&0o077 != 0 {
		t.Errorf("cache file mode %v is readable by others", fi.Mode().Perm())
	}
	// A cached layout is what Compute gives, read back exactly.
	b, err := c.Layout(context.Background(), net, layout.Options{Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	fresh := compute(t, net, 4)
	pb := positions(b)
	for id, p := range positions(fresh) {
		if pb[id] != p {
			t.Fatalf("cached position of %s %v, computed %v", id, pb[id], p)
		}
	}
}

// A damaged or hostile cache file is ignored: the layout is computed again
// and the file rewritten.
func TestCacheIgnoresBadFiles(t *testing.T) {
	net := rendertest.Network(120, 300, 2)
	opts := layout.Options{Seed: 1}
	want := positions(compute(t, net, 1))
	key := layout.Key(net, opts)
	n := len(net.Actors)
	nums := func(v string) string { return "[" + strings.TrimSuffix(strings.Repeat(v+",", n), ",") + "]" }
	cases := map[string]string{
		"garbage":       "\x00\x01not json",
		"empty":         "",
		"other key":     `{"version":"` + layout.Version + `","key":"0000","x":` + nums("1") + `,"y":` + nums("1") + `}`,
		"other version": `{"version":"old","key":"` + key + `","x":` + nums("1") + `,"y":` + nums("1") + `}`,
		"short":         `{"version":"` + layout.Version + `","key":"` + key + `","x":[1,2],"y":[1,2]}`,
		"huge number":   `{"version":"` + layout.Version + `","key":"` + key + `","x":` + nums("1e300") + `,"y":` + nums("1") + `}`,
		"too large":     `{"version":"` + layout.Version + `","key":"` + key + `","x":` + nums("1") + `,"y":` + nums("1") + `,"pad":"` + strings.Repeat("x", 1<<20) + `"}`,
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			c := &layout.Cache{Dir: t.TempDir()}
			file := filepath.Join(c.Dir, key+".json")
			if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			l, err := c.Layout(context.Background(), net, opts)
			if err != nil {
				t.Fatal(err)
			}
			got := positions(l)
			for id, p := range want {
				if got[id] != p {
					t.Fatalf("%s: actor %s at %v, want %v", name, id, got[id], p)
				}
			}
			if s := readFile(t, file); s == content {
				t.Errorf("%s: the bad file was not rewritten", name)
			}
		})
	}
	t.Run("symlink", func(t *testing.T) {
		c := &layout.Cache{Dir: t.TempDir()}
		target := filepath.Join(t.TempDir(), "elsewhere")
		if err := os.WriteFile(target, []byte("keep me"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, filepath.Join(c.Dir, key+".json")); err != nil {
			t.Skip(err)
		}
		if _, err := c.Layout(context.Background(), net, opts); err != nil {
			t.Fatal(err)
		}
		if s := readFile(t, target); s != "keep me" {
			t.Errorf("the target of a symlink in the cache was written: %q", s)
		}
	})
}

// A cache file changed by hand is what a later call reads: so the test
// above does prove that valid files are read rather than recomputed.
func TestCacheReadsFile(t *testing.T) {
	net := rendertest.Network(50, 120, 2)
	opts := layout.Options{Seed: 1}
	c := &layout.Cache{Dir: t.TempDir()}
	if _, err := c.Layout(context.Background(), net, opts); err != nil {
		t.Fatal(err)
	}
	key := layout.Key(net, opts)
	n := len(net.Actors)
	xs := "[" + strings.TrimSuffix(strings.Repeat("3.5,", n), ",") + "]"
	content := `{"version":"` + layout.Version + `","key":"` + key + `","x":` + xs + `,"y":` + xs + `}`
	if err := os.WriteFile(filepath.Join(c.Dir, key+".json"), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := c.Layout(context.Background(), net, opts)
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := l.At(net.Actors[0].ID); p != (layout.Point{X: 3.5, Y: 3.5}) {
		t.Errorf("position %v, want the cached (3.5, 3.5)", p)
	}
}

func TestUserCache(t *testing.T) {
	t.Setenv(layout.CacheEnv, "off")
	if c := layout.UserCache(); c != nil {
		t.Errorf("%s=off gave cache %v", layout.CacheEnv, c.Dir)
	}
	dir := t.TempDir()
	t.Setenv(layout.CacheEnv, dir)
	if c := layout.UserCache(); c == nil || c.Dir != dir {
		t.Errorf("%s=%s gave %v", layout.CacheEnv, dir, c)
	}
	t.Setenv(layout.CacheEnv, "")
	t.Setenv("XDG_CACHE_HOME", dir)
	t.Setenv("HOME", dir)
	if c := layout.UserCache(); c == nil || !strings.HasPrefix(c.Dir, dir) {
		t.Errorf("default cache %v is not in the user's cache directory %s", c, dir)
	}
	var none *layout.Cache
	if l, err := none.Layout(context.Background(), rendertest.Network(50, 120, 1), layout.Options{}); err != nil || l.Len() != 50 {
		t.Errorf("nil cache: %v, %v", l, err)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func FuzzCacheFile(f *testing.F) {
	net, _, _ := rendertest.Small()
	opts := layout.Options{Seed: 1}
	key := layout.Key(net, opts)
	f.Add([]byte(`{"version":"` + layout.Version + `","key":"` + key + `","x":[0,1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,7,8,9],"y":[0,1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,7,8,9]}`))
	f.Add([]byte(`{"x":[NaN]}`))
	f.Fuzz(func(t *testing.T, content []byte) {
		c := &layout.Cache{Dir: t.TempDir()}
		if err := os.WriteFile(filepath.Join(c.Dir, key+".json"), content, 0o600); err != nil {
			t.Fatal(err)
		}
		l, err := c.Layout(context.Background(), net, opts)
		if err != nil {
			t.Fatal(err)
		}
		if l.Len() != len(net.Actors) {
			t.Fatalf("%d actors placed", l.Len())
		}
	})
}
