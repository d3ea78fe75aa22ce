package analysis

import (
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/alliances/alliances/graph"
)

// Weights of the components of a suggestion's score (documented in
// docs/metrics.md, "Isolated actors").
const (
	// scoreComplementary rewards a candidate whose family is neither the
	// actor's own nor that of any of its current partners.
	scoreComplementary = 3.0
	// scoreTerritory rewards the same territory (compared after
	// graph.Normalize), scoreCountry the same country.
	scoreTerritory = 2.0
	scoreCountry   = 1.0
	// scoreCommon is given per common partner, up to maxCommon partners.
	scoreCommon = 1.0
	maxCommon   = 3
	// scoreShared is given per project dimension or target that both take
	// part in, up to maxShared of them.
	scoreShared = 0.5
	maxShared   = 4
	// scoreMain rewards a candidate in the main component when the actor is
	// outside it (isolates included): the tie would connect it.
	scoreMain = 1.5
	// scoreConnected × log(1+deg c)/log(1+max deg) prefers well-connected
	// candidates; it never makes a suggestion on its own.
	scoreConnected = 1.0
)

// Candidate limits that keep suggestions fast on large networks (35,000
// actors): the partners of partners visited per actor, expanding partners from
// the least to the most connected, and the best-connected actors taken from
// each family, territory and country.
const (
	twoHopBudget = 2000
	poolSize     = 10
)

// suggester holds what every suggestion reads.
type suggester struct {
	net      *graph.Network
	g        *adjacency
	fp       familyPartition
	inMain   []bool
	k        int
	maxDeg   int
	terr     []int32 // territory id, −1 when empty
	country  []int32 // country id, −1 when empty
	terrName []string
	features []uint64 // project dimensions and targets of every actor
	featName []string
	// pools: best-connected actors per family, territory and country.
	famPool, terrPool, countryPool [][]int32
}

func newSuggester(net *graph.Network, g *adjacency, fp familyPartition, comp []int32, main int32, k int) *suggester {
	s := &suggester{net: net, g: g, fp: fp, k: k, inMain: make([]bool, g.n)}
	for v := 0; v < g.n; v++ {
		s.inMain[v] = comp[v] == main
		s.maxDeg = max(s.maxDeg, g.degree(v))
	}
	s.terr, s.terrName = intern(net, func(a graph.Actor) string { return graph.Normalize(a.Territory) },
		func(a graph.Actor) string { return strings.TrimSpace(a.Territory) })
	s.country, _ = intern(net, func(a graph.Actor) string { return strings.ToUpper(strings.TrimSpace(a.Country)) }, nil)
	s.features, s.featName = projectFeatures(net)
	// rank: main component first, then more partners, then id.
	rank := make([]int32, g.n)
	for i := range rank {
		rank[i] = int32(i)
	}
	sort.SliceStable(rank, func(i, j int) bool {
		a, b := rank[i], rank[j]
		if s.inMain[a] != s.inMain[b] {
			return s.inMain[a]
		}
		return g.degree(int(a)) > g.degree(int(b))
	})
	s.famPool = pools(rank, fp.fam, len(fp.names), poolSize+k)
	s.terrPool = pools(rank, s.terr, len(s.terrName), poolSize+k)
	s.countryPool = pools(rank, s.country, maxID(s.country)+1, poolSize+k)
	return s
}

// intern numbers the distinct non-empty keys of the actors, in sorted order;
// names holds, for each id, the display value of its first actor.
func intern(net *graph.Network, key, display func(graph.Actor) string) (ids []int32, names []string) {
	keys := map[string]bool{}
	for _, a := range net.Actors {
		if k := key(a); k != "" {
			keys[k] = true
		}
	}
	sorted := sortedKeys(keys)
	id := make(map[string]int32, len(sorted))
	for i, k := range sorted {
		id[k] = int32(i)
	}
	names = make([]string, len(sorted))
	ids = make([]int32, len(net.Actors))
	for i, a := range net.Actors {
		k := key(a)
		if k == "" {
			ids[i] = -1
			continue
		}
		ids[i] = id[k]
		if names[id[k]] == "" {
			names[id[k]] = k
			if display != nil {
				names[id[k]] = display(a)
			}
		}
	}
	return ids, names
}

func maxID(ids []int32) int {
	m := -1
	for _, x := range ids {
		m = max(m, int(x))
	}
	return m
}

// pools returns, for every group, the first size nodes of rank in that group.
func pools(rank []int32, group []int32, groups, size int) [][]int32 {
	out := make([][]int32, groups)
	for _, v := range rank {
		if g := group[v]; g >= 0 && len(out[g]) < size {
			out[g] = append(out[g], v)
		}
	}
	return out
}

// projectFeatures returns, for every actor, the set of the dimensions and
// targets of the projects it takes part in, as a bit set over featName
// (sorted "dimension X" and "target Y" labels; beyond 64 distinct values the
// rest are ignored).
func projectFeatures(net *graph.Network) ([]uint64, []string) {
	labels := map[string]bool{}
	projFeat := map[string][]string{}
	for _, p := range net.Projects {
		var fs []string
		for _, d := range p.Dimensions {
			if d = strings.ToLower(strings.TrimSpace(d)); d != "" {
				fs = append(fs, "dimension "+d)
			}
		}
		for _, t := range p.Targets {
			if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
				fs = append(fs, "target "+t)
			}
		}
		for _, f := range fs {
			labels[f] = true
		}
		projFeat[p.ID] = fs
	}
	names := sortedKeys(labels)
	if len(names) > 64 {
		names = names[:64]
	}
	bit := make(map[string]uint64, len(names))
	for i, n := range names {
		bit[n] = 1 << uint(i)
	}
	idx := make(map[string]int, len(net.Actors))
	for i, a := range net.Actors {
		idx[a.ID] = i
	}
	feat := make([]uint64, len(net.Actors))
	for _, p := range net.Participations {
		i, ok := idx[p.Actor]
		if !ok {
			continue
		}
		for _, f := range projFeat[p.Project] {
			feat[i] |= bit[f]
		}
	}
	return feat, names
}

// suggestAll computes the suggestions of every flagged node, in parallel.
func (s *suggester) suggestAll(flagged []int) [][]Suggestion {
	out := make([][]Suggestion, len(flagged))
	workers := runtime.GOMAXPROCS(0)
	var next atomic.Int64
	var wg sync.WaitGroup
	var crashed panics
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer crashed.catch()
			w := &suggestWork{
				stamp:   make([]int32, s.g.n),
				partner: make([]int32, s.g.n),
				common:  make([]int32, s.g.n),
				famSeen: make([]int32, len(s.fp.names)),
				famTop:  make([][]scored, len(s.fp.names)),
			}
			for {
				i := int(next.Add(1)) - 1
				if i >= len(flagged) {
					return
				}
				out[i] = s.suggest(w, flagged[i])
			}
		}()
	}
	wg.Wait()
	crashed.raise()
	return out
}

// suggestWork is the scratch space of one worker.
type suggestWork struct {
	stamp, partner, common, famSeen []int32
	cands, skipped                  []int32
	famTop                          [][]scored // best candidates per family
	top                             []scored
}

type scored struct {
	v     int32
	score float64
}

// suggest returns up to s.k partners for v, best first: actors with no tie
// with v, scored by the weighted sum of
//
//   - complementary family (scoreComplementary): the candidate's family is
//     neither v's nor that of any partner of v;
//   - same territory (scoreTerritory) and same country (scoreCountry);
//   - common partners (scoreCommon each, up to maxCommon);
//   - shared project dimensions and targets (scoreShared each, up to
//     maxShared), from the projects each takes part in;
//   - being in the main component when v is not (scoreMain);
//   - being well connected: scoreConnected·log(1+deg)/log(1+max deg).
//
// Only candidates with at least one reason other than being well connected
// are suggested. Scores are rounded to 3 decimals; equal scores are ordered by
// id. The k places are diversified across families (see diversify).
//
// Candidates are the partners of partners of v, expanding the least connected
// partners first until twoHopBudget neighbours have been visited (the first
// partner is always expanded; common partners are still counted exactly,
// through the partners left unexpanded), and the poolSize+k best-placed actors
// of every family and of v's territory and country.
func (s *suggester) suggest(w *suggestWork, v int) []Suggestion {
	g := s.g
	mark := int32(v + 1)
	nv, _ := g.neighbours(v)
	famMark := mark
	for _, p := range nv {
		w.partner[p] = mark
		w.famSeen[s.fp.fam[p]] = famMark
	}
	w.cands = w.cands[:0]
	add := func(c int32) {
		if int(c) == v || w.partner[c] == mark || w.stamp[c] == mark {
			return
		}
		w.stamp[c] = mark
		w.common[c] = 0
		w.cands = append(w.cands, c)
	}
	// partners of partners, the least connected partners first.
	order := append([]int32(nil), nv...)
	sort.SliceStable(order, func(i, j int) bool { return g.degree(int(order[i])) < g.degree(int(order[j])) })
	w.skipped = w.skipped[:0]
	visits := 0
	for _, p := range order {
		np, _ := g.neighbours(int(p))
		if visits > 0 && visits+len(np) > twoHopBudget {
			w.skipped = append(w.skipped, p)
			continue
		}
		visits += len(np)
		for _, c := range np {
			add(c)
			if w.stamp[c] == mark {
				w.common[c]++
			}
		}
	}
	for _, pool := range s.famPool {
		for _, c := range pool {
			add(c)
		}
	}
	if t := s.terr[v]; t >= 0 {
		for _, c := range s.terrPool[t] {
			add(c)
		}
	}
	if c := s.country[v]; c >= 0 {
		for _, x := range s.countryPool[c] {
			add(x)
		}
	}
	for f := range w.famTop {
		w.famTop[f] = w.famTop[f][:0]
	}
	for _, c := range w.cands {
		common := int(w.common[c])
		for _, p := range w.skipped {
			if g.weight(int(c), int(p)) > 0 {
				common++
			}
		}
		sc, ok := s.score(w, v, int(c), common, famMark)
		if !ok {
			continue
		}
		f := s.fp.fam[c]
		w.famTop[f] = insertTop(w.famTop[f], scored{c, sc}, s.k)
	}
	w.top = diversify(w.top[:0], w.famTop, s.k)
	out := make([]Suggestion, 0, len(w.top))
	for _, t := range w.top {
		a := s.net.Actors[t.v]
		out = append(out, Suggestion{
			ID: a.ID, Name: a.Label(), Family: a.Family, Score: t.score,
			Why: s.why(v, int(t.v), famMark, w),
		})
	}
	return out
}

// diversify picks k suggestions from the best candidates of every family:
// first the best candidate of each family whose score is at least half the
// best score overall, best families first, then the remaining candidates by
// score. The pick is returned ordered by decreasing score then node, so that a
// few families do not take every place when candidates of other
// families are nearly as good.
func diversify(top []scored, famTop [][]scored, k int) []scored {
	var heads, rest []scored
	for _, t := range famTop {
		if len(t) > 0 {
			heads = append(heads, t[0])
			rest = append(rest, t[1:]...)
		}
	}
	sort.Slice(heads, func(i, j int) bool { return better(heads[i], heads[j]) })
	for i, h := range heads {
		if len(top) < k && h.score >= heads[0].score/2 {
			top = append(top, h)
		} else {
			rest = append(rest, heads[i])
		}
	}
	sort.Slice(rest, func(i, j int) bool { return better(rest[i], rest[j]) })
	for _, r := range rest {
		if len(top) == k {
			break
		}
		top = append(top, r)
	}
	sort.Slice(top, func(i, j int) bool { return better(top[i], top[j]) })
	return top
}

// better orders candidates by decreasing score, then increasing node (actor id
// order).
func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.v < b.v
}

// insertTop inserts x into top, kept sorted by decreasing score then
// increasing node (actor id order), and at most k long.
func insertTop(top []scored, x scored, k int) []scored {
	if len(top) == k && !better(x, top[k-1]) {
		return top
	}
	i := sort.Search(len(top), func(i int) bool { return better(x, top[i]) })
	if len(top) < k {
		top = append(top, scored{})
	}
	copy(top[i+1:], top[i:len(top)-1])
	top[i] = x
	return top
}

// components of a suggestion, shared by score and why.
type suggestParts struct {
	complementary, territory, country, main bool
	common, shared                          int
	connected                               float64
}

func (s *suggester) parts(v, c, common int, famMark int32, w *suggestWork) suggestParts {
	p := suggestParts{common: common}
	fv, fc := s.fp.fam[v], s.fp.fam[c]
	p.complementary = fc != fv && w.famSeen[fc] != famMark
	p.territory = s.terr[v] >= 0 && s.terr[v] == s.terr[c]
	p.country = s.country[v] >= 0 && s.country[v] == s.country[c]
	p.shared = bits.OnesCount64(s.features[v] & s.features[c])
	p.main = !s.inMain[v] && s.inMain[c]
	if s.maxDeg > 0 {
		p.connected = math.Log1p(float64(s.g.degree(c))) / math.Log1p(float64(s.maxDeg))
	}
	return p
}

func (s *suggester) score(w *suggestWork, v, c, common int, famMark int32) (float64, bool) {
	p := s.parts(v, c, common, famMark, w)
	sc := 0.0
	if p.complementary {
		sc += scoreComplementary
	}
	if p.territory {
		sc += scoreTerritory
	}
	if p.country {
		sc += scoreCountry
	}
	sc += scoreCommon * float64(min(p.common, maxCommon))
	sc += scoreShared * float64(min(p.shared, maxShared))
	if p.main {
		sc += scoreMain
	}
	if sc == 0 {
		return 0, false
	}
	sc += scoreConnected * p.connected
	return math.Round(sc*1000) / 1000, true
}

// why explains in plain words the suggestion of c to v.
func (s *suggester) why(v, c int, famMark int32, w *suggestWork) string {
	commons := s.commonPartners(v, c)
	p := s.parts(v, c, len(commons), famMark, w)
	var parts []string
	if p.complementary {
		parts = append(parts, fmt.Sprintf("complementary family: %s ↔ %s",
			s.fp.names[s.fp.fam[v]], s.fp.names[s.fp.fam[c]]))
	}
	if p.territory {
		parts = append(parts, "same territory "+s.terrName[s.terr[v]])
	}
	if p.country {
		parts = append(parts, "same country "+strings.ToUpper(strings.TrimSpace(s.net.Actors[v].Country)))
	}
	if n := len(commons); n > 0 {
		names := make([]string, 0, 3)
		for _, x := range commons[:min(n, 3)] {
			names = append(names, s.net.Actors[x].Label())
		}
		if n > 3 {
			names = append(names, "…")
		}
		noun := "common partners"
		if n == 1 {
			noun = "common partner"
		}
		parts = append(parts, fmt.Sprintf("%d %s (%s)", n, noun, strings.Join(names, ", ")))
	}
	if shared := s.features[v] & s.features[c]; shared != 0 {
		var fs []string
		for i, name := range s.featName {
			if shared&(1<<uint(i)) != 0 {
				fs = append(fs, name)
			}
		}
		parts = append(parts, "shares "+strings.Join(fs, ", "))
	}
	if p.main {
		parts = append(parts, "in the main component")
	}
	if d := s.g.degree(c); d >= 2 && p.connected >= 0.5 {
		parts = append(parts, fmt.Sprintf("well connected (%d partners)", d))
	}
	return strings.Join(parts, "; ")
}

// commonPartners returns the partners of both v and c, in id order, walking
// the shorter neighbour list and searching the longer one.
func (s *suggester) commonPartners(v, c int) []int32 {
	a, _ := s.g.neighbours(v)
	b, _ := s.g.neighbours(c)
	other := c
	if len(b) < len(a) {
		a, other = b, v
	}
	var out []int32
	for _, x := range a {
		if s.g.weight(other, int(x)) > 0 {
			out = append(out, x)
		}
	}
	return out
}

// ScoreWeights are the weights of the components of a suggestion's score,
// for the methods of a report.
type ScoreWeights struct {
	Complementary, Territory, Country float64
	Common                            float64 // per common partner
	MaxCommon                         int
	Shared                            float64 // per shared dimension or target
	MaxShared                         int
	Main, Connected                   float64
}

// SuggestionWeights returns the weights of the suggestion score.
func SuggestionWeights() ScoreWeights {
	return ScoreWeights{scoreComplementary, scoreTerritory, scoreCountry, scoreCommon, maxCommon,
		scoreShared, maxShared, scoreMain, scoreConnected}
}
