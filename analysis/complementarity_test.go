package analysis

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/alliances/alliances/graph"
)

// nxCase is one network of testdata/compl_networkx.json, written by
// testdata/compl_gen.py with NetworkX 2.8.8 (see the script for how each
// network and its family assignment were built).
type nxCase struct {
	Name   string `json:"name"`
	Actors []struct {
		ID     string `json:"id"`
		Family string `json:"family"`
	} `json:"actors"`
	Ties []struct {
		A      string  `json:"a"`
		B      string  `json:"b"`
		Weight float64 `json:"weight"`
	} `json:"ties"`
	Constraint            map[string]Num `json:"constraint"`
	EffectiveSize         map[string]Num `json:"effective_size"`
	ConstraintWeighted    map[string]Num `json:"constraint_weighted"`
	EffectiveSizeWeighted map[string]Num `json:"effective_size_weighted"`
	FamilyAssortativity   Num            `json:"family_assortativity"`
}

func (c nxCase) network() *graph.Network {
	d := &graph.Dataset{}
	for _, a := range c.Actors {
		d.Actors = append(d.Actors, graph.Actor{ID: a.ID, Family: a.Family})
	}
	for _, t := range c.Ties {
		d.Links = append(d.Links, graph.Link{Source: t.A, Target: t.B, Weight: t.Weight})
	}
	return graph.NewNetwork(d)
}

func loadNX(t *testing.T) []nxCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "compl_networkx.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []nxCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no cases in compl_networkx.json")
	}
	return cases
}

// sameNum reports whether got and want agree to tol, both undefined counting as
// equal.
func sameNum(got, want Num, tol float64) bool {
	if !want.Defined() || !got.Defined() {
		return want.Defined() == got.Defined()
	}
	return math.Abs(float64(got-want)) <= tol
}

// TestStructuralHolesNetworkX compares constraint, effective size (unweighted
// and weighted) and family assortativity with NetworkX 2.8.8 nx.constraint,
// nx.effective_size and nx.attribute_assortativity_coefficient on Zachary's
// karate club, the Florentine families and the weighted projection of Davis'
// Southern Women (testdata/compl_gen.py).
func TestStructuralHolesNetworkX(t *testing.T) {
	const tol = 1e-6
	for _, c := range loadNX(t) {
		t.Run(c.Name, func(t *testing.T) {
			net := c.network()
			g := newAdjacency(net)
			for _, weighted := range []bool{false, true} {
				{
					r := complementarity(net, g, Options{Weighted: weighted})
					wantC, wantE := c.Constraint, c.EffectiveSize
					if weighted {
						wantC, wantE = c.ConstraintWeighted, c.EffectiveSizeWeighted
					}
					if len(wantC) != len(net.Actors) {
						t.Fatalf("testdata has %d constraint values for %d actors", len(wantC), len(net.Actors))
					}
					for i, a := range net.Actors {
						if !sameNum(r.Constraint[i], wantC[a.ID], tol) {
							t.Errorf("weighted=%v constraint(%s) = %v, NetworkX %v", weighted, a.ID, r.Constraint[i], wantC[a.ID])
						}
						if !sameNum(r.EffectiveSize[i], wantE[a.ID], tol) {
							t.Errorf("weighted=%v effective_size(%s) = %v, NetworkX %v", weighted, a.ID, r.EffectiveSize[i], wantE[a.ID])
						}
					}
					if !sameNum(r.FamilyAssortativity, c.FamilyAssortativity, tol) {
						t.Errorf("family assortativity = %v, NetworkX %v", r.FamilyAssortativity, c.FamilyAssortativity)
					}
				}
			}
		})
	}
}

// smallNetwork builds a network from "a b" tie pairs and an id → family map.
func smallNetwork(families map[string]string, ties ...[2]string) *graph.Network {
	d := &graph.Dataset{}
	for id, f := range families {
		d.Actors = append(d.Actors, graph.Actor{ID: id, Family: f})
	}
	for _, t := range ties {
		d.Links = append(d.Links, graph.Link{Source: t[0], Target: t[1], Weight: 1})
	}
	return graph.NewNetwork(d)
}

func byID(net *graph.Network) map[string]int {
	m := make(map[string]int, len(net.Actors))
	for i, a := range net.Actors {
		m[a.ID] = i
	}
	return m
}

// TestBrokerage checks Gould–Fernandez role counts on hand-worked examples.
// The role of b in the two-path a → b → c (a ≠ c, no arc a → c) follows
// sna::brokerage (gli.c, brokerage_R, C. T. Butts), every tie being two arcs.
func TestBrokerage(t *testing.T) {
	// Star around o (ong) with leaves o2, o3 (ong), a1, a2 (association) and
	// c1 (collectivite), plus the ties a1–c1, o2–a2 and o2–o3 between leaves.
	//
	// Ego o: partners ong×2, association×2, collectivite×1 give 5·4 = 20
	// ordered pairs: coordinator 2·1 = 2 (o2,o3 both ways), itinerant 2·1 = 2
	// (a1,a2 both ways), representative 2·3 = 6, gatekeeper 6, liaison
	// 3² − (2² + 1²) = 4 (a1/a2 with c1, both ways). Closed pairs are not
	// brokered: o2–o3 removes 2 coordinator, o2–a2 removes 1 representative
	// (o2 → o → a2) and 1 gatekeeper (a2 → o → o2), a1–c1 removes 2 liaison.
	// So o: coordinator 0, itinerant 2, representative 5, gatekeeper 5,
	// liaison 2.
	//
	// Ego o2 (ong): partners o, o3 (ong) and a2 (association); o–o3 and o–a2
	// are tied, a2–o3 is open: o3 → o2 → a2 is representative, a2 → o2 → o3
	// gatekeeper.
	//
	// Every other actor has two tied partners or one partner: no role.
	net := smallNetwork(map[string]string{
		"o": "ong", "o2": "ong", "o3": "ong", "a1": "association", "a2": "association", "c1": "collectivite",
	},
		[2]string{"o", "o2"}, [2]string{"o", "o3"}, [2]string{"o", "a1"}, [2]string{"o", "a2"}, [2]string{"o", "c1"},
		[2]string{"a1", "c1"}, [2]string{"o2", "a2"}, [2]string{"o2", "o3"},
	)
	want := map[string]Brokerage{
		"o":  {Coordinator: 0, Itinerant: 2, Representative: 5, Gatekeeper: 5, Liaison: 2},
		"o2": {Representative: 1, Gatekeeper: 1},
		"o3": {}, "a1": {}, "a2": {}, "c1": {},
	}
	r := complementarity(net, newAdjacency(net), Options{})
	for id, i := range byID(net) {
		if r.Brokerage[i] != want[id] {
			t.Errorf("brokerage(%s) = %+v, want %+v", id, r.Brokerage[i], want[id])
		}
	}
}

// TestBrokerageBruteForce compares the counting kernel with a direct listing
// of every two-path a → b → c on the karate club with four families, as
// sna::brokerage lists them.
func TestBrokerageBruteForce(t *testing.T) {
	var c nxCase
	for _, x := range loadNX(t) {
		if x.Name == "karate_4fam" {
			c = x
		}
	}
	net := c.network()
	g := newAdjacency(net)
	fp := newFamilyPartition(net)
	r := complementarity(net, g, Options{})
	total := 0
	for b := 0; b < g.n; b++ {
		var want roleCounts
		nb, _ := g.neighbours(b)
		for _, a := range nb {
			for _, c := range nb {
				if a != c && g.weight(int(a), int(c)) == 0 {
					want.add(fp.fam[a], fp.fam[b], fp.fam[c])
				}
			}
		}
		got := r.Brokerage[b]
		if int64(got.Coordinator) != want.coordinator || int64(got.Itinerant) != want.itinerant ||
			int64(got.Representative) != want.representative || int64(got.Gatekeeper) != want.gatekeeper ||
			int64(got.Liaison) != want.liaison {
			t.Errorf("brokerage(%s) = %+v, listing gives %+v", net.Actors[b].ID, got, want)
		}
		if got.Representative != got.Gatekeeper {
			t.Errorf("brokerage(%s): representative %d ≠ gatekeeper %d on a symmetric network", net.Actors[b].ID, got.Representative, got.Gatekeeper)
		}
		total += got.Coordinator + got.Itinerant + got.Representative + got.Gatekeeper + got.Liaison
	}
	if total == 0 {
		t.Fatal("no brokerage at all in the karate club")
	}
}

// TestEIAndDiversity checks the E-I indices and partner diversity on a
// hand-worked network:
//
//	a1 – a2 (association), a1 – o1 (ong), a1 – c1 (collectivite),
//	o1 – o2 (ong), o1 – c1, x (no family) isolated, y (no family) – a2.
//
// a1: partners a2 (I), o1, c1 (E): EI = (2 − 1)/3 = 1/3; families
// association, ong, collectivite one each: Blau 1 − 3·(1/3)² = 2/3.
// o1: partners a1 (E), o2 (I), c1 (E): 1/3; Blau 2/3.
// o2: one partner o1 (I): −1, Blau 0. c1: a1, o1 (E, E): 1; Blau
// 1 − (1/4 + 1/4) = 1/2. a2: a1 (I), y (E, "autre"): 0; Blau 1/2.
// y: a2 (E): 1, Blau 0. x: no tie, undefined.
//
// Network: ties a1–a2 (I), a1–o1 (E), a1–c1 (E), o1–o2 (I), o1–c1 (E),
// a2–y (E): (4 − 2)/6 = 1/3. Families: association, ties incident to
// a1, a2: I = 1 (a1–a2), E = 3 (a1–o1, a1–c1, a2–y): (3 − 1)/4 = 1/2;
// ong: I = 1 (o1–o2), E = 2 (a1–o1, o1–c1): 1/3; collectivite: E = 2:
// 1; autre (x, y): E = 1: 1.
func TestEIAndDiversity(t *testing.T) {
	net := smallNetwork(map[string]string{
		"a1": "association", "a2": "association", "o1": "ong", "o2": "ong", "c1": "collectivite", "x": "", "y": " ",
	},
		[2]string{"a1", "a2"}, [2]string{"a1", "o1"}, [2]string{"a1", "c1"},
		[2]string{"o1", "o2"}, [2]string{"o1", "c1"}, [2]string{"y", "a2"},
	)
	r := complementarity(net, newAdjacency(net), Options{})
	nan := Undefined
	wantEI := map[string]Num{"a1": 1. / 3, "o1": 1. / 3, "o2": -1, "c1": 1, "a2": 0, "y": 1, "x": nan}
	wantD := map[string]Num{"a1": 2. / 3, "o1": 2. / 3, "o2": 0, "c1": 0.5, "a2": 0.5, "y": 0, "x": nan}
	for id, i := range byID(net) {
		if !sameNum(r.EIIndex[i], wantEI[id], 1e-12) {
			t.Errorf("ei_index(%s) = %v, want %v", id, r.EIIndex[i], wantEI[id])
		}
		if !sameNum(r.PartnerDiversity[i], wantD[id], 1e-12) {
			t.Errorf("partner_diversity(%s) = %v, want %v", id, r.PartnerDiversity[i], wantD[id])
		}
	}
	if !sameNum(r.EI.Network, 1./3, 1e-12) {
		t.Errorf("network E-I = %v, want 1/3", r.EI.Network)
	}
	wantF := map[string]Num{"association": 0.5, "ong": 1. / 3, "collectivite": 1, "autre": 1}
	if len(r.EI.Families) != len(wantF) {
		t.Errorf("E-I families = %v, want the keys of %v", r.EI.Families, wantF)
	}
	for f, w := range wantF {
		if got, ok := r.EI.Families[f]; !ok || !sameNum(got, w, 1e-12) {
			t.Errorf("E-I of family %s = %v, want %v", f, got, w)
		}
	}
}

// TestComplementarityEmpty checks that networks without ties give undefined
// values rather than zeros or panics.
func TestComplementarityEmpty(t *testing.T) {
	for _, net := range []*graph.Network{
		graph.NewNetwork(&graph.Dataset{}),
		smallNetwork(map[string]string{"a": "ong", "b": "ong"}),
	} {
		r := complementarity(net, newAdjacency(net), Options{})
		for i := range net.Actors {
			for name, v := range map[string]Num{
				"constraint": r.Constraint[i], "effective_size": r.EffectiveSize[i],
				"ei_index": r.EIIndex[i], "partner_diversity": r.PartnerDiversity[i],
			} {
				if v.Defined() {
					t.Errorf("%s of an isolate = %v, want undefined", name, v)
				}
			}
		}
		if r.FamilyAssortativity.Defined() || r.EI.Network.Defined() {
			t.Errorf("assortativity %v, network E-I %v on a network without ties, want undefined", r.FamilyAssortativity, r.EI.Network)
		}
	}
}

// TestProjectMetrics checks the alliance description of projects. Families
// come in the canonical order of graph.Families, as in the queries.
func TestProjectMetrics(t *testing.T) {
	d := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "agadir", Family: "collectivite", Country: "MA", Level: "local"},
			{ID: "asso", Family: "association", Country: "FR", Level: "regional"},
			{ID: "ngo", Family: "ong", Country: "MA"},
			{ID: "nofam", Country: "FR", Level: "local"},
		},
		Projects: []graph.Project{{ID: "p2", Name: "Second"}, {ID: "p1", Programme: "prog", Phase: 1}, {ID: "p3"}},
		Participations: []graph.Participation{
			{Actor: "agadir", Project: "p1"}, {Actor: "asso", Project: "p1"}, {Actor: "ngo", Project: "p1"},
			{Actor: "nofam", Project: "p2"}, {Actor: "ghost", Project: "p2"}, {Actor: "ngo", Project: "p2"},
		},
	}
	got := projectMetrics(graph.NewNetwork(d))
	want := []ProjectMetrics{
		{ID: "p1", Name: "p1", Programme: "prog", Phase: 1, Actors: 3,
			Families: []string{"collectivite", "association", "ong"}, FamilyCoverage: 0.75,
			MissingFamilies: []string{"entreprise"}, Levels: []string{"local", "regional"}, Countries: []string{"FR", "MA"}},
		{ID: "p2", Name: "Second", Actors: 2,
			Families: []string{"ong", "autre"}, FamilyCoverage: 0.25,
			MissingFamilies: []string{"collectivite", "association", "entreprise"}, Levels: []string{"local"}, Countries: []string{"FR", "MA"}},
		{ID: "p3", Name: "p3", Actors: 0, Families: []string{}, FamilyCoverage: 0,
			MissingFamilies: []string{"collectivite", "association", "ong", "entreprise"}, Levels: []string{}, Countries: []string{}},
	}
	gb, _ := json.Marshal(got)
	wb, _ := json.Marshal(want)
	if string(gb) != string(wb) {
		t.Errorf("projects:\n got %s\nwant %s", gb, wb)
	}
}

// TestStructuralHolesDirect compares the triangle pass with a direct
// evaluation of Burt's formulas (the definitions in the doc comment of
// structuralHoles, O(d²) per actor) and with a listing of every two-path for
// brokerage, on random weighted networks with four families.
func TestStructuralHolesDirect(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 100; trial++ {
		n := 1 + rng.IntN(30)
		d := &graph.Dataset{}
		for i := 0; i < n; i++ {
			d.Actors = append(d.Actors, graph.Actor{ID: fmt.Sprintf("%02d", i), Family: graph.CoreFamilies[rng.IntN(4)]})
		}
		for k := rng.IntN(4 * n); k > 0; k-- {
			d.Links = append(d.Links, graph.Link{
				Source: fmt.Sprintf("%02d", rng.IntN(n)), Target: fmt.Sprintf("%02d", rng.IntN(n)),
				Weight: float64(1 + rng.IntN(5)),
			})
		}
		net := graph.NewNetwork(d)
		g := newAdjacency(net)
		fp := newFamilyPartition(net)
		for _, weighted := range []bool{false, true} {
			got := structuralHoles(g, fp, Options{Weighted: weighted})
			w := func(a, b int) float64 {
				x := g.weight(a, b)
				if !weighted && x > 0 {
					return 1
				}
				return x
			}
			for u := 0; u < n; u++ {
				nu, _ := g.neighbours(u)
				if len(nu) == 0 {
					if got.constraint[u].Defined() || got.effectiveSize[u].Defined() {
						t.Fatalf("isolate %d: constraint %v, effective size %v", u, got.constraint[u], got.effectiveSize[u])
					}
					continue
				}
				s := func(a int) float64 {
					nb, _ := g.neighbours(a)
					sum := 0.0
					for _, x := range nb {
						sum += w(a, int(x))
					}
					return sum
				}
				mx := func(a int) float64 {
					nb, _ := g.neighbours(a)
					m := 0.0
					for _, x := range nb {
						m = max(m, w(a, int(x)))
					}
					return m
				}
				c, e := 0.0, 0.0
				var want roleCounts
				for _, v := range nu {
					q := w(u, int(v)) / s(u)
					r := 0.0
					for _, x := range nu {
						q += w(u, int(x)) / s(u) * w(int(x), int(v)) / s(int(x))
						r += w(u, int(x)) / s(u) * w(int(v), int(x)) / mx(int(v))
						if x != v && g.weight(int(v), int(x)) == 0 {
							want.add(fp.fam[v], fp.fam[u], fp.fam[x])
						}
					}
					c += q * q
					e += 1 - r
				}
				if math.Abs(float64(got.constraint[u])-c) > 1e-9 || math.Abs(float64(got.effectiveSize[u])-e) > 1e-9 {
					t.Fatalf("trial %d weighted=%v node %d: constraint %v effective size %v, direct %v %v",
						trial, weighted, u, got.constraint[u], got.effectiveSize[u], c, e)
				}
				b := got.brokerage[u]
				if (roleCounts{int64(b.Coordinator), int64(b.Itinerant), int64(b.Representative), int64(b.Gatekeeper), int64(b.Liaison)}) != want {
					t.Fatalf("trial %d node %d: brokerage %+v, listing %+v", trial, u, b, want)
				}
			}
		}
	}
}
