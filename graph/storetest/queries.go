package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/query"
)

// RunQueries puts Fixture into a fresh store from open and checks the
// answers of package query on its network: on the network loaded back
// (CheckQueries), and read from the store itself, which must be a
// graph.NetworkReader (CheckQueriesOf). The queries give the same answers on
// every store, whichever way they read it.
func RunQueries(t *testing.T, open func(t *testing.T) graph.Store) {
	t.Helper()
	s := openStore(t, open)
	mustPut(t, s, Fixture())
	d, err := s.Load(context.Background())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	t.Run("Loaded", func(t *testing.T) { CheckQueries(t, graph.NewNetwork(d)) })
	r, ok := s.(graph.NetworkReader)
	if !ok {
		t.Fatalf("the store %T is not a graph.NetworkReader", s)
	}
	t.Run("Read", func(t *testing.T) { CheckQueriesOf(t, r) })
}

// asker asks the queries of a network.
type asker struct {
	partners    func(id string, depth int) (*query.Ego, error)
	paths       func(from, to string, max int) ([]query.Path, error)
	between     func(f1, f2 string) ([]query.TieInfo, error)
	crossBorder func() (*query.CrossBorderResult, error)
	alliances   func(minFamilies, maxGroups int) (*query.AlliancesResult, error) // nil: not asked
}

// CheckQueriesOf checks the answers of package query on the network of
// Fixture read through r, each query on a new graph.View (which reads only
// what the query needs) and all of them on one View (which keeps what it
// read). Alliances, which reads a whole graph.Network, is not asked.
func CheckQueriesOf(t *testing.T, r graph.NetworkReader) {
	t.Helper()
	ctx := context.Background()
	for _, shared := range []bool{false, true} {
		one := graph.NewView(r)
		view := func() *graph.View {
			if shared {
				return one
			}
			return graph.NewView(r)
		}
		name := "NewViewEachTime"
		if shared {
			name = "OneView"
		}
		t.Run(name, func(t *testing.T) {
			checkQueries(t, asker{
				partners: func(id string, depth int) (*query.Ego, error) { return query.PartnersOf(ctx, view(), id, depth) },
				paths: func(from, to string, max int) ([]query.Path, error) {
					return query.PathsOf(ctx, view(), from, to, max)
				},
				between: func(f1, f2 string) ([]query.TieInfo, error) {
					out := []query.TieInfo{}
					err := query.BetweenOf(ctx, view(), f1, f2, func(ti query.TieInfo) error { out = append(out, ti); return nil })
					return out, err
				},
				crossBorder: func() (*query.CrossBorderResult, error) {
					var ties []query.TieInfo
					res, err := query.CrossBorderOf(ctx, view(), func(ti query.TieInfo) error { ties = append(ties, ti); return nil })
					if err == nil {
						res.Ties = ties
					}
					return res, err
				},
			})
		})
	}
}

// fixtureTies are the 22 ties of the network of Fixture, worked out by hand
// from graph.NewNetwork: a tie's weight is the sum of the weights of its
// declared links plus the number of shared projects. The participants are
//
//	eau-rufisque-1: afd, enda, nantes, rufisque, sol-eau (10 pairs)
//	eau-rufisque-2: enda, jeunesse-sol, rufisque (3 pairs)
//	kayes-jeunes:   femmes-kayes, gret, kayes (3 pairs)
//	etude-agadez:   tenere (no pair)
var fixtureTies = []query.TieInfo{
	tie("afd", "enda", 1, 0, nil, "eau-rufisque-1"),
	tie("afd", "gret", 2, 1, []string{"funding"}),
	tie("afd", "nantes", 3, 1, []string{"funding"}, "eau-rufisque-1"), // 2 (funding) + 1 project
	tie("afd", "rufisque", 1, 0, nil, "eau-rufisque-1"),
	tie("afd", "sol-eau", 1, 0, nil, "eau-rufisque-1"),
	tie("agadir", "souss-pme", 1, 1, []string{"partnership"}),
	tie("enda", "gret", 1, 1, []string{"technical support"}),
	tie("enda", "jeunesse-sol", 1, 0, nil, "eau-rufisque-2"),
	tie("enda", "nantes", 1, 0, nil, "eau-rufisque-1"),
	tie("enda", "rufisque", 2, 0, nil, "eau-rufisque-1", "eau-rufisque-2"), // two projects
	tie("enda", "sol-eau", 1, 0, nil, "eau-rufisque-1"),
	tie("femmes-kayes", "gret", 1, 0, nil, "kayes-jeunes"),
	tie("femmes-kayes", "jeunesse-sol", 1, 1, []string{"partnership"}),
	tie("femmes-kayes", "kayes", 1, 0, nil, "kayes-jeunes"),
	tie("gret", "kayes", 1, 0, nil, "kayes-jeunes"),
	tie("jeunesse-sol", "nantes", 1, 1, []string{"funding"}),
	tie("jeunesse-sol", "rufisque", 1, 0, nil, "eau-rufisque-2"),
	tie("kayes", "loire-atlantique", 2, 1, []string{"partnership"}),
	tie("loire-atlantique", "nantes", 1, 1, []string{"agreement"}),
	tie("nantes", "rufisque", 5, 2, []string{"agreement", "partnership"}, "eau-rufisque-1"), // 3 + 1 + 1 project
	tie("nantes", "sol-eau", 1, 0, nil, "eau-rufisque-1"),
	tie("rufisque", "sol-eau", 1, 0, nil, "eau-rufisque-1"),
}

func tie(a, b string, weight float64, links int, types []string, projects ...string) query.TieInfo {
	if types == nil {
		types = []string{}
	}
	if projects == nil {
		projects = []string{}
	}
	return query.TieInfo{A: ref(a), B: ref(b), Weight: weight, Links: links, Types: types, Projects: projects}
}

// ref returns the reference of the actor of Fixture with the given id.
func ref(id string) query.ActorRef {
	for _, a := range Fixture().Actors {
		if a.ID == id {
			return query.ActorRef{ID: a.ID, Name: a.Name, Family: a.Family, Country: a.Country}
		}
	}
	panic("storetest: no actor " + id + " in Fixture")
}

func refs(ids ...string) []query.ActorRef {
	out := make([]query.ActorRef, len(ids))
	for i, id := range ids {
		out[i] = ref(id)
	}
	return out
}

// ft returns the tie of Fixture between a and b, oriented from a to b.
func ft(a, b string) query.TieInfo {
	for _, t := range fixtureTies {
		switch {
		case t.A.ID == a && t.B.ID == b:
			return t
		case t.A.ID == b && t.B.ID == a:
			t.A, t.B = t.B, t.A
			return t
		}
	}
	panic("storetest: no tie " + a + "–" + b + " in Fixture")
}

func fts(pairs ...[2]string) []query.TieInfo {
	out := []query.TieInfo{}
	for _, p := range pairs {
		out = append(out, ft(p[0], p[1]))
	}
	return out
}

// path returns the expected path through the given actors of Fixture.
func path(ids ...string) query.Path {
	p := query.Path{Length: len(ids) - 1, Actors: refs(ids...), Ties: []query.TieInfo{}}
	for i := 0; i+1 < len(ids); i++ {
		p.Ties = append(p.Ties, ft(ids[i], ids[i+1]))
	}
	return p
}

func ego(center string, depth int, distances [][]string, ties []query.TieInfo) *query.Ego {
	e := &query.Ego{Center: ref(center), Depth: depth, Ties: ties}
	for d, ids := range distances {
		for _, id := range ids {
			e.Actors = append(e.Actors, query.EgoActor{ActorRef: ref(id), Distance: d})
		}
	}
	return e
}

// Groups of Fixture (maximal cliques of three actors or more), worked out from
// the neighbours of each actor:
//
//	afd: enda gret nantes rufisque sol-eau
//	enda: afd gret jeunesse-sol nantes rufisque sol-eau
//	femmes-kayes: gret jeunesse-sol kayes
//	gret: afd enda femmes-kayes kayes
//	jeunesse-sol: enda femmes-kayes nantes rufisque
//	kayes: femmes-kayes gret loire-atlantique
//	loire-atlantique: kayes nantes
//	nantes: afd enda jeunesse-sol loire-atlantique rufisque sol-eau
//	rufisque: afd enda jeunesse-sol nantes sol-eau
//	sol-eau: afd enda nantes rufisque
//
// The participants of eau-rufisque-1 form a clique that no other actor
// completes, and so do those of kayes-jeunes: both are those projects again,
// not listed as groups; enda, jeunesse-sol, nantes and rufisque are all tied
// (Nantes funds Jeunesse Solidaire, the others share a project) without
// sharing one project; afd, enda and gret are tied by funding, technical
// support and eau-rufisque-1.
var (
	groupEndaNantes = query.Group{
		Actors:    refs("enda", "jeunesse-sol", "nantes", "rufisque"),
		Families:  []string{"collectivite", "association", "ong"},
		Combined:  3,
		Countries: []string{"FR", "SN"},
		Weight:    11, // 1+1+2 (enda) + 1+1 (jeunesse-sol) + 5 (nantes–rufisque)
		Projects:  []string{},
	}
	groupAFDGret = query.Group{
		Actors:    refs("afd", "enda", "gret"),
		Families:  []string{"ong", "institution"},
		Combined:  2,
		Countries: []string{"FR", "SN"},
		Weight:    4, // 1 + 2 + 1
		Projects:  []string{},
	}
	projectEau1 = query.ProjectAlliance{
		ID: "eau-rufisque-1", Name: "Accès à l'eau à Rufisque", Programme: "Eau Rufisque", Phase: 1,
		Families:        []string{"collectivite", "ong", "entreprise", "institution"},
		Combined:        4,
		MissingFamilies: []string{"association"},
		Countries:       []string{"FR", "SN"},
		Actors:          refs("afd", "enda", "nantes", "rufisque", "sol-eau"),
	}
	projectEau2 = query.ProjectAlliance{
		ID: "eau-rufisque-2", Name: "Accès à l'eau à Rufisque, phase 2", Programme: "Eau Rufisque", Phase: 2,
		Families:        []string{"collectivite", "association", "ong"},
		Combined:        3,
		MissingFamilies: []string{"entreprise"},
		Countries:       []string{"FR", "SN"},
		Actors:          refs("enda", "jeunesse-sol", "rufisque"),
	}
	projectKayes = query.ProjectAlliance{
		ID: "kayes-jeunes", Name: "Insertion des jeunes à Kayes", Programme: "Kayes Inclusion", Phase: 1,
		Families:        []string{"collectivite", "association", "ong"},
		Combined:        3,
		MissingFamilies: []string{"entreprise"},
		Countries:       []string{"FR", "ML"},
		Actors:          refs("femmes-kayes", "gret", "kayes"),
	}
	projectAgadez = query.ProjectAlliance{
		ID: "etude-agadez", Name: "Étude de filière à Agadez", Programme: "Filières Sahel", Phase: 1,
		Families:        []string{"entreprise"},
		Combined:        1,
		MissingFamilies: []string{"collectivite", "association", "ong"},
		Countries:       []string{"NE"},
		Actors:          refs("tenere"),
	}
)

// CheckQueries checks the answers of package query on n, the network of
// Fixture, against answers worked out by hand.
func CheckQueries(t *testing.T, n *graph.Network) {
	t.Helper()
	if len(n.Actors) != 13 || len(n.Ties) != len(fixtureTies) {
		t.Fatalf("the network of Fixture has %d actors and %d ties, want 13 and %d", len(n.Actors), len(n.Ties), len(fixtureTies))
	}
	checkQueries(t, asker{
		partners:    func(id string, depth int) (*query.Ego, error) { return query.Partners(n, id, depth) },
		paths:       func(from, to string, max int) ([]query.Path, error) { return query.Paths(n, from, to, max) },
		between:     func(f1, f2 string) ([]query.TieInfo, error) { return query.Between(n, f1, f2) },
		crossBorder: func() (*query.CrossBorderResult, error) { return query.CrossBorder(n) },
		alliances:   func(k, max int) (*query.AlliancesResult, error) { return query.Alliances(n, k, max) },
	})
}

func checkQueries(t *testing.T, q asker) {
	t.Helper()
	all := [][2]string{}
	for _, ti := range fixtureTies {
		all = append(all, [2]string{ti.A.ID, ti.B.ID})
	}
	without := func(skip ...string) [][2]string {
		var out [][2]string
	next:
		for _, p := range all {
			for _, s := range skip {
				if p[0] == s || p[1] == s {
					continue next
				}
			}
			out = append(out, p)
		}
		return out
	}

	t.Run("Partners", func(t *testing.T) {
		// Nantes' partners: AFD (funding, eau-rufisque-1), ENDA and Sol'Eau
		// (eau-rufisque-1), Jeunesse Solidaire (funding), the Département
		// (agreement), Rufisque (twinning, agreement, eau-rufisque-1).
		got, err := q.partners("nantes", 1)
		check(t, "Partners(nantes, 1)", got, err, ego("nantes", 1,
			[][]string{{"nantes"}, {"afd", "enda", "jeunesse-sol", "loire-atlantique", "rufisque", "sol-eau"}},
			fts(without("agadir", "souss-pme", "tenere", "femmes-kayes", "gret", "kayes")...)))
		// Two steps away: Gret (through AFD and ENDA), the women of Kayes
		// (through Jeunesse Solidaire), Kayes (through the Département).
		got, err = q.partners("nantes", 2)
		check(t, "Partners(nantes, 2)", got, err, ego("nantes", 2,
			[][]string{{"nantes"}, {"afd", "enda", "jeunesse-sol", "loire-atlantique", "rufisque", "sol-eau"}, {"femmes-kayes", "gret", "kayes"}},
			fts(without("agadir", "souss-pme", "tenere")...)))
		got, err = q.partners("tenere", 3)
		check(t, "Partners(tenere, 3)", got, err, ego("tenere", 3, [][]string{{"tenere"}}, []query.TieInfo{}))
		_, err = q.partners("inconnu", 1)
		checkErr(t, "Partners(inconnu, 1)", err, query.ErrUnknownActor)
		if _, err = q.partners("nantes", 0); err == nil {
			t.Error("Partners(nantes, 0): no error")
		}
	})

	t.Run("Paths", func(t *testing.T) {
		// Rufisque has no neighbour in common with Kayes (femmes-kayes, gret,
		// loire-atlantique); each of these is tied to one or two partners of
		// Rufisque, giving four paths of three ties.
		want := []query.Path{
			path("rufisque", "afd", "gret", "kayes"),
			path("rufisque", "enda", "gret", "kayes"),
			path("rufisque", "jeunesse-sol", "femmes-kayes", "kayes"),
			path("rufisque", "nantes", "loire-atlantique", "kayes"),
		}
		got, err := q.paths("rufisque", "kayes", 0)
		check(t, "Paths(rufisque, kayes, all)", got, err, want)
		got, err = q.paths("rufisque", "kayes", 2)
		check(t, "Paths(rufisque, kayes, 2)", got, err, want[:2])
		got, err = q.paths("jeunesse-sol", "kayes", 10)
		check(t, "Paths(jeunesse-sol, kayes)", got, err, []query.Path{path("jeunesse-sol", "femmes-kayes", "kayes")})
		got, err = q.paths("nantes", "agadir", 10)
		check(t, "Paths(nantes, agadir)", got, err, []query.Path{})
		got, err = q.paths("nantes", "nantes", 10)
		check(t, "Paths(nantes, nantes)", got, err, []query.Path{path("nantes")})
		_, err = q.paths("nantes", "inconnu", 10)
		checkErr(t, "Paths(nantes, inconnu)", err, query.ErrUnknownActor)
	})

	t.Run("Alliances", func(t *testing.T) {
		if q.alliances == nil {
			t.Skip("asked of a graph.Network only")
		}
		got, err := q.alliances(3, 0)
		check(t, "Alliances(3)", got, err, &query.AlliancesResult{
			MinFamilies: 3,
			Projects:    []query.ProjectAlliance{projectEau1, projectEau2, projectKayes},
			Groups:      []query.Group{groupEndaNantes},
		})
		got, err = q.alliances(4, 0)
		check(t, "Alliances(4)", got, err, &query.AlliancesResult{
			MinFamilies: 4,
			Projects:    []query.ProjectAlliance{projectEau1},
			Groups:      []query.Group{},
		})
		got, err = q.alliances(1, 0)
		check(t, "Alliances(1)", got, err, &query.AlliancesResult{
			MinFamilies: 1,
			Projects:    []query.ProjectAlliance{projectEau1, projectEau2, projectKayes, projectAgadez},
			Groups:      []query.Group{groupEndaNantes, groupAFDGret},
		})
		got, err = q.alliances(5, 0)
		check(t, "Alliances(5)", got, err, &query.AlliancesResult{
			MinFamilies: 5, Projects: []query.ProjectAlliance{}, Groups: []query.Group{},
		})
	})

	t.Run("Between", func(t *testing.T) {
		// Local authorities (agadir, kayes, loire-atlantique, nantes,
		// rufisque) and NGOs (enda, gret).
		want := fts([2]string{"kayes", "gret"}, [2]string{"nantes", "enda"}, [2]string{"rufisque", "enda"})
		got, err := q.between("collectivite", "ong")
		check(t, "Between(collectivite, ong)", got, err, want)
		got, err = q.between("Collectivité", "ONG")
		check(t, "Between(Collectivité, ONG)", got, err, want)
		got, err = q.between("ong", "collectivite")
		check(t, "Between(ong, collectivite)", got, err,
			fts([2]string{"enda", "nantes"}, [2]string{"enda", "rufisque"}, [2]string{"gret", "kayes"}))
		got, err = q.between("collectivite", "collectivite")
		check(t, "Between(collectivite, collectivite)", got, err,
			fts([2]string{"kayes", "loire-atlantique"}, [2]string{"loire-atlantique", "nantes"}, [2]string{"nantes", "rufisque"}))
		got, err = q.between("association", "entreprise")
		check(t, "Between(association, entreprise)", got, err, []query.TieInfo{})
		got, err = q.between("autre", "ong") // a family of the vocabulary without actors
		check(t, "Between(autre, ong)", got, err, []query.TieInfo{})
		_, err = q.between("collectivite", "ngo-inconnue")
		checkErr(t, "Between(collectivite, ngo-inconnue)", err, query.ErrUnknownFamily)
	})

	t.Run("CrossBorder", func(t *testing.T) {
		// Countries: FR afd gret jeunesse-sol loire-atlantique nantes sol-eau;
		// SN enda rufisque; ML femmes-kayes kayes; MA agadir souss-pme; NE
		// tenere. Nine FR–SN ties (weights 1 but nantes–rufisque 5) and four
		// FR–ML ties (weights 1 but kayes–loire-atlantique 2).
		got, err := q.crossBorder()
		check(t, "CrossBorder", got, err, &query.CrossBorderResult{
			Ties: fts(
				[2]string{"afd", "enda"}, [2]string{"afd", "rufisque"}, [2]string{"enda", "gret"},
				[2]string{"enda", "jeunesse-sol"}, [2]string{"enda", "nantes"}, [2]string{"enda", "sol-eau"},
				[2]string{"femmes-kayes", "gret"}, [2]string{"femmes-kayes", "jeunesse-sol"}, [2]string{"gret", "kayes"},
				[2]string{"jeunesse-sol", "rufisque"}, [2]string{"kayes", "loire-atlantique"}, [2]string{"nantes", "rufisque"},
				[2]string{"rufisque", "sol-eau"}),
			Pairs: []query.CountryPair{
				{A: "FR", B: "SN", Ties: 9, Weight: 13, Actors: 7, Projects: []string{"eau-rufisque-1", "eau-rufisque-2"}},
				{A: "FR", B: "ML", Ties: 4, Weight: 5, Actors: 5, Projects: []string{"kayes-jeunes"}},
			},
		})
	})
}

// check compares a result with the expected one through their JSON, which is
// what users see, and shows both when they differ.
func check(t *testing.T, what string, got any, err error, want any) {
	t.Helper()
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	g, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	w, err := json.MarshalIndent(want, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if string(g) != string(w) {
		t.Errorf("%s:\n got %s\nwant %s", what, g, w)
	}
}

func checkErr(t *testing.T, what string, err, sentinel error) {
	t.Helper()
	if !errors.Is(err, sentinel) {
		t.Errorf("%s: error %v, want one wrapping %q", what, err, sentinel)
	}
}
