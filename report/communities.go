package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/render"
)

// communities is the section on the Louvain communities: one row per
// community, numbered and ordered as in the map coloured by community
// (analysis.RankCommunities), with its families, countries and best-connected
// actors.
func (b *builder) communities() section {
	l, m := b.l, b.in.Metrics
	ranked := analysis.RankCommunities(m.Actors)
	s := section{ID: "communities", Title: l.T("sec.communities")}
	if m.Network.Communities < 2 || len(ranked) < 2 {
		s.Blocks = append(s.Blocks, block{Para: l.T("comm.none")})
		return s
	}
	s.Blocks = append(s.Blocks, block{Para: l.F("comm.intro", l.Int(len(ranked)), l.Num(float64(m.Network.Modularity), 2))})
	members := map[int][]analysis.ActorMetrics{}
	for _, a := range m.Actors {
		members[a.Community] = append(members[a.Community], a)
	}
	t := &table{
		Head: []string{"#", l.T("col.actors"), l.T("col.share"), l.T("col.families"), l.T("col.countries"), l.T("comm.main")},
		Num:  []bool{true, true, true, false, false, false},
	}
	total := len(m.Actors)
	shown := ranked[:min(len(ranked), render.ColouredCommunities)]
	for i, c := range shown {
		as := members[c.Community]
		fams := map[string]int{}
		countries := map[string]int{}
		for _, a := range as {
			fams[graph.FamilyOf(b.actor[a.ID])]++
			if g, ok := b.actor[a.ID]; ok && g.Country != "" {
				countries[g.Country]++
			}
		}
		slices.SortFunc(as, func(x, y analysis.ActorMetrics) int {
			if c := cmp.Compare(y.Degree, x.Degree); c != 0 {
				return c
			}
			return strings.Compare(x.ID, y.ID)
		})
		var main []string
		for _, a := range as[:min(3, len(as))] {
			main = append(main, b.name(a.ID))
		}
		t.Rows = append(t.Rows, []cell{txt(l.Int(i + 1)), txt(l.Int(c.Actors)), txt(l.Pct(float64(c.Actors) / float64(total))),
			txt(b.familyShares(fams, c.Actors)), txt(topCounts(countries, 3)), {Items: main}})
	}
	if rest := ranked[len(shown):]; len(rest) > 0 {
		n := 0
		for _, c := range rest {
			n += c.Actors
		}
		t.Foot = append(t.Foot, []cell{txt(""), txt(l.Int(n)), txt(l.Pct(float64(n) / float64(total))),
			txt(l.Plural(len(rest), "comm.rest", l.Int(len(rest)))), txt(""), txt("")})
	}
	s.Blocks = append(s.Blocks, block{Table: t}, block{Note: l.T("comm.note")})
	if f := b.mapNamed("communities"); f != nil {
		s.Blocks = append(s.Blocks, block{Map: f})
	}
	return s
}

// topCounts lists the n most frequent values with their counts, "FR (12),
// MA (3)", most frequent first (byCount).
func topCounts(counts map[string]int, n int) string {
	var parts []string
	keys := byCount(counts)
	for _, k := range keys[:min(n, len(keys))] {
		parts = append(parts, k+" ("+itoa(counts[k])+")")
	}
	if len(parts) == 0 {
		return "–"
	}
	return strings.Join(parts, ", ")
}
