package embedded

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"slices"
)

// A bbolt file begins with two meta pages, written in turn by its commits:
// each holds the page size, the root of the data, the page of the list of
// free pages, the high-water mark of the pages and the transaction id, with
// an FNV-64a checksum. bbolt reads the one of highest transaction id that
// checks and silently falls back to the other one: the state before the last
// commit, which for a store is data that differs from what was last written,
// without an error. It maps the file and trusts it to hold the pages the meta
// data name: a file cut short faults (SIGBUS) where they are read.
//
// checkFile reads the two meta pages before bbolt opens the file, and
// refuses with ErrDamaged a file of which one meta page does not check
// (bbolt writes both when it creates a file, and a page is written whole),
// or that ends before the pages its meta data names. A file that does not
// even begin as a bbolt file is left to bolt.Open, which calls it invalid.

// bboltMagic and bboltVersion are those of the bbolt files this package
// reads.
const (
	bboltMagic   = 0xED0CDAED
	bboltVersion = 2
	pageHeader   = 16 // page id (8), flags (2), count (2), overflow (4)
	metaSize     = 64 // magic … txid (56), checksum (8)
	noFreelist   = ^uint64(0)
)

// meta is the meta data of one meta page.
type meta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	pgid     uint64 // high-water mark: pages 0 to pgid-1 are in the file
	txid     uint64
}

// readMeta decodes and checks the meta page at b (page header then meta).
func readMeta(b []byte) (meta, error) {
	if len(b) < pageHeader+metaSize {
		return meta{}, errors.New("cut short")
	}
	m := b[pageHeader : pageHeader+metaSize]
	le := binary.LittleEndian
	if le.Uint16(b[8:]) != 0x04 {
		return meta{}, fmt.Errorf("page flags %#x", le.Uint16(b[8:]))
	}
	if le.Uint32(m) != bboltMagic {
		return meta{}, errors.New("no bbolt marker")
	}
	if v := le.Uint32(m[4:]); v != bboltVersion {
		return meta{}, fmt.Errorf("bbolt version %d", v)
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if le.Uint64(m[56:]) != h.Sum64() {
		return meta{}, errors.New("checksum mismatch")
	}
	md := meta{pageSize: le.Uint32(m[8:]), root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]), pgid: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}
	switch {
	case md.pageSize < 1024 || md.pageSize > 1<<20 || md.pageSize&(md.pageSize-1) != 0:
		return meta{}, fmt.Errorf("page size %d", md.pageSize)
	case md.pgid < 2 || md.root < 2 || md.root >= md.pgid || (md.freelist != noFreelist && (md.freelist < 2 || md.freelist >= md.pgid)):
		return meta{}, fmt.Errorf("pages out of bounds (root %d, free list %d, high-water mark %d)", md.root, md.freelist, md.pgid)
	}
	return md, nil
}

// bboltStart is how every bbolt file begins: the header of meta page 0 and
// the marker.
var bboltStart = []byte{0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0xED, 0xDA, 0x0C, 0xED}

// checkFile checks the meta pages of the existing file at path and its size
// (see above). It returns nil for a file that bolt.Open may open, or that
// does not begin as a bbolt file (bolt.Open refuses it).
func checkFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // bolt.Open says why
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	size := fi.Size()
	if size == 0 {
		return damaged("the file is empty: it holds no store (if it is meant to be a new one, delete it first)")
	}
	// The first meta page, and the second at each page size bbolt may have
	// used (that of the first when it checks).
	head := make([]byte, pageHeader+metaSize)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	m0, err0 := readMeta(head)
	sizes := []int64{int64(os.Getpagesize()), 4096, 1024, 2048, 8192, 16384, 32768, 65536}
	if err0 == nil {
		sizes = []int64{int64(m0.pageSize)}
	}
	var m1 meta
	err1 := errors.New("cut short")
	for _, ps := range slices.Compact(sizes) {
		b := make([]byte, pageHeader+metaSize)
		if n, _ := f.ReadAt(b, ps); n < len(b) {
			continue
		}
		if m1, err1 = readMeta(b); err1 == nil {
			break
		}
	}
	switch {
	case err0 != nil && err1 != nil:
		if !bytes.HasPrefix(bboltStart, head[:min(len(head), len(bboltStart))]) {
			return nil // not a bbolt file
		}
		return damaged("neither of the two meta pages of the file reads (%v; %v)", err0, err1)
	case err0 != nil:
		return damaged("meta page 0 does not read (%v): the file would read as it was before its last write", err0)
	case err1 != nil:
		return damaged("meta page 1 does not read (%v): the file would read as it was before its last write", err1)
	case m0.pageSize != m1.pageSize:
		return damaged("the meta pages give two page sizes, %d and %d", m0.pageSize, m1.pageSize)
	case m0.txid == m1.txid:
		return damaged("the two meta pages hold the same transaction %d", m0.txid)
	}
	m := m0
	if m1.txid > m0.txid {
		m = m1
	}
	if end := int64(m.pgid) * int64(m.pageSize); size < end {
		return damaged("the file is %d bytes long, its pages end at byte %d: it was cut short", size, end)
	}
	w := &pageWalker{f: f, pageSize: int64(m.pageSize), hwm: m.pgid, seen: make([]uint64, (m.pgid+63)/64)}
	if err := w.page(m.root, nil, nil, 0); err != nil {
		return err
	}
	if m.freelist != noFreelist {
		return w.freelist(m.freelist)
	}
	return nil
}

// Flags of bbolt pages and leaf elements.
const (
	branchPage   = 0x01
	leafPage     = 0x02
	bucketLeaf   = 0x01
	elementSize  = 16 // of a branch or a leaf element
	bucketHeader = 16 // root page id, sequence
	maxDepth     = 64
)

// pageWalker checks the tree of pages of a bbolt file, read with ReadAt, as
// bbolt's readers trust it to be: bbolt follows the page ids it finds without
// a bound, loops forever on a page that names one of its ancestors, and takes
// the counts of pages at their word. Each page reachable from the root must
// lie below the high-water mark, name itself, be a branch or a leaf, be
// reached once, and hold its elements and their keys and values packed in
// order, as bbolt writes them (so that a count lowered or raised, a position
// or a size changed, is seen); keys must be in order, within the bounds that
// the branch above gives them.
type pageWalker struct {
	f        *os.File
	pageSize int64
	hwm      uint64
	seen     []uint64 // bit set of the pages reached
}

func (w *pageWalker) fail(format string, args ...any) error {
	return damaged("the pages of the file do not hold together (%s)", fmt.Sprintf(format, args...))
}

// page checks the page id and the subtree under it, whose keys must be at
// least lo and less than hi (nil: no bound).
func (w *pageWalker) page(id uint64, lo, hi []byte, depth int) error {
	if depth > maxDepth {
		return w.fail("more than %d levels of pages", maxDepth)
	}
	if id < 2 || id >= w.hwm {
		return w.fail("page %d is out of bounds (the file holds %d pages)", id, w.hwm)
	}
	var hdr [pageHeader]byte
	if _, err := w.f.ReadAt(hdr[:], int64(id)*w.pageSize); err != nil {
		return w.fail("page %d does not read: %v", id, err)
	}
	le := binary.LittleEndian
	if got := le.Uint64(hdr[:]); got != id {
		return w.fail("page %d calls itself page %d", id, got)
	}
	overflow := uint64(le.Uint32(hdr[12:]))
	if overflow >= w.hwm-id {
		return w.fail("page %d runs %d pages past the end of the file", id, overflow+1)
	}
	for p := id; p <= id+overflow; p++ {
		if w.seen[p/64]&(1<<(p%64)) != 0 {
			return w.fail("page %d is reached twice", p)
		}
		w.seen[p/64] |= 1 << (p % 64)
	}
	b := make([]byte, int64(overflow+1)*w.pageSize)
	if _, err := w.f.ReadAt(b, int64(id)*w.pageSize); err != nil {
		return w.fail("page %d does not read: %v", id, err)
	}
	return w.node(fmt.Sprintf("page %d", id), b, lo, hi, depth)
}

// node checks the branch or leaf page b (header included): a page of the file
// or one inlined in the value of a bucket.
func (w *pageWalker) node(name string, b, lo, hi []byte, depth int) error {
	le := binary.LittleEndian
	if len(b) < pageHeader {
		return w.fail("%s is cut short", name)
	}
	flags, count := le.Uint16(b[8:]), int(le.Uint16(b[10:]))
	if flags != branchPage && flags != leafPage {
		return w.fail("%s is neither a branch nor a leaf (flags %#x)", name, flags)
	}
	if flags == branchPage && count == 0 {
		return w.fail("%s is an empty branch", name)
	}
	next := pageHeader + count*elementSize // where the data of the next element begins
	if next > len(b) {
		return w.fail("%s counts %d elements, more than it holds", name, count)
	}
	keys := make([][]byte, count)
	for i := range count {
		e := b[pageHeader+i*elementSize:]
		var pos, ksize, vsize int
		if flags == branchPage {
			pos, ksize = int(le.Uint32(e)), int(le.Uint32(e[4:]))
		} else {
			pos, ksize, vsize = int(le.Uint32(e[4:])), int(le.Uint32(e[8:])), int(le.Uint32(e[12:]))
		}
		start := pageHeader + i*elementSize + pos
		if start != next || ksize > len(b)-start || vsize > len(b)-start-ksize {
			return w.fail("element %d of %s is not where its page puts it", i, name)
		}
		keys[i] = b[start : start+ksize]
		next = start + ksize + vsize
		if i > 0 && bytes.Compare(keys[i-1], keys[i]) >= 0 || lo != nil && bytes.Compare(keys[i], lo) < 0 || hi != nil && bytes.Compare(keys[i], hi) >= 0 {
			return w.fail("the keys of %s are out of order at element %d", name, i)
		}
	}
	for i := range count {
		e := b[pageHeader+i*elementSize:]
		if flags == branchPage {
			hi := hi
			if i+1 < count {
				hi = keys[i+1]
			}
			if err := w.page(le.Uint64(e[8:]), keys[i], hi, depth+1); err != nil {
				return err
			}
			continue
		}
		switch le.Uint32(e) {
		case 0:
			continue
		case bucketLeaf:
		default:
			return w.fail("element %d of %s has flags %#x", i, name, le.Uint32(e))
		}
		pos, ksize, vsize := int(le.Uint32(e[4:])), int(le.Uint32(e[8:])), int(le.Uint32(e[12:]))
		v := b[pageHeader+i*elementSize+pos+ksize:][:vsize]
		if len(v) < bucketHeader {
			return w.fail("bucket %q of %s is cut short", keys[i], name)
		}
		var err error
		if root := le.Uint64(v); root != 0 {
			err = w.page(root, nil, nil, depth+1)
		} else {
			err = w.node(fmt.Sprintf("bucket %q inlined in %s", keys[i], name), v[bucketHeader:], nil, nil, depth+1)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// freelist checks the page of the list of free pages: a page of its own that
// lists pages of the file, none of which is reachable from the root.
func (w *pageWalker) freelist(id uint64) error {
	le := binary.LittleEndian
	var hdr [pageHeader + 8]byte
	if _, err := w.f.ReadAt(hdr[:], int64(id)*w.pageSize); err != nil {
		return w.fail("the free list, page %d, does not read: %v", id, err)
	}
	overflow := uint64(le.Uint32(hdr[12:]))
	switch {
	case le.Uint64(hdr[:]) != id:
		return w.fail("the free list, page %d, calls itself page %d", id, le.Uint64(hdr[:]))
	case le.Uint16(hdr[8:]) != 0x10:
		return w.fail("the free list, page %d, is not one (flags %#x)", id, le.Uint16(hdr[8:]))
	case overflow >= w.hwm-id:
		return w.fail("the free list, page %d, runs %d pages past the end of the file", id, overflow+1)
	}
	for p := id; p <= id+overflow; p++ {
		if w.seen[p/64]&(1<<(p%64)) != 0 {
			return w.fail("page %d is both data and the free list", p)
		}
		w.seen[p/64] |= 1 << (p % 64)
	}
	start, count := uint64(pageHeader), uint64(le.Uint16(hdr[10:]))
	if count == 0xFFFF {
		start, count = pageHeader+8, le.Uint64(hdr[pageHeader:])
	}
	if count > (uint64(overflow+1)*uint64(w.pageSize)-start)/8 {
		return w.fail("the free list, page %d, counts %d pages, more than it holds", id, count)
	}
	b := make([]byte, count*8)
	if _, err := w.f.ReadAt(b, int64(id)*w.pageSize+int64(start)); err != nil {
		return w.fail("the free list, page %d, does not read: %v", id, err)
	}
	for i := range count {
		p := le.Uint64(b[8*i:])
		switch {
		case p < 2 || p >= w.hwm:
			return w.fail("the free list names page %d, out of bounds", p)
		case w.seen[p/64]&(1<<(p%64)) != 0:
			return w.fail("page %d is both free and in use", p)
		}
	}
	return nil
}
