package compare

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/alliances/alliances/graph"
)

// gapped is a programme of four phases, counted by hand below: a and b work
// together in phases 1, 3 and 4 (not 2); c is in phases 2 to 4; d only in 2.
func gapped() *graph.Dataset {
	d := &graph.Dataset{}
	for _, id := range []string{"a", "b", "c", "d"} {
		d.Actors = append(d.Actors, graph.Actor{ID: id, Family: map[string]string{"a": "ong", "b": "association", "c": "ong", "d": "entreprise"}[id]})
	}
	members := map[int][]string{1: {"a", "b"}, 2: {"c", "d"}, 3: {"a", "b", "c"}, 4: {"a", "b", "c"}}
	for ph := 1; ph <= 4; ph++ {
		id := fmt.Sprintf("p%d", ph)
		d.Projects = append(d.Projects, graph.Project{ID: id, Programme: "P", Phase: ph, Start: fmt.Sprint(2010 + ph), End: fmt.Sprint(2010 + ph)})
		for _, a := range members[ph] {
			d.Participations = append(d.Participations, graph.Participation{Actor: a, Project: id})
		}
	}
	d.Sort()
	return d
}

func TestCompareRuns(t *testing.T) {
	res, err := Compare(context.Background(), gapped(), nil, Options{By: ByPhase, AllTies: true})
	if err != nil {
		t.Fatal(err)
	}
	// a: phases 1, 3, 4 → tenure 3, longest run 2 (3–4); c: 2, 3, 4 → 3.
	want := map[string]string{"a": "3 phase 1 phase 4 2", "b": "3 phase 1 phase 4 2", "c": "3 phase 2 phase 4 3", "d": "1 phase 2 phase 2 1"}
	for _, a := range res.Actors {
		if got := fmt.Sprint(a.Tenure, " ", a.First, " ", a.Last, " ", a.LongestRun); got != want[a.ID] {
			t.Errorf("%s: %s, want %s", a.ID, got, want[a.ID])
		}
	}
	// Ties: a–b in 1, 3, 4 (run 2); c–d in 2; a–c, b–c in 3, 4 (run 2).
	got := ""
	for _, r := range res.Ties {
		got += fmt.Sprintf("%s-%s %v %d; ", r.A, r.B, r.Slices, r.LongestRun)
	}
	if want := "a-b [phase 1 phase 3 phase 4] 2; a-c [phase 3 phase 4] 2; b-c [phase 3 phase 4] 2; c-d [phase 2] 1; "; got != want {
		t.Errorf("ties %s\nwant %s", got, want)
	}
	// Nothing is in every phase. Continuity: 0/1 (1→2), 0/1 (2→3), 3/3 (3→4).
	if len(res.Core.Actors) != 0 || len(res.Core.Ties) != 0 {
		t.Errorf("core %+v", res.Core)
	}
	if c := float64(res.Continuity); c != 1.0/3 {
		t.Errorf("continuity %v, want 1/3", c)
	}
	tr := res.Transitions[1] // phase 2 → 3: c stayed, a and b entered, d left
	if fmt.Sprint(tr.Entered, tr.Left, tr.Stayed, tr.EnteredFamilies) != "[a b] [d] [c] map[association:1 ong:1]" ||
		tr.TiesKept != 0 || tr.TiesNew != 3 || tr.TiesDropped != 1 || float64(tr.ActorJaccard) != 0.25 {
		t.Errorf("transition 2→3: %+v", tr)
	}
}

func TestCompareErrors(t *testing.T) {
	d := gapped()
	d.Projects = append(d.Projects, graph.Project{ID: "q1", Programme: "Q", Phase: 1})
	d.Sort()
	if _, err := Compare(context.Background(), d, nil, Options{By: ByPhase}); !errors.Is(err, ErrProgrammes) {
		t.Errorf("two programmes: %v", err)
	}
	if _, err := Compare(context.Background(), d, nil, Options{By: ByPeriod}); !errors.Is(err, ErrOptions) {
		t.Errorf("no periods: %v", err)
	}
	// A period with no project is an empty slice, not an error.
	res, err := Compare(context.Background(), gapped(), nil, Options{By: ByPeriod, Periods: []graph.Period{{From: "2011", To: "2012"}, {From: "2030"}}})
	if err != nil || res.Slices[1].Actors != 0 || len(res.Transitions[0].Left) != 4 {
		t.Errorf("empty period: %v %+v", err, res)
	}
}
