package ingest

import (
	"bufio"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"

	"github.com/alliances/alliances/graph"
)

// runSize is the number of links (or participations) an ingest holds in
// memory at once: beyond it, records are sorted in runs written to temporary
// files and merged back in key order (an external merge sort), so that the
// memory of an ingest does not grow with the size of its input files.
var runSize = 1 << 16

// sorter sorts the records of one table in the order of cmp, records that
// compare equal in the order they were added, holding at most runSize of them
// in memory.
type sorter[T any] struct {
	cmp   func(*T, *T) int
	codec codec[T]
	dir   func() (string, error) // the directory of the temporary files
	buf   []seqRecord[T]
	runs  []*os.File
	n     int
	err   error // the first error writing a run
}

// seqRecord is a record and its rank among the records added.
type seqRecord[T any] struct {
	rec T
	seq int
}

// codec writes and reads records of a table in temporary files.
type codec[T any] struct {
	put func(w *recWriter, x *T)
	get func(r *recReader, x *T)
}

func (s *sorter[T]) add(x T) {
	s.buf = append(s.buf, seqRecord[T]{x, s.n})
	s.n++
	if len(s.buf) >= runSize && s.err == nil {
		s.err = s.spill()
	}
}

func (s *sorter[T]) sortBuf() {
	slices.SortFunc(s.buf, func(a, b seqRecord[T]) int {
		if c := s.cmp(&a.rec, &b.rec); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
}

// spill writes the records in memory to a run file, sorted.
func (s *sorter[T]) spill() error {
	s.sortBuf()
	dir, err := s.dir()
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "run-*")
	if err != nil {
		return fmt.Errorf("temporary file for a sorted run: %w", err)
	}
	w := newRecWriter(f)
	for i := range s.buf {
		w.uvarint(uint64(s.buf[i].seq))
		s.codec.put(w, &s.buf[i].rec)
	}
	if err := w.flush(); err != nil {
		f.Close()
		return fmt.Errorf("writing a sorted run: %w", err)
	}
	s.runs = append(s.runs, f)
	clear(s.buf)
	s.buf = s.buf[:0]
	return nil
}

// each calls fn with every record added, in order. It may be called once.
func (s *sorter[T]) each(fn func(*T) error) error {
	if s.err != nil {
		return s.err
	}
	s.sortBuf()
	if len(s.runs) == 0 {
		for i := range s.buf {
			if err := fn(&s.buf[i].rec); err != nil {
				return err
			}
		}
		return nil
	}
	// Merge the runs and the records in memory, smallest first.
	h := &runHeap[T]{cmp: s.cmp}
	for _, f := range s.runs {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		rr := newRecReader(f)
		next := func() (seqRecord[T], bool, error) {
			seq, err := rr.uvarint()
			if err == io.EOF {
				return seqRecord[T]{}, false, nil
			}
			var x seqRecord[T]
			x.seq = int(seq)
			s.codec.get(rr, &x.rec)
			if err == nil {
				err = rr.err
			}
			return x, err == nil, err
		}
		h.add(next)
	}
	i := 0
	h.add(func() (seqRecord[T], bool, error) {
		if i == len(s.buf) {
			return seqRecord[T]{}, false, nil
		}
		i++
		return s.buf[i-1], true, nil
	})
	if h.err != nil {
		return h.err
	}
	for h.Len() > 0 {
		top := h.heads[0]
		if err := fn(&top.rec); err != nil {
			return err
		}
		h.advance()
		if h.err != nil {
			return h.err
		}
	}
	return nil
}

// close removes the run files.
func (s *sorter[T]) close() error {
	var errs []error
	for _, f := range s.runs {
		errs = append(errs, f.Close(), os.Remove(f.Name()))
	}
	s.runs, s.buf = nil, nil
	return errors.Join(errs...)
}

// runHeap is a min-heap of the heads of sorted runs.
type runHeap[T any] struct {
	cmp   func(*T, *T) int
	heads []seqRecord[T]
	nexts []func() (seqRecord[T], bool, error)
	err   error
}

func (h *runHeap[T]) add(next func() (seqRecord[T], bool, error)) {
	x, ok, err := next()
	if err != nil {
		h.err = err
	}
	if ok {
		h.heads = append(h.heads, x)
		h.nexts = append(h.nexts, next)
		heap.Fix(h, len(h.heads)-1)
	}
}

// advance replaces the smallest head by the next record of its run.
func (h *runHeap[T]) advance() {
	x, ok, err := h.nexts[0]()
	switch {
	case err != nil:
		h.err = err
	case ok:
		h.heads[0] = x
		heap.Fix(h, 0)
	default:
		heap.Pop(h)
	}
}

func (h *runHeap[T]) Len() int { return len(h.heads) }
func (h *runHeap[T]) Less(i, j int) bool {
	if c := h.cmp(&h.heads[i].rec, &h.heads[j].rec); c != 0 {
		return c < 0
	}
	return h.heads[i].seq < h.heads[j].seq
}
func (h *runHeap[T]) Swap(i, j int) {
	h.heads[i], h.heads[j] = h.heads[j], h.heads[i]
	h.nexts[i], h.nexts[j] = h.nexts[j], h.nexts[i]
}
func (h *runHeap[T]) Push(any) { panic("unused") }
func (h *runHeap[T]) Pop() any {
	n := len(h.heads) - 1
	h.heads, h.nexts = h.heads[:n], h.nexts[:n]
	return nil
}

// records is a table of records in key order: in memory, or in a temporary
// file when it is large.
type records[T any] struct {
	mem   []T
	file  *os.File
	n     int
	codec codec[T]
}

// each calls fn with every record in order. It may be called any number of
// times; x is reused from one call of fn to the next.
func (r *records[T]) each(fn func(x *T) error) error {
	if r.file == nil {
		for i := range r.mem {
			if err := fn(&r.mem[i]); err != nil {
				return err
			}
		}
		return nil
	}
	if _, err := r.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	rr := newRecReader(r.file)
	var x T
	for range r.n {
		x = *new(T)
		r.codec.get(rr, &x)
		if rr.err != nil {
			return fmt.Errorf("reading back %s: %w", r.file.Name(), rr.err)
		}
		if err := fn(&x); err != nil {
			return err
		}
	}
	return nil
}

func (r *records[T]) close() error {
	if r.file == nil {
		return nil
	}
	return errors.Join(r.file.Close(), os.Remove(r.file.Name()))
}

// recordWriter appends records in order to a records table, moving them to
// a temporary file once there are more than fit in memory.
type recordWriter[T any] struct {
	out *records[T]
	dir func() (string, error)
	w   *recWriter
	err error
}

func (w *recordWriter[T]) add(x T) {
	r := w.out
	r.n++
	if w.err != nil {
		return
	}
	if r.file == nil {
		r.mem = append(r.mem, x)
		if len(r.mem) <= runSize {
			return
		}
		dir, err := w.dir()
		if err == nil {
			r.file, err = os.CreateTemp(dir, "table-*")
		}
		if err != nil {
			w.err = fmt.Errorf("temporary file for the records read: %w", err)
			return
		}
		w.w = newRecWriter(r.file)
		for i := range r.mem {
			r.codec.put(w.w, &r.mem[i])
		}
		r.mem = nil
		return
	}
	r.codec.put(w.w, &x)
}

func (w *recordWriter[T]) finish() error {
	if w.err == nil && w.w != nil {
		w.err = w.w.flush()
	}
	return w.err
}

// recWriter and recReader encode records as uvarint-prefixed strings,
// uvarints and float64 bits.
type recWriter struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

func newRecWriter(w io.Writer) *recWriter { return &recWriter{w: bufio.NewWriterSize(w, 64<<10)} }

func (w *recWriter) uvarint(v uint64) {
	n := binary.PutUvarint(w.buf[:], v)
	w.w.Write(w.buf[:n])
}

func (w *recWriter) str(s string) {
	w.uvarint(uint64(len(s)))
	w.w.WriteString(s)
}

func (w *recWriter) float(f float64) { w.uvarint(math.Float64bits(f)) }

func (w *recWriter) flush() error { return w.w.Flush() }

type recReader struct {
	r      *bufio.Reader
	err    error
	intern map[string]string // file names of provenance
}

func newRecReader(r io.Reader) *recReader {
	return &recReader{r: bufio.NewReaderSize(r, 32<<10), intern: map[string]string{}}
}

func (r *recReader) uvarint() (uint64, error) {
	v, err := binary.ReadUvarint(r.r)
	if err != nil && r.err == nil && err != io.EOF {
		r.err = err
	}
	return v, err
}

func (r *recReader) str() string {
	n, err := r.uvarint()
	if err != nil {
		r.err = cmp.Or(r.err, io.ErrUnexpectedEOF)
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r.r, b); err != nil {
		r.err = cmp.Or(r.err, err)
		return ""
	}
	return string(b)
}

func (r *recReader) float() float64 {
	v, _ := r.uvarint()
	return math.Float64frombits(v)
}

func (r *recReader) origin(o *graph.Provenance) {
	f := r.str()
	if s, ok := r.intern[f]; ok {
		f = s
	} else {
		r.intern[f] = f
	}
	o.File = f
	line, _ := r.uvarint()
	o.Line = int(line)
}

func (w *recWriter) origin(o *graph.Provenance) {
	w.str(o.File)
	w.uvarint(uint64(o.Line))
}

var linkCodec = codec[graph.Link]{
	put: func(w *recWriter, l *graph.Link) {
		w.str(l.Source)
		w.str(l.Target)
		w.str(l.Type)
		w.float(l.Weight)
		dir := uint64(0)
		if l.Directed {
			dir = 1
		}
		w.uvarint(dir)
		w.str(l.Start)
		w.str(l.End)
		w.origin(&l.Origin)
	},
	get: func(r *recReader, l *graph.Link) {
		l.Source, l.Target, l.Type = r.str(), r.str(), r.str()
		l.Weight = r.float()
		dir, _ := r.uvarint()
		l.Directed = dir == 1
		l.Start, l.End = r.str(), r.str()
		r.origin(&l.Origin)
	},
}

var participationCodec = codec[graph.Participation]{
	put: func(w *recWriter, p *graph.Participation) {
		w.str(p.Actor)
		w.str(p.Project)
		w.str(p.Role)
		w.str(p.Start)
		w.str(p.End)
		w.origin(&p.Origin)
	},
	get: func(r *recReader, p *graph.Participation) {
		p.Actor, p.Project, p.Role = r.str(), r.str(), r.str()
		p.Start, p.End = r.str(), r.str()
		r.origin(&p.Origin)
	},
}
