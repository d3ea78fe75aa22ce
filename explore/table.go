package explore

import (
	"cmp"
	"encoding/csv"
	"net/http"
	"slices"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/sanitize"
)

// tableHeader is the header of the actor table as CSV: the actor, every
// metric of "alliances analyze --format csv" and the reasons of "alliances
// isolated".
func tableHeader() []string {
	h := []string{"id", "name", "family", "country", "territory", "level"}
	return append(append(h, analysis.ActorColumnNames()...), "reasons")
}

// handleTableCSV writes the actors of the view as CSV, sorted as the page's
// table: by sort (a metric, name, family, country or reasons), in order
// (asc or desc), ties by id. Values have every digit (as analyze --format
// csv writes them); cells that a spreadsheet would run as formulas are
// neutralised (package sanitize).
func (s *Server) handleTableCSV(w http.ResponseWriter, r *http.Request, v *view) {
	q := r.URL.Query()
	key, desc := q.Get("sort"), q.Get("order") != "asc"
	if key == "" {
		key = "degree"
	}
	col, isMetric := metricColumn(key)
	if !isMetric && !slices.Contains([]string{"name", "family", "country", "reasons"}, key) {
		fail(w, badRequest("sort=%s: sort by a metric, name, family, country or reasons", key))
		return
	}
	order := make([]int, len(v.net.Actors))
	for i := range order {
		order[i] = i
	}
	text := func(i int) string {
		a := v.net.Actors[i]
		switch key {
		case "name":
			return graph.Normalize(a.Label())
		case "family":
			return a.Family
		}
		return a.Country
	}
	slices.SortStableFunc(order, func(x, y int) int {
		var c int
		switch {
		case isMetric:
			vx, vy := col.Value(&v.res.Actors[x]), col.Value(&v.res.Actors[y])
			switch { // undefined values last, whatever the order
			case !vx.Defined() && !vy.Defined():
			case !vx.Defined():
				return 1
			case !vy.Defined():
				return -1
			default:
				c = cmp.Compare(vx, vy)
			}
		case key == "reasons":
			c = cmp.Compare(len(v.reasons(x)), len(v.reasons(y)))
		default:
			c = strings.Compare(text(x), text(y))
		}
		if desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(x, y))
	})
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="alliances-actors.csv"`)
	h.Set("Cache-Control", "no-store")
	cw := csv.NewWriter(w)
	cw.Write(tableHeader())
	cols := analysis.ActorColumns()
	for _, i := range order {
		a := v.net.Actors[i]
		rec := []string{a.ID, a.Name, a.Family, a.Country, a.Territory, a.Level}
		for _, c := range cols {
			rec = append(rec, c.Text(&v.res.Actors[i]))
		}
		rec = append(rec, strings.Join(v.reasons(i), " "))
		cw.Write(sanitize.CSVRecord(rec))
	}
	cw.Flush()
}

// reasons returns why "alliances isolated" flags the actor at position i.
func (v *view) reasons(i int) []string {
	if f := v.flagged[v.net.Actors[i].ID]; f != nil {
		return f.Reasons
	}
	return nil
}
