package analysis

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// RankedActor is an actor of a top-N list with its rank: actors with equal
// values share a rank ("1, 2, 2, 4", standard competition ranking).
type RankedActor struct {
	ActorMetrics
	Rank int
}

// TopActors returns the actors with the n largest values (lowest reverses
// the order), leaving out undefined values, and every actor tied with the
// n-th unless more than maxTied are: then the first n and the number of
// tied actors left out. Equal values are listed in the order of ids.
func TopActors(actors []ActorMetrics, n int, value func(ActorMetrics) float64, lowest bool, maxTied int) (rows []RankedActor, tiedOut int) {
	var all []ActorMetrics
	for _, a := range actors {
		if v := value(a); !math.IsNaN(v) && !math.IsInf(v, 0) {
			all = append(all, a)
		}
	}
	slices.SortStableFunc(all, func(x, y ActorMetrics) int {
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
		if tied-end <= maxTied {
			end = tied
		} else {
			tiedOut = tied - end
		}
	}
	rows = make([]RankedActor, end)
	for i, a := range all[:end] {
		rank := i + 1
		if i > 0 && value(a) == value(all[i-1]) {
			rank = rows[i-1].Rank
		}
		rows[i] = RankedActor{a, rank}
	}
	return rows, tiedOut
}
