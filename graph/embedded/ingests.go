package embedded

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/alliances/alliances/graph"
)

// bucketIngests holds the ingest log at the top level of the file, beside the
// generations: a new generation of the tables leaves it alone. Keys are the
// 8-byte big-endian sequence numbers of the records, values their JSON. A
// file without the bucket (older files) has an empty log.
var bucketIngests = []byte("ingests")

// AddIngest appends rec to the ingest log in one transaction.
// Nothing is written into a damaged file (ErrDamaged).
func (s *Store) AddIngest(ctx context.Context, rec graph.IngestRecord) (err error) {
	defer protect(s.path)(&err)
	if err := ctx.Err(); err != nil {
		return err
	}
	v, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("store %s: ingest record: %w", s.path, err)
	}
	if err := s.verify(ctx); err != nil {
		return s.errorf(err)
	}
	s.wrote = true
	return s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketIngests)
		if err != nil {
			return err
		}
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		k := binary.BigEndian.AppendUint64(nil, seq)
		if err := b.Put(k, sealIngest(k, v)); err != nil {
			return err
		}
		return ctx.Err()
	})
}

// Ingests returns the ingest log, oldest first.
func (s *Store) Ingests(ctx context.Context) (_ []graph.IngestRecord, err error) {
	defer protect(s.path)(&err)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := []graph.IngestRecord{}
	err = s.db.View(func(tx *bolt.Tx) error {
		return readIngests(tx, func(rec graph.IngestRecord) { out = append(out, rec) })
	})
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", s.path, err)
	}
	return out, nil
}

// readIngests calls f with each record of the ingest log, oldest first.
func readIngests(tx *bolt.Tx, f func(graph.IngestRecord)) error {
	b := tx.Bucket(bucketIngests)
	if b == nil {
		return nil
	}
	return b.ForEach(func(k, v []byte) error {
		if v == nil {
			return damaged("the ingest log holds a bucket %q", k)
		}
		v, err := unsealIngest(k, v)
		if err != nil {
			return err
		}
		var rec graph.IngestRecord
		if err := json.Unmarshal(v, &rec); err != nil {
			return damaged("ingest record %x does not read: %v", k, err)
		}
		f(rec)
		return nil
	})
}

// The records of the ingest log end with the CRC-32C of their key and JSON,
// written as 16 characters of JSON white space (two bits each), so that
// earlier versions of alliances, which decode the value as JSON, read them
// still. A record without them was written before the log was sealed.
const (
	ingestTag  = 0x80
	ingestSeal = 16
)

var sealDigits = [4]byte{' ', '\t', '\n', '\r'}

func sealIngest(k, v []byte) []byte {
	c := checksum(ingestTag, k, v)
	for i := range ingestSeal {
		v = append(v, sealDigits[c>>(2*(ingestSeal-1-i))&3])
	}
	return v
}

// unsealIngest returns the JSON of the value v of key k of the ingest log,
// checked against its seal.
func unsealIngest(k, v []byte) ([]byte, error) {
	n := len(v) - len(bytes.TrimRight(v, " \t\n\r"))
	switch n {
	case 0:
		return v, nil // written before the seal
	case ingestSeal:
	default:
		return nil, damaged("ingest record %x is not sealed as written", k)
	}
	var c uint32
	for _, d := range v[len(v)-ingestSeal:] {
		c = c<<2 | uint32(bytes.IndexByte(sealDigits[:], d))
	}
	body := v[:len(v)-ingestSeal]
	if c != checksum(ingestTag, k, body) {
		return nil, damaged("ingest record %x does not match its checksum", k)
	}
	return body, nil
}
