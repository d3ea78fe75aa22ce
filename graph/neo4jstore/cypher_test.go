package neo4jstore

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// TestPlainValue: values of user queries become JSON a researcher can read.
func TestPlainValue(t *testing.T) {
	actor := dbtype.Node{ElementId: "4:x:1", Labels: []string{"Actor"}, Props: map[string]any{"id": "nantes", "betweenness": 0.5}}
	project := dbtype.Node{ElementId: "4:x:2", Labels: []string{"Project"}, Props: map[string]any{"id": "P1"}}
	rel := dbtype.Relationship{ElementId: "5:x:1", Type: "PARTICIPATES_IN", Props: map[string]any{"role": "lead"}}
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"node", actor, `{"labels":["Actor"],"properties":{"betweenness":0.5,"id":"nantes"}}`},
		{"relationship", rel, `{"properties":{"role":"lead"},"type":"PARTICIPATES_IN"}`},
		{"path", dbtype.Path{Nodes: []dbtype.Node{actor, project}, Relationships: []dbtype.Relationship{rel}},
			`{"nodes":[{"labels":["Actor"],"properties":{"betweenness":0.5,"id":"nantes"}},{"labels":["Project"],"properties":{"id":"P1"}}],"relationships":[{"properties":{"role":"lead"},"type":"PARTICIPATES_IN"}]}`},
		{"list of nodes", []any{project, int64(3)}, `[{"labels":["Project"],"properties":{"id":"P1"}},3]`},
		{"map", map[string]any{"a": actor}, `{"a":{"labels":["Actor"],"properties":{"betweenness":0.5,"id":"nantes"}}}`},
		{"date", dbtype.Date(time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC)), `"2021-03-04"`},
		{"local datetime", dbtype.LocalDateTime(time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)), `"2021-03-04T05:06:07"`},
		{"datetime", time.Date(2021, 3, 4, 5, 6, 7, 0, time.FixedZone("", 3600)), `"2021-03-04T05:06:07+01:00"`},
		{"duration", dbtype.Duration{Months: 14, Days: 3}, `"P14M3DT0S"`},
		{"point", dbtype.Point2D{X: 1.5, Y: -2, SpatialRefId: 4326}, `{"srid":4326,"x":1.5,"y":-2}`},
		{"scalars", []any{"texte", int64(7), 2.5, true, nil}, `["texte",7,2.5,true,null]`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(plainValue(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if string(b) != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, b, tt.want)
		}
	}
}
