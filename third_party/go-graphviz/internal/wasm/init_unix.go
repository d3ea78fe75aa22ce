//go:build unix

package wasm

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// checkPrivate reports whether dir (absolute) is a real directory (not a
// symbolic link) owned by the effective user and closed to group and
// others, whose parents, both as written and with symbolic links resolved,
// only that user or root can change (a parent writable by others must be
// sticky, like /tmp).
func checkPrivate(dir string) error {
	uid := uint32(os.Geteuid())
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || !fi.IsDir() || st.Uid != uid || fi.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("%w: %s", errNotPrivate, dir)
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return err
	}
	if err := checkParents(dir, uid); err != nil {
		return err
	}
	return checkParents(real, uid)
}

// checkParents checks every parent directory of path; symbolic links among
// them are checked where they point by checkPrivate's second call.
func checkParents(path string, uid uint32) error {
	for p := filepath.Dir(path); ; p = filepath.Dir(p) {
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		if fi.Mode()&os.ModeSymlink == 0 {
			st, ok := fi.Sys().(*syscall.Stat_t)
			if !ok || (st.Uid != uid && st.Uid != 0) {
				return fmt.Errorf("%w: %s belongs to another user", errNotPrivate, p)
			}
			if fi.Mode().Perm()&0o022 != 0 && fi.Mode()&os.ModeSticky == 0 {
				return fmt.Errorf("%w: others can write to %s", errNotPrivate, p)
			}
		}
		if p == filepath.Dir(p) {
			return nil
		}
	}
}
