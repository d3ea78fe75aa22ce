package analysis

import (
	"fmt"
	"testing"
)

func degrees(ds ...int) []ActorMetrics {
	out := make([]ActorMetrics, len(ds))
	for i, d := range ds {
		out[i] = ActorMetrics{ID: fmt.Sprintf("a%02d", i), Degree: d}
	}
	return out
}

// A top-N list keeps everyone tied with the N-th (sharing its rank), and
// says how many it leaves out when too many are tied.
func TestTopActorsKeepsTies(t *testing.T) {
	deg := func(a ActorMetrics) float64 { return float64(a.Degree) }
	rows, out := TopActors(degrees(3, 5, 4, 4, 4, 1), 2, deg, false, 10)
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%d:%s", r.Rank, r.ID))
	}
	if want := "[1:a01 2:a02 2:a03 2:a04]"; fmt.Sprint(got) != want || out != 0 {
		t.Errorf("top 2 = %v (%d left out), want %s", got, out, want)
	}
	many := degrees(9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)
	rows, out = TopActors(many, 3, deg, false, 10)
	if len(rows) != 3 || out != 13 || rows[1].Rank != 2 || rows[2].Rank != 2 {
		t.Errorf("15 tied at the cut: %d rows, %d left out, want 3 rows (ranks 1, 2, 2) and 13 left out", len(rows), out)
	}
}
