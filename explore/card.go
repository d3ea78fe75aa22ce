package explore

import (
	"cmp"
	"slices"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/query"
)

// Card is everything the page tells about one actor of a slice.
type Card struct {
	// Actor is the actor as stored, every attribute included.
	Actor graph.Actor `json:"actor"`
	// Metrics are its metrics, as "alliances analyze --format json" gives
	// them for the same slice.
	Metrics analysis.ActorMetrics `json:"metrics"`
	// Ranks gives, for each metric of analysis.ActorColumns but community,
	// the actor's rank among the actors of the slice, 1 for the highest
	// value; absent when the metric is undefined for the actor.
	Ranks map[string]Rank `json:"ranks"`
	// Projects are the projects of the slice that the actor takes part in,
	// with its role, ordered by programme, phase and id.
	Projects []CardProject `json:"projects"`
	// Partners are its ties, as "alliances query partners ID --depth 1"
	// gives them (A < B by id), ordered by the id of the partner.
	Partners []query.TieInfo `json:"partners"`
	// Isolation holds the reasons why "alliances isolated" flags the actor
	// and its suggested partners; null when it is not flagged.
	Isolation *analysis.IsolatedActor `json:"isolation"`
}

// Rank is the place of a value among the defined values of a metric: Rank
// is 1 + the number of actors with a higher value (equal values share a
// rank), Of the number of actors for which the metric is defined.
type Rank struct {
	Rank int `json:"rank"`
	Of   int `json:"of"`
}

// CardProject is a project of an actor and its role in it.
type CardProject struct {
	graph.Project
	Role string `json:"role,omitempty"`
}

// card returns the card of the actor at position i of v.
func (s *Server) card(v *view, i int) (*Card, error) {
	v.adjOnce.Do(v.buildAdj)
	a := v.net.Actors[i]
	c := &Card{
		Actor:     a,
		Metrics:   v.res.Actors[i],
		Ranks:     ranks(v.res, i),
		Projects:  []CardProject{},
		Isolation: v.flagged[a.ID],
	}
	projects := make(map[string]int, len(v.net.Projects))
	for k, p := range v.net.Projects {
		projects[p.ID] = k
	}
	for _, p := range v.net.Participations {
		if p.Actor != a.ID {
			continue
		}
		cp := CardProject{Project: graph.Project{ID: p.Project}, Role: p.Role}
		if k, ok := projects[p.Project]; ok {
			cp.Project = v.net.Projects[k]
		}
		c.Projects = append(c.Projects, cp)
	}
	slices.SortFunc(c.Projects, func(x, y CardProject) int {
		return cmp.Or(cmp.Compare(x.Programme, y.Programme), cmp.Compare(x.Phase, y.Phase), cmp.Compare(x.ID, y.ID))
	})
	c.Partners = make([]query.TieInfo, 0, len(v.adj[i]))
	for _, t := range v.adj[i] {
		c.Partners = append(c.Partners, v.tieInfo(t))
	}
	other := func(t query.TieInfo) string {
		if t.A.ID == a.ID {
			return t.B.ID
		}
		return t.A.ID
	}
	slices.SortFunc(c.Partners, func(x, y query.TieInfo) int { return cmp.Compare(other(x), other(y)) })
	return c, nil
}

// ranks returns the rank of actor i for every metric but community.
func ranks(res *analysis.Result, i int) map[string]Rank {
	out := map[string]Rank{}
	for _, col := range analysis.ActorColumns() {
		if col.Name == "community" {
			continue
		}
		x := col.Value(&res.Actors[i])
		if !x.Defined() {
			continue
		}
		r := Rank{Rank: 1}
		for k := range res.Actors {
			y := col.Value(&res.Actors[k])
			if !y.Defined() {
				continue
			}
			r.Of++
			if y > x {
				r.Rank++
			}
		}
		out[col.Name] = r
	}
	return out
}

// buildAdj lists the ties of every actor of v.
func (v *view) buildAdj() {
	v.adj = make([][]int, len(v.net.Actors))
	for t, e := range v.ends {
		v.adj[e[0]] = append(v.adj[e[0]], t)
		v.adj[e[1]] = append(v.adj[e[1]], t)
	}
}

// tieInfo returns tie t of v as "alliances query partners" gives it: A is
// the end with the smaller id.
func (v *view) tieInfo(t int) query.TieInfo {
	tie := v.net.Ties[t]
	ref := func(i int) query.ActorRef {
		a := v.net.Actors[i]
		return query.ActorRef{ID: a.ID, Name: a.Name, Family: a.Family, Country: a.Country}
	}
	nonNil := func(xs []string) []string {
		if xs == nil {
			return []string{}
		}
		return xs
	}
	return query.TieInfo{A: ref(v.ends[t][0]), B: ref(v.ends[t][1]), Weight: tie.Weight, Links: tie.Links,
		Types: nonNil(tie.Types), Projects: nonNil(tie.Projects)}
}
