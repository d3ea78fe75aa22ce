package query_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
	"github.com/alliances/alliances/query"
)

// TestFixture checks the answers shared with the store contract suite, on the
// network of storetest.Fixture built without a store.
func TestFixture(t *testing.T) {
	storetest.CheckQueries(t, graph.NewNetwork(storetest.Fixture()))
}

// network builds a network from "a-b" declared links (weight 1) and actors
// given as "id:family:country".
func network(actors []string, links ...string) *graph.Network {
	d := &graph.Dataset{}
	for _, a := range actors {
		f := strings.Split(a+"::", ":")
		d.Actors = append(d.Actors, graph.Actor{ID: f[0], Family: f[1], Country: f[2]})
	}
	for _, l := range links {
		ends := strings.SplitN(l, "-", 2)
		d.Links = append(d.Links, graph.Link{Source: ends[0], Target: ends[1], Weight: 1})
	}
	return graph.NewNetwork(d)
}

func ids(refs []query.ActorRef) string {
	var s []string
	for _, r := range refs {
		s = append(s, r.ID)
	}
	return strings.Join(s, " ")
}

func TestPaths(t *testing.T) {
	// a-b-d, a-c-d and a-e-f-d: two shortest paths of 2 ties, in id order;
	// the longer one through e and f is not shortest.
	n := network([]string{"a", "b", "c", "d", "e", "f"}, "a-c", "c-d", "a-b", "b-d", "a-e", "e-f", "f-d")
	paths, err := query.Paths(n, "a", "d", 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range paths {
		got = append(got, fmt.Sprintf("%d:%s", p.Length, ids(p.Actors)))
		for i, tie := range p.Ties {
			if tie.A.ID != p.Actors[i].ID || tie.B.ID != p.Actors[i+1].ID {
				t.Errorf("tie %d of path %s goes %s→%s", i, ids(p.Actors), tie.A.ID, tie.B.ID)
			}
		}
	}
	if want := "2:a b d|2:a c d"; strings.Join(got, "|") != want {
		t.Errorf("Paths(a, d) = %q, want %q", strings.Join(got, "|"), want)
	}
	// Backwards, the ties are oriented from d.
	paths, _ = query.Paths(n, "d", "a", 1)
	if len(paths) != 1 || ids(paths[0].Actors) != "d b a" || paths[0].Ties[0].A.ID != "d" {
		t.Errorf("Paths(d, a, 1) = %+v, want d b a", paths)
	}
}

func TestPathsCountGrid(t *testing.T) {
	// In a 4×4 grid, the shortest paths between opposite corners are the
	// C(6,3) = 20 ways to order 3 steps right and 3 steps down.
	var actors, links []string
	id := func(r, c int) string { return fmt.Sprintf("n%d%d", r, c) }
	for r := 0; r < 4; r++ {
		for c := 0; c < 4; c++ {
			actors = append(actors, id(r, c))
			if c < 3 {
				links = append(links, id(r, c)+"-"+id(r, c+1))
			}
			if r < 3 {
				links = append(links, id(r, c)+"-"+id(r+1, c))
			}
		}
	}
	paths, err := query.Paths(network(actors, links...), "n00", "n33", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 20 {
		t.Fatalf("%d paths, want 20", len(paths))
	}
	for i := 1; i < len(paths); i++ {
		if ids(paths[i-1].Actors) >= ids(paths[i].Actors) {
			t.Errorf("paths out of order: %s before %s", ids(paths[i-1].Actors), ids(paths[i].Actors))
		}
	}
	if paths[0].Length != 6 || ids(paths[0].Actors) != "n00 n01 n02 n03 n13 n23 n33" {
		t.Errorf("first path %s (%d ties), want along the top row then down", ids(paths[0].Actors), paths[0].Length)
	}
}

func TestPartnersTiesAmongSameDistance(t *testing.T) {
	// Star center c with b1, b2 tied to each other; d tied to b2 only.
	// Depth 1: c, b1, b2 and the three ties among them (b1-b2 included, as
	// in NetworkX's ego_graph); d and b2-d are out.
	n := network([]string{"c", "b1", "b2", "d"}, "c-b1", "c-b2", "b1-b2", "b2-d")
	e, err := query.Partners(n, "c", 1)
	if err != nil {
		t.Fatal(err)
	}
	var ties []string
	for _, tie := range e.Ties {
		ties = append(ties, tie.A.ID+"-"+tie.B.ID)
	}
	var actors []string
	for _, a := range e.Actors {
		actors = append(actors, fmt.Sprintf("%s@%d", a.ID, a.Distance))
	}
	if got, want := strings.Join(actors, " "), "c@0 b1@1 b2@1"; got != want {
		t.Errorf("actors %q, want %q", got, want)
	}
	if got, want := strings.Join(ties, " "), "b1-b2 b1-c b2-c"; got != want {
		t.Errorf("ties %q, want %q", got, want)
	}
}

func TestGroups(t *testing.T) {
	// Two triangles sharing the edge b-c (a-b-c and b-c-d) and a 4-clique
	// w-x-y-z with a pendant p on w. Maximal cliques of 3 or more: abc, bcd,
	// wxyz. Families: a, w collectivite; b, x association; c, y ong;
	// d collectivite; z entreprise; p ong.
	n := network(
		[]string{"a:collectivite", "b:association", "c:ong", "d:collectivite",
			"w:collectivite", "x:association", "y:ong", "z:entreprise", "p:ong"},
		"a-b", "a-c", "b-c", "b-d", "c-d", "w-x", "w-y", "w-z", "x-y", "x-z", "y-z", "p-w")
	res, err := query.Alliances(n, 3, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range res.Groups {
		got = append(got, fmt.Sprintf("%s (%d families, weight %g)", ids(g.Actors), len(g.Families), g.Weight))
	}
	// wxyz has 4 families; abc and bcd 3 each, in id order.
	want := []string{"w x y z (4 families, weight 6)", "a b c (3 families, weight 3)", "b c d (3 families, weight 3)"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("groups:\n got %q\nwant %q", got, want)
	}
	if len(res.Projects) != 0 {
		t.Errorf("projects %+v, want none", res.Projects)
	}
}

func TestGroupsLargeClique(t *testing.T) {
	// A project of 12 participants is one clique of 12, whatever the order
	// of the search: no sub-clique is reported, and the clique, which is the
	// project again, is not listed as a group.
	d := &graph.Dataset{Projects: []graph.Project{{ID: "p"}}}
	for i := 0; i < 12; i++ {
		id := fmt.Sprintf("a%02d", i)
		d.Actors = append(d.Actors, graph.Actor{ID: id, Family: graph.Families[i%4]})
		d.Participations = append(d.Participations, graph.Participation{Actor: id, Project: "p"})
	}
	res, err := query.Alliances(graph.NewNetwork(d), 4, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Groups) != 0 {
		t.Errorf("groups %+v, want none: the clique of 12 is project p", res.Groups)
	}
	if len(res.Projects) != 1 || len(res.Projects[0].MissingFamilies) != 0 {
		t.Errorf("projects %+v, want p with no core family missing", res.Projects)
	}
	// Without the project, the same ties make one group of 12.
	d.Participations, d.Projects = nil, nil
	for i := 0; i < 12; i++ {
		for j := i + 1; j < 12; j++ {
			d.Links = append(d.Links, graph.Link{Source: fmt.Sprintf("a%02d", i), Target: fmt.Sprintf("a%02d", j), Weight: 1})
		}
	}
	res, err = query.Alliances(graph.NewNetwork(d), 4, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Groups) != 1 || len(res.Groups[0].Actors) != 12 || res.Groups[0].Weight != 66 {
		t.Errorf("groups %+v, want one of 12 actors, weight C(12,2) = 66", res.Groups)
	}
}

func TestCrossBorderWithoutCountry(t *testing.T) {
	// a (FR) - b (SN) crosses; b - c (no country) and c - d (no country) are
	// left out and counted; a - e (FR) is domestic.
	n := network([]string{"a::FR", "b::SN", "c", "d", "e::FR"}, "a-b", "b-c", "c-d", "a-e")
	res, err := query.CrossBorder(n)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Ties) != 1 || res.WithoutCountry != 2 || len(res.Pairs) != 1 || res.Pairs[0].A != "FR" || res.Pairs[0].Actors != 2 {
		t.Errorf("CrossBorder = %+v, want one FR–SN tie between 2 actors and 2 ties without country", res)
	}
}

func TestActorLookup(t *testing.T) {
	n := graph.NewNetwork(storetest.Fixture())
	// Any case, and names: graph.Lookup.
	if ego, err := query.Partners(n, "Kayes", 1); err != nil || ego.Center.ID != "kayes" {
		t.Errorf("Partners(Kayes): %v, %v; want the actor kayes", ego, err)
	}
	_, err := query.Partners(n, "Kayess", 1)
	if !errors.Is(err, query.ErrUnknownActor) || !errors.Is(err, graph.ErrNotFound) {
		t.Fatalf("error %v does not wrap ErrUnknownActor and graph.ErrNotFound", err)
	}
	if want := `unknown actor "Kayess": no actor has this id or name (did you mean "kayes"`; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %q, want it to begin with %q", err, want)
	}
	// Two actors have "kaye" in their id or name (femmes-kayes and kayes).
	_, err = query.Paths(n, "kaye", "kayes", 1)
	if !errors.Is(err, query.ErrUnknownActor) || !errors.Is(err, graph.ErrAmbiguous) ||
		!strings.Contains(err.Error(), `"femmes-kayes"`) || !strings.Contains(err.Error(), `"kayes"`) {
		t.Errorf("ambiguous actor: %v", err)
	}
}

func TestUnknownFamilyMessage(t *testing.T) {
	_, err := query.Between(graph.NewNetwork(storetest.Fixture()), "ngo", "ong")
	if !errors.Is(err, query.ErrUnknownFamily) {
		t.Fatalf("error %v does not wrap ErrUnknownFamily", err)
	}
	if want := `unknown family "ngo" (families: collectivite, association, ong, entreprise, institution, autre)`; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
}

func TestDeterministicJSON(t *testing.T) {
	// Map iteration must not leak into results: 20 runs give the same bytes.
	n := graph.NewNetwork(storetest.Fixture())
	first := ""
	for i := 0; i < 20; i++ {
		var b strings.Builder
		a, _ := query.Alliances(n, 1, 0)
		c, _ := query.CrossBorder(n)
		e, _ := query.Partners(n, "nantes", 3)
		fmt.Fprintf(&b, "%+v %+v %+v", a, c, e)
		if i == 0 {
			first = b.String()
		} else if b.String() != first {
			t.Fatal("results differ between runs")
		}
	}
}

// TestGroupsFamilyPruning checks, on random networks, that the groups of at
// least k families are exactly the groups of at least one family that hold
// k families or more: the search that cuts branches with too few families
// loses no group and adds none.
func TestGroupsFamilyPruning(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	fams := []string{"collectivite", "association", "ong", "entreprise", "institution", ""}
	for round := 0; round < 40; round++ {
		n := 8 + rng.IntN(18)
		var actors, links []string
		for i := 0; i < n; i++ {
			actors = append(actors, fmt.Sprintf("a%02d:%s", i, fams[rng.IntN(len(fams))]))
		}
		p := 0.2 + 0.5*rng.Float64()
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				if rng.Float64() < p {
					links = append(links, fmt.Sprintf("a%02d-a%02d", i, j))
				}
			}
		}
		net := network(actors, links...)
		all, err := query.Alliances(net, 1, 0)
		if err != nil {
			t.Fatal(err)
		}
		for k := 2; k <= 5; k++ {
			res, err := query.Alliances(net, k, 0)
			if err != nil {
				t.Fatal(err)
			}
			var want, got []string
			for _, g := range all.Groups {
				if g.Combined >= k {
					want = append(want, ids(g.Actors))
				}
			}
			for _, g := range res.Groups {
				got = append(got, ids(g.Actors))
			}
			if strings.Join(got, "; ") != strings.Join(want, "; ") {
				t.Fatalf("round %d, k = %d: groups\n got %q\nwant %q", round, k, got, want)
			}
		}
	}
}

// TestAlliancesMaxGroups checks that a bounded search returns groups of the
// whole answer, says when it stopped short, and does not when the bound is
// not reached.
func TestAlliancesMaxGroups(t *testing.T) {
	// Four triangles of three families around a hub: four groups of four
	// actors each (the hub and a triangle).
	actors := []string{"hub:ong"}
	var links []string
	for i := range 4 {
		a, b, c := fmt.Sprintf("a%d", i), fmt.Sprintf("b%d", i), fmt.Sprintf("c%d", i)
		actors = append(actors, a+":collectivite", b+":association", c+":entreprise")
		links = append(links, a+"-"+b, b+"-"+c, a+"-"+c, "hub-"+a, "hub-"+b, "hub-"+c)
	}
	net := network(actors, links...)
	all, err := query.Alliances(net, 3, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Groups) != 4 || all.Truncated {
		t.Fatalf("unbounded: %d groups, truncated %v; want 4, false", len(all.Groups), all.Truncated)
	}
	whole := map[string]bool{}
	for _, g := range all.Groups {
		whole[ids(g.Actors)] = true
	}
	for _, tc := range []struct {
		max       int
		groups    int
		truncated bool
	}{{1, 1, true}, {3, 3, true}, {4, 4, false}, {10, 4, false}} {
		res, err := query.Alliances(net, 3, tc.max)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Groups) != tc.groups || res.Truncated != tc.truncated {
			t.Errorf("max %d: %d groups, truncated %v; want %d, %v", tc.max, len(res.Groups), res.Truncated, tc.groups, tc.truncated)
		}
		for _, g := range res.Groups {
			if !whole[ids(g.Actors)] {
				t.Errorf("max %d: group %s is not a group of the whole answer", tc.max, ids(g.Actors))
			}
		}
		if len(res.Projects) != len(all.Projects) {
			t.Errorf("max %d: %d projects, want all %d", tc.max, len(res.Projects), len(all.Projects))
		}
	}
}

// TestGroupsBruteForce checks the groups against every subset of small
// random networks: a group is a set of 3 actors or more, all tied to one
// another, to which no other actor is tied by all, with a family.
func TestGroupsBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	fams := []string{"collectivite", "association", "ong", "entreprise", ""}
	for round := 0; round < 30; round++ {
		n := 5 + rng.IntN(9)
		var actors, links []string
		adj := make([][]bool, n)
		for i := range adj {
			adj[i] = make([]bool, n)
			actors = append(actors, fmt.Sprintf("a%02d:%s", i, fams[rng.IntN(len(fams))]))
		}
		p := 0.3 + 0.5*rng.Float64()
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				if rng.Float64() < p {
					adj[i][j], adj[j][i] = true, true
					links = append(links, fmt.Sprintf("a%02d-a%02d", i, j))
				}
			}
		}
		var want []string
		for set := 1; set < 1<<n; set++ {
			var members []int
			for i := 0; i < n; i++ {
				if set&(1<<i) != 0 {
					members = append(members, i)
				}
			}
			clique := len(members) >= 3
			for a := 0; clique && a < len(members); a++ {
				for b := a + 1; clique && b < len(members); b++ {
					clique = adj[members[a]][members[b]]
				}
			}
			if !clique {
				continue
			}
			maximal, family := true, false
			for o := 0; o < n && maximal; o++ {
				if set&(1<<o) != 0 {
					continue
				}
				all := true
				for _, m := range members {
					all = all && adj[o][m]
				}
				maximal = !all
			}
			var ids []string
			for _, m := range members {
				ids = append(ids, fmt.Sprintf("a%02d", m))
				family = family || !strings.HasSuffix(actors[m], ":")
			}
			if maximal && family {
				want = append(want, strings.Join(ids, " "))
			}
		}
		res, err := query.Alliances(network(actors, links...), 1, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, g := range res.Groups {
			got = append(got, ids(g.Actors))
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: groups\n got %q\nwant %q", round, got, want)
		}
	}
}

// TestAlliancesOtherFamily: "autre" and a missing family count towards no
// combination, and a missing family is "autre", as in the analysis.
func TestAlliancesOtherFamily(t *testing.T) {
	// A project of a local authority, an NGO, an "autre" and an actor
	// without family combines 2 families, not 3 or 4.
	d := &graph.Dataset{Projects: []graph.Project{{ID: "p"}}}
	for id, fam := range map[string]string{"c": "collectivite", "o": "ong", "x": "autre", "y": ""} {
		d.Actors = append(d.Actors, graph.Actor{ID: id, Family: fam})
		d.Participations = append(d.Participations, graph.Participation{Actor: id, Project: "p"})
	}
	n := graph.NewNetwork(d)
	for k, want := range map[int]int{2: 1, 3: 0} {
		res, err := query.Alliances(n, k, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Projects) != want {
			t.Errorf("--min-families %d: %d projects, want %d", k, len(res.Projects), want)
		}
		if want == 1 {
			p := res.Projects[0]
			if p.Combined != 2 || strings.Join(p.Families, ",") != "collectivite,ong,autre" {
				t.Errorf("project p: families %v (combined %d), want collectivite,ong,autre combining 2", p.Families, p.Combined)
			}
		}
	}
}
