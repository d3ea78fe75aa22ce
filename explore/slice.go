package explore

import (
	"net/http"
	"net/url"

	"github.com/alliances/alliances/graph"
)

// slice is the part of the store a request asks about. Until the slices of
// SPEC §12 (graph.Slice) are on main, it is always the whole store, and a
// request with a filter is refused rather than answered for the whole.
type slice struct{}

// sliceAll is the whole store.
var sliceAll = slice{}

// sliceParams are the filters of SPEC §12, named as the flags of the
// command line.
var sliceParams = []string{"programme", "phase", "project", "dimension", "target", "period",
	"role", "family", "country", "territory", "link-type"}

// parseSlice reads the slice of the query parameters q.
func parseSlice(q url.Values) (slice, error) {
	for _, p := range sliceParams {
		if q.Get(p) != "" {
			return slice{}, &apiError{http.StatusBadRequest, "filter " + p + ": this version of alliances serve shows the whole store only"}
		}
	}
	return sliceAll, nil
}

// key identifies the slice in the cache of views.
func (sl slice) key() string { return "" }

// network returns the network of the slice.
func (sl slice) network(s *Server) (*graph.Network, error) { return s.full, nil }
