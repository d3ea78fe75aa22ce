package embedded

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"
)

// ErrDamaged is wrapped by the errors of a store whose file is damaged: cut
// short, pages zeroed or overwritten, records that do not read back as they
// were written. Nothing is written into such a file.
var ErrDamaged = errors.New("the store file is damaged")

// damaged returns an error wrapping ErrDamaged that says what was found, and
// what to do.
func damaged(format string, args ...any) error {
	return fmt.Errorf("%w (%s): restore it from a backup, or ingest the data again into a new store (--store NEW.db)",
		ErrDamaged, fmt.Sprintf(format, args...))
}

// Every value of schema 4 ends with a CRC-32C (Castagnoli) of the bucket's
// tag, the key and the record before it, so that a damaged record, a key
// changed in place, or a record read from the wrong bucket does not read
// back silently. The buckets of the index hold the CRC alone.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// crcSize is the size of the CRC at the end of a value.
const crcSize = 4

// Tags of the buckets of a generation, in the order of their tallies.
var (
	bucketMembers  = []byte("members")  // project \x00 actor: the participants of each project
	bucketLinkEnds = []byte("linkends") // link keys with their two ends swapped
	indexes        = [][]byte{bucketMembers, bucketLinkEnds}
	generation     = [][]byte{bucketActors, bucketProjects, bucketLinks, bucketParticipations, bucketMetrics, bucketMembers, bucketLinkEnds}
	keyTally       = []byte("tally") // in a generation, beside its buckets
)

// tagOf returns the tag of a bucket of a generation, its index in generation
// plus one.
func tagOf(name []byte) byte {
	for i, n := range generation {
		if bytes.Equal(n, name) {
			return byte(i + 1)
		}
	}
	panic("embedded: no tag for bucket " + string(name))
}

// checksum returns the CRC of a record of the bucket tagged tag.
func checksum(tag byte, key, rec []byte) uint32 {
	c := crc32.Update(0, castagnoli, []byte{tag})
	c = crc32.Update(c, castagnoli, key)
	return crc32.Update(c, castagnoli, rec)
}

// seal appends to b, which holds a record from position start on, the CRC
// of the record.
func seal(b []byte, start int, tag byte, key []byte) []byte {
	return binary.LittleEndian.AppendUint32(b, checksum(tag, key, b[start:]))
}

// unseal checks the CRC at the end of v, the value of key in the bucket
// tagged tag, and returns the record before it.
func unseal(tag byte, key, v []byte) ([]byte, error) {
	if len(v) < crcSize {
		return nil, damaged("record %q of %s is cut short", key, generation[tag-1])
	}
	rec := v[:len(v)-crcSize]
	if binary.LittleEndian.Uint32(v[len(rec):]) != checksum(tag, key, rec) {
		return nil, damaged("record %q of %s does not match its checksum", key, generation[tag-1])
	}
	return rec, nil
}

// crcOf returns the CRC at the end of a sealed value.
func crcOf(v []byte) uint32 { return binary.LittleEndian.Uint32(v[len(v)-crcSize:]) }

// tally counts the records of a bucket and sums their CRCs: a generation
// keeps the tally of each of its buckets, so that reading a whole bucket
// finds records lost, repeated or replaced by stale pages, which each read
// back well on its own.
type tally struct{ n, sum uint64 }

func (t *tally) add(crc uint32)    { t.n++; t.sum += uint64(crc) }
func (t *tally) remove(crc uint32) { t.n--; t.sum -= uint64(crc) }

// tallies are the tallies of the buckets of a generation, in its order.
type tallies [7]tally

func (ts *tallies) of(name []byte) *tally { return &ts[tagOf(name)-1] }

func (ts *tallies) encode() []byte {
	b := make([]byte, 0, len(ts)*16+crcSize)
	for _, t := range ts {
		b = binary.LittleEndian.AppendUint64(b, t.n)
		b = binary.LittleEndian.AppendUint64(b, t.sum)
	}
	return seal(b, 0, 0, keyTally)
}

// readTallies returns the tallies of the generation g.
func readTallies(g *bolt.Bucket) (*tallies, error) {
	v := g.Get(keyTally)
	if v == nil {
		return nil, damaged("the counts of the records are missing")
	}
	rec, err := unsealTally(v)
	if err != nil {
		return nil, err
	}
	ts := &tallies{}
	for i := range ts {
		ts[i].n = binary.LittleEndian.Uint64(rec[16*i:])
		ts[i].sum = binary.LittleEndian.Uint64(rec[16*i+8:])
	}
	return ts, nil
}

func unsealTally(v []byte) ([]byte, error) {
	want := len(tallies{})*16 + crcSize
	if len(v) != want || crcOf(v) != checksum(0, keyTally, v[:len(v)-crcSize]) {
		return nil, damaged("the counts of the records do not match their checksum")
	}
	return v[:len(v)-crcSize], nil
}

// writeTallies stores ts in the generation g.
func writeTallies(g *bolt.Bucket, ts *tallies) error { return g.Put(keyTally, ts.encode()) }

// guard runs f under protect.
func guard(f func() error) (err error) {
	defer protect("")(&err)
	return f()
}

// protect makes memory faults panics in the calling goroutine (a page of a
// truncated file that the map still covers gives SIGBUS, which would
// otherwise kill the process) and returns the function to defer, which turns
// a panic (bbolt panics on pages it cannot make sense of) into an error
// wrapping ErrDamaged that names the file at path (if not empty):
//
//	defer protect(s.path)(&err)
func protect(path string) func(err *error) {
	old := debug.SetPanicOnFault(true)
	return func(err *error) {
		debug.SetPanicOnFault(old)
		if r := recover(); r != nil {
			*err = damaged("%v", r)
			if path != "" {
				*err = fmt.Errorf("store %s: %w", path, *err)
			}
		}
	}
}
