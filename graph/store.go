package graph

import (
	"context"
	"errors"
	"fmt"
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
//   - LoadNodes returns what Load returns of the actors and projects, with
//     empty Links and Participations: what validating new input needs of a
//     store, without holding its ties in memory.
//   - PutMetrics replaces the metric values of the named actors; unknown ids are
//     an error and nothing is written. Metrics returns them sorted by id; they
//     never appear in Load.
//   - PutBatches puts the records of every part of b as one Put would,
//     atomically, without holding all of them in memory at once: a store
//     reads the parts one after another, and may call b again (to retry a
//     transaction, or to read the parts once per table). With Upsert it
//     keeps the stored records whose key b does not hold; with Replace it
//     deletes them (with their metrics), so that the store holds exactly the
//     records of b. Either way it counts them in PutResult.Absent. It reports
//     Changed false when every record was already stored, identical, and
//     (with Replace) none is absent, and then the store is left untouched (a
//     store that cannot tell reports true). An error returned by b, or a part
//     that breaks the order of Batches, makes PutBatches fail and leaves the
//     store as it was.
//   - AddIngest appends a record to the store's ingest log, atomically;
//     Ingests returns the log, oldest first, every field as it was added (an
//     empty log is an empty slice). The log is apart from the data: Put,
//     PutBatches and Load neither change nor return it. A cancelled context
//     makes AddIngest fail and write nothing.
//   - A store is safe for use by one goroutine at a time; Close releases it.
type Store interface {
	Put(ctx context.Context, d *Dataset) error
	PutBatches(ctx context.Context, b Batches, mode PutMode) (PutResult, error)
	Load(ctx context.Context) (*Dataset, error)
	LoadNodes(ctx context.Context) (*Dataset, error)
	PutMetrics(ctx context.Context, metrics []ActorMetrics) error
	Metrics(ctx context.Context) ([]ActorMetrics, error)
	AddIngest(ctx context.Context, rec IngestRecord) error
	Ingests(ctx context.Context) ([]IngestRecord, error)
	Close() error
}

// PutMode says what Store.PutBatches does with the stored records whose key
// the batches do not hold.
type PutMode int

const (
	// Upsert keeps them: the store holds its records and those of the batches.
	Upsert PutMode = iota
	// Replace deletes them: the store holds exactly the records of the batches.
	Replace
)

// PutResult is what Store.PutBatches did.
type PutResult struct {
	// Changed is false when the store was left untouched, every record being
	// stored already, identical.
	Changed bool
	// Absent counts the records that the store held before and the batches
	// do not: kept by Upsert, deleted by Replace.
	Absent Counts
}

// Counts is a number of records of each table.
type Counts struct {
	Actors, Projects, Links, Participations int
}

// Total is the number of records of every table.
func (c Counts) Total() int { return c.Actors + c.Projects + c.Links + c.Participations }

// Batches gives a dataset in parts, for data larger than memory. Calling it
// calls yield with each part in turn and stops at the first error yield
// returns, which it returns; every call starts again from the first part.
// yield may keep nothing of a part once it returns: the caller may reuse it.
//
// Across the parts, each table comes whole before the next, in the order
// actors, projects, links, participations (one part may end one table and
// begin the next), and the records of each table come in the order of
// Dataset.Sort with no key repeated. A part of several tables still obeys
// that order.
type Batches func(yield func(part *Dataset) error) error

// InBatches returns the records of a sorted d, without repeated keys, as
// Batches of at most size records. The parts share the arrays of d.
func InBatches(d *Dataset, size int) Batches {
	return func(yield func(*Dataset) error) error {
		a, p, l := len(d.Actors), len(d.Projects), len(d.Links)
		total := a + p + l + len(d.Participations)
		for lo := 0; lo < total; lo += size {
			hi := min(lo+size, total)
			part := &Dataset{
				Actors:         window(d.Actors, lo, hi),
				Projects:       window(d.Projects, lo-a, hi-a),
				Links:          window(d.Links, lo-a-p, hi-a-p),
				Participations: window(d.Participations, lo-a-p-l, hi-a-p-l),
			}
			if err := yield(part); err != nil {
				return err
			}
		}
		return nil
	}
}

// window returns xs[lo:hi] clipped to the bounds of xs, nil when empty.
func window[T any](xs []T, lo, hi int) []T {
	lo, hi = max(lo, 0), min(hi, len(xs))
	if lo >= hi {
		return nil
	}
	return xs[lo:hi:hi]
}

// ErrBatchOrder is wrapped by the error of PutBatches for parts out of the
// order Batches promises.
var ErrBatchOrder = errors.New("batches out of order")

// BatchOrder checks, part after part, the order that Batches promises. The
// zero value is ready to check the first part of a fresh call.
type BatchOrder struct {
	table int    // index in actors, projects, links, participations
	last  string // last key of that table
	any   bool   // a record of that table was seen
}

// Check reports an error wrapping ErrBatchOrder when part breaks the order
// of the parts checked before.
func (o *BatchOrder) Check(part *Dataset) error {
	step := func(table int, key string) error {
		switch {
		case table < o.table:
			return fmt.Errorf("%w: %s after %s", ErrBatchOrder, tableNames[table], tableNames[o.table])
		case table > o.table:
			o.table, o.any = table, false
		case o.any && key <= o.last:
			return fmt.Errorf("%w: %s key %q after %q", ErrBatchOrder, tableNames[table], key, o.last)
		}
		o.last, o.any = key, true
		return nil
	}
	for _, a := range part.Actors {
		if err := step(0, a.ID); err != nil {
			return err
		}
	}
	for _, p := range part.Projects {
		if err := step(1, p.ID); err != nil {
			return err
		}
	}
	for _, l := range part.Links {
		if err := step(2, l.Key()); err != nil {
			return err
		}
	}
	for _, p := range part.Participations {
		if err := step(3, p.Key()); err != nil {
			return err
		}
	}
	return nil
}

var tableNames = [...]string{"actor", "project", "link", "participation"}
