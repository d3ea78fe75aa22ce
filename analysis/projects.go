package analysis

import (
	"sort"

	"github.com/alliances/alliances/graph"
)

// projectMetrics describes every project of net as an alliance (docs/metrics.md, per
// project), in project id order:
//
//   - Actors: the number of distinct known actors taking part in it;
//   - Families: the families of its participants, in canonical order
//     (graph.SortFamilies; an actor without a family counts as "autre");
//   - FamilyCoverage: |Families ∩ C| / |C|, the share of the core families
//     C = graph.CoreFamilies (collectivite, association, ong, entreprise)
//     present;
//   - MissingFamilies: the core families absent, in the order of
//     graph.CoreFamilies;
//   - Levels and Countries: the distinct non-empty levels and countries of its
//     participants, sorted.
//
// Participations naming an unknown actor or project are ignored.
func projectMetrics(net *graph.Network) []ProjectMetrics {
	actors := make(map[string]*graph.Actor, len(net.Actors))
	for i := range net.Actors {
		actors[net.Actors[i].ID] = &net.Actors[i]
	}
	members := net.Members()
	out := make([]ProjectMetrics, 0, len(net.Projects))
	for _, p := range net.Projects {
		families := map[string]bool{}
		levels := map[string]bool{}
		countries := map[string]bool{}
		count := 0
		for _, id := range members[p.ID] {
			a, ok := actors[id]
			if !ok {
				continue
			}
			count++
			families[familyOf(*a)] = true
			if a.Level != "" {
				levels[a.Level] = true
			}
			if a.Country != "" {
				countries[a.Country] = true
			}
		}
		fams := sortedKeys(families)
		graph.SortFamilies(fams)
		missing := graph.MissingCoreFamilies(fams)
		present := len(graph.CoreFamilies) - len(missing)
		out = append(out, ProjectMetrics{
			ID:              p.ID,
			Name:            p.Label(),
			Programme:       p.Programme,
			Phase:           p.Phase,
			Actors:          count,
			Families:        fams,
			FamilyCoverage:  Num(float64(present) / float64(len(graph.CoreFamilies))),
			MissingFamilies: missing,
			Levels:          sortedKeys(levels),
			Countries:       sortedKeys(countries),
		})
	}
	return out
}

// sortedKeys returns the keys of m in increasing order (never nil, so that
// JSON shows an empty list).
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
