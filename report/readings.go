package report

import (
	"math"
	"slices"
)

// Thresholds of the plain-words readings of the network indicators. They
// are conventions of reading, not tests: the report prints the values beside
// them (docs/reports.md, "How the report reads the numbers").
const (
	centralizedAbove = 0.5  // degree centralization: a few hubs hold the ties
	evenBelow        = 0.1  // degree centralization: ties spread evenly
	modularClear     = 0.4  // modularity: clear communities
	modularWeak      = 0.2  // modularity: hardly any community structure
	assortativeBand  = 0.05 // |r| below: no preference
	significance     = 0.05 // permutation p-value
	largeNetwork     = 500  // actors: density is low by construction
)

// readings says in plain words what the network indicators mean.
func (b *builder) readings() []string {
	l, m := b.l, b.in.Metrics.Network
	var out []string
	if m.Actors < 2 {
		return nil
	}
	// Density, with the mean number of partners, which does not fall as
	// the network grows.
	mean := 2 * float64(m.Ties) / float64(m.Actors)
	density := l.F("read.density", l.Pct(float64(m.Density)), l.Num(mean, 1), l.Int(b.medianDegree()))
	if m.Actors >= largeNetwork {
		density += " " + l.T("read.density.large")
	}
	out = append(out, density)
	// Reachability.
	if m.Components == 1 {
		out = append(out, l.T("read.connected"))
	} else if m.Components > 1 {
		out = append(out, l.F("read.components", l.Pct(float64(m.LargestComponentShare)), l.Int(m.Components-1)))
	}
	// Closure against density: how much more often partners of one actor
	// are partners than two actors taken at random.
	if t, d := float64(m.Transitivity), float64(m.Density); !math.IsNaN(t) && d > 0 && t > 0 {
		out = append(out, l.F("read.transitivity", l.Pct(t), l.Num(t/d, 0)))
	}
	switch c := float64(m.DegreeCentralization); {
	case math.IsNaN(c):
	case c >= centralizedAbove:
		out = append(out, l.F("read.central.high", l.Num(c, 2)))
	case c < evenBelow:
		out = append(out, l.F("read.central.low", l.Num(c, 2)))
	default:
		out = append(out, l.F("read.central.mid", l.Num(c, 2)))
	}
	switch q := float64(m.Modularity); {
	case math.IsNaN(q) || m.Communities < 2:
	case q >= modularClear:
		out = append(out, l.F("read.modular.high", l.Num(q, 2), l.Int(m.Communities)))
	case q < modularWeak:
		out = append(out, l.F("read.modular.low", l.Num(q, 2)))
	default:
		out = append(out, l.F("read.modular.mid", l.Num(q, 2), l.Int(m.Communities)))
	}
	switch r := float64(m.DegreeAssortativity); {
	case math.IsNaN(r):
	case r < -assortativeBand:
		out = append(out, l.F("read.assort.neg", l.Num(r, 2)))
	case r > assortativeBand:
		out = append(out, l.F("read.assort.pos", l.Num(r, 2)))
	}
	return out
}

func (b *builder) medianDegree() int {
	ds := make([]int, len(b.in.Metrics.Actors))
	for i, a := range b.in.Metrics.Actors {
		ds[i] = a.Degree
	}
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// eiTest is the table of the E-I index against random mixing, and its
// reading.
func (b *builder) eiTest() []block {
	l, t := b.l, b.eitest
	if t == nil || t.Permutations == 0 {
		return nil
	}
	row := func(key, v string) []cell { return []cell{txt(l.T(key)), txt(v)} }
	tab := &table{
		Caption: l.T("ei.test"),
		Head:    []string{l.T("col.measure"), l.T("col.value")},
		Num:     []bool{false, true},
		Rows: [][]cell{
			row("ei.observed", l.Num(float64(t.Observed), 3)),
			row("ei.expected", l.Num(float64(t.Expected), 3)),
			row("ei.perm", l.F("ei.perm.value", l.Num(float64(t.Mean), 3), l.Num(float64(t.SD), 3), l.Int(t.Permutations))),
			row("ei.phigher", l.Num(float64(t.PHigher), 4)),
			row("ei.plower", l.Num(float64(t.PLower), 4)),
		},
	}
	var reading string
	obs, exp := l.Num(float64(t.Observed), 2), l.Num(float64(t.Expected), 2)
	switch {
	case float64(t.PHigher) < significance:
		reading = l.F("ei.read.open", obs, exp)
	case float64(t.PLower) < significance:
		reading = l.F("ei.read.closed", obs, exp)
	default:
		reading = l.F("ei.read.chance", obs, exp)
	}
	return []block{{Table: tab}, {Para: reading}, {Note: l.T("ei.test.note")}}
}
