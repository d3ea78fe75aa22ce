package analysis

import (
	"github.com/alliances/alliances/graph"
)

// Isolated flags isolated and peripheral actors (docs/metrics.md) and suggests partners.
//
// An actor is flagged when it has at least one of these reasons, listed in this
// order:
//
//   - isolate: it has no tie;
//   - pendant: it has exactly one partner;
//   - outside_main_component: it has ties but is not in the main component,
//     the largest connected component; when several components are equally
//     large, the main one is the one holding the smallest actor id;
//   - single_family: it has ties, all to actors of its own family (an actor
//     without a family counts as "autre");
//   - broker_dependent: it is in the main component and the removal of one
//     other actor x cuts it off from the main component: in the main component
//     without x, it is not in the largest remaining piece, or that piece is
//     not unique (two equally large pieces are both cut off). Such an x is an
//     articulation point; the pieces are found from the biconnected components
//     (Hopcroft & Tarjan 1973) in time linear in the ties. The single partner
//     of a pendant of the main component is always such a broker when the
//     component has more than two actors, so these pendants are
//     broker_dependent too: both reasons are reported.
//
// Actors are ordered by id. Each flagged actor gets up to opts.Suggest
// suggested partners it has no tie with (see suggestPartners for the scoring).
//
// J. Hopcroft, R. Tarjan, Algorithm 447: efficient algorithms for graph
// manipulation, Communications of the ACM 16(6):372–378 (1973).
func Isolated(net *graph.Network, opts IsolationOptions) *IsolatedResult {
	g := newAdjacency(net)
	fp := newFamilyPartition(net)
	comp, main := mainComponent(g)
	dependent := brokerDependent(g, comp, main)
	res := &IsolatedResult{Actors: []IsolatedActor{}}
	var flagged []int
	for v := 0; v < g.n; v++ {
		reasons := isolationReasons(g, fp.fam, comp, main, dependent, v)
		if len(reasons) == 0 {
			continue
		}
		a := net.Actors[v]
		res.Actors = append(res.Actors, IsolatedActor{
			ID: a.ID, Name: a.Label(), Family: a.Family,
			Reasons: reasons, Suggestions: []Suggestion{},
		})
		flagged = append(flagged, v)
	}
	if opts.Suggest > 0 && len(flagged) > 0 {
		s := newSuggester(net, g, fp, comp, main, opts.Suggest)
		sugg := s.suggestAll(flagged)
		for i := range res.Actors {
			res.Actors[i].Suggestions = sugg[i]
		}
	}
	return res
}

// isolationReasons returns the reasons for which v is flagged, in the order of
// docs/metrics.md, or nil.
func isolationReasons(g *adjacency, fam []int32, comp []int32, main int32, dependent []bool, v int) []string {
	nb, _ := g.neighbours(v)
	var reasons []string
	switch len(nb) {
	case 0:
		return []string{ReasonIsolate}
	case 1:
		reasons = append(reasons, ReasonPendant)
	}
	if comp[v] != main {
		reasons = append(reasons, ReasonOutsideMain)
	}
	single := true
	for _, u := range nb {
		if fam[u] != fam[v] {
			single = false
			break
		}
	}
	if single {
		reasons = append(reasons, ReasonSingleFamily)
	}
	if dependent[v] {
		reasons = append(reasons, ReasonBrokerDependent)
	}
	return reasons
}

// mainComponent labels the connected components of g, numbered in the order of
// their smallest node, and returns the labels and the main component: the
// largest, or among equally large ones the one with the smallest node (nodes
// are in actor id order, so the one holding the smallest actor id). A network
// without actors has main component −1.
func mainComponent(g *adjacency) (comp []int32, main int32) {
	comp = make([]int32, g.n)
	for i := range comp {
		comp[i] = -1
	}
	main = -1
	best := 0
	var queue []int32
	next := int32(0)
	for s := 0; s < g.n; s++ {
		if comp[s] >= 0 {
			continue
		}
		comp[s] = next
		queue = append(queue[:0], int32(s))
		for h := 0; h < len(queue); h++ {
			nb, _ := g.neighbours(int(queue[h]))
			for _, u := range nb {
				if comp[u] < 0 {
					comp[u] = next
					queue = append(queue, u)
				}
			}
		}
		if len(queue) > best {
			best, main = len(queue), next
		}
		next++
	}
	return comp, main
}
