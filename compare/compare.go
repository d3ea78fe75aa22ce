package compare

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

// Ways of cutting a network into slices (Options.By).
const (
	ByPhase  = "phase"  // the phases of one programme
	ByYear   = "year"   // the year in which projects start
	ByPeriod = "period" // the periods of Options.Periods
)

// Errors of Compare, for the command line to word and map to exit codes.
var (
	// ErrNoPhases: --by phase on projects that have no phase.
	ErrNoPhases = errors.New("no project has a phase")
	// ErrProgrammes: --by phase with several programmes with phases and
	// none chosen.
	ErrProgrammes = errors.New("several programmes have phases")
	// ErrNoDates: --by year on projects that have no start date.
	ErrNoDates = errors.New("no project has a start date")
	// ErrOptions: a bad Options value (unknown By, no Periods).
	ErrOptions = errors.New("bad comparison options")
)

// DefaultExactLimit is the number of actors of a slice above which its
// betweenness, used for the rank changes only, is estimated by sampling
// when Options.Analysis.ExactLimit is 0: lower than analyze's, so that
// comparing the years of a large programme takes seconds, not minutes.
const DefaultExactLimit = 5000

// Options set how Compare cuts and measures.
type Options struct {
	// By is ByPhase, ByYear or ByPeriod.
	By string
	// Periods are the slices of ByPeriod, in order.
	Periods []graph.Period
	// Analysis are the options of the analysis of each slice (seed,
	// weighted, sampling of betweenness; ExactLimit 0 means
	// DefaultExactLimit).
	Analysis analysis.Options
	// RankChanges is how many of the largest rank changes to give per metric
	// and transition; 0 means 5.
	RankChanges int
	// AllTies lists every tie in Result.Ties; by default only the ties
	// active in at least two slices are listed, the others counted.
	AllTies bool
}

// Result is the comparison, in the JSON shape of docs/compare.md.
type Result struct {
	By string `json:"by"`
	// Slice is the slice of the store compared (the filters given besides
	// --by): empty for the whole store.
	Slice       graph.SliceFilterValues `json:"slice"`
	Slices      []SliceStats            `json:"slices"`
	Transitions []Transition            `json:"transitions"`
	Actors      []Tenure                `json:"actors"`
	Ties        []TieRun                `json:"ties"`
	// TiesNotListed counts the ties active in one slice only, left out of
	// Ties unless Options.AllTies.
	TiesNotListed int  `json:"ties_not_listed,omitempty"`
	Core          Core `json:"core"`
	// Continuity is the share of the ties of a slice still active in the
	// next, averaged over the transitions (null with fewer than two slices).
	Continuity analysis.Num `json:"continuity"`
	// LeftOut counts the projects that fall in no slice: with --by year,
	// those without a start date; with --by phase, those of the programme
	// without a phase.
	LeftOut LeftOut `json:"left_out"`
}

// LeftOut counts what no slice holds.
type LeftOut struct {
	Projects int `json:"projects"`
}

// SliceStats are the measures of one slice.
type SliceStats struct {
	Label      string       `json:"label"`
	Actors     int          `json:"actors"`
	Ties       int          `json:"ties"`
	Projects   int          `json:"projects"`
	Density    analysis.Num `json:"density"`
	Components int          `json:"components"`
	EIIndex    analysis.Num `json:"ei_index"`
	// Families counts the actors of each family present.
	Families map[string]int `json:"families"`
	// FamilyCoverage is the share of the core families present (docs/metrics.md).
	FamilyCoverage analysis.Num `json:"family_coverage"`
	// Dimensions and Targets are those of the slice's projects, in
	// canonical order.
	Dimensions []string `json:"dimensions"`
	Targets    []string `json:"targets"`
	// Betweenness says how the betweenness behind the rank changes was
	// computed: "exact", or "sampled" above the exact limit.
	Betweenness string `json:"betweenness"`
}

// Transition compares a slice with the next.
type Transition struct {
	From    string   `json:"from"`
	To      string   `json:"to"`
	Entered []string `json:"entered"`
	Left    []string `json:"left"`
	Stayed  []string `json:"stayed"`
	// EnteredFamilies and LeftFamilies count the entered and left actors
	// by family.
	EnteredFamilies map[string]int `json:"entered_families"`
	LeftFamilies    map[string]int `json:"left_families"`
	TiesKept        int            `json:"ties_kept"`
	TiesNew         int            `json:"ties_new"`
	TiesDropped     int            `json:"ties_dropped"`
	// ActorJaccard and TieJaccard are |A ∩ B| / |A ∪ B| of the actor and
	// tie sets of the two slices.
	ActorJaccard analysis.Num `json:"actor_jaccard"`
	TieJaccard   analysis.Num `json:"tie_jaccard"`
	RankChanges  []RankChange `json:"rank_changes"`
}

// RankChange is the move of an actor that stayed from one slice to the next
// in the ranking by a metric (1 = highest; equal values share the best rank).
// Change is From − To: positive when the actor rose. Only the actors ranked
// in the top RankTop of one of the two slices count. When the betweenness of
// a slice is sampled, only the actors whose betweenness exceeds the error
// bound in one of the two slices are ranked: below it, estimates are noise.
type RankChange struct {
	ID     string `json:"id"`
	Metric string `json:"metric"`
	From   int    `json:"from"`
	To     int    `json:"to"`
	Change int    `json:"change"`
}

// Tenure is the presence of an actor across the slices.
type Tenure struct {
	ID     string `json:"id"`
	Family string `json:"family"`
	// Tenure is the number of slices the actor is in; First and Last are
	// the labels of the first and last; LongestRun is the longest run of
	// successive slices.
	Tenure     int    `json:"tenure"`
	First      string `json:"first"`
	Last       string `json:"last"`
	LongestRun int    `json:"longest_run"`
}

// TieRun is the presence of a tie across the slices.
type TieRun struct {
	A          string   `json:"a"`
	B          string   `json:"b"`
	Slices     []string `json:"slices"`
	LongestRun int      `json:"longest_run"`
}

// Core is what every slice holds: the lasting core.
type Core struct {
	Actors []string    `json:"actors"`
	Ties   [][2]string `json:"ties"`
}

// cut is one slice once measured: what comparing needs of it.
type cut struct {
	label  string
	actors []int32  // indices into the actors of the compared dataset, sorted
	ties   []uint64 // a<<32 | b, a < b, sorted
	rank   map[string]map[int32]int
	// betweenness of each actor, and the error bound of its estimate (0
	// when exact): below it, a sampled betweenness ranks at random.
	betweenness map[int32]float64
	bound       float64
}

// Compare cuts d, already restricted to the compared slice (base describes
// it; nil for the whole store), into the slices of opts and measures them.
func Compare(ctx context.Context, d *graph.Dataset, base *graph.Slice, opts Options) (*Result, error) {
	if base == nil {
		base = &graph.Slice{}
	}
	specs, leftOut, err := Plan(d, base, opts)
	if err != nil {
		return nil, err
	}
	res := &Result{By: opts.By, Slice: base.Filters(), LeftOut: LeftOut{Projects: leftOut}}
	if opts.Analysis.ExactLimit <= 0 {
		opts.Analysis.ExactLimit = DefaultExactLimit
	}
	index := make(map[string]int32, len(d.Actors))
	for i, a := range d.Actors {
		index[a.ID] = int32(i)
	}
	cuts := make([]cut, 0, len(specs))
	for _, sp := range specs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		stats, c, err := measure(ctx, d, sp, index, opts.Analysis)
		if err != nil {
			return nil, err
		}
		res.Slices = append(res.Slices, stats)
		cuts = append(cuts, c)
	}
	n := opts.RankChanges
	if n <= 0 {
		n = 5
	}
	var continuity []float64
	for k := 0; k+1 < len(cuts); k++ {
		t := transition(d, &cuts[k], &cuts[k+1], n)
		res.Transitions = append(res.Transitions, t)
		if len(cuts[k].ties) > 0 {
			continuity = append(continuity, float64(t.TiesKept)/float64(len(cuts[k].ties)))
		}
	}
	res.Continuity = analysis.Num(math.NaN())
	if len(continuity) > 0 {
		sum := 0.0
		for _, c := range continuity {
			sum += c
		}
		res.Continuity = analysis.Num(sum / float64(len(continuity)))
	}
	res.Actors = tenures(d, cuts)
	res.Ties, res.TiesNotListed = tieRuns(d, cuts, opts.AllTies)
	res.Core = core(d, cuts)
	if res.Transitions == nil {
		res.Transitions = []Transition{}
	}
	return res, nil
}

// Part is one slice of a comparison: its label ("phase 2", "2016",
// "2016:2018") and its filter, applied to the compared dataset.
type Part struct {
	Label string
	Slice graph.Slice
}

// Plan lists the slices that opts (By, Periods) cut d into, in order, and
// counts the projects that fall in none; base is the slice of the store
// that d is (nil for the whole store). Compare, "map --by" and the report
// cut with it.
func Plan(d *graph.Dataset, base *graph.Slice, opts Options) ([]Part, int, error) {
	if base == nil {
		base = &graph.Slice{}
	}
	switch opts.By {
	case ByPhase:
		return planPhases(d, base)
	case ByYear:
		byYear := map[int][]string{}
		undated := 0
		for _, p := range d.Projects {
			y, err := strconv.Atoi(p.Start[:min(4, len(p.Start))])
			if err != nil || len(p.Start) < 4 {
				undated++
				continue
			}
			byYear[y] = append(byYear[y], p.ID)
		}
		if len(byYear) == 0 {
			return nil, 0, fmt.Errorf("%w: --by year slices by the start year of projects (%d project(s), none dated)", ErrNoDates, len(d.Projects))
		}
		years := make([]int, 0, len(byYear))
		for y := range byYear {
			years = append(years, y)
		}
		sort.Ints(years)
		var specs []Part
		for _, y := range years {
			ys := strconv.Itoa(y)
			specs = append(specs, Part{Label: ys, Slice: graph.Slice{Projects: byYear[y], Period: graph.Period{From: ys, To: ys}}})
		}
		return specs, undated, nil
	case ByPeriod:
		if len(opts.Periods) == 0 {
			return nil, 0, fmt.Errorf("%w: --by period needs --periods FROM:TO,FROM:TO…", ErrOptions)
		}
		var specs []Part
		dated := 0
		for _, p := range d.Projects {
			if p.Start != "" || p.End != "" {
				dated++
			}
		}
		for _, p := range opts.Periods {
			specs = append(specs, Part{Label: p.String(), Slice: graph.Slice{Period: p}})
		}
		return specs, len(d.Projects) - dated, nil
	}
	return nil, 0, fmt.Errorf("%w: unknown --by %q: use phase, year or period", ErrOptions, opts.By)
}

// planPhases lists the phases of the one programme compared.
func planPhases(d *graph.Dataset, base *graph.Slice) ([]Part, int, error) {
	phased := map[string]map[int]bool{}
	for _, p := range d.Projects {
		if p.Phase > 0 {
			if phased[p.Programme] == nil {
				phased[p.Programme] = map[int]bool{}
			}
			phased[p.Programme][p.Phase] = true
		}
	}
	if len(phased) == 0 {
		what := "the store"
		if len(base.Programmes) > 0 {
			what = "programme " + strings.Join(base.Programmes, ", ")
		}
		return nil, 0, fmt.Errorf("%w in %s (%d project(s)): compare --by year slices by the start year of projects instead", ErrNoPhases, what, len(d.Projects))
	}
	var progs []string
	for p := range phased {
		progs = append(progs, p)
	}
	sort.Strings(progs)
	if len(progs) > 1 {
		return nil, 0, fmt.Errorf("%w: %s: choose one with --programme", ErrProgrammes, quoteList(progs))
	}
	prog := progs[0]
	var phases []int
	for ph := range phased[prog] {
		phases = append(phases, ph)
	}
	sort.Ints(phases)
	unphased := 0
	for _, p := range d.Projects {
		if p.Phase == 0 && p.Programme == prog {
			unphased++
		}
	}
	var specs []Part
	for _, ph := range phases {
		s := graph.Slice{Phases: []int{ph}}
		if prog != "" {
			s.Programmes = []string{prog}
		}
		specs = append(specs, Part{Label: "phase " + strconv.Itoa(ph), Slice: s})
	}
	return specs, unphased, nil
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = strconv.Quote(x)
	}
	return strings.Join(q, ", ")
}

// measure cuts one slice of d and measures it. A slice that selects nothing
// (a period with no project) is measured as empty.
func measure(ctx context.Context, d *graph.Dataset, sp Part, index map[string]int32, aopts analysis.Options) (SliceStats, cut, error) {
	st := SliceStats{Label: sp.Label, Families: map[string]int{}, Dimensions: []string{}, Targets: []string{},
		Density: analysis.Num(math.NaN()), EIIndex: analysis.Num(math.NaN()), FamilyCoverage: 0}
	c := cut{label: sp.Label, rank: map[string]map[int32]int{}}
	_, net, err := sp.Slice.Network(d)
	if errors.Is(err, graph.ErrEmptySlice) || errors.Is(err, graph.ErrNoMatch) {
		return st, c, nil
	}
	if err != nil {
		return st, c, err
	}
	res, err := analysis.OverviewContext(ctx, net, aopts)
	if err != nil {
		return st, c, err
	}
	st.Actors, st.Ties, st.Projects = len(net.Actors), len(net.Ties), len(net.Projects)
	st.Density, st.Components, st.EIIndex = res.Network.Density, res.Network.Components, res.Network.EIIndex.Network
	for _, a := range net.Actors {
		st.Families[a.Family]++
		c.actors = append(c.actors, index[a.ID])
	}
	covered := 0
	for _, f := range graph.CoreFamilies {
		if st.Families[f] > 0 {
			covered++
		}
	}
	st.FamilyCoverage = analysis.Num(float64(covered) / float64(len(graph.CoreFamilies)))
	dims, tgts := map[string]bool{}, map[string]bool{}
	for _, p := range net.Projects {
		for _, v := range p.Dimensions {
			dims[v] = true
		}
		for _, v := range p.Targets {
			tgts[v] = true
		}
	}
	st.Dimensions, st.Targets = inOrder(dims, graph.Dimensions), inOrder(tgts, graph.Targets)
	slices.Sort(c.actors)
	c.ties = make([]uint64, len(net.Ties))
	for i, t := range net.Ties {
		a, b := index[t.A], index[t.B]
		if b < a {
			a, b = b, a
		}
		c.ties[i] = uint64(a)<<32 | uint64(b)
	}
	slices.Sort(c.ties)
	c.rank["degree"] = ranks(net, index, func(v int) float64 { return float64(res.Degree[v]) })
	c.rank["betweenness"] = ranks(net, index, func(v int) float64 { return float64(res.Betweenness[v]) })
	c.betweenness = make(map[int32]float64, len(net.Actors))
	for v, a := range net.Actors {
		c.betweenness[index[a.ID]] = float64(res.Betweenness[v])
	}
	c.bound = res.Parameters.ErrorBound
	st.Betweenness = res.Parameters.Betweenness
	return st, c, nil
}

// inOrder returns the values of set in the order of vocab, then the others
// sorted.
func inOrder(set map[string]bool, vocab []string) []string {
	out := []string{}
	for _, v := range vocab {
		if set[v] {
			out = append(out, v)
			delete(set, v)
		}
	}
	var rest []string
	for v := range set {
		rest = append(rest, v)
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// ranks ranks the actors of res by value, highest first; equal values share
// the best rank (competition ranking: 1, 2, 2, 4). Undefined values rank last.
func ranks(net *graph.Network, index map[string]int32, value func(v int) float64) map[int32]int {
	type av struct {
		i int32
		v float64
	}
	vs := make([]av, len(net.Actors))
	for k := range net.Actors {
		v := value(k)
		if math.IsNaN(v) {
			v = math.Inf(-1)
		}
		vs[k] = av{index[net.Actors[k].ID], v}
	}
	sort.Slice(vs, func(a, b int) bool { return vs[a].v > vs[b].v })
	out := make(map[int32]int, len(vs))
	for k := range vs {
		if k > 0 && same(vs[k].v, vs[k-1].v) {
			out[vs[k].i] = out[vs[k-1].i]
		} else {
			out[vs[k].i] = k + 1
		}
	}
	return out
}

// same reports whether two metric values are equal up to rounding.
func same(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}
