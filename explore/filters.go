package explore

import (
	"cmp"
	"slices"
	"strings"

	"github.com/alliances/alliances/graph"
)

// FilterValues are the values that the filters of a slice (graph.Slice) can
// take in the store: what the page offers in its filters.
type FilterValues struct {
	// Programmes are the programmes of the projects ("|"-lists split), each
	// with the phases of its projects.
	Programmes []ProgrammeValues `json:"programmes"`
	// Dimensions and Targets are those of graph.Dimensions and
	// graph.Targets that some project has.
	Dimensions []string `json:"dimensions"`
	Targets    []string `json:"targets"`
	Countries  []string `json:"countries"`
	// Territories are those of the actors, the most frequent first.
	Territories []string `json:"territories"`
	Roles       []string `json:"roles"`
	LinkTypes   []string `json:"link_types"`
	// Years are the first and last years of the dates of projects, "" when
	// no project is dated.
	Years [2]string `json:"years"`
}

// ProgrammeValues are a programme and the phases of its projects.
type ProgrammeValues struct {
	Name   string `json:"name"`
	Phases []int  `json:"phases"`
}

// maxTerritories bounds the territories offered by the page (keep.eu has
// over a thousand NUTS 3 regions); any other can still be typed.
const maxTerritories = 500

// filterValues lists the values of d for each filter.
func filterValues(d *graph.Dataset) FilterValues {
	fv := FilterValues{Dimensions: []string{}, Targets: []string{}}
	phases := map[string]map[int]bool{}
	dims, targets := map[string]bool{}, map[string]bool{}
	var lo, hi string
	for _, p := range d.Projects {
		for _, name := range strings.Split(p.Programme, "|") {
			if name = strings.TrimSpace(name); name == "" {
				continue
			}
			if phases[name] == nil {
				phases[name] = map[int]bool{}
			}
			if p.Phase > 0 {
				phases[name][p.Phase] = true
			}
		}
		for _, x := range p.Dimensions {
			dims[x] = true
		}
		for _, x := range p.Targets {
			targets[x] = true
		}
		for _, date := range []string{p.Start, p.End} {
			if len(date) >= 4 {
				y := date[:4]
				if lo == "" || y < lo {
					lo = y
				}
				if y > hi {
					hi = y
				}
			}
		}
	}
	for name, ph := range phases {
		pv := ProgrammeValues{Name: name, Phases: sortedKeys(ph)}
		fv.Programmes = append(fv.Programmes, pv)
	}
	slices.SortFunc(fv.Programmes, func(a, b ProgrammeValues) int { return cmp.Compare(a.Name, b.Name) })
	for _, x := range graph.Dimensions {
		if dims[x] {
			fv.Dimensions = append(fv.Dimensions, x)
		}
	}
	for _, x := range graph.Targets {
		if targets[x] {
			fv.Targets = append(fv.Targets, x)
		}
	}
	countries, territories := map[string]bool{}, map[string]int{}
	for _, a := range d.Actors {
		if a.Country != "" {
			countries[a.Country] = true
		}
		if a.Territory != "" {
			territories[a.Territory]++
		}
	}
	fv.Countries = sortedKeys(countries)
	fv.Territories = sortedKeys(territories)
	slices.SortStableFunc(fv.Territories, func(a, b string) int { return cmp.Compare(territories[b], territories[a]) })
	fv.Territories = fv.Territories[:min(len(fv.Territories), maxTerritories)]
	roles, types := map[string]bool{}, map[string]bool{}
	for _, p := range d.Participations {
		if p.Role != "" {
			roles[p.Role] = true
		}
	}
	for _, l := range d.Links {
		if l.Type != "" {
			types[l.Type] = true
		}
	}
	fv.Roles, fv.LinkTypes = sortedKeys(roles), sortedKeys(types)
	fv.Years = [2]string{lo, hi}
	return fv
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
