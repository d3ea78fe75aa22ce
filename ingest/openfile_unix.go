//go:build unix

package ingest

import (
	"os"
	"syscall"
)

// openNonBlocking opens p read-only with O_NONBLOCK, which makes opening a
// FIFO return at once; reads of regular files ignore the flag.
func openNonBlocking(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
