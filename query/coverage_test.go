package query

import (
	"fmt"
	"strings"
	"testing"

	"github.com/alliances/alliances/graph"
)

// TestCoverage counts by hand on four projects:
//
//	p1 development, youth:  a collectivite, b ong, c association  → 3 families, an alliance
//	p2 development+local:   a, d entreprise                       → 2 families
//	p3 nothing:             e autre, f (no family: autre)         → undescribed
//	p4 inclusive, women:    a, b, e                               → 2 families ("autre" does not count)
func TestCoverage(t *testing.T) {
	d := &graph.Dataset{
		Actors: []graph.Actor{{ID: "a", Family: "collectivite"}, {ID: "b", Family: "ong"}, {ID: "c", Family: "association"},
			{ID: "d", Family: "entreprise"}, {ID: "e", Family: "autre"}, {ID: "f"}},
		Projects: []graph.Project{
			{ID: "p1", Dimensions: []string{"development"}, Targets: []string{"youth"}},
			{ID: "p2", Dimensions: []string{"development", "local"}},
			{ID: "p3"},
			{ID: "p4", Dimensions: []string{"inclusive"}, Targets: []string{"women"}},
		},
	}
	for p, as := range map[string][]string{"p1": {"a", "b", "c"}, "p2": {"a", "d"}, "p3": {"e", "f"}, "p4": {"a", "b", "e"}} {
		for _, a := range as {
			d.Participations = append(d.Participations, graph.Participation{Actor: a, Project: p})
		}
	}
	res, err := Coverage(graph.NewNetwork(d), 3)
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, p := range res.Projects {
		rows = append(rows, fmt.Sprintln(p.ID, p.Dimensions, p.Targets, p.Families, p.Alliance))
	}
	if got, want := strings.Join(rows, ""), `p1 [development] [youth] [collectivite association ong] true
p2 [development local] [] [collectivite entreprise] false
p3 [] [] [autre] false
p4 [inclusive] [women] [collectivite ong autre] false
`; got != want {
		t.Errorf("matrix\n%s\nwant\n%s", got, want)
	}
	terms := func(ts []TermCoverage) string {
		out := ""
		for _, c := range ts {
			out += fmt.Sprintln(c.Value, c.Projects, c.Families, c.Alliances)
		}
		return out
	}
	// development: a counted once although in p1 and p2.
	if got, want := terms(res.ByDimension), `development [p1 p2] map[association:1 collectivite:1 entreprise:1 ong:1] [p1]
local [p2] map[collectivite:1 entreprise:1] []
sustainable [] map[] []
inclusive [p4] map[autre:1 collectivite:1 ong:1] []
`; got != want {
		t.Errorf("by dimension\n%s\nwant\n%s", got, want)
	}
	if got, want := terms(res.ByTarget), `youth [p1] map[association:1 collectivite:1 ong:1] [p1]
women [p4] map[autre:1 collectivite:1 ong:1] []
disability [] map[] []
precarity [] map[] []
`; got != want {
		t.Errorf("by target\n%s\nwant\n%s", got, want)
	}
	if got := fmt.Sprint(res.Uncovered.Dimensions, res.Uncovered.Targets, res.Undescribed); got != "[local sustainable inclusive] [women disability precarity] 1" {
		t.Errorf("uncovered, undescribed: %s", got)
	}
	// With 2 families, p2 and p4 are alliances too.
	res, _ = Coverage(graph.NewNetwork(d), 2)
	if got := fmt.Sprint(res.Uncovered.Dimensions, res.Uncovered.Targets); got != "[sustainable] [disability precarity]" {
		t.Errorf("uncovered with 2 families: %s", got)
	}
	if _, err := Coverage(graph.NewNetwork(d), 0); err == nil {
		t.Error("0 families accepted")
	}
}
