package explore

import (
	"cmp"
	"slices"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/query"
)

// search returns up to limit actors of v that text names, as the one actor
// lookup of the command line finds them (graph.Lookup.Search: case and
// accents ignored): the id or name itself first, then those that start with
// text, then those with a word that does, then the others; the most
// connected first within each group.
func search(v *view, text string, limit int) []query.ActorRef {
	matches := v.lookup().Search(text)
	slices.SortStableFunc(matches, func(x, y graph.Match) int {
		return cmp.Or(cmp.Compare(x.Rank, y.Rank), cmp.Compare(v.res.Actors[v.index[y.ID]].Degree, v.res.Actors[v.index[x.ID]].Degree))
	})
	out := []query.ActorRef{}
	for _, m := range matches[:min(limit, len(matches))] {
		a := v.net.Actors[v.index[m.ID]]
		out = append(out, query.ActorRef{ID: a.ID, Name: a.Name, Family: a.Family, Country: a.Country})
	}
	return out
}
