package query

import (
	"fmt"
	"slices"
	"sort"

	"github.com/alliances/alliances/graph"
)

// AlliancesResult lists the projects and the groups of actors that combine at
// least MinFamilies families.
type AlliancesResult struct {
	MinFamilies int               `json:"min_families"`
	Projects    []ProjectAlliance `json:"projects"`
	Groups      []Group           `json:"groups"`
	// Truncated is true when the search for groups stopped at the maximum
	// number asked for: there may be more groups than Groups.
	Truncated bool `json:"truncated"`
}

// ProjectAlliance is a project and the families, countries and actors of its
// participants.
type ProjectAlliance struct {
	ID        string `json:"id"`
	Name      string `json:"name,omitempty"`
	Programme string `json:"programme,omitempty"`
	Phase     int    `json:"phase,omitempty"`
	// Families are the families of the participants, in the order of
	// graph.Families ("autre" for participants without a family);
	// Combined counts those that the project combines (all but "autre",
	// graph.CombinedFamilies); MissingFamilies the core families
	// (graph.CoreFamilies) that none of them belongs to.
	Families        []string   `json:"families"`
	Combined        int        `json:"combined_families"`
	MissingFamilies []string   `json:"missing_families"`
	Countries       []string   `json:"countries"`
	Actors          []ActorRef `json:"actors"`
}

// Group is a maximal clique of the network: three actors or more, each tied
// to every other, that no other actor is tied to all of.
type Group struct {
	Actors    []ActorRef `json:"actors"`
	Families  []string   `json:"families"`
	Combined  int        `json:"combined_families"`
	Countries []string   `json:"countries"`
	// Weight is the sum of the weights of the ties inside the group.
	Weight float64 `json:"weight"`
	// Projects are the projects that every actor of the group takes part in.
	Projects []string `json:"projects"`
}

// Alliances returns the projects whose participants combine at least
// minFamilies families, and the groups (maximal cliques of at least three
// actors) that do, but for a group whose actors are exactly the participants
// of a project, which is that project again. An actor without a family
// counts as "autre" (graph.FamilyOf), as in the analysis, and "autre" counts
// towards no combination (graph.CombinedFamilies): "other" is no family that
// an alliance brings together. Projects and groups come with the most
// families combined first; then projects by id, and groups by size, largest
// first, then by the ids of their actors.
//
// A network of large overlapping projects can hold more maximal cliques than
// can be listed (Horizon 2020: projects of hundreds of partners). When
// maxGroups > 0 the search stops once it has found that many groups, and the
// result says Truncated; the groups listed are then those found first, not
// the largest.
func Alliances(n *graph.Network, minFamilies, maxGroups int) (*AlliancesResult, error) {
	if minFamilies < 1 {
		return nil, fmt.Errorf("the minimum number of families must be at least 1, not %d", minFamilies)
	}
	x := newIndex(n)
	res := &AlliancesResult{MinFamilies: minFamilies, Projects: []ProjectAlliance{}, Groups: []Group{}}

	members := map[string][]int{}                 // project id → positions of participants
	projectsOf := make([][]string, len(n.Actors)) // position → project ids
	for _, p := range n.Participations {
		i, ok := x.pos[p.Actor]
		if !ok || slices.Contains(members[p.Project], i) {
			continue
		}
		members[p.Project] = append(members[p.Project], i)
		projectsOf[i] = append(projectsOf[i], p.Project)
	}
	for _, p := range n.Projects {
		actors := members[p.ID]
		pr := x.profile(actors)
		if graph.CombinedFamilies(pr.families) < minFamilies {
			continue
		}
		pa := ProjectAlliance{
			ID: p.ID, Name: p.Name, Programme: p.Programme, Phase: p.Phase,
			Families: pr.families, Combined: graph.CombinedFamilies(pr.families), MissingFamilies: graph.MissingCoreFamilies(pr.families),
			Countries: pr.countries, Actors: x.refs(actors),
		}
		res.Projects = append(res.Projects, pa)
	}
	sort.SliceStable(res.Projects, func(i, j int) bool {
		a, b := res.Projects[i], res.Projects[j]
		if a.Combined != b.Combined {
			return a.Combined > b.Combined
		}
		return a.ID < b.ID
	})

	type found struct {
		actors []int
		g      Group
	}
	var groups []found
	// The participants of each project, as a key of sorted positions.
	projectSets := map[string]bool{}
	setKey := func(actors []int) string {
		s := slices.Sorted(slices.Values(actors))
		return fmt.Sprint(s)
	}
	for _, actors := range members {
		projectSets[setKey(actors)] = true
	}
	x.cliques(3, minFamilies, func(c []int) bool {
		pr := x.profile(c)
		if graph.CombinedFamilies(pr.families) < minFamilies || projectSets[setKey(c)] {
			return true
		}
		if maxGroups > 0 && len(groups) == maxGroups {
			res.Truncated = true
			return false
		}
		sort.Slice(c, func(i, j int) bool { return x.id(c[i]) < x.id(c[j]) })
		g := Group{Actors: x.refs(c), Families: pr.families, Combined: graph.CombinedFamilies(pr.families), Countries: pr.countries, Projects: []string{}}
		in := map[int]bool{}
		for _, i := range c {
			in[i] = true
		}
		for _, i := range c {
			for _, nb := range x.adj[i] {
				if in[nb.to] && x.id(i) < x.id(nb.to) {
					g.Weight += n.Ties[nb.tie].Weight
				}
			}
		}
		shared := slices.Clone(projectsOf[c[0]])
		for _, i := range c[1:] {
			shared = slices.DeleteFunc(shared, func(p string) bool { return !slices.Contains(projectsOf[i], p) })
		}
		sort.Strings(shared)
		g.Projects = append(g.Projects, shared...)
		groups = append(groups, found{c, g})
		return true
	})
	sort.Slice(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if a.g.Combined != b.g.Combined {
			return a.g.Combined > b.g.Combined
		}
		if len(a.actors) != len(b.actors) {
			return len(a.actors) > len(b.actors)
		}
		return x.compareIDs(a.actors, b.actors) < 0
	})
	for _, g := range groups {
		res.Groups = append(res.Groups, g.g)
	}
	return res, nil
}

// refs returns the references of the actors at the given positions, sorted by
// id.
func (x *index) refs(actors []int) []ActorRef {
	out := make([]ActorRef, 0, len(actors))
	for _, i := range actors {
		out = append(out, x.ref(i))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// cliques calls emit with every maximal clique of at least min actors that
// may combine at least minFamilies families (positions, in no particular
// order), until emit returns false, by the Bron–Kerbosch algorithm with pivoting (Tomita, Tanaka and
// Takahashi 2006) over each actor's later neighbours (Eppstein, Löffler and
// Strash 2010). A branch whose actors, chosen and candidate, hold fewer than
// minFamilies families is cut: none of its cliques could be emitted. On
// Horizon 2020 (3 families, 800k ties) this turns a search of hours into
// nothing for --min-families 4 or more.
func (x *index) cliques(min, minFamilies int, emit func([]int) bool) {
	nbrs := make([][]int, len(x.adj)) // sorted positions
	for i, nb := range x.adj {
		for _, e := range nb {
			nbrs[i] = append(nbrs[i], e.to)
		}
		slices.Sort(nbrs[i])
		nbrs[i] = slices.Compact(nbrs[i])
	}
	// fam[i] numbers the family of actor i, -1 when it has none; seen[f]
	// holds the stamp of the last count that met family f.
	famIDs := map[string]int32{}
	fam := make([]int32, len(x.net.Actors))
	for i, a := range x.net.Actors {
		fam[i] = -1 // no family, or "autre": counts towards no combination
		if graph.FamilyOf(a) != graph.OtherFamily {
			id, ok := famIDs[a.Family]
			if !ok {
				id = int32(len(famIDs))
				famIDs[a.Family] = id
			}
			fam[i] = id
		}
	}
	seen := make([]int, len(famIDs))
	stamp := 0
	// enough reports whether the actors of r and p hold minFamilies families.
	enough := func(r, p []int) bool {
		stamp++
		n := 0
		for _, set := range [][]int{r, p} {
			for _, i := range set {
				if f := fam[i]; f >= 0 && seen[f] != stamp {
					seen[f] = stamp
					if n++; n >= minFamilies {
						return true
					}
				}
			}
		}
		return n >= minFamilies
	}
	stop := false
	var expand func(r, p, xs []int)
	expand = func(r, p, xs []int) {
		if stop {
			return
		}
		if len(p) == 0 {
			if len(xs) == 0 && len(r) >= min {
				stop = !emit(slices.Clone(r))
			}
			return
		}
		if len(r)+len(p) < min || !enough(r, p) {
			return
		}
		// Pivot: the actor of P ∪ X with the most neighbours in P.
		pivot, best := -1, -1
		for _, set := range [][]int{p, xs} {
			for _, u := range set {
				if c := countCommon(p, nbrs[u]); c > best {
					pivot, best = u, c
				}
			}
		}
		for _, v := range difference(p, nbrs[pivot]) {
			expand(append(r, v), intersect(p, nbrs[v]), intersect(xs, nbrs[v]))
			p = remove(p, v)
			xs = insert(xs, v)
		}
	}
	for v := range nbrs {
		if stop {
			return
		}
		if len(nbrs[v]) < min-1 {
			continue
		}
		var later, earlier []int
		for _, u := range nbrs[v] {
			if u > v {
				later = append(later, u)
			} else {
				earlier = append(earlier, u)
			}
		}
		expand([]int{v}, later, earlier)
	}
}

func countCommon(a, b []int) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

func intersect(a, b []int) []int {
	var out []int
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

func difference(a, b []int) []int {
	var out []int
	j := 0
	for _, v := range a {
		for j < len(b) && b[j] < v {
			j++
		}
		if j < len(b) && b[j] == v {
			continue
		}
		out = append(out, v)
	}
	return out
}

func remove(a []int, v int) []int {
	i, ok := slices.BinarySearch(a, v)
	if !ok {
		return a
	}
	return append(a[:i:i], a[i+1:]...)
}

func insert(a []int, v int) []int {
	i, ok := slices.BinarySearch(a, v)
	if ok {
		return a
	}
	return slices.Insert(slices.Clone(a), i, v)
}
