package embedded

import (
	"bytes"
	"container/heap"
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// The index of a generation answers the questions of graph.NetworkReader
// that the keys of the tables do not: the participants of a project
// (participation keys begin with the actor) and the links that end at an
// actor (link keys begin with the source, or the lesser end of an
// undirected link). Each participation key actor\x00project swapped is
// project\x00actor, and each link key source\x00target\x00type\x00dir
// swapped is target\x00source\x00type\x00dir; the bucket members holds, for
// each project, the sorted list of the rests of its swapped participation
// keys (its participants), and the bucket linkends, for each actor, the
// sorted list of the rests of the swapped keys of the links that end at it.
// One entry per project or actor rather than per record keeps the index
// cheap to write. Put keeps it in the transaction that writes the records;
// PutBatches builds it whole for the generation it writes, from the keys it
// writes, sorted in memory, or for large inputs in sorted runs of bounded
// size that are merged.

// indexOf returns the bucket of the index of the table t, nil if none.
func indexOf(t []byte) []byte {
	switch {
	case bytes.Equal(t, bucketParticipations):
		return bucketMembers
	case bytes.Equal(t, bucketLinks):
		return bucketLinkEnds
	}
	return nil
}

// swapEnds appends to b the key k with its first two fields, separated by
// \x00, swapped: the key of the index of a participation or link key, and
// the other way round.
func swapEnds(b, k []byte) []byte {
	first, rest, _ := bytes.Cut(k, []byte{0})
	second, tail, more := bytes.Cut(rest, []byte{0})
	b = append(b, second...)
	b = append(b, 0)
	b = append(b, first...)
	if more {
		b = append(b, 0)
		b = append(b, tail...)
	}
	return b
}

// putIndex adds the record key k of table t to the index, if it is not
// there, and counts the change in ts.
func putIndex(g *bolt.Bucket, t []byte, k []byte, ts *tallies) error {
	name := indexOf(t)
	if name == nil {
		return nil
	}
	first, rest, _ := bytes.Cut(swapEnds(nil, k), []byte{0})
	b, tag := g.Bucket(name), tagOf(name)
	var list []string
	if old := b.Get(first); old != nil {
		rec, err := unseal(tag, first, old)
		if err != nil {
			return err
		}
		if list, err = decodeList(rec); err != nil {
			return damaged("the index entry %q of %s does not read", first, name)
		}
		ts.of(name).remove(crcOf(old))
	}
	i, found := slices.BinarySearch(list, string(rest))
	if !found {
		list = slices.Insert(list, i, string(rest))
	}
	v := seal(appendStrings(nil, list), 0, tag, first)
	ts.of(name).add(crcOf(v))
	return b.Put(first, v)
}

// decodeList decodes the list of an index entry.
func decodeList(rec []byte) ([]string, error) {
	d := &decoder{b: rec}
	list := d.strings()
	return list, d.done()
}

// entries calls put with each entry of the index for the swapped keys
// given in order: the first field and the list of the rests of the keys
// that share it.
type entries struct {
	first []byte
	list  []byte // appendStrings of the rests, without the count
	n     int
	put   func(k, v []byte) error
	tag   byte
}

func (e *entries) add(k []byte) error {
	first, rest, _ := bytes.Cut(k, []byte{0})
	if e.n > 0 && !bytes.Equal(first, e.first) {
		if err := e.flush(); err != nil {
			return err
		}
	}
	if e.n == 0 {
		e.first = append(e.first[:0], first...)
	}
	e.list = appendString(e.list, string(rest))
	e.n++
	return nil
}

func (e *entries) flush() error {
	if e.n == 0 {
		return nil
	}
	v := binary.AppendUvarint(nil, uint64(e.n))
	v = append(v, e.list...)
	v = seal(v, 0, e.tag, e.first)
	e.list, e.n = e.list[:0], 0
	return e.put(bytes.Clone(e.first), v)
}

// runBytes bounds the keys of the index that PutBatches holds in memory: past
// it, they are written as a sorted run into the new generation, and the runs
// are merged at the end.
var runBytes = 8 << 20

// indexer gathers the index entries of the records that PutBatches writes,
// which come in key order: the rests of the swapped keys that share a first
// field then come in order too, so that grouping them by first field, with
// no sort but that of the first fields, gives the sorted lists of the
// entries.
type indexer struct {
	name   []byte         // bucket of the index
	at     map[string]int // first field → its group
	firsts []string
	lists  [][]byte // appendString of the rests of each group
	counts []int
	size   int      // bytes held
	runs   [][]byte // names of the runs written
}

// add adds the key k of a record of the table of the index.
func (x *indexer) add(k []byte) {
	if x.at == nil {
		x.at = map[string]int{}
	}
	f1, tail, _ := bytes.Cut(k, []byte{0})
	f2, tail, more := bytes.Cut(tail, []byte{0})
	g, ok := x.at[string(f2)]
	if !ok {
		g = len(x.firsts)
		x.at[string(f2)] = g
		x.firsts = append(x.firsts, string(f2))
		x.lists = append(x.lists, nil)
		x.counts = append(x.counts, 0)
		x.size += 64 + len(f2)
	}
	n := len(f1)
	if more {
		n += 1 + len(tail)
	}
	before := len(x.lists[g])
	x.lists[g] = binary.AppendUvarint(x.lists[g], uint64(n))
	x.lists[g] = append(x.lists[g], f1...)
	if more {
		x.lists[g] = append(append(x.lists[g], 0), tail...)
	}
	x.counts[g]++
	x.size += len(x.lists[g]) - before
}

func (x *indexer) full() bool { return x.size >= runBytes }

// groups returns the groups in the order of their first fields, and
// forgets them.
func (x *indexer) groups(f func(first string, count int, list []byte) error) error {
	order := make([]int, len(x.firsts))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(x.firsts[a], x.firsts[b]) })
	for _, g := range order {
		if err := f(x.firsts[g], x.counts[g], x.lists[g]); err != nil {
			return err
		}
	}
	x.at, x.firsts, x.lists, x.counts, x.size = nil, nil, nil, nil, 0
	return nil
}

// spill writes the entries gathered as a new sorted run of swapped keys, a
// bucket of the generation g, in the transaction of g.
func (x *indexer) spill(g *bolt.Bucket) error {
	name := append(append([]byte("run-"), x.name...), strconv.Itoa(len(x.runs))...)
	b, err := g.CreateBucket(name)
	if err != nil {
		return err
	}
	b.FillPercent = 1
	x.runs = append(x.runs, name)
	return x.groups(func(first string, count int, list []byte) error {
		d := &decoder{b: list}
		for range count {
			if err := b.Put([]byte(first+"\x00"+d.string()), nil); err != nil {
				return err
			}
		}
		return nil
	})
}

// finish writes the index into the bucket x.name of the generation gen: the
// keys in memory when there are no runs, else the merge of the runs (the
// keys left in memory becoming the last run), over transactions of at most
// txRecords keys. It counts the keys in ts.
func (x *indexer) finish(w *builder, ts *tallies) error {
	e := &entries{tag: tagOf(x.name)}
	e.put = func(k, v []byte) error {
		ts.of(x.name).add(crcOf(v))
		b := w.tx.Bucket(w.gen).Bucket(x.name)
		b.FillPercent = 1
		w.n++
		w.size += len(k) + len(v)
		return b.Put(k, v)
	}
	if len(x.runs) == 0 {
		return x.groups(func(first string, count int, list []byte) error {
			if err := w.roll(); err != nil {
				return err
			}
			v := binary.AppendUvarint(make([]byte, 0, len(list)+8), uint64(count))
			v = seal(append(v, list...), 0, e.tag, []byte(first))
			return e.put([]byte(first), v)
		})
	}
	if len(x.firsts) > 0 {
		if err := x.spill(w.tx.Bucket(w.gen)); err != nil {
			return err
		}
	}
	// k-way merge of the runs; after each commit the cursors are sought again
	// after the last key taken from each run.
	last := make([][]byte, len(x.runs))
	open := func() *runHeap {
		h := &runHeap{}
		g := w.tx.Bucket(w.gen)
		for i, name := range x.runs {
			c := g.Bucket(name).Cursor()
			var k []byte
			if last[i] == nil {
				k, _ = c.First()
			} else if k, _ = c.Seek(last[i]); k != nil && bytes.Equal(k, last[i]) {
				k, _ = c.Next()
			}
			if k != nil {
				h.items = append(h.items, runItem{k: k, run: i, c: c})
			}
		}
		heap.Init(h)
		return h
	}
	h := open()
	for h.Len() > 0 {
		if w.n >= txRecords {
			if err := w.commit(); err != nil {
				return err
			}
			if err := w.begin(); err != nil {
				return err
			}
			h = open()
			continue
		}
		it := &h.items[0]
		k := bytes.Clone(it.k)
		last[it.run] = k
		if err := e.add(k); err != nil {
			return err
		}
		if next, _ := it.c.Next(); next != nil {
			it.k = next
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	if err := e.flush(); err != nil {
		return err
	}
	for _, name := range x.runs {
		if err := w.tx.Bucket(w.gen).DeleteBucket(name); err != nil {
			return fmt.Errorf("deleting a run of the index: %w", err)
		}
	}
	return nil
}

type runItem struct {
	k   []byte
	run int
	c   *bolt.Cursor
}

type runHeap struct{ items []runItem }

func (h *runHeap) Len() int           { return len(h.items) }
func (h *runHeap) Less(i, j int) bool { return bytes.Compare(h.items[i].k, h.items[j].k) < 0 }
func (h *runHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *runHeap) Push(x any)         { h.items = append(h.items, x.(runItem)) }
func (h *runHeap) Pop() any {
	it := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return it
}
