package neo4jstore

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/alliances/alliances/graph"
)

// node simulates a Neo4j node's property map, as the statements change it.
type node map[string]any

// setPlus applies SET n += props: nil removes a property, lists are stored as
// lists, as Neo4j does.
func (n node) setPlus(t *testing.T, props map[string]any) {
	t.Helper()
	for k, v := range props {
		checkPropertyValue(t, k, v)
		if v == nil {
			delete(n, k)
			continue
		}
		n[k] = stored(v)
	}
}

// setAll applies SET r = props.
func setAll(t *testing.T, props map[string]any) node {
	n := node{}
	n.setPlus(t, props)
	return n
}

// stored returns v as the driver reads it back: lists of strings come back as
// []any.
func stored(v any) any {
	if xs, ok := v.([]string); ok {
		out := make([]any, len(xs))
		for i, x := range xs {
			out[i] = x
		}
		return out
	}
	return v
}

// checkPropertyValue fails unless v can be a Neo4j property value: maps, and
// lists of anything but scalars, are not.
func checkPropertyValue(t *testing.T, k string, v any) {
	t.Helper()
	switch v.(type) {
	case nil, string, int64, float64, bool, []string:
	default:
		t.Errorf("property %s: %T is not a valid Neo4j property value", k, v)
	}
}

func TestActorRoundTrip(t *testing.T) {
	tests := []graph.Actor{
		{ID: "minimal"},
		{ID: "nantes", Name: "Ville de Nantes", Family: "collectivite", Country: "FR", Territory: "Loire-Atlantique", Level: "local",
			Attrs:  map[string]string{"site": "https://nantes.fr", "nombre d'adhérents": "1 204", "": "attribut sans nom", "keys": "x"},
			Origin: graph.Provenance{File: "données/acteurs été.xlsx", Line: 14}},
		{ID: "東京-ngo", Name: "東京 NGO", Attrs: map[string]string{"notes": "ligne 1\nligne 2"}, Origin: graph.Provenance{Line: 7}},
	}
	for _, a := range tests {
		t.Run(a.ID, func(t *testing.T) {
			n := node{}
			n.setPlus(t, actorProps(a, nil, nil))
			got, err := actorFromProps(n)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, a) {
				t.Errorf("round trip:\n got %+v\nwant %+v", got, a)
			}
		})
	}
}

// TestActorReplaceKeepsMetrics: re-putting an actor removes the fields and
// attributes it no longer has, and keeps its metrics and the placeholder mark
// is cleared.
func TestActorReplaceKeepsMetrics(t *testing.T) {
	first := graph.Actor{ID: "a", Name: "A", Family: "ong", Territory: "Dakar",
		Attrs: map[string]string{"site": "x", "thème": "santé"}, Origin: graph.Provenance{File: "f.csv", Line: 3}}
	second := graph.Actor{ID: "a", Name: "A bis", Attrs: map[string]string{"thème": "eau"}}

	n := node{}
	n.setPlus(t, placeholderProps(nil))
	n["id"] = "a"
	n.setPlus(t, actorProps(first, nil, nil))
	values, err := metricsValues(graph.ActorMetrics{ID: "a", Values: map[string]float64{"betweenness": 0.5, "degree": 3}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	n.setPlus(t, values)

	old := (&props{m: n}).strings(attrNamesProp)
	n.setPlus(t, actorProps(second, old, nil))
	got, err := actorFromProps(n)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, second) {
		t.Errorf("after replace:\n got %+v\nwant %+v", got, second)
	}
	for _, gone := range []string{"attr_site", "family", "territory", originFileProp, originLineProp, placeholderProp} {
		if _, ok := n[gone]; ok {
			t.Errorf("property %s survived the replace: %v", gone, n)
		}
	}
	m, err := metricsFromProps("a", n)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]float64{"betweenness": 0.5, "degree": 3}; !reflect.DeepEqual(m.Values, want) {
		t.Errorf("metrics after the actor was replaced = %v, want %v", m.Values, want)
	}
	if n["betweenness"] != 0.5 {
		t.Errorf("a.betweenness = %v, want 0.5 for Cypher users", n["betweenness"])
	}
}

func TestProjectRoundTrip(t *testing.T) {
	tests := []graph.Project{
		{ID: "P-min"},
		{ID: "P-eau-1", Name: "Accès à l'eau potable", Programme: "Eau & assainissement", Phase: 2, Start: "2018", End: "2020-06-30",
			Dimensions: []string{"development", "inclusive"}, Targets: []string{"women", "youth"}, Territory: "Ségou",
			Attrs: map[string]string{"budget_eur": "1 250 000,50"}, Origin: graph.Provenance{File: "projets.csv", Line: 2}},
	}
	for _, p := range tests {
		t.Run(p.ID, func(t *testing.T) {
			n := node{}
			n.setPlus(t, projectProps(p, nil, nil))
			got, err := projectFromProps(n)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, p) {
				t.Errorf("round trip:\n got %+v\nwant %+v", got, p)
			}
		})
	}
	// Replace: lists and attributes left out are removed.
	n := node{}
	n.setPlus(t, projectProps(tests[1], nil, nil))
	n.setPlus(t, projectProps(graph.Project{ID: "P-eau-1", Name: "Eau"}, []string{"budget_eur"}, nil))
	got, err := projectFromProps(n)
	if err != nil {
		t.Fatal(err)
	}
	if want := (graph.Project{ID: "P-eau-1", Name: "Eau"}); !reflect.DeepEqual(got, want) {
		t.Errorf("after replace: got %+v, want %+v (stored %v)", got, want, n)
	}
}

func TestLinkRoundTrip(t *testing.T) {
	tests := []graph.Link{
		{Source: "nantes", Target: "enda", Type: "partnership", Weight: 2.5, Start: "2015", End: "2021", Origin: graph.Provenance{File: "liens.csv", Line: 2}},
		{Source: "enda", Target: "nantes", Type: "funding", Weight: 1, Directed: true},
		{Source: "nantes", Target: "nantes", Weight: 0.125},
		{Source: "a", Target: "b", Weight: 0},
	}
	for _, l := range tests {
		row := linkRow(l, nil)
		for _, k := range []string{"source", "target", "key", "props", "placeholder"} {
			if _, ok := row[k]; !ok {
				t.Errorf("link row lacks %s: %v", k, row)
			}
		}
		r := setAll(t, row["props"].(map[string]any))
		got, err := linkFromProps(row["source"].(string), row["target"].(string), r)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, l) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, l)
		}
	}
}

func TestLinkKey(t *testing.T) {
	ab := graph.Link{Source: "a", Target: "b", Type: "partnership"}
	ba := graph.Link{Source: "b", Target: "a", Type: "partnership"}
	if linkKey(ab) != linkKey(ba) {
		t.Errorf("undirected links a-b and b-a have different keys %s and %s", linkKey(ab), linkKey(ba))
	}
	ab.Directed, ba.Directed = true, true
	if linkKey(ab) == linkKey(ba) {
		t.Errorf("directed links a->b and b->a share the key %s", linkKey(ab))
	}
	ab.Directed = false
	if linkKey(ab) == linkKey(ba) {
		t.Errorf("undirected and directed links share the key %s", linkKey(ab))
	}
	// Separators inside ids do not make two links collide.
	x := graph.Link{Source: `a","b`, Target: "c"}
	y := graph.Link{Source: "a", Target: `b","c`}
	if linkKey(x) == linkKey(y) {
		t.Errorf("links %+v and %+v share the key %s", x, y, linkKey(x))
	}
	undirected := graph.Link{Source: "b", Target: "a", Type: "partnership"}
	if want := `["a","b","partnership","u"]`; linkKey(undirected) != want {
		t.Errorf("linkKey = %s, want %s", linkKey(undirected), want)
	}
}

func TestParticipationRoundTrip(t *testing.T) {
	for _, p := range []graph.Participation{
		{Actor: "nantes", Project: "P-eau-1", Role: "lead", Start: "2018", End: "2020", Origin: graph.Provenance{File: "participations.csv", Line: 2}},
		{Actor: "minimal", Project: "P-min"},
	} {
		row := participationRow(p, nil)
		got, err := participationFromProps(row["actor"].(string), row["project"].(string), setAll(t, row["props"].(map[string]any)))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, p) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, p)
		}
	}
}

func TestMetricsReplace(t *testing.T) {
	n := node{"id": "nantes", "name": "Ville de Nantes"}
	first, err := metricsValues(graph.ActorMetrics{ID: "nantes", Values: map[string]float64{
		"degree": 4, "betweenness": 0.5, "closeness": math.NaN(), "eigenvector": math.Inf(1)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	n.setPlus(t, first)
	got, err := metricsFromProps("nantes", n)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]float64{"degree": 4, "betweenness": 0.5}; !reflect.DeepEqual(got.Values, want) {
		t.Errorf("metrics = %v, want %v (undefined values left out)", got.Values, want)
	}
	old := (&props{m: n}).strings(metricKeysProp)
	second, err := metricsValues(graph.ActorMetrics{ID: "nantes", Values: map[string]float64{"core": 3}}, old)
	if err != nil {
		t.Fatal(err)
	}
	n.setPlus(t, second)
	got, err = metricsFromProps("nantes", n)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]float64{"core": 3}; !reflect.DeepEqual(got.Values, want) {
		t.Errorf("metrics after replace = %v, want %v", got.Values, want)
	}
	if _, ok := n["degree"]; ok {
		t.Errorf("old metric degree survived: %v", n)
	}
	if n["name"] != "Ville de Nantes" {
		t.Errorf("PutMetrics changed the actor's name: %v", n)
	}
}

func TestMetricNamesReserved(t *testing.T) {
	for _, name := range []string{"id", "name", "family", "country", "territory", "level", "attr_site",
		attrNamesProp, metricKeysProp, originFileProp, originLineProp, placeholderProp, "_alliances_test", ""} {
		if _, err := metricsValues(graph.ActorMetrics{ID: "a", Values: map[string]float64{name: 1}}, nil); err == nil {
			t.Errorf("metric name %q accepted; it would overwrite an actor field", name)
		}
	}
	for _, name := range []string{"degree", "betweenness", "ei_index", "partner_diversity", "coordinator"} {
		if err := checkMetricName(name); err != nil {
			t.Errorf("metric name %q refused: %v", name, err)
		}
	}
}

func TestFromPropsWrongTypes(t *testing.T) {
	tests := []struct {
		name string
		err  func() error
		want string
	}{
		{"actor name", func() error { _, err := actorFromProps(node{"id": "a", "name": int64(3)}); return err }, "property name"},
		{"project phase", func() error { _, err := projectFromProps(node{"id": "p", "phase": "deux"}); return err }, "property phase"},
		{"project dims", func() error {
			_, err := projectFromProps(node{"id": "p", "dimensions": []any{"local", int64(2)}})
			return err
		}, "property dimensions"},
		{"link weight", func() error { _, err := linkFromProps("a", "b", node{"weight": "lourd"}); return err }, "property weight"},
		{"link directed", func() error { _, err := linkFromProps("a", "b", node{"directed": "oui"}); return err }, "property directed"},
		{"metric", func() error {
			_, err := metricsFromProps("a", node{metricKeysProp: []any{"degree"}, "degree": "trois"})
			return err
		}, "property degree"},
	}
	for _, tt := range tests {
		err := tt.err()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one naming %q", tt.name, err, tt.want)
		}
	}
	// Numbers written by Cypher users as integers are read as numbers.
	l, err := linkFromProps("a", "b", node{"weight": int64(2)})
	if err != nil || l.Weight != 2 {
		t.Errorf("integer weight: got %v, %v", l.Weight, err)
	}
}

func TestMarkerOnEveryNode(t *testing.T) {
	marker := map[string]any{"_alliances_test": "run-1"}
	for name, p := range map[string]map[string]any{
		"actor":       actorProps(graph.Actor{ID: "a"}, nil, marker),
		"project":     projectProps(graph.Project{ID: "p"}, nil, marker),
		"placeholder": placeholderProps(marker),
	} {
		if p["_alliances_test"] != "run-1" {
			t.Errorf("%s properties lack the test marker: %v", name, p)
		}
	}
	if _, ok := actorProps(graph.Actor{ID: "a"}, nil, nil)["_alliances_test"]; ok {
		t.Error("the marker is set outside tests")
	}
}

func FuzzActorRoundTrip(f *testing.F) {
	f.Add("nantes", "Ville de Nantes", "collectivite", "site", "https://nantes.fr", "acteurs.csv", 2)
	f.Add("東京", "", "", "", "", "", 0)
	f.Add("a\x00b", "x\ny", "ong", "attr_x", "\"", "f", -1)
	f.Fuzz(func(t *testing.T, id, name, family, attrKey, attrVal, file string, line int) {
		a := graph.Actor{ID: id, Name: name, Family: family, Attrs: map[string]string{attrKey: attrVal},
			Origin: graph.Provenance{File: file, Line: line}}
		n := node{}
		n.setPlus(t, actorProps(a, []string{"stale"}, nil))
		got, err := actorFromProps(n)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, a) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, a)
		}
	})
}

func TestDedupeLastWins(t *testing.T) {
	d := &graph.Dataset{
		Actors: []graph.Actor{{ID: "a", Name: "first"}, {ID: "b"}, {ID: "a", Name: "last"}},
		Links: []graph.Link{
			{Source: "a", Target: "b", Type: "partnership", Weight: 1},
			{Source: "b", Target: "a", Type: "partnership", Weight: 2}, // same undirected key
			{Source: "b", Target: "a", Type: "partnership", Weight: 3, Directed: true},
		},
		Participations: []graph.Participation{{Actor: "a", Project: "p", Role: "lead"}, {Actor: "a", Project: "p", Role: "partner"}},
	}
	u := dedupe(d)
	if len(u.Actors) != 2 || u.Actors[0].Name != "last" || u.Actors[1].ID != "b" {
		t.Errorf("actors = %+v", u.Actors)
	}
	if len(u.Links) != 2 || u.Links[0].Weight != 2 || u.Links[0].Source != "b" || !u.Links[1].Directed {
		t.Errorf("links = %+v", u.Links)
	}
	if len(u.Participations) != 1 || u.Participations[0].Role != "partner" {
		t.Errorf("participations = %+v", u.Participations)
	}
	if d.Actors[0].Name != "first" || len(d.Actors) != 3 {
		t.Error("dedupe modified its argument")
	}
}
