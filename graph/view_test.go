package graph

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// randomDataset returns a dataset with what NewNetwork must cope with:
// projects of many sizes, links of fractional weights in both directions,
// of several types, self-loops, zero weights, records naming actors or
// projects that are not there, and repeated participations.
func randomDataset(rng *rand.Rand) *Dataset {
	d := &Dataset{}
	n := 5 + rng.IntN(40)
	id := func(i int) string { return fmt.Sprintf("a%02d", i) }
	for i := range n {
		d.Actors = append(d.Actors, Actor{ID: id(i), Name: "Acteur " + id(i)})
	}
	for p := range 1 + rng.IntN(8) {
		pid := fmt.Sprintf("p%d", p)
		if rng.IntN(5) > 0 {
			d.Projects = append(d.Projects, Project{ID: pid})
		}
		size := 1 + rng.IntN(n)
		for range size {
			d.Participations = append(d.Participations, Participation{Actor: id(rng.IntN(n + 3)), Project: pid})
		}
	}
	types := []string{"", "funding", "partnership", "agreement"}
	for range rng.IntN(3 * n) {
		d.Links = append(d.Links, Link{
			Source: id(rng.IntN(n + 2)), Target: id(rng.IntN(n + 2)),
			Type: types[rng.IntN(len(types))], Weight: float64(rng.IntN(7)) / 3, Directed: rng.IntN(2) == 0,
		})
	}
	return d
}

// TestViewTies checks that the ties a View computes for each actor are those
// of NewNetwork, to the last bit of their weights, through the reader of a
// Network.
func TestViewTies(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	ctx := context.Background()
	for round := range 300 {
		d := randomDataset(rng)
		if round%2 == 0 {
			d.Sort() // as a store loads it; the other rounds keep the input order
		}
		n := NewNetwork(d)
		want := map[string][]Tie{}
		for _, tie := range n.Ties {
			want[tie.A] = append(want[tie.A], tie)
			want[tie.B] = append(want[tie.B], tie)
		}
		v := NewView(n)
		var ids []int
		for _, a := range n.Actors {
			i, ok, err := v.Find(ctx, a.ID)
			if err != nil || !ok {
				t.Fatalf("Find(%s) = %v, %v", a.ID, ok, err)
			}
			ids = append(ids, i)
		}
		// Expand in two batches, as a query does level by level.
		if err := v.Expand(ctx, ids[:len(ids)/2]); err != nil {
			t.Fatal(err)
		}
		if err := v.Expand(ctx, ids); err != nil {
			t.Fatal(err)
		}
		for k, a := range n.Actors {
			got, partners := v.Ties(ids[k], nil)
			w := want[a.ID]
			if len(got) == 0 && len(w) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, w) {
				t.Fatalf("round %d: ties of %s:\n got %+v\nwant %+v", round, a.ID, got, w)
			}
			for j, p := range partners {
				if other := got[j].A; other == a.ID && v.ID(p) != got[j].B || other != a.ID && v.ID(p) != other {
					t.Fatalf("round %d: partner %d of %s is %s, tie %+v", round, j, a.ID, v.ID(p), got[j])
				}
			}
			if deg := v.Degree(ids[k], nil); deg != len(w) {
				t.Fatalf("round %d: degree of %s %d, want %d", round, a.ID, deg, len(w))
			}
		}
		if _, ok, _ := v.Find(ctx, "a99"); ok {
			t.Fatal("Find found an actor that is not there")
		}
	}
}
