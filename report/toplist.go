package report

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/alliances/alliances/analysis"
)

// ranked is an actor of a top-N table with its rank: actors with equal
// values share a rank ("1, 2, 2, 4", standard competition ranking).
type ranked struct {
	analysis.ActorMetrics
	Rank int
}

// maxTiedExtra bounds the actors added to a top-N table because they tie
// with the last one: beyond it, the table stops at N and says how many more
// share the value (a low-constraint table of 35,000 actors can have
// thousands of ties at the cut).
const maxTiedExtra = 10

// topRanked returns the actors with the n largest values (lowest reverses
// the order), leaving out undefined values, and every actor tied with the
// n-th unless more than maxTiedExtra are: then the first n and the number of
// tied actors left out. Equal values are listed in the order of ids.
func topRanked(actors []analysis.ActorMetrics, n int, value func(analysis.ActorMetrics) float64, lowest bool) (rows []ranked, tiedOut int) {
	var all []analysis.ActorMetrics
	for _, a := range actors {
		if v := value(a); !math.IsNaN(v) && !math.IsInf(v, 0) {
			all = append(all, a)
		}
	}
	slices.SortStableFunc(all, func(x, y analysis.ActorMetrics) int {
		c := cmp.Compare(value(y), value(x))
		if lowest {
			c = -c
		}
		if c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
	end := min(n, len(all))
	if end > 0 {
		last := value(all[end-1])
		tied := end
		for tied < len(all) && value(all[tied]) == last {
			tied++
		}
		if tied-end <= maxTiedExtra {
			end = tied
		} else {
			tiedOut = tied - end
		}
	}
	rows = make([]ranked, end)
	for i, a := range all[:end] {
		rank := i + 1
		if i > 0 && value(a) == value(all[i-1]) {
			rank = rows[i-1].Rank
		}
		rows[i] = ranked{a, rank}
	}
	return rows, tiedOut
}

// top returns the actors of topRanked without their ranks.
func top(actors []analysis.ActorMetrics, n int, value func(analysis.ActorMetrics) float64, lowest bool) []analysis.ActorMetrics {
	rows, _ := topRanked(actors, n, value, lowest)
	out := make([]analysis.ActorMetrics, len(rows))
	for i, r := range rows {
		out[i] = r.ActorMetrics
	}
	return out
}
