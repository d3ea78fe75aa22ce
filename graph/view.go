package graph

import (
	"context"
	"slices"
	"strings"
)

// View is the cooperation network of a NetworkReader, read as questions need
// it: an actor's participations and declared links are read when a question
// first expands it (Expand), with the participants of its projects, and its
// ties are computed from them exactly as NewNetwork computes them (same
// weights to the last bit, same link types and projects). An ego network or a
// path thus reads the records around the actors it visits, and the
// co-participation ties of large projects (a project of 1,000 participants
// makes half a million ties) are never all held at once.
//
// The view numbers the actors it meets (positions 0, 1, 2… in the order met);
// Find and All give the positions of stored actors. A View keeps what it read:
// reading an actor twice costs nothing. It is for one goroutine at a time.
type View struct {
	r NetworkReader

	// By position of an actor.
	ids      []string
	pos      map[string]int
	actors   []Actor
	state    []uint8
	projects [][]int32 // positions of its projects, in project id order
	linked   [][]int32 // indexes in links of its links, in the reader's order

	links []Link

	// By position of a project.
	pids         []string
	ppos         map[string]int
	participants [][]int32 // positions of its stored participants, by id
	loaded       []bool

	all      bool    // every stored actor has a position (All)
	rank     []int32 // by position: rank of its id among the positions
	rankSize int     // positions that rank covers

	// Scratch space of Ties.
	mark  []uint32 // by position: stamp of the call that met it
	slot  []int32  // by position: its entry in acc when marked
	stamp uint32
	acc   []partner
	order []uint64
}

// Actor states.
const (
	resolved uint8 = 1 << iota // ActorsByID was asked about it
	known                      // it is a stored actor
	expanded                   // its participations and links are read
)

// partner accumulates what a tie is made of.
type partner struct {
	at       int32
	projects int32 // shared projects
	links    int
	weight   float64 // sum of the weights of its links
	types    []string
	first    int32 // start of its projects in the arena of Ties
}

// NewView returns a view of the network that r holds, with nothing read yet.
func NewView(r NetworkReader) *View {
	return &View{r: r, pos: map[string]int{}, ppos: map[string]int{}}
}

// Reader returns the reader of v.
func (v *View) Reader() NetworkReader { return v.r }

// Len returns the number of actors met so far: positions are below it.
func (v *View) Len() int { return len(v.ids) }

// ID returns the id of the actor at position i.
func (v *View) ID(i int) string { return v.ids[i] }

// Actor returns the record of the stored actor at position i.
func (v *View) Actor(i int) Actor { return v.actors[i] }

// at returns the position of id, giving it one if it has none.
func (v *View) at(id string) int {
	if i, ok := v.pos[id]; ok {
		return i
	}
	i := len(v.ids)
	v.pos[id] = i
	v.ids = append(v.ids, id)
	v.actors = append(v.actors, Actor{})
	v.state = append(v.state, 0)
	v.projects = append(v.projects, nil)
	v.linked = append(v.linked, nil)
	if v.all {
		// All gave every stored actor a position: this id is no actor.
		v.state[i] = resolved
	}
	return i
}

// project returns the position of project id, giving it one if it has none.
func (v *View) project(id string) int {
	if p, ok := v.ppos[id]; ok {
		return p
	}
	p := len(v.pids)
	v.ppos[id] = p
	v.pids = append(v.pids, id)
	v.participants = append(v.participants, nil)
	v.loaded = append(v.loaded, false)
	return p
}

// Find returns the position of the stored actor with the given id, and false
// when no stored actor has it.
func (v *View) Find(ctx context.Context, id string) (int, bool, error) {
	if i, ok := v.pos[id]; ok && v.state[i]&resolved != 0 {
		return i, v.state[i]&known != 0, nil
	}
	if v.all {
		return 0, false, nil
	}
	i := v.at(id)
	if err := v.resolve(ctx, []int{i}); err != nil {
		return 0, false, err
	}
	return i, v.state[i]&known != 0, nil
}

// Known reports whether the actor at position i is a stored actor.
func (v *View) Known(i int) bool { return v.state[i]&known != 0 }

// All reads every stored actor and returns their positions, in id order.
func (v *View) All(ctx context.Context) ([]int, error) {
	d, err := v.r.LoadNodes(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]int, 0, len(d.Actors))
	for _, a := range d.Actors {
		i := v.at(a.ID)
		if v.state[i]&known == 0 {
			v.actors[i] = a
		}
		v.state[i] |= resolved | known
		out = append(out, i)
	}
	for i := range v.state {
		v.state[i] |= resolved
	}
	v.all = true
	slices.SortFunc(out, func(a, b int) int { return strings.Compare(v.ids[a], v.ids[b]) })
	return out, nil
}

// resolve asks the reader which of the actors at the given positions are
// stored.
func (v *View) resolve(ctx context.Context, at []int) error {
	var ids []string
	for _, i := range at {
		if v.state[i]&resolved == 0 {
			ids = append(ids, v.ids[i])
		}
	}
	if len(ids) == 0 {
		return nil
	}
	actors, err := v.r.ActorsByID(ctx, ids)
	if err != nil {
		return err
	}
	for _, a := range actors {
		if i, ok := v.pos[a.ID]; ok {
			v.actors[i] = a
			v.state[i] |= known
		}
	}
	for _, i := range at {
		v.state[i] |= resolved
	}
	return nil
}

// Expand reads the participations and links of the stored actors at the
// given positions, and the participants of their projects, so that their
// ties can be computed. Actors already expanded are not read again.
func (v *View) Expand(ctx context.Context, at []int) error {
	if err := v.resolve(ctx, at); err != nil {
		return err
	}
	var ids []string
	var which []int
	for _, i := range at {
		if v.state[i]&(known|expanded) == known {
			v.state[i] |= expanded // at most once in ids
			ids = append(ids, v.ids[i])
			which = append(which, i)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	undo := func() {
		for _, i := range which {
			v.state[i] &^= expanded
			v.projects[i], v.linked[i] = nil, nil
		}
	}
	ms, err := v.r.Memberships(ctx, ids)
	if err != nil {
		undo()
		return err
	}
	var fresh []string // projects whose participants are not read
	for _, m := range ms {
		i, ok := v.pos[m.Actor]
		if !ok || v.state[i]&expanded == 0 {
			continue
		}
		p := v.project(m.Project)
		v.projects[i] = append(v.projects[i], int32(p))
		if !v.loaded[p] {
			v.loaded[p] = true
			fresh = append(fresh, m.Project)
		}
	}
	for _, i := range which {
		// The reader sorts by project id; keep it so whatever it did.
		slices.SortFunc(v.projects[i], func(a, b int32) int { return strings.Compare(v.pids[a], v.pids[b]) })
		v.projects[i] = slices.Compact(v.projects[i])
	}
	ls, err := v.r.LinksOf(ctx, ids)
	if err != nil {
		undo()
		return err
	}
	inBatch := make(map[int]bool, len(which))
	for _, i := range which {
		inBatch[i] = true
	}
	for _, l := range ls {
		k := int32(len(v.links))
		v.links = append(v.links, l)
		s, t := v.at(l.Source), v.at(l.Target)
		if inBatch[s] {
			v.linked[s] = append(v.linked[s], k)
		}
		if inBatch[t] && t != s {
			v.linked[t] = append(v.linked[t], k)
		}
	}
	var met []int
	if len(fresh) > 0 {
		ps, err := v.r.Participants(ctx, fresh)
		if err != nil {
			undo()
			for _, id := range fresh {
				v.loaded[v.ppos[id]] = false
			}
			return err
		}
		for _, m := range ps {
			p, ok := v.ppos[m.Project]
			if !ok {
				continue
			}
			i := v.at(m.Actor)
			v.participants[p] = append(v.participants[p], int32(i))
			met = append(met, i)
		}
	}
	for i := range v.state {
		if v.state[i]&resolved == 0 {
			met = append(met, i)
		}
	}
	if err := v.resolve(ctx, met); err != nil {
		return err
	}
	// Participants that are not stored actors make no tie (NewNetwork).
	for _, id := range fresh {
		p := v.ppos[id]
		v.participants[p] = slices.DeleteFunc(v.participants[p], func(i int32) bool { return v.state[i]&known == 0 })
		slices.SortFunc(v.participants[p], func(a, b int32) int { return strings.Compare(v.ids[a], v.ids[b]) })
		v.participants[p] = slices.Compact(v.participants[p])
	}
	return nil
}

// Expanded reports whether the actor at position i was expanded.
func (v *View) Expanded(i int) bool { return v.state[i]&expanded != 0 }

// Projects returns the positions of the projects of the expanded actor at
// position i, in project id order.
func (v *View) Projects(i int) []int32 { return v.projects[i] }

// ProjectID returns the id of the project at position p.
func (v *View) ProjectID(p int) string { return v.pids[p] }

// Participants returns the positions of the stored participants of the
// project at position p (a project of an expanded actor), in id order.
func (v *View) Participants(p int) []int32 { return v.participants[p] }

// Linked calls f with the position of the other end of each declared link of
// the expanded actor at position i, when it is a stored actor other than i
// (an actor may come several times).
func (v *View) Linked(i int, f func(j int)) {
	for _, k := range v.linked[i] {
		l := &v.links[k]
		j := v.pos[l.Source]
		if j == i {
			j = v.pos[l.Target]
		}
		if j != i && v.state[j]&known != 0 {
			f(j)
		}
	}
}

// Neighbours returns the positions of the partners of the expanded actor at
// position i that keep accepts (every partner when keep is nil), in id order.
func (v *View) Neighbours(i int, keep func(j int) bool) []int {
	v.begin()
	var out []int
	add := func(j int) {
		if j != i && v.mark[j] != v.stamp && (keep == nil || keep(j)) {
			v.mark[j] = v.stamp
			out = append(out, j)
		}
	}
	for _, p := range v.projects[i] {
		for _, j := range v.participants[p] {
			add(int(j))
		}
	}
	v.Linked(i, add)
	v.sortByID(out)
	return out
}

// Degree returns the number of partners of the expanded actor at position i
// that keep accepts (every partner when keep is nil).
func (v *View) Degree(i int, keep func(j int) bool) int {
	v.begin()
	n := 0
	add := func(j int) {
		if j != i && v.mark[j] != v.stamp && (keep == nil || keep(j)) {
			v.mark[j] = v.stamp
			n++
		}
	}
	for _, p := range v.projects[i] {
		for _, j := range v.participants[p] {
			add(int(j))
		}
	}
	v.Linked(i, add)
	return n
}

// Ties returns the ties of the expanded actor at position i with the
// partners that keep accepts (every partner when keep is nil), sorted by the
// id of the partner, and the positions of the partners: the ties of
// NewNetwork on the same records. Their Projects share one array; callers do
// not modify them.
func (v *View) Ties(i int, keep func(j int) bool) (ties []Tie, partners []int) {
	v.begin()
	v.acc = v.acc[:0]
	entry := func(j int) *partner {
		if v.mark[j] != v.stamp {
			v.mark[j] = v.stamp
			v.slot[j] = int32(len(v.acc))
			v.acc = append(v.acc, partner{at: int32(j)})
		}
		return &v.acc[v.slot[j]]
	}
	accept := func(j int) bool {
		if j == i {
			return false
		}
		if v.mark[j] == v.stamp {
			return true
		}
		return keep == nil || keep(j)
	}
	shared := 0
	for _, p := range v.projects[i] {
		for _, j := range v.participants[p] {
			if accept(int(j)) {
				entry(int(j)).projects++
				shared++
			}
		}
	}
	for _, k := range v.linked[i] {
		l := &v.links[k]
		if l.Source == l.Target {
			continue
		}
		j := v.pos[l.Source]
		if j == i {
			j = v.pos[l.Target]
		}
		if v.state[j]&known == 0 || !accept(j) {
			continue
		}
		e := entry(j)
		w := l.Weight
		if w <= 0 {
			w = 1
		}
		e.weight += w
		e.links++
		if l.Type != "" {
			e.types = addSorted(e.types, l.Type)
		}
	}
	// The projects of every tie, in one array, in project id order.
	arena := make([]string, shared)
	next := int32(0)
	for k := range v.acc {
		v.acc[k].first = next
		next += v.acc[k].projects
	}
	fill := make([]int32, len(v.acc))
	for _, p := range v.projects[i] {
		for _, j := range v.participants[p] {
			if v.mark[j] == v.stamp {
				k := v.slot[j]
				e := &v.acc[k]
				arena[e.first+fill[k]] = v.pids[p]
				fill[k]++
			}
		}
	}
	// In the order of the partners' ids: sorting (rank, entry) as integers
	// is several times faster than sorting the entries.
	rank := v.ranks()
	v.order = v.order[:0]
	for k, e := range v.acc {
		v.order = append(v.order, uint64(rank[e.at])<<32|uint64(k))
	}
	slices.Sort(v.order)
	out := make([]Tie, len(v.acc))
	partners = make([]int, len(v.acc))
	id := v.ids[i]
	for k, o := range v.order {
		e := &v.acc[uint32(o)]
		t := Tie{A: id, B: v.ids[e.at], Weight: e.weight, Links: e.links, Types: e.types}
		if t.B < t.A {
			t.A, t.B = t.B, t.A
		}
		// As NewNetwork: the link weights, then one per shared project.
		for range e.projects {
			t.Weight++
		}
		if e.projects > 0 {
			t.Projects = arena[e.first : e.first+e.projects : e.first+e.projects]
		}
		out[k] = t
		partners[k] = int(e.at)
	}
	return out, partners
}

// begin starts a new stamp for the scratch marks.
func (v *View) begin() {
	if n := len(v.ids); len(v.mark) < n {
		v.mark = append(v.mark, make([]uint32, n-len(v.mark))...)
		v.slot = append(v.slot, make([]int32, n-len(v.slot))...)
	}
	v.stamp++
	if v.stamp == 0 {
		clear(v.mark)
		v.stamp = 1
	}
}

// ranks returns the rank of the id of every position among all positions.
func (v *View) ranks() []int32 {
	if v.rankSize != len(v.ids) {
		order := make([]int32, len(v.ids))
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int { return strings.Compare(v.ids[a], v.ids[b]) })
		v.rank = make([]int32, len(v.ids))
		for r, i := range order {
			v.rank[i] = int32(r)
		}
		v.rankSize = len(v.ids)
	}
	return v.rank
}

// sortByID sorts positions by the ids of their actors.
func (v *View) sortByID(at []int) {
	rank := v.ranks()
	slices.SortFunc(at, func(a, b int) int { return int(rank[a]) - int(rank[b]) })
}

// SortByID sorts positions by the ids of their actors.
func (v *View) SortByID(at []int) { v.sortByID(at) }

// Rank returns the rank of the id of the actor at position i among the
// actors met so far: Rank(i) < Rank(j) when ID(i) < ID(j), as long as no
// actor is met in between.
func (v *View) Rank(i int) int { return int(v.ranks()[i]) }
