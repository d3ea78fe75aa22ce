package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/alliances/alliances/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// AddIngest appends rec to the ingest log in one write transaction: a node
// (:Ingest {seq, record}) whose seq follows the largest one stored and whose
// record is the JSON of rec. Ingest nodes are apart from the data: Load reads
// only actors, projects and their relationships.
func (s *Store) AddIngest(ctx context.Context, rec graph.IngestRecord) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("neo4jstore: ingest record: %w", err)
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("neo4jstore: ingest record: %w", err)
	}
	props := map[string]any{"record": string(b)}
	for k, v := range s.marker {
		props[k] = v
	}
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		return s.exec(ctx, tx, stIngestAdd, map[string]any{"props": props})
	})
}

// Ingests returns the ingest log, oldest first.
func (s *Store) Ingests(ctx context.Context) ([]graph.IngestRecord, error) {
	var out []graph.IngestRecord
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		out = []graph.IngestRecord{}
		return s.stream(ctx, tx, stLoadIngests, nil, func(r *neo4j.Record) error {
			var rec graph.IngestRecord
			if err := json.Unmarshal([]byte(stringValue(r, "record")), &rec); err != nil {
				return fmt.Errorf("neo4jstore: ingest record %d: %w", len(out)+1, err)
			}
			out = append(out, rec)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
