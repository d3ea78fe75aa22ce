package graph

import "sort"

// Tie is an undirected tie between two actors, A < B, merging every declared
// link between them and every project they share (docs/ingest.md).
type Tie struct {
	A, B string
	// Weight is the sum of the weights of the declared links plus the number of
	// shared projects.
	Weight float64
	// Links counts declared links; Projects lists the shared projects, sorted.
	Links    int
	Projects []string
	// Types lists the distinct link types, sorted.
	Types []string
}

// Network is the one-mode cooperation network that the analysis, the queries and
// the maps read: actors sorted by id and their ties sorted by (A, B), with the
// projects, participations and declared links they come from. A Network is
// also a NetworkReader (reader.go); it is not changed once it is read.
type Network struct {
	Actors         []Actor
	Ties           []Tie
	Projects       []Project
	Participations []Participation
	// Links are the declared links of the dataset, as given (shared with
	// it), self-loops and links to unknown actors included.
	Links []Link

	cache *networkCache // the index of the NetworkReader, built once
	// Slice describes the slice of the store this network is (Slice.Network);
	// nil for a whole store.
	Slice *SliceInfo
}

// NewNetwork builds the cooperation network of d. Directed links count as
// undirected ties; self-loops and records naming unknown actors are ignored
// (ingest reports them). Co-participation in a project ties every pair of its
// participants.
func NewNetwork(d *Dataset) *Network {
	n := &Network{
		Actors:         append([]Actor(nil), d.Actors...),
		Projects:       append([]Project(nil), d.Projects...),
		Participations: append([]Participation(nil), d.Participations...),
		Links:          d.Links,
		cache:          &networkCache{},
	}
	sort.Slice(n.Actors, func(i, j int) bool { return n.Actors[i].ID < n.Actors[j].ID })
	sort.Slice(n.Projects, func(i, j int) bool { return n.Projects[i].ID < n.Projects[j].ID })
	known := make(map[string]bool, len(n.Actors))
	for _, a := range n.Actors {
		known[a.ID] = true
	}
	type pair struct{ a, b string }
	ties := make(map[pair]*Tie)
	tie := func(a, b string) *Tie {
		if b < a {
			a, b = b, a
		}
		t := ties[pair{a, b}]
		if t == nil {
			t = &Tie{A: a, B: b}
			ties[pair{a, b}] = t
		}
		return t
	}
	for _, l := range d.Links {
		if l.Source == l.Target || !known[l.Source] || !known[l.Target] {
			continue
		}
		t := tie(l.Source, l.Target)
		w := l.Weight
		if w <= 0 {
			w = 1
		}
		t.Weight += w
		t.Links++
		if l.Type != "" {
			t.Types = addSorted(t.Types, l.Type)
		}
	}
	members := make(map[string][]string)
	for _, p := range d.Participations {
		if known[p.Actor] {
			members[p.Project] = addSorted(members[p.Project], p.Actor)
		}
	}
	for project, ids := range members {
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				t := tie(ids[i], ids[j])
				t.Weight++
				t.Projects = addSorted(t.Projects, project)
			}
		}
	}
	n.Ties = make([]Tie, 0, len(ties))
	for _, t := range ties {
		n.Ties = append(n.Ties, *t)
	}
	sort.Slice(n.Ties, func(i, j int) bool {
		if n.Ties[i].A != n.Ties[j].A {
			return n.Ties[i].A < n.Ties[j].A
		}
		return n.Ties[i].B < n.Ties[j].B
	})
	return n
}

// addSorted inserts s into the sorted slice xs unless it is already there.
func addSorted(xs []string, s string) []string {
	i := sort.SearchStrings(xs, s)
	if i < len(xs) && xs[i] == s {
		return xs
	}
	xs = append(xs, "")
	copy(xs[i+1:], xs[i:])
	xs[i] = s
	return xs
}

// Members returns, for each project id, the sorted ids of its participants.
func (n *Network) Members() map[string][]string {
	m := make(map[string][]string)
	for _, p := range n.Participations {
		m[p.Project] = addSorted(m[p.Project], p.Actor)
	}
	return m
}
