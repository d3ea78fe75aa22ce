package layout

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/alliances/alliances/graph"
)

// CacheEnv is the environment variable that sets the cache directory of
// UserCache, or disables the cache with the value "off".
const CacheEnv = "ALLIANCES_CACHE"

// keepLayouts is the number of layouts a cache directory keeps.
const keepLayouts = 64

// Cache keeps layouts as files in a directory (see the package
// documentation). A nil *Cache keeps nothing.
type Cache struct {
	// Dir is the directory of the layout files.
	Dir string
}

// UserCache returns the default cache: the directory that ALLIANCES_CACHE
// names, or "alliances/layouts" in the user's cache directory; nil when
// ALLIANCES_CACHE is "off" or the user has no cache directory.
func UserCache() *Cache {
	dir := os.Getenv(CacheEnv)
	switch {
	case strings.EqualFold(dir, "off"):
		return nil
	case dir == "":
		base, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "alliances", "layouts")
	}
	return &Cache{Dir: dir}
}

// Layout returns the layout of net with opts: from the cache when it holds
// a valid one, otherwise computed (Compute) and stored. Problems with the
// cache directory or its files are not errors: the layout is then
// computed, and stored if possible.
func (c *Cache) Layout(ctx context.Context, net *graph.Network, opts Options) (*Layout, error) {
	if c == nil {
		return Compute(ctx, net, opts)
	}
	if net == nil {
		return nil, errors.New("layout: no network")
	}
	key := Key(net, opts)
	ids := actorIDs(net)
	if l := c.load(key, ids); l != nil {
		return l, nil
	}
	l, err := Compute(ctx, net, opts)
	if err != nil {
		return nil, err
	}
	c.store(l)
	return l, nil
}

// file is the JSON form of a cached layout: positions in the order of the
// sorted actor ids, which the key determines.
type file struct {
	Version string    `json:"version"`
	Key     string    `json:"key"`
	X       []float64 `json:"x"`
	Y       []float64 `json:"y"`
}

func (c *Cache) path(key string) string { return filepath.Join(c.Dir, key+".json") }

// load reads the layout of key for the actors ids, or returns nil when the
// file is missing or not valid.
func (c *Cache) load(key string, ids []string) *Layout {
	p := c.path(key)
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	// Each coordinate takes at most 25 bytes in JSON; anything larger is
	// not ours.
	limit := int64(256 + 2*26*len(ids) + 2*len(key))
	if fi.Size() > limit {
		return nil
	}
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil || int64(len(b)) > limit {
		return nil
	}
	var v file
	if json.Unmarshal(b, &v) != nil || v.Version != Version || v.Key != key || len(v.X) != len(ids) || len(v.Y) != len(ids) {
		return nil
	}
	pts := make([]Point, len(ids))
	for i := range pts {
		x, y := v.X[i], v.Y[i]
		if math.IsNaN(x) || math.IsInf(x, 0) || math.IsNaN(y) || math.IsInf(y, 0) || math.Abs(x) > 1e9 || math.Abs(y) > 1e9 {
			return nil
		}
		pts[i] = Point{x, y}
	}
	// The modification time marks the most recently used layouts.
	now := time.Now()
	_ = os.Chtimes(p, now, now)
	return &Layout{key: key, ids: ids, pts: pts}
}

// store writes l to the cache, through a temporary file renamed into
// place, and removes the least recently used layouts beyond keepLayouts.
// Failures are ignored: the cache only saves time.
func (c *Cache) store(l *Layout) {
	if err := os.MkdirAll(c.Dir, 0o700); err != nil {
		return
	}
	v := file{Version: Version, Key: l.key, X: make([]float64, len(l.pts)), Y: make([]float64, len(l.pts))}
	for i, p := range l.pts {
		v.X[i], v.Y[i] = p.X, p.Y
	}
	b, err := json.Marshal(v)
	if err != nil {
		return
	}
	tmp, err := os.CreateTemp(c.Dir, ".layout-*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), c.path(l.key)) != nil {
		os.Remove(tmp.Name())
		return
	}
	c.prune()
}

// prune removes the layout files beyond the keepLayouts most recently
// used.
func (c *Cache) prune() {
	entries, err := os.ReadDir(c.Dir)
	if err != nil {
		return
	}
	type entry struct {
		name string
		info fs.FileInfo
	}
	var files []entry
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		if info, err := e.Info(); err == nil {
			files = append(files, entry{e.Name(), info})
		}
	}
	if len(files) <= keepLayouts {
		return
	}
	sort.Slice(files, func(i, j int) bool {
		a, b := files[i].info.ModTime(), files[j].info.ModTime()
		if !a.Equal(b) {
			return a.After(b)
		}
		return files[i].name < files[j].name
	})
	for _, f := range files[keepLayouts:] {
		os.Remove(filepath.Join(c.Dir, f.name))
	}
}
