package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/embedded"
	"github.com/alliances/alliances/graph/neo4jstore"
)

// errNoStore is returned for an embedded store file that does not exist yet.
var errNoStore = errors.New("no store")

// openStore opens the store named by --store for writing: a Neo4j URI or an
// embedded file. When mustExist is set, a missing embedded file is an error
// wrapping errNoStore that says how to create it, instead of a new empty store.
func openStore(ctx context.Context, location string, mustExist bool) (graph.Store, error) {
	if neo4jstore.IsURI(location) {
		s, err := openNeo4j(ctx, location)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	if mustExist {
		if err := checkExists(location); err != nil {
			return nil, err
		}
	} else if err := checkScheme(location); err != nil {
		return nil, err
	}
	if err := checkStoreFile(location); err != nil {
		return nil, err
	}
	return embedded.Open(location)
}

// openReader opens an existing store for reading: an embedded store is opened
// read-only, so that several commands can read it at once.
func openReader(ctx context.Context, location string) (graph.Store, error) {
	if neo4jstore.IsURI(location) {
		s, err := openNeo4j(ctx, location)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	if err := checkExists(location); err != nil {
		return nil, err
	}
	if err := checkStoreFile(location); err != nil {
		return nil, err
	}
	return embedded.OpenReadOnly(location)
}

// openNeo4j opens the Neo4j store at uri. An address with credentials in
// it is a usage error that does not quote it.
func openNeo4j(ctx context.Context, uri string) (*neo4jstore.Store, error) {
	if err := neo4jstore.CheckURI(uri); err != nil {
		return nil, usageError{"--store: " + err.Error()}
	}
	return neo4jstore.Open(ctx, neo4jstore.ConfigFromEnv(uri))
}

// checkStoreFile refuses an embedded store path that exists and is not a
// regular file: a named pipe would block the store forever, a directory or
// a device is a mistake.
func checkStoreFile(location string) error {
	fi, err := os.Stat(location)
	if err != nil || fi.Mode().IsRegular() {
		return nil // a missing file is created, or its error comes from opening it
	}
	what := "not a regular file"
	switch m := fi.Mode(); {
	case m.IsDir():
		what = "a directory"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		what = "a device"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	}
	return usagef("--store %s is %s: the embedded store is one regular file (default alliances.db)", location, what)
}

// checkScheme rejects a --store that looks like a URI of another scheme
// (http://, neo4j:/ typos…), which would otherwise be taken for a file path.
func checkScheme(location string) error {
	if scheme, _, ok := strings.Cut(location, "://"); ok && !strings.ContainsAny(scheme, `/\`) {
		return usageError{fmt.Sprintf("--store %s: unknown scheme %s://: a Neo4j store is neo4j://, bolt://, neo4j+s:// or bolt+s://HOST:PORT; anything else is a file path", location, scheme)}
	}
	return nil
}

func checkExists(location string) error {
	if err := checkScheme(location); err != nil {
		return err
	}
	if _, err := os.Stat(location); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w at %s: load data first with 'alliances ingest FILE... --store %s'", errNoStore, location, location)
	}
	return nil
}

// loadNetwork loads the store and builds the cooperation network of the
// slice s (the whole store for the zero slice): the sliced dataset and its
// network, which carries the description of the slice (Network.Slice). A
// slice that cannot be taken is a usage error (exit code 2).
func loadNetwork(ctx context.Context, location string, s *graph.Slice) (*graph.Dataset, *graph.Network, error) {
	d, err := loadDataset(ctx, location)
	if err != nil {
		return nil, nil, err
	}
	d, net, err := s.Network(d)
	if err != nil {
		return nil, nil, sliceError(err)
	}
	return d, net, nil
}

// loadSlice loads the store and returns the dataset of the slice s, without
// building its network.
func loadSlice(ctx context.Context, location string, s *graph.Slice) (*graph.Dataset, error) {
	d, err := loadDataset(ctx, location)
	if err != nil || s.IsZero() {
		return d, err
	}
	d, _, err = s.Apply(d)
	return d, sliceError(err)
}

// loadDataset loads every record of the store, which must hold actors.
func loadDataset(ctx context.Context, location string) (*graph.Dataset, error) {
	st, err := openReader(ctx, location)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	d, err := st.Load(ctx)
	if err != nil {
		return nil, err
	}
	if len(d.Actors) == 0 {
		return nil, fmt.Errorf("the store %s holds no actors: load data first with 'alliances ingest FILE...'", location)
	}
	return d, nil
}
