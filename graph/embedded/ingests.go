package embedded

import (
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
func (s *Store) AddIngest(ctx context.Context, rec graph.IngestRecord) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	v, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("store %s: ingest record: %w", s.path, err)
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
		if err := b.Put(binary.BigEndian.AppendUint64(nil, seq), v); err != nil {
			return err
		}
		return ctx.Err()
	})
}

// Ingests returns the ingest log, oldest first.
func (s *Store) Ingests(ctx context.Context) ([]graph.IngestRecord, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := []graph.IngestRecord{}
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketIngests)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var rec graph.IngestRecord
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("ingest record %x: %w", k, err)
			}
			out = append(out, rec)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", s.path, err)
	}
	return out, nil
}
