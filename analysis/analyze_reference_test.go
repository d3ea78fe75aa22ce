package analysis

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/alliances/alliances/graph"
)

// reference is a network with the values that NetworkX 2.8.8, numpy 1.24
// (eigenvector) and python-igraph 0.10.2 (PageRank) compute on it, written by
// testdata/gen_reference.py
// (run with Debian's /usr/bin/python3; the file names the tool behind every
// metric in "sources").
type reference struct {
	Name     string `json:"name"`
	Weighted bool   `json:"weighted"`
	Actors   []struct {
		ID     string `json:"id"`
		Family string `json:"family"`
	} `json:"actors"`
	Ties      [][3]any       `json:"ties"`
	Partition map[string]int `json:"partition"`
	Expected  struct {
		Actors                    map[string]map[string]*float64 `json:"actors"`
		Network                   map[string]*float64            `json:"network"`
		PartitionModularity       *float64                       `json:"partition_modularity"`
		NetworkXLouvainModularity *float64                       `json:"networkx_louvain_modularity"`
	} `json:"expected"`
}

func loadReference(t testing.TB, name string) (*reference, *graph.Network) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "reference_"+name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var ref reference
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var d graph.Dataset
	for _, a := range ref.Actors {
		d.Actors = append(d.Actors, graph.Actor{ID: a.ID, Family: a.Family})
	}
	for _, tie := range ref.Ties {
		d.Links = append(d.Links, graph.Link{Source: tie[0].(string), Target: tie[1].(string), Weight: tie[2].(float64)})
	}
	return &ref, graph.NewNetwork(&d)
}

var referenceNetworks = []string{
	"karate", "karate_weighted", "florentine", "lesmis", "lesmis_weighted", "kite", "davis", "davis_weighted",
	"ties", "disconnected", "twocliques", "nonconvergent", "twins",
}

// converged are the iterative measures, which match their fixed point
// (numpy.linalg.eigh, igraph PRPACK; see testdata/gen_reference.py) to 1e-9.
var converged = map[string]bool{"eigenvector": true, "pagerank": true}

// within reports whether got matches want to tol (absolute); a nil want is
// an undefined value.
func within(got Num, want *float64, tol float64) bool {
	if want == nil || !got.Defined() {
		return want == nil && !got.Defined()
	}
	return math.Abs(float64(got)-*want) <= tol
}

// close reports whether got matches want to 1e-6 (absolute, or relative for
// large values); a nil want is an undefined value.
func closeTo(got Num, want *float64) bool {
	if want == nil {
		return !got.Defined()
	}
	if !got.Defined() {
		return false
	}
	return math.Abs(float64(got)-*want) <= 1e-6*math.Max(1, math.Abs(*want))
}

func TestAnalyzeMatchesNetworkXAndIgraph(t *testing.T) {
	for _, name := range referenceNetworks {
		t.Run(name, func(t *testing.T) {
			ref, net := loadReference(t, name)
			for _, workers := range []int{1, 3} {
				res, err := Analyze(net, Options{Weighted: ref.Weighted, Seed: 1, Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Actors) != len(ref.Expected.Actors) {
					t.Fatalf("%d actors, want %d", len(res.Actors), len(ref.Expected.Actors))
				}
				for _, a := range res.Actors {
					want := ref.Expected.Actors[a.ID]
					got := map[string]Num{
						"degree":      Num(a.Degree),
						"strength":    a.Strength,
						"betweenness": a.Betweenness,
						"closeness":   a.Closeness,
						"harmonic":    a.Harmonic,
						"eigenvector": a.Eigenvector,
						"pagerank":    a.PageRank,
						"core":        Num(a.Core),
						"clustering":  a.Clustering,
					}
					for key, g := range got {
						w, ok := want[key]
						if !ok {
							t.Fatalf("%s: no expected %s", a.ID, key)
						}
						if converged[key] && !within(g, w, 1e-9) || !closeTo(g, w) {
							t.Errorf("workers=%d %s %s = %v, want %v", workers, a.ID, key, float64(g), show(w))
						}
					}
				}
				nm := res.Network
				got := map[string]Num{
					"actors":                     Num(nm.Actors),
					"ties":                       Num(nm.Ties),
					"density":                    nm.Density,
					"components":                 Num(nm.Components),
					"largest_component_share":    nm.LargestComponentShare,
					"transitivity":               nm.Transitivity,
					"average_clustering":         nm.AverageClustering,
					"degree_centralization":      nm.DegreeCentralization,
					"betweenness_centralization": nm.BetweennessCentralization,
					"degree_assortativity":       nm.DegreeAssortativity,
				}
				for key, g := range got {
					w, ok := ref.Expected.Network[key]
					if !ok {
						t.Fatalf("no expected network %s", key)
					}
					if !closeTo(g, w) {
						t.Errorf("workers=%d network %s = %v, want %v", workers, key, float64(g), show(w))
					}
				}
				// Louvain is randomised: its partition need not be NetworkX's,
				// but its modularity must be as good up to 0.02.
				if best := ref.Expected.NetworkXLouvainModularity; best != nil {
					if float64(nm.Modularity) < *best-0.02 {
						t.Errorf("Louvain modularity %v, NetworkX louvain_communities reaches %v", float64(nm.Modularity), *best)
					}
				}
			}
		})
	}
}

func show(p *float64) any {
	if p == nil {
		return "null"
	}
	return *p
}

// TestModularityOfFixedPartition checks the modularity formula apart from
// Louvain, on the karate club split into its two factions, against
// NetworkX community.modularity (testdata/gen_reference.py).
func TestModularityOfFixedPartition(t *testing.T) {
	for _, name := range []string{"karate", "karate_weighted"} {
		ref, net := loadReference(t, name)
		g := newAdjacency(net)
		comm := make([]int, g.n)
		for i, a := range net.Actors {
			comm[i] = ref.Partition[a.ID]
		}
		got := modularity(g, ref.Weighted, comm, 2)
		if !closeTo(Num(got), ref.Expected.PartitionModularity) {
			t.Errorf("%s: modularity %v, want %v", name, got, *ref.Expected.PartitionModularity)
		}
	}
}
