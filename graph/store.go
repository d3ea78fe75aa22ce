package graph

import (
	"context"
	"errors"
)

// ErrUnreachable is wrapped by stores that cannot reach or open their database
// (server down, wrong address, bad credentials, file locked by another process).
// The command line maps it to exit code 4.
var ErrUnreachable = errors.New("store unreachable")

// ActorMetrics are metric values computed for one actor, stored back with
// Store.PutMetrics so that users of the database can query them. Undefined
// values are left out.
type ActorMetrics struct {
	ID     string             `json:"id"`
	Values map[string]float64 `json:"values"`
}

// Store keeps a Dataset. The contract, checked for every implementation by
// graph/storetest:
//
//   - Put upserts atomically: either every record of d is stored or, on any
//     error or cancellation, the store is left exactly as it was (and usable).
//     Records replace stored records with the same key (Actor.ID, Project.ID,
//     Link.Key, Participation.Key), so putting the same data twice changes
//     nothing, and an undirected link put again with its ends swapped replaces
//     the stored one. A record with an empty key field (actor or project id,
//     link source or target, participation actor or project) is invalid. A Put
//     with a cancelled context returns an error wrapping context.Canceled. Put
//     does not modify d. Within one d, the last record with a key wins.
//   - Load returns every stored record, each table in the order of Dataset.Sort,
//     with every field as it was put (attributes and provenance included).
//   - PutMetrics replaces the metric values of the named actors; unknown ids are
//     an error and nothing is written. Metrics returns them sorted by id; they
//     never appear in Load.
//   - A store is safe for use by one goroutine at a time; Close releases it.
type Store interface {
	Put(ctx context.Context, d *Dataset) error
	Load(ctx context.Context) (*Dataset, error)
	PutMetrics(ctx context.Context, metrics []ActorMetrics) error
	Metrics(ctx context.Context) ([]ActorMetrics, error)
	Close() error
}
