package explore

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/query"
	"github.com/alliances/alliances/render"
	"github.com/alliances/alliances/render/palette"
	"github.com/alliances/alliances/report"
)

// routes registers the API (docs/explorer.md).
func (s *Server) routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/store", s.handleStore)
	mux.HandleFunc("GET /api/network", s.withView(s.handleNetwork))
	mux.HandleFunc("GET /api/analyze", s.withView(func(w http.ResponseWriter, r *http.Request, v *view) {
		writeSliced(w, r, v, "", v.res)
	}))
	mux.HandleFunc("GET /api/isolated", s.withView(func(w http.ResponseWriter, r *http.Request, v *view) {
		writeSliced(w, r, v, "", v.isolated)
	}))
	mux.HandleFunc("GET /api/actor", s.withView(s.handleActor))
	mux.HandleFunc("GET /api/ego", s.withView(s.handleEgo))
	mux.HandleFunc("GET /api/path", s.withView(s.handlePath))
	mux.HandleFunc("GET /api/search", s.withView(s.handleSearch))
	mux.HandleFunc("GET /api/actors.csv", s.withView(s.handleTableCSV))
	mux.HandleFunc("GET /api/compare", s.handleCompare)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such API endpoint: see docs/explorer.md")
	})
}

// apiError is an error with its HTTP status.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &apiError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// withView parses the slice of the request, gets its view and calls h.
func (s *Server) withView(h func(http.ResponseWriter, *http.Request, *view)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sl, err := parseSlice(r.URL.Query())
		if err != nil {
			fail(w, err)
			return
		}
		v, err := s.views.get(sl)
		if err != nil {
			fail(w, err)
			return
		}
		h(w, r, v)
	}
}

// StoreInfo describes the store and the vocabulary of the page.
type StoreInfo struct {
	Source   string `json:"source"`
	Version  string `json:"version"`
	Actors   int    `json:"actors"`
	Ties     int    `json:"ties"`
	Projects int    `json:"projects"`
	// Families are the families of the store in legend order, with the
	// colour of the maps and their labels in English and French.
	Families []FamilyInfo `json:"families"`
	// Metrics are the per-actor metrics, in the column order of
	// "alliances analyze --format csv".
	Metrics []string `json:"metrics"`
	// Limits of a drawing: above them the page draws part of the network.
	Limits DrawingLimits `json:"limits"`
	// Preview: the limits of the quick first drawing (/api/network?preview=1).
	Preview DrawingLimits `json:"preview"`
	// Extent is the box of every position: the page frames every view in
	// it, so that an actor keeps its place on the screen across views.
	Extent Extent `json:"extent"`
	// Filters are the values the filters of a slice can take.
	Filters FilterValues `json:"filters"`
}

// Extent is a box of positions.
type Extent struct {
	MinX float64 `json:"min_x"`
	MaxX float64 `json:"max_x"`
	MinY float64 `json:"min_y"`
	MaxY float64 `json:"max_y"`
}

// FamilyInfo is a family, its colour and its labels.
type FamilyInfo struct {
	ID    string            `json:"id"`
	Color string            `json:"color"`
	Label map[string]string `json:"label"`
	// Actors is the number of actors of the family in the store.
	Actors int `json:"actors"`
}

// DrawingLimits are the sizes above which a drawing is truncated, and to
// what.
type DrawingLimits struct {
	DrawAllActors int `json:"draw_all_actors"`
	DrawAllTies   int `json:"draw_all_ties"`
	MaxActors     int `json:"max_actors"`
	MaxTies       int `json:"max_ties"`
}

func (s *Server) handleStore(w http.ResponseWriter, r *http.Request) {
	info := StoreInfo{
		Source: s.opts.Source, Version: s.opts.Version,
		Actors: len(s.full.Actors), Ties: len(s.full.Ties), Projects: len(s.full.Projects),
		Limits:  fullLimits,
		Preview: previewLimits,
		Extent:  s.extent(),
		Filters: s.filters,
	}
	counts := map[string]int{}
	families := make([]string, len(s.full.Actors))
	for i, a := range s.full.Actors {
		families[i] = a.Family
		counts[a.Family]++
	}
	p := palette.New(families)
	for _, f := range append(p.Families(), "") {
		if counts[f] == 0 {
			continue
		}
		fi := FamilyInfo{ID: f, Color: p.Color(f), Label: map[string]string{}, Actors: counts[f]}
		for _, lang := range []string{"en", "fr"} {
			if l, ok := render.FamilyLabel(lang, f); ok {
				fi.Label[lang] = l
			}
		}
		info.Families = append(info.Families, fi)
	}
	info.Metrics = analysis.ActorColumnNames()
	writeJSON(w, r, info)
}

func (s *Server) handleNetwork(w http.ResponseWriter, r *http.Request, v *view) {
	q := r.URL.Query()
	sizeBy := q.Get("size")
	if sizeBy == "" {
		sizeBy = "degree"
	}
	if _, ok := metricColumn(sizeBy); !ok {
		fail(w, badRequest("size=%s: unknown metric (metrics: %s)", sizeBy, strings.Join(analysis.ActorColumnNames(), ", ")))
		return
	}
	lim := fullLimits
	if q.Get("preview") == "1" {
		lim = previewLimits
	}
	var keep, pinned []int
	switch {
	case q.Has("focus"):
		i, err := lookupActor(v, q.Get("focus"))
		if err != nil {
			fail(w, err)
			return
		}
		depth, err := intParam(q, "depth", 1, 1, 2)
		if err != nil {
			fail(w, err)
			return
		}
		ego, err := query.Partners(v.net, v.net.Actors[i].ID, depth)
		if err != nil {
			fail(w, err)
			return
		}
		keep = make([]int, len(ego.Actors))
		for k, a := range ego.Actors {
			keep[k] = v.index[a.ID]
		}
		pinned = []int{i}
	case q.Has("ids"):
		for _, id := range strings.Split(q.Get("ids"), ",") {
			i, err := lookupActor(v, id)
			if err != nil {
				fail(w, err)
				return
			}
			keep = append(keep, i)
		}
		pinned = keep
	}
	writeJSON(w, r, s.drawing(v, keep, sizeBy, pinned, lim))
}

func (s *Server) handleActor(w http.ResponseWriter, r *http.Request, v *view) {
	i, err := lookupActor(v, r.URL.Query().Get("id"))
	if err != nil {
		fail(w, err)
		return
	}
	c, err := s.card(v, i)
	if err != nil {
		fail(w, err)
		return
	}
	if lang := r.URL.Query().Get("lang"); lang != "" && c.Isolation != nil {
		// The explanations of suggested partners in the page's language, as
		// the report words them.
		iso := *c.Isolation
		iso.Suggestions = slices.Clone(iso.Suggestions)
		for k := range iso.Suggestions {
			iso.Suggestions[k].Why = report.TranslateWhy(lang, iso.Suggestions[k].Why)
		}
		c.Isolation = &iso
	}
	writeJSON(w, r, c)
}

func (s *Server) handleEgo(w http.ResponseWriter, r *http.Request, v *view) {
	q := r.URL.Query()
	depth, err := intParam(q, "depth", 1, 1, 2)
	if err != nil {
		fail(w, err)
		return
	}
	i, err := lookupActor(v, q.Get("id"))
	if err != nil {
		fail(w, err)
		return
	}
	ego, err := query.Partners(v.net, v.net.Actors[i].ID, depth)
	if err != nil {
		fail(w, err)
		return
	}
	writeSliced(w, r, v, "", ego)
}

func (s *Server) handlePath(w http.ResponseWriter, r *http.Request, v *view) {
	q := r.URL.Query()
	max, err := intParam(q, "max", 20, 0, 1000)
	if err != nil {
		fail(w, err)
		return
	}
	from, err := lookupActor(v, q.Get("from"))
	if err != nil {
		fail(w, err)
		return
	}
	to, err := lookupActor(v, q.Get("to"))
	if err != nil {
		fail(w, err)
		return
	}
	paths, err := query.Paths(v.net, v.net.Actors[from].ID, v.net.Actors[to].ID, max)
	if err != nil {
		fail(w, err)
		return
	}
	writeSliced(w, r, v, "paths", paths)
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request, v *view) {
	q := r.URL.Query()
	limit, err := intParam(q, "limit", 12, 1, 100)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, r, search(v, q.Get("q"), limit))
}

// lookupActor returns the position in v of the actor that q names: its id,
// its name or part of its name, as on the command line (graph.Lookup). An
// unknown actor is an error for status 404 with "did you mean"; an
// ambiguous name, for status 400 with the candidates.
func lookupActor(v *view, q string) (int, error) {
	if i, ok := v.index[q]; ok {
		return i, nil
	}
	if q == "" {
		return 0, badRequest("name an actor: id=ID")
	}
	id, err := v.lookup().Find(q)
	switch {
	case errors.Is(err, graph.ErrAmbiguous):
		return 0, badRequest("%v", err)
	case err != nil:
		return 0, &apiError{http.StatusNotFound, err.Error()}
	}
	return v.index[id], nil
}

// intParam reads the integer query parameter name, def when absent, and
// checks that it lies in [lo, hi].
func intParam(q map[string][]string, name string, def, lo, hi int) (int, error) {
	vs := q[name]
	if len(vs) == 0 || vs[0] == "" {
		return def, nil
	}
	n, err := strconv.Atoi(vs[0])
	if err != nil || n < lo || n > hi {
		return 0, badRequest("%s=%s: want a whole number from %d to %d", name, vs[0], lo, hi)
	}
	return n, nil
}

// fail writes err as a JSON error: its status for an apiError, 404 for an
// unknown actor, 500 otherwise.
func fail(w http.ResponseWriter, err error) {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		writeError(w, ae.status, ae.msg)
	case errors.Is(err, query.ErrUnknownActor):
		writeError(w, http.StatusNotFound, err.Error())
	default:
		writeError(w, http.StatusInternalServerError, err.Error())
	}
}

// APIError is the body of every error of the API.
type APIError struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(APIError{msg})
}

// writeJSON writes v as JSON, compressed when the client accepts gzip. The
// encoder escapes <, > and & in strings: a name can never be read as markup.
func writeJSON(w http.ResponseWriter, r *http.Request, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Add("Vary", "Accept-Encoding")
	if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		json.NewEncoder(w).Encode(v)
		return
	}
	h.Set("Content-Encoding", "gzip")
	gz, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	json.NewEncoder(gz).Encode(v)
	gz.Close()
}

// extent returns the box of the positions of the actors of the store.
func (s *Server) extent() Extent {
	e := Extent{math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)}
	for _, a := range s.full.Actors {
		p := s.pos[a.ID]
		e.MinX, e.MaxX = math.Min(e.MinX, p[0]), math.Max(e.MaxX, p[0])
		e.MinY, e.MaxY = math.Min(e.MinY, p[1]), math.Max(e.MaxY, p[1])
	}
	return e
}

// writeSliced writes x as writeJSON does, stating the slice of v as the
// command line does: a "slice" key first in an object; an array wrapped as
// {"slice": …, key: […]}. For the whole store, x as it is.
func writeSliced(w http.ResponseWriter, r *http.Request, v *view, key string, x any) {
	if v.net.Slice == nil {
		writeJSON(w, r, x)
		return
	}
	body, err := json.Marshal(x)
	if err != nil {
		fail(w, err)
		return
	}
	if len(body) > 1 && body[0] == '{' {
		writeJSON(w, r, slicedObject{v.net.Slice, body})
		return
	}
	writeJSON(w, r, map[string]any{"slice": v.net.Slice, key: json.RawMessage(body)})
}

// slicedObject is an object with a "slice" key first, then the keys of
// the object body.
type slicedObject struct {
	slice *graph.SliceInfo
	body  json.RawMessage
}

func (o slicedObject) MarshalJSON() ([]byte, error) {
	s, err := json.Marshal(o.slice)
	if err != nil {
		return nil, err
	}
	out := append([]byte(`{"slice":`), s...)
	if rest := o.body[1:]; len(rest) > 0 && rest[0] != '}' {
		out = append(out, ',')
	}
	return append(out, o.body[1:]...), nil
}
