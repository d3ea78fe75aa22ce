package explore

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

// Drawing is what the page draws of a slice: actors with their metrics and
// their position on the map, and the ties among them. Large networks are
// drawn in part (Truncated): the actors of the main component that rank
// highest by the size metric, and the strongest ties among them; the others
// stay reachable by search, filters and ego networks.
type Drawing struct {
	// Slice describes the slice drawn, as the "slice" object of the command
	// line's JSON; null for the whole store. SliceText says it in English
	// and French.
	Slice      *graph.SliceInfo        `json:"slice"`
	SliceText  map[string]string       `json:"slice_text,omitempty"`
	Network    analysis.NetworkMetrics `json:"network"`
	Parameters analysis.Parameters     `json:"parameters"`
	// SizeBy is the metric that chose the actors of a truncated drawing.
	SizeBy string        `json:"size_by"`
	Actors DrawnActors   `json:"actors"`
	Ties   []DrawnTie    `json:"ties"`
	Total  DrawingCounts `json:"total"`
	// Truncated is set when Actors or Ties hold less than the slice.
	Truncated bool `json:"truncated"`
}

// DrawingCounts are the numbers of actors and ties of the slice.
type DrawingCounts struct {
	Actors int `json:"actors"`
	Ties   int `json:"ties"`
}

// DrawnActor is an actor of a Drawing: its metrics as "alliances analyze"
// gives them, the rest of its description, its place on the map, and the
// reasons why "alliances isolated" flags it.
type DrawnActor struct {
	analysis.ActorMetrics
	// Short is the actor's short label (graph.Actor.ShortLabel), which
	// names it on the map as on the maps of "alliances map".
	Short     string   `json:"short,omitempty"`
	Country   string   `json:"country,omitempty"`
	Territory string   `json:"territory,omitempty"`
	Level     string   `json:"level,omitempty"`
	X         float64  `json:"x"`
	Y         float64  `json:"y"`
	Main      bool     `json:"main"`
	Reasons   []string `json:"reasons,omitempty"`
}

// DrawnActors are the actors of a drawing. They are written in columns, a
// JSON array per field, metrics with 6 significant digits (the drawing
// sizes actors and fills the table; the card and /api/analyze give every
// digit): {"id": […], "name": […], "short": […], "family": […], "country": […],
// "territory": […], "level": […], "x": […], "y": […], "main": […],
// "reasons": […], "metrics": {"degree": […], …}}, the metrics named as the
// columns of "alliances analyze --format csv". keep.eu's 7,000 actors take
// 1.6 MB instead of 4.4 MB.
type DrawnActors []DrawnActor

// MarshalJSON writes the actors in columns.
func (as DrawnActors) MarshalJSON() ([]byte, error) {
	var b []byte
	b = append(b, '{')
	str := func(name string, f func(a *DrawnActor) string) {
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, `":[`...)
		for i := range as {
			if i > 0 {
				b = append(b, ',')
			}
			v, _ := json.Marshal(f(&as[i]))
			b = append(b, v...)
		}
		b = append(b, "],"...)
	}
	nums := func(name string, f func(a *DrawnActor) analysis.Num, digits int) {
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, `":[`...)
		for i := range as {
			if i > 0 {
				b = append(b, ',')
			}
			if v := f(&as[i]); v.Defined() {
				b = strconv.AppendFloat(b, float64(v), 'g', digits, 64)
			} else {
				b = append(b, "null"...)
			}
		}
		b = append(b, "],"...)
	}
	str("id", func(a *DrawnActor) string { return a.ID })
	str("name", func(a *DrawnActor) string { return a.Name })
	str("short", func(a *DrawnActor) string { return a.Short })
	str("family", func(a *DrawnActor) string { return a.Family })
	str("country", func(a *DrawnActor) string { return a.Country })
	str("territory", func(a *DrawnActor) string { return a.Territory })
	str("level", func(a *DrawnActor) string { return a.Level })
	nums("x", func(a *DrawnActor) analysis.Num { return analysis.Num(a.X) }, 8)
	nums("y", func(a *DrawnActor) analysis.Num { return analysis.Num(a.Y) }, 8)
	b = append(b, `"main":[`...)
	for i := range as {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendBool(b, as[i].Main)
	}
	b = append(b, `],"reasons":[`...)
	for i := range as {
		if i > 0 {
			b = append(b, ',')
		}
		if len(as[i].Reasons) == 0 {
			b = append(b, '0') // most actors: a short "none"
			continue
		}
		v, _ := json.Marshal(as[i].Reasons)
		b = append(b, v...)
	}
	b = append(b, `],"metrics":{`...)
	for _, c := range analysis.ActorColumns() {
		digits := 6
		if c.Integer {
			digits = -1
		}
		nums(c.Name, func(a *DrawnActor) analysis.Num { return c.Value(&a.ActorMetrics) }, digits)
	}
	if b[len(b)-1] == ',' {
		b = b[:len(b)-1]
	}
	return append(b, "}}"...), nil
}

// DrawnTie is a tie of a Drawing between the actors at positions A and B of
// Drawing.Actors; it is written as the JSON array [a, b, weight].
type DrawnTie struct {
	A, B   int
	Weight float64
}

// MarshalJSON writes t as [a, b, weight].
func (t DrawnTie) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 24)
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(t.A), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(t.B), 10)
	b = append(b, ',')
	b = strconv.AppendFloat(b, t.Weight, 'g', -1, 64)
	return append(b, ']'), nil
}

// UnmarshalJSON reads [a, b, weight].
func (t *DrawnTie) UnmarshalJSON(b []byte) error {
	var v [3]float64
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	t.A, t.B, t.Weight = int(v[0]), int(v[1]), v[2]
	return nil
}

// The limits of a drawing (DrawingLimits). A browser draws a few thousand
// actors comfortably: keep.eu, 7k actors and 33k ties, is drawn whole. The
// preview is the quick first drawing that the page paints while it asks the
// full one.
var (
	fullLimits    = DrawingLimits{DrawAllActors: 10000, DrawAllTies: 100000, MaxActors: 2000, MaxTies: 30000}
	previewLimits = DrawingLimits{DrawAllActors: 500, DrawAllTies: 2000, MaxActors: 500, MaxTies: 2000}
)

// drawing returns the drawing of the actors of v at positions keep (all of
// them when keep is nil), with the ties among them, truncated to lim by the
// metric sizeBy. Actors listed in pinned are kept whatever their rank.
func (s *Server) drawing(v *view, keep []int, sizeBy string, pinned []int, lim DrawingLimits) *Drawing {
	if keep == nil {
		keep = make([]int, len(v.net.Actors))
		for i := range keep {
			keep[i] = i
		}
	}
	in := make(map[int]int, len(keep)) // position in v → position in the drawing
	for _, i := range keep {
		in[i] = -1
	}
	total := DrawingCounts{Actors: len(keep)}
	ties := make([]int, 0)
	for t, e := range v.ends {
		_, okA := in[e[0]]
		_, okB := in[e[1]]
		if okA && okB {
			ties = append(ties, t)
		}
	}
	total.Ties = len(ties)
	d := &Drawing{Slice: v.net.Slice, Network: v.res.Network, Parameters: v.res.Parameters, SizeBy: sizeBy, Total: total}
	if v.slice != nil {
		d.SliceText = map[string]string{"en": v.slice.Text("en"), "fr": v.slice.Text("fr")}
	}
	if len(keep) > lim.DrawAllActors || len(ties) > lim.DrawAllTies {
		d.Truncated = true
		keep = s.topActors(v, keep, sizeBy, pinned, lim.MaxActors)
		clear(in)
		for _, i := range keep {
			in[i] = -1
		}
		ties = ties[:0]
		for t, e := range v.ends {
			_, okA := in[e[0]]
			_, okB := in[e[1]]
			if okA && okB {
				ties = append(ties, t)
			}
		}
		if len(ties) > lim.MaxTies {
			slices.SortStableFunc(ties, func(a, b int) int { return cmp.Compare(v.net.Ties[b].Weight, v.net.Ties[a].Weight) })
			ties = ties[:lim.MaxTies]
			slices.Sort(ties)
		}
	}
	slices.Sort(keep)
	d.Actors = make([]DrawnActor, len(keep))
	for k, i := range keep {
		in[i] = k
		a := v.net.Actors[i]
		p := s.pos[a.ID]
		da := DrawnActor{
			ActorMetrics: v.res.Actors[i],
			Short:        a.ShortLabel(),
			Country:      a.Country, Territory: a.Territory, Level: a.Level,
			X: p[0], Y: p[1], Main: v.main[i],
		}
		if f := v.flagged[a.ID]; f != nil {
			da.Reasons = f.Reasons
		}
		d.Actors[k] = da
	}
	d.Ties = make([]DrawnTie, len(ties))
	for k, t := range ties {
		e := v.ends[t]
		d.Ties[k] = DrawnTie{A: in[e[0]], B: in[e[1]], Weight: v.net.Ties[t].Weight}
	}
	return d
}

// topActors returns the n actors among keep that rank highest by sizeBy,
// those of the main component first, ties broken by id, with the pinned
// actors always kept.
func (s *Server) topActors(v *view, keep []int, sizeBy string, pinned []int, n int) []int {
	col, _ := metricColumn(sizeBy)
	value := func(i int) float64 {
		x := col.Value(&v.res.Actors[i])
		if !x.Defined() {
			return -1e308
		}
		return float64(x)
	}
	order := slices.Clone(keep)
	slices.SortStableFunc(order, func(a, b int) int {
		if v.main[a] != v.main[b] {
			if v.main[a] {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(value(b), value(a)); c != 0 {
			return c
		}
		return cmp.Compare(a, b) // positions follow ids
	})
	out := order[:min(n, len(order))]
	for _, p := range pinned {
		if !slices.Contains(out, p) && slices.Contains(keep, p) {
			out = append(out, p)
		}
	}
	return out
}

// metricColumn returns the column of analysis.ActorColumns named key, and
// the degree column when there is none.
func metricColumn(key string) (analysis.ActorColumn, bool) {
	cols := analysis.ActorColumns()
	for _, c := range cols {
		if c.Name == key {
			return c, true
		}
	}
	return cols[0], false
}
