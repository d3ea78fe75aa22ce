package compare

import (
	"math"
	"sort"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

// RankTop bounds the actors whose rank changes are reported: those ranked in
// the top RankTop of one of the two slices by the metric.
const RankTop = 20

// transition compares slice x with the next slice y, keeping the n largest
// rank changes of each metric.
func transition(d *graph.Dataset, x, y *cut, n int) Transition {
	t := Transition{From: x.label, To: y.label, Entered: []string{}, Left: []string{}, Stayed: []string{},
		EnteredFamilies: map[string]int{}, LeftFamilies: map[string]int{}, RankChanges: []RankChange{}}
	var stayed []int32
	i, j := 0, 0
	for i < len(x.actors) || j < len(y.actors) {
		switch {
		case j == len(y.actors) || i < len(x.actors) && x.actors[i] < y.actors[j]:
			a := d.Actors[x.actors[i]]
			t.Left = append(t.Left, a.ID)
			t.LeftFamilies[a.Family]++
			i++
		case i == len(x.actors) || y.actors[j] < x.actors[i]:
			a := d.Actors[y.actors[j]]
			t.Entered = append(t.Entered, a.ID)
			t.EnteredFamilies[a.Family]++
			j++
		default:
			t.Stayed = append(t.Stayed, d.Actors[x.actors[i]].ID)
			stayed = append(stayed, x.actors[i])
			i++
			j++
		}
	}
	t.TiesKept = intersect(x.ties, y.ties)
	t.TiesDropped = len(x.ties) - t.TiesKept
	t.TiesNew = len(y.ties) - t.TiesKept
	t.ActorJaccard = jaccard(len(t.Stayed), len(x.actors)+len(y.actors)-len(t.Stayed))
	t.TieJaccard = jaccard(t.TiesKept, len(x.ties)+len(y.ties)-t.TiesKept)
	for _, metric := range []string{"degree", "betweenness"} {
		var moves []RankChange
		bound := max(x.bound, y.bound)
		for _, a := range stayed {
			if metric == "betweenness" && bound > 0 && max(x.betweenness[a], y.betweenness[a]) <= bound {
				continue // sampled estimates this small rank at random
			}
			from, to := x.rank[metric][a], y.rank[metric][a]
			if min(from, to) > RankTop {
				continue // the moves of the many small actors drown those that matter
			}
			if from != to {
				moves = append(moves, RankChange{ID: d.Actors[a].ID, Metric: metric, From: from, To: to, Change: from - to})
			}
		}
		sort.SliceStable(moves, func(p, q int) bool {
			mp, mq := abs(moves[p].Change), abs(moves[q].Change)
			if mp != mq {
				return mp > mq
			}
			return moves[p].ID < moves[q].ID
		})
		t.RankChanges = append(t.RankChanges, moves[:min(n, len(moves))]...)
	}
	return t
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// intersect counts the values common to two sorted slices.
func intersect(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

func jaccard(inter, union int) analysis.Num {
	if union == 0 {
		return analysis.Num(math.NaN())
	}
	return analysis.Num(float64(inter) / float64(union))
}

// presence is the slices something is in, as a sorted list of slice indices.
type presence []int

// longestRun is the length of the longest run of successive slices.
func (p presence) longestRun() int {
	best, run := 0, 0
	for k := range p {
		if k > 0 && p[k] == p[k-1]+1 {
			run++
		} else {
			run = 1
		}
		best = max(best, run)
	}
	return best
}

// tenures gives the presence of every actor that is in some slice, by id.
func tenures(d *graph.Dataset, cuts []cut) []Tenure {
	in := map[int32]presence{}
	for k := range cuts {
		for _, a := range cuts[k].actors {
			in[a] = append(in[a], k)
		}
	}
	ids := make([]int32, 0, len(in))
	for a := range in {
		ids = append(ids, a)
	}
	sort.Slice(ids, func(p, q int) bool { return ids[p] < ids[q] })
	out := make([]Tenure, 0, len(ids))
	for _, a := range ids {
		p := in[a]
		out = append(out, Tenure{ID: d.Actors[a].ID, Family: d.Actors[a].Family, Tenure: len(p),
			First: cuts[p[0]].label, Last: cuts[p[len(p)-1]].label, LongestRun: p.longestRun()})
	}
	return out
}

// tieRuns gives the presence of every tie active in at least two slices
// (every tie with all), by actor ids, and counts those left out.
func tieRuns(d *graph.Dataset, cuts []cut, all bool) ([]TieRun, int) {
	in := map[uint64]presence{}
	for k := range cuts {
		for _, t := range cuts[k].ties {
			in[t] = append(in[t], k)
		}
	}
	keys := make([]uint64, 0, len(in))
	left := 0
	for t, p := range in {
		if all || len(p) > 1 {
			keys = append(keys, t)
		} else {
			left++
		}
	}
	// Actor indices follow the order of ids (d.Actors is sorted), so the
	// keys sort as the (a, b) pairs of ids.
	sort.Slice(keys, func(p, q int) bool { return keys[p] < keys[q] })
	out := make([]TieRun, 0, len(keys))
	for _, t := range keys {
		p := in[t]
		labels := make([]string, len(p))
		for k, s := range p {
			labels[k] = cuts[s].label
		}
		out = append(out, TieRun{A: d.Actors[t>>32].ID, B: d.Actors[t&0xffffffff].ID, Slices: labels, LongestRun: p.longestRun()})
	}
	return out, left
}

// core gives the actors and ties present in every slice.
func core(d *graph.Dataset, cuts []cut) Core {
	c := Core{Actors: []string{}, Ties: [][2]string{}}
	if len(cuts) == 0 {
		return c
	}
	actors := cuts[0].actors
	ties := cuts[0].ties
	for k := 1; k < len(cuts); k++ {
		actors = common(actors, cuts[k].actors)
		ties = common(ties, cuts[k].ties)
	}
	for _, a := range actors {
		c.Actors = append(c.Actors, d.Actors[a].ID)
	}
	for _, t := range ties {
		c.Ties = append(c.Ties, [2]string{d.Actors[t>>32].ID, d.Actors[t&0xffffffff].ID})
	}
	return c
}

// common returns the values of two sorted slices that both hold.
func common[T int32 | uint64](a, b []T) []T {
	var out []T
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}
