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
	cmp func(*T, *T) int
	// lead returns the first two components of the order of cmp (the two
	// ids of a link or participation): sorting compares their ranks among
	// the ids of the records in memory, integers, before calling cmp.
	lead  func(*T) (string, string)
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

// sortBuf sorts the records in memory. It sorts their positions, which are
// small, and then moves each record once.
func (s *sorter[T]) sortBuf() {
	// The ranks of the ids in sorted order.
	rank := make(map[string]int32)
	for i := range s.buf {
		x, y := s.lead(&s.buf[i].rec)
		rank[x], rank[y] = 0, 0
	}
	ids := make([]string, 0, len(rank))
	for id := range rank {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for r, id := range ids {
		rank[id] = int32(r)
	}
	type sortKey struct{ x, y, i int32 }
	keys := make([]sortKey, len(s.buf))
	for i := range s.buf {
		x, y := s.lead(&s.buf[i].rec)
		keys[i] = sortKey{rank[x], rank[y], int32(i)}
	}
	slices.SortFunc(keys, func(a, b sortKey) int {
		if c := cmp.Compare(a.x, b.x); c != 0 {
			return c
		}
		if c := cmp.Compare(a.y, b.y); c != 0 {
			return c
		}
		p, q := &s.buf[a.i], &s.buf[b.i]
		if c := s.cmp(&p.rec, &q.rec); c != 0 {
			return c
		}
		return cmp.Compare(p.seq, q.seq)
	})
	idx := make([]int32, len(keys))
	for k, key := range keys {
		idx[k] = key.i
	}
	permute(s.buf, idx)
}

// permute reorders xs in place so that the new xs[k] is the old xs[idx[k]],
// following the cycles of the permutation (idx is destroyed).
func permute[T any](xs []T, idx []int32) {
	for i := range idx {
		if int(idx[i]) == i {
			continue
		}
		tmp := xs[i]
		j := i
		for {
			k := int(idx[j])
			idx[j] = int32(j)
			if k == i {
				xs[j] = tmp
				break
			}
			xs[j] = xs[k]
			j = k
		}
	}
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

// strs writes at most 8 strings: their lengths, then their bytes.
func (w *recWriter) strs(ss ...string) {
	for _, s := range ss {
		w.uvarint(uint64(len(s)))
	}
	for _, s := range ss {
		w.w.WriteString(s)
	}
}

func (w *recWriter) float(f float64) { w.uvarint(math.Float64bits(f)) }

func (w *recWriter) flush() error { return w.w.Flush() }

type recReader struct {
	r      *bufio.Reader
	buf    []byte
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

// strs reads the strings that recWriter.strs wrote, with one allocation.
func (r *recReader) strs(dst ...*string) {
	var lens [8]int
	total := 0
	for i := range dst {
		n, err := r.uvarint()
		if err != nil {
			r.err = cmp.Or(r.err, io.ErrUnexpectedEOF)
			return
		}
		lens[i] = int(n)
		total += int(n)
	}
	if cap(r.buf) < total {
		r.buf = make([]byte, total)
	}
	if _, err := io.ReadFull(r.r, r.buf[:total]); err != nil {
		r.err = cmp.Or(r.err, err)
		return
	}
	all := string(r.buf[:total])
	for i, p := range dst {
		*p, all = all[:lens[i]], all[lens[i]:]
	}
}

func (r *recReader) float() float64 {
	v, _ := r.uvarint()
	return math.Float64frombits(v)
}

func (r *recReader) origin(o *graph.Provenance) {
	n, err := r.uvarint()
	if err != nil {
		r.err = cmp.Or(r.err, io.ErrUnexpectedEOF)
		return
	}
	if uint64(cap(r.buf)) < n {
		r.buf = make([]byte, n)
	}
	b := r.buf[:n]
	if _, err := io.ReadFull(r.r, b); err != nil {
		r.err = cmp.Or(r.err, err)
		return
	}
	// The files of an ingest are few: one string each.
	f, ok := r.intern[string(b)]
	if !ok {
		f = string(b)
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
		w.strs(l.Source, l.Target, l.Type, l.Start, l.End)
		w.float(l.Weight)
		dir := uint64(0)
		if l.Directed {
			dir = 1
		}
		w.uvarint(dir)
		w.origin(&l.Origin)
	},
	get: func(r *recReader, l *graph.Link) {
		r.strs(&l.Source, &l.Target, &l.Type, &l.Start, &l.End)
		l.Weight = r.float()
		dir, _ := r.uvarint()
		l.Directed = dir == 1
		r.origin(&l.Origin)
	},
}

var participationCodec = codec[graph.Participation]{
	put: func(w *recWriter, p *graph.Participation) {
		w.strs(p.Actor, p.Project, p.Role, p.Start, p.End)
		w.origin(&p.Origin)
	},
	get: func(r *recReader, p *graph.Participation) {
		r.strs(&p.Actor, &p.Project, &p.Role, &p.Start, &p.End)
		r.origin(&p.Origin)
	},
}
