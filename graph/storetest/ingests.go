package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/alliances/alliances/graph"
)

// ingestRecords are two records with every field set, names in several
// scripts and characters that need escaping in JSON, Cypher and shells.
func ingestRecords() []graph.IngestRecord {
	return []graph.IngestRecord{{
		Files: []graph.RecordedFile{
			{Path: "données/acteurs ; été.csv", SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
			{Path: `liens "bis".csv`, SHA256: "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"},
		},
		Flags: []graph.RecordedFlag{
			{Name: "map", Value: "actor=Project Partner,project=Acronym"},
			{Name: "mapping", Value: "../mappings/keep.map",
				File: &graph.RecordedFile{Path: "../mappings/keep.map", SHA256: "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13"}},
		},
		Warnings: []string{`acteurs ; été.csv:3:2: column "name": near-duplicate actors: "Ville" and "ville" (hint: …)`, "naïve ‘quote’ \\ $x 東京"},
		Actors:   38, Links: 52, Projects: 6, Participations: 71,
		Version: "v1.2.3",
	}, {
		Files:   []graph.RecordedFile{{Path: "/abs/other.json", SHA256: "ab"}},
		Replace: true,
		Actors:  1,
	}}
}

// testIngests: the ingest log keeps every record, in order, whole; the data
// neither changes it nor shows it; a cancelled AddIngest writes nothing.
func testIngests(t *testing.T, open func(t *testing.T) graph.Store) {
	ctx := context.Background()
	s := openStore(t, open)
	log, err := s.Ingests(ctx)
	if err != nil {
		t.Fatalf("Ingests of a fresh store: %v", err)
	}
	if log == nil || len(log) != 0 {
		t.Fatalf("Ingests of a fresh store = %#v, want an empty slice", log)
	}
	recs := ingestRecords()
	mustPut(t, s, richData())
	for _, rec := range recs {
		if err := s.AddIngest(ctx, rec); err != nil {
			t.Fatalf("AddIngest: %v", err)
		}
	}
	// Changing the caller's record afterwards changes nothing stored.
	recs[0].Files[0].Path, recs[0].Flags[1].File.SHA256, recs[0].Warnings[0] = "x", "y", "z"
	want := ingestRecords()
	checkIngests(t, "after two AddIngest", s, want)

	mustPut(t, s, changes())
	if _, err := s.PutBatches(ctx, newSource(changes(), 3).batches, graph.Upsert); err != nil {
		t.Fatalf("PutBatches: %v", err)
	}
	checkIngests(t, "after Put and PutBatches", s, want)
	checkDataset(t, "Load after AddIngest", mustLoad(t, s), merged(richData(), changes()))
	// Replacing the data is the ingest's to record (IngestRecord.Replace).
	if _, err := s.PutBatches(ctx, newSource(changes(), 3).batches, graph.Replace); err != nil {
		t.Fatalf("PutBatches(Replace): %v", err)
	}
	checkIngests(t, "after PutBatches(Replace)", s, want)

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.AddIngest(cancelled, want[0]); !errors.Is(err, context.Canceled) {
		t.Errorf("AddIngest with a cancelled context: %v, want an error wrapping context.Canceled", err)
	}
	checkIngests(t, "after a cancelled AddIngest", s, want)
	if got := graph.CurrentIngests(want); len(got) != 1 || !got[0].Replace {
		t.Errorf("CurrentIngests = %+v, want the last record, which replaced the data", got)
	}
}

func checkIngests(t *testing.T, what string, s graph.Store, want []graph.IngestRecord) {
	t.Helper()
	got, err := s.Ingests(context.Background())
	if err != nil {
		t.Fatalf("%s: Ingests: %v", what, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: Ingests =\n%+v\nwant\n%+v", what, got, want)
	}
}
