package wasm

// This file is a patch of the alliances project (see PATCHES.md at the root
// of this module): the module is compiled on first use instead of in a
// package init, errors are returned instead of panics, and compiled code is
// cached only in a directory that only the current user can write.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/tetratelabs/wazero"
)

var (
	initOnce sync.Once
	initErr  error

	cacheMu  sync.Mutex
	cacheDir string
)

// SetCompilationCacheDir sets the directory in which the native code
// compiled from the embedded Graphviz is cached between processes; "" (the
// default) keeps it in memory only. It must be called before the first use
// of the module. The directory is created (mode 0700) when missing, and used
// only when it is private: a real directory owned by the current user that
// no one else can write, in parent directories that no one else can change.
// Otherwise, and whenever the cache fails (a full disk, a damaged entry), the
// module is compiled without it.
func SetCompilationCacheDir(dir string) {
	cacheMu.Lock()
	cacheDir = dir
	cacheMu.Unlock()
}

// Init compiles and instantiates the embedded Graphviz module, once per
// process; every later call returns the first call's error.
func Init(ctx context.Context) error {
	initOnce.Do(func() {
		cacheMu.Lock()
		dir := cacheDir
		cacheMu.Unlock()
		if cache := privateCache(ctx, dir); cache != nil {
			if err := instantiate(ctx, cache); err == nil {
				return
			}
			_ = cache.Close(ctx)
		}
		if err := instantiate(ctx, nil); err != nil {
			initErr = fmt.Errorf("graphviz: %w", err)
		}
	})
	return initErr
}

// privateCache returns a compilation cache in dir, or nil when dir is empty
// or not private.
func privateCache(ctx context.Context, dir string) wazero.CompilationCache {
	if dir == "" {
		return nil
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil
	}
	if err := checkPrivate(dir); err != nil {
		return nil
	}
	cache, err := wazero.NewCompilationCacheWithDir(dir)
	if err != nil {
		return nil
	}
	return cache
}

// errNotPrivate is returned for a cache directory that someone else could
// write to.
var errNotPrivate = errors.New("not a private directory")
