package neo4jstore

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// ReadCypher runs the user's query with params in a read-only transaction
// (a read-mode session and a managed read transaction: the server refuses any
// write) and returns its column names and rows. Values are plain Go values
// ready for JSON: nodes become {"labels", "properties"}, relationships
// {"type", "properties"}, paths {"nodes", "relationships"}, temporal values
// ISO 8601 text and points {"srid", "x", "y"[, "z"]}. A Cypher error is a
// *QueryError; a server that cannot be reached, an error wrapping
// graph.ErrUnreachable.
func (s *Store) ReadCypher(ctx context.Context, query string, params map[string]any) (columns []string, rows [][]any, err error) {
	err = s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		columns, rows = nil, nil // a retried transaction starts again
		res, err := tx.Run(ctx, query, params)
		if err != nil {
			return err
		}
		if columns, err = res.Keys(); err != nil {
			return err
		}
		for res.Next(ctx) {
			vals := res.Record().Values
			row := make([]any, len(vals))
			for i, v := range vals {
				row[i] = plainValue(v)
			}
			rows = append(rows, row)
		}
		return res.Err()
	})
	if err != nil {
		return nil, nil, err
	}
	return columns, rows, nil
}

// plainValue converts a value returned by the driver into maps, slices and
// scalars that encoding/json writes readably.
func plainValue(v any) any {
	switch x := v.(type) {
	case dbtype.Node:
		return map[string]any{"labels": x.Labels, "properties": plainMap(x.Props)}
	case dbtype.Relationship:
		return map[string]any{"type": x.Type, "properties": plainMap(x.Props)}
	case dbtype.Path:
		nodes := make([]any, len(x.Nodes))
		for i, n := range x.Nodes {
			nodes[i] = plainValue(n)
		}
		rels := make([]any, len(x.Relationships))
		for i, r := range x.Relationships {
			rels[i] = plainValue(r)
		}
		return map[string]any{"nodes": nodes, "relationships": rels}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plainValue(e)
		}
		return out
	case map[string]any:
		return plainMap(x)
	case dbtype.Date:
		return x.Time().Format(time.DateOnly)
	case dbtype.LocalDateTime:
		return x.Time().Format("2006-01-02T15:04:05.999999999")
	case dbtype.LocalTime:
		return x.Time().Format("15:04:05.999999999")
	case dbtype.Time:
		return x.Time().Format("15:04:05.999999999Z07:00")
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case dbtype.Duration:
		return x.String()
	case dbtype.Point2D:
		return map[string]any{"srid": x.SpatialRefId, "x": x.X, "y": x.Y}
	case dbtype.Point3D:
		return map[string]any{"srid": x.SpatialRefId, "x": x.X, "y": x.Y, "z": x.Z}
	default:
		return v
	}
}

func plainMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = plainValue(v)
	}
	return out
}
