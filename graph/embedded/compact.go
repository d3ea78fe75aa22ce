package embedded

import (
	"os"

	bolt "go.etcd.io/bbolt"
)

// A bbolt file grows in steps of 16 MiB once its memory map is larger than
// that, and this package maps a large region to keep big puts fast
// (InitialMmapSize in open): left alone, a store of 38 actors would be a
// 16 MiB file, sparse on disk but whole once copied. bbolt never uses the
// space past the high-water mark of its pages (the size of the file it would
// write from scratch), so Close cuts a file that this Store wrote down to that
// mark: a new store is as small as its data.

// trim cuts the file of s to the high-water mark of its pages, while s still
// holds the file's lock. It leaves the file alone when the path no longer
// names the file that s opened (renamed, replaced), and gives up silently
// where a mapped file cannot be truncated (Windows): the file is then only
// larger than it needs to be.
func (s *Store) trim() {
	var size int64
	if err := s.db.View(func(tx *bolt.Tx) error { size = tx.Size(); return nil }); err != nil || size <= 0 {
		return
	}
	f, err := os.OpenFile(s.path, os.O_RDWR, 0)
	if err != nil {
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || s.file == nil || !os.SameFile(fi, s.file) || fi.Size() <= size {
		return
	}
	_ = f.Truncate(size)
}
