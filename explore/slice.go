package explore

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/alliances/alliances/graph"
)

// slice is the part of the store a request asks about: a graph.Slice, whose
// filters are the query parameters named as the flags of the command line
// (programme, phase, project, dimension, target, period, role, family,
// country, territory, link-type), with the same values.
type slice struct {
	s graph.Slice
}

// sliceAll is the whole store.
var sliceAll = slice{}

// parseSlice reads the slice of the query parameters q. A malformed value
// is an error for status 400.
func parseSlice(q url.Values) (slice, error) {
	var sl slice
	for _, f := range graph.SliceFilters {
		for _, v := range q[f] {
			if strings.TrimSpace(v) == "" {
				continue
			}
			if err := sl.s.Set(f, v); err != nil {
				return sl, &apiError{http.StatusBadRequest, err.Error()}
			}
		}
	}
	return sl, nil
}

// key identifies the slice in the cache of views: its flags.
func (sl slice) key() string { return strings.Join(sl.s.Args(), "\x00") }

// network returns the network of the slice, which carries its description
// (graph.Network.Slice; nil for the whole store). A slice that cannot be
// taken (a value that matches nothing, filters that select nothing) is an
// error for status 400 that says why and lists the values present.
func (sl slice) network(s *Server) (*graph.Network, error) {
	if sl.s.IsZero() {
		return s.full, nil
	}
	_, net, err := sl.s.Network(s.data)
	var se *graph.SliceError
	if errors.As(err, &se) {
		return nil, &apiError{http.StatusBadRequest, se.Error()}
	}
	return net, err
}
