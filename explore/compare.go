package explore

import (
	"errors"
	"net/http"
	"strings"
	"sync"

	"github.com/alliances/alliances/compare"
	"github.com/alliances/alliances/graph"
)

// lastCompare keeps the last comparison computed: the page asks the same
// one again as its phase slider moves.
type lastCompare struct {
	mu  sync.Mutex
	key string
	res *compare.Result
}

// handleCompare answers /api/compare?by=phase|year|period[&periods=A:B,C:D]
// [&top=N][&all_ties=1] and the slice filters, with the result of
// "alliances compare --format json" for the same flags.
func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	sl, err := parseSlice(q)
	if err != nil {
		fail(w, err)
		return
	}
	top, err := intParam(q, "top", 0, 0, 1000)
	if err != nil {
		fail(w, err)
		return
	}
	opts := compare.Options{By: q.Get("by"), RankChanges: top, AllTies: q.Get("all_ties") == "1", Analysis: s.opts.Analysis}
	if v := q.Get("periods"); v != "" {
		for _, p := range strings.Split(v, ",") {
			pp, err := graph.ParsePeriod(strings.TrimSpace(p))
			if err != nil {
				fail(w, badRequest("periods=%s: %v", p, err))
				return
			}
			opts.Periods = append(opts.Periods, pp)
		}
	}
	if opts.By == "" {
		fail(w, badRequest("by=phase, year or period is required"))
		return
	}
	key := strings.Join(append(sl.s.Args(), r.URL.Query().Get("by"), q.Get("periods"), q.Get("top"), q.Get("all_ties")), "\x00")
	s.compared.mu.Lock()
	defer s.compared.mu.Unlock()
	if s.compared.key == key && s.compared.res != nil {
		writeJSON(w, r, s.compared.res)
		return
	}
	d := s.data
	if !sl.s.IsZero() {
		var se *graph.SliceError
		if d, _, err = sl.s.Apply(s.data); errors.As(err, &se) {
			fail(w, badRequest("%v", se))
			return
		} else if err != nil {
			fail(w, err)
			return
		}
	}
	// One heavy computation at a time, with the analyses of the views.
	s.views.work.Lock()
	res, err := compare.Compare(r.Context(), d, &sl.s, opts)
	s.views.work.Unlock()
	switch {
	case errors.Is(err, compare.ErrNoPhases), errors.Is(err, compare.ErrProgrammes),
		errors.Is(err, compare.ErrNoDates), errors.Is(err, compare.ErrOptions):
		fail(w, badRequest("%v", err))
		return
	case err != nil:
		fail(w, err)
		return
	}
	s.compared.key, s.compared.res = key, res
	writeJSON(w, r, res)
}
