//go:build !unix

package ingest

import "os"

// openNonBlocking opens p read-only (there are no FIFOs to block on here).
func openNonBlocking(p string) (*os.File, error) { return os.Open(p) }
