package query

import (
	"fmt"
	"slices"
	"sort"

	"github.com/alliances/alliances/graph"
)

// CoverageResult says which projects, families and alliances work on each
// project dimension and target group (docs/queries.md, coverage).
type CoverageResult struct {
	// MinFamilies is the number of families a project combines to count as
	// an alliance (as in Alliances).
	MinFamilies int `json:"min_families"`
	// Dimensions and Targets are the vocabularies, the columns of the
	// matrices.
	Dimensions []string `json:"dimensions"`
	Targets    []string `json:"targets"`
	// Projects are the rows of the project × dimension and project × target
	// group matrices, by id.
	Projects []ProjectCoverage `json:"projects"`
	// ByDimension and ByTarget give, per value of the vocabulary, the
	// projects, the families and the alliances that work on it.
	ByDimension []TermCoverage `json:"by_dimension"`
	ByTarget    []TermCoverage `json:"by_target"`
	// Uncovered are the dimensions and target groups that no alliance
	// works on.
	Uncovered Uncovered `json:"uncovered"`
	// Undescribed counts the projects with neither dimension nor target
	// group.
	Undescribed int `json:"undescribed"`
}

// ProjectCoverage is a row of the matrices: a project, its dimensions and
// target groups, the families of its participants and whether it is an
// alliance (it combines at least MinFamilies families).
type ProjectCoverage struct {
	ID         string   `json:"id"`
	Name       string   `json:"name,omitempty"`
	Programme  string   `json:"programme,omitempty"`
	Phase      int      `json:"phase,omitempty"`
	Dimensions []string `json:"dimensions"`
	Targets    []string `json:"targets"`
	Families   []string `json:"families"`
	Alliance   bool     `json:"alliance"`
}

// TermCoverage is what works on one dimension or target group: the projects,
// the actors of each family that take part in them, and the alliances among
// the projects.
type TermCoverage struct {
	Value     string         `json:"value"`
	Projects  []string       `json:"projects"`
	Families  map[string]int `json:"families"`
	Alliances []string       `json:"alliances"`
}

// Uncovered lists the values of the vocabularies that no alliance works on.
type Uncovered struct {
	Dimensions []string `json:"dimensions"`
	Targets    []string `json:"targets"`
}

// Coverage returns the project × dimension and project × target group
// matrices of n, and for each dimension and target group (graph.Dimensions,
// graph.Targets, then any other value found in the projects) the projects,
// the families (actors counted once per value) and the alliances — projects
// combining at least minFamilies families, graph.CombinedFamilies — that work
// on it, and the values no alliance works on.
func Coverage(n *graph.Network, minFamilies int) (*CoverageResult, error) {
	if minFamilies < 1 {
		return nil, fmt.Errorf("the minimum number of families must be at least 1, not %d", minFamilies)
	}
	x := newIndex(n)
	members := map[string][]int{}
	for _, p := range n.Participations {
		if i, ok := x.pos[p.Actor]; ok && !slices.Contains(members[p.Project], i) {
			members[p.Project] = append(members[p.Project], i)
		}
	}
	res := &CoverageResult{MinFamilies: minFamilies, Projects: []ProjectCoverage{},
		Uncovered: Uncovered{Dimensions: []string{}, Targets: []string{}}}
	dims, tgts := vocabulary(graph.Dimensions, n.Projects, func(p graph.Project) []string { return p.Dimensions }),
		vocabulary(graph.Targets, n.Projects, func(p graph.Project) []string { return p.Targets })
	res.Dimensions, res.Targets = dims, tgts
	byDim, byTgt := terms(dims), terms(tgts)
	actorsOf := map[*TermCoverage]map[int]bool{}
	for _, p := range n.Projects {
		actors := members[p.ID]
		fams := x.profile(actors).families
		pc := ProjectCoverage{ID: p.ID, Name: p.Name, Programme: p.Programme, Phase: p.Phase,
			Dimensions: nonNil(p.Dimensions), Targets: nonNil(p.Targets), Families: fams,
			Alliance: graph.CombinedFamilies(fams) >= minFamilies}
		res.Projects = append(res.Projects, pc)
		if len(p.Dimensions)+len(p.Targets) == 0 {
			res.Undescribed++
		}
		for _, set := range []struct {
			values []string
			by     map[string]*TermCoverage
		}{{p.Dimensions, byDim}, {p.Targets, byTgt}} {
			for _, v := range set.values {
				t := set.by[v]
				t.Projects = append(t.Projects, p.ID)
				if pc.Alliance {
					t.Alliances = append(t.Alliances, p.ID)
				}
				if actorsOf[t] == nil {
					actorsOf[t] = map[int]bool{}
				}
				for _, a := range actors {
					if !actorsOf[t][a] {
						actorsOf[t][a] = true
						t.Families[graph.FamilyOf(n.Actors[a])]++
					}
				}
			}
		}
	}
	sort.Slice(res.Projects, func(i, j int) bool { return res.Projects[i].ID < res.Projects[j].ID })
	for _, v := range dims {
		t := byDim[v]
		sort.Strings(t.Projects)
		sort.Strings(t.Alliances)
		res.ByDimension = append(res.ByDimension, *t)
		if len(t.Alliances) == 0 {
			res.Uncovered.Dimensions = append(res.Uncovered.Dimensions, v)
		}
	}
	for _, v := range tgts {
		t := byTgt[v]
		sort.Strings(t.Projects)
		sort.Strings(t.Alliances)
		res.ByTarget = append(res.ByTarget, *t)
		if len(t.Alliances) == 0 {
			res.Uncovered.Targets = append(res.Uncovered.Targets, v)
		}
	}
	return res, nil
}

// vocabulary is vocab followed by the other values the projects hold, sorted.
func vocabulary(vocab []string, projects []graph.Project, values func(graph.Project) []string) []string {
	out := slices.Clone(vocab)
	var extra []string
	for _, p := range projects {
		for _, v := range values(p) {
			if !slices.Contains(out, v) && !slices.Contains(extra, v) {
				extra = append(extra, v)
			}
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

func terms(values []string) map[string]*TermCoverage {
	m := make(map[string]*TermCoverage, len(values))
	for _, v := range values {
		m[v] = &TermCoverage{Value: v, Projects: []string{}, Families: map[string]int{}, Alliances: []string{}}
	}
	return m
}
