package analysis

import (
	"sort"

	"github.com/alliances/alliances/graph"
)

// familyOf returns the family of a used by the family-based metrics (E-I
// index, partner diversity, brokerage, family assortativity, family
// coverage, single_family): graph.FamilyOf, "autre" for an actor without a
// family.
func familyOf(a graph.Actor) string { return graph.FamilyOf(a) }

// familyPartition numbers the families of the actors of net: fam[i] is the
// index in names (sorted) of the family of net.Actors[i].
type familyPartition struct {
	names []string
	fam   []int32
}

func newFamilyPartition(net *graph.Network) familyPartition {
	seen := make(map[string]bool)
	for _, a := range net.Actors {
		seen[familyOf(a)] = true
	}
	names := make([]string, 0, len(seen))
	for f := range seen {
		names = append(names, f)
	}
	sort.Strings(names)
	id := make(map[string]int32, len(names))
	for i, f := range names {
		id[f] = int32(i)
	}
	fam := make([]int32, len(net.Actors))
	for i, a := range net.Actors {
		fam[i] = id[familyOf(a)]
	}
	return familyPartition{names: names, fam: fam}
}

// complementarityResult holds the family and brokerage metrics of docs/metrics.md.
type complementarityResult struct {
	Constraint, EffectiveSize, EIIndex, PartnerDiversity []Num // per node, index = position in net.Actors
	Brokerage                                            []Brokerage
	FamilyAssortativity                                  Num
	EI                                                   EIByGroup
	Projects                                             []ProjectMetrics
}

// complementarity computes the family and brokerage metrics of docs/metrics.md:
// Burt's constraint and effective size, the E-I index of every actor, of every
// family and of the network, partner diversity, Gould–Fernandez brokerage
// roles, family assortativity and the alliance metrics of every project.
// g must be the adjacency of net.
func complementarity(net *graph.Network, g *adjacency, opts Options) complementarityResult {
	fp := newFamilyPartition(net)
	holes := structuralHoles(g, fp, opts)
	r := complementarityResult{
		Constraint:          holes.constraint,
		EffectiveSize:       holes.effectiveSize,
		EIIndex:             eiIndex(g, fp.fam),
		PartnerDiversity:    partnerDiversity(g, fp),
		Brokerage:           holes.brokerage,
		FamilyAssortativity: familyAssortativity(g, fp),
		EI:                  eiByGroup(g, fp),
		Projects:            projectMetrics(net),
	}
	return r
}

// eiIndex returns the E-I index of every actor (Krackhardt & Stern 1988):
//
//	EI(v) = (E − I) / (E + I)
//
// where E is the number of the partners of v in another family and I the
// number in its own family. It ranges from −1 (every tie inside the family) to
// +1 (every tie to other families). Tie weights are ignored. An actor without
// ties has an undefined (NaN) index.
//
// D. Krackhardt, R. N. Stern, Informal networks and organizational crises: an
// experimental simulation, Social Psychology Quarterly 51(2):123–140 (1988).
func eiIndex(g *adjacency, fam []int32) []Num {
	out := make([]Num, g.n)
	for v := 0; v < g.n; v++ {
		nb, _ := g.neighbours(v)
		if len(nb) == 0 {
			out[v] = Undefined
			continue
		}
		var e, i int
		for _, u := range nb {
			if fam[u] == fam[v] {
				i++
			} else {
				e++
			}
		}
		out[v] = Num(float64(e-i) / float64(e+i))
	}
	return out
}

// eiByGroup returns the E-I index of the network and of every family
// (Krackhardt & Stern 1988), counting ties, not weights:
//
//	EI = (E − I) / (E + I)
//
// For the network, E is the number of ties between actors of different
// families and I the number of ties inside a family. For a family f, the ties
// counted are those incident to its members: I is the number of ties between
// two members of f and E the number of ties between a member of f and an actor
// of another family (a tie between two families is external for both). Every
// family that has at least one actor appears in Families; a family, or a
// network, without ties has an undefined (NaN) index.
//
// Krackhardt & Stern (1988), see eiIndex.
func eiByGroup(g *adjacency, fp familyPartition) EIByGroup {
	ext := make([]int, len(fp.names))
	in := make([]int, len(fp.names))
	var e, i int
	for v := 0; v < g.n; v++ {
		nb, _ := g.neighbours(v)
		for _, u := range nb {
			if int(u) <= v {
				continue
			}
			fv, fu := fp.fam[v], fp.fam[u]
			if fv == fu {
				i++
				in[fv]++
			} else {
				e++
				ext[fv]++
				ext[fu]++
			}
		}
	}
	res := EIByGroup{Network: ratioEI(e, i), Families: make(map[string]Num, len(fp.names))}
	for f, name := range fp.names {
		res.Families[name] = ratioEI(ext[f], in[f])
	}
	return res
}

func ratioEI(e, i int) Num {
	if e+i == 0 {
		return Undefined
	}
	return Num(float64(e-i) / float64(e+i))
}

// partnerDiversity returns the Blau (1977) heterogeneity index of the families
// of the partners of every actor:
//
//	D(v) = 1 − Σ_f p_f²
//
// where p_f is the share of the distinct partners of v that belong to family f.
// It is 0 when every partner is in one family and approaches 1 − 1/k when the
// partners are spread evenly over k families. Tie weights are ignored. An
// actor without partners has an undefined (NaN) diversity.
//
// P. M. Blau, Inequality and Heterogeneity: A Primitive Theory of Social
// Structure, Free Press (1977).
func partnerDiversity(g *adjacency, fp familyPartition) []Num {
	out := make([]Num, g.n)
	count := make([]int, len(fp.names))
	touched := make([]int32, 0, len(fp.names))
	for v := 0; v < g.n; v++ {
		nb, _ := g.neighbours(v)
		if len(nb) == 0 {
			out[v] = Undefined
			continue
		}
		touched = touched[:0]
		for _, u := range nb {
			f := fp.fam[u]
			if count[f] == 0 {
				touched = append(touched, f)
			}
			count[f]++
		}
		sort.Slice(touched, func(a, b int) bool { return touched[a] < touched[b] })
		d := float64(len(nb))
		s := 0.0
		for _, f := range touched {
			p := float64(count[f]) / d
			s += p * p
			count[f] = 0
		}
		out[v] = Num(1 - s)
	}
	return out
}

// familyAssortativity returns Newman's (2003) attribute assortativity
// coefficient of the family partition, as NetworkX
// attribute_assortativity_coefficient(G, "family"):
//
//	r = (Σ_f e_ff − Σ_f a_f b_f) / (1 − Σ_f a_f b_f)
//
// where e_fh is the fraction of tie ends joining family f to family h (every
// undirected tie counted in both directions) and a_f, b_f are the row and
// column sums of e. It is 1 when every tie stays inside a family, 0 when ties
// mix families at random, and negative when ties prefer other families. With no
// tie, or when every tie end is in one family (1 − Σ a_f b_f = 0), it is
// undefined (NaN).
//
// M. E. J. Newman, Mixing patterns in networks, Phys. Rev. E 67, 026126 (2003).
func familyAssortativity(g *adjacency, fp familyPartition) Num {
	k := len(fp.names)
	m := make([]float64, k*k)
	total := 0.0
	for v := 0; v < g.n; v++ {
		nb, _ := g.neighbours(v)
		for _, u := range nb {
			m[int(fp.fam[v])*k+int(fp.fam[u])]++
			total++
		}
	}
	if total == 0 {
		return Undefined
	}
	trace, s := 0.0, 0.0
	for f := 0; f < k; f++ {
		a, b := 0.0, 0.0
		for h := 0; h < k; h++ {
			a += m[f*k+h] / total
			b += m[h*k+f] / total
		}
		trace += m[f*k+f] / total
		s += a * b
	}
	if 1-s == 0 {
		return Undefined
	}
	return Num((trace - s) / (1 - s))
}
