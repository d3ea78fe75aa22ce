package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/alliances/alliances/graph/neo4jstore"
)

// TestOutput: the linter receives every statement of the registry, with its
// parameters, and the schema it is checked against.
func TestOutput(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(&out, &errOut); code != 0 {
		t.Fatalf("exit code %d: %s", code, errOut.String())
	}
	var got output
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	want := neo4jstore.Statements()
	if len(got.Statements) != len(want) {
		t.Fatalf("%d statements, want %d", len(got.Statements), len(want))
	}
	for i, st := range want {
		g := got.Statements[i]
		if g.Name != st.Name || g.Cypher != st.Cypher || len(g.Params) != len(st.Params) {
			t.Errorf("statement %d = %+v, want %+v", i, g, st)
		}
	}
	if len(got.Labels) != 3 || len(got.RelationshipTypes) != 2 || len(got.RelationshipEnds) != 2 || len(got.PropertyKeys) == 0 {
		t.Errorf("schema incomplete: %+v", got)
	}
}
