package analysis

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/stat"

	"github.com/alliances/alliances/graph"
)

// EITest sets the E-I index of the network beside what random mixing of the
// same families over the same ties gives, as UCINET's E-I procedure does
// (Krackhardt & Stern 1988; Hanneman & Riddle 2005, ch. 8): the ties stay
// where they are and the families are permuted among the actors.
type EITest struct {
	// Observed is the E-I index of the network (NetworkMetrics.EIIndex).
	Observed Num `json:"observed"`
	// Expected is its exact expected value under random mixing:
	// 1 − 2 Σ_f n_f(n_f−1) / (N(N−1)), where n_f is the number of actors of
	// family f among N: each tie joins two actors of one family with that
	// probability whatever the ties.
	Expected Num `json:"expected"`
	// Mean and SD are the mean and standard deviation of the index over the
	// permutations.
	Mean Num `json:"mean"`
	SD   Num `json:"sd"`
	// Permutations is the number of random permutations of the families.
	Permutations int `json:"permutations"`
	// PHigher is the share of permutations whose index is at least the
	// observed one, PLower at most (each counting the observed labelling, so
	// never 0): a small PHigher says the network is more open across families
	// than chance, a small PLower more closed.
	PHigher Num `json:"p_higher"`
	PLower  Num `json:"p_lower"`
}

// eiTestWork bounds the work of the test: permutations × ties.
const eiTestWork = 1e9

// MaxEIPermutations is the number of permutations of TestEI on networks
// small enough (UCINET's default); larger networks get fewer, at least
// MinEIPermutations, so that the test stays within about a second.
const (
	MaxEIPermutations = 5000
	MinEIPermutations = 200
)

// TestEI returns the E-I test of net (actors' families as in the E-I index,
// a missing family counting as "autre"), with random permutations drawn
// from seed. Without ties, or with a single actor, every value is undefined.
func TestEI(net *graph.Network, seed int64) EITest {
	g := newAdjacency(net)
	fp := newFamilyPartition(net)
	res := EITest{Observed: Undefined, Expected: Undefined, Mean: Undefined, SD: Undefined,
		PHigher: Undefined, PLower: Undefined}
	n := g.n
	var a, b []int32
	for v := 0; v < n; v++ {
		nb, _ := g.neighbours(v)
		for _, u := range nb {
			if int(u) > v {
				a, b = append(a, int32(v)), append(b, u)
			}
		}
	}
	m := len(a)
	if m == 0 || n < 2 {
		return res
	}
	size := make([]float64, len(fp.names))
	for _, f := range fp.fam {
		size[f]++
	}
	var same float64
	for _, s := range size {
		same += s * (s - 1)
	}
	res.Expected = Num(1 - 2*same/(float64(n)*float64(n-1)))

	internal := func(fam []int32) int {
		c := 0
		for k := range a {
			if fam[a[k]] == fam[b[k]] {
				c++
			}
		}
		return c
	}
	ei := func(in int) float64 { return float64(m-2*in) / float64(m) }
	obs := internal(fp.fam)
	res.Observed = Num(ei(obs))

	perms := MaxEIPermutations
	if w := int(eiTestWork / float64(m)); w < perms {
		perms = max(w, MinEIPermutations)
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x45492d74657374)) // "EI-test"
	fam := append([]int32(nil), fp.fam...)
	vals := make([]float64, perms)
	higher, lower := 1, 1 // the observed labelling is one of the labellings
	for p := range vals {
		rng.Shuffle(n, func(i, j int) { fam[i], fam[j] = fam[j], fam[i] })
		in := internal(fam)
		vals[p] = ei(in)
		if in <= obs {
			higher++
		}
		if in >= obs {
			lower++
		}
	}
	mean, sd := stat.MeanStdDev(vals, nil)
	res.Mean, res.SD, res.Permutations = Num(mean), Num(sd), perms
	res.PHigher = Num(float64(higher) / float64(perms+1))
	res.PLower = Num(float64(lower) / float64(perms+1))
	return res
}
