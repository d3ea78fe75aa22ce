package ingest

import (
	"errors"
	"fmt"
	"io"
)

// Limits on what one piece of an input may hold, so that memory does not
// follow a hostile file: a gzip file of 2 MB can hold a field of 2 GB.
const (
	// maxRecordBytes bounds a CSV record (one row, all its fields).
	maxRecordBytes = 4 << 20
	// maxTokenBytes bounds an XML token: a text run, a tag with its
	// attributes, a comment.
	maxTokenBytes = 4 << 20
)

// errTooLong is wrapped by a boundedReader that passed its limit.
var errTooLong = errors.New("too long")

// boundedReader fails with errTooLong once more than max bytes were read
// since the last reset: its reader resets it after each record or token,
// so that no record or token can grow without bound (the reader's own
// buffer adds a few KB to the count).
type boundedReader struct {
	r    io.Reader
	n    int64
	max  int64
	what string // "a record", "an XML token", for the error
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.n > b.max {
		return 0, fmt.Errorf("%w: %s of more than %d MB", errTooLong, b.what, b.max>>20)
	}
	if rest := b.max + 1 - b.n; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := b.r.Read(p)
	b.n += int64(n)
	return n, err
}

func (b *boundedReader) reset() { b.n = 0 }

// crToLF is a reader that turns every carriage return into a line feed:
// for the text of a file whose lines end with CR alone (classic Mac OS,
// Excel for Mac's "CSV (Macintosh)"), which holds no line feed.
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}
