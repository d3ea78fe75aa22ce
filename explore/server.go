package explore

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

// Positions places every actor of a network on the map, in the units of the
// maps (points); y grows upwards, as in Graphviz.
type Positions map[string][2]float64

// Options set what a Server shows.
type Options struct {
	// Source names the data on the page (the files of the ingests, or the
	// store's name; never a URI with credentials).
	Source string
	// Analysis are the options of every analysis (seed, weights), those of
	// "alliances analyze" by default, so that the page shows the same values.
	Analysis analysis.Options
	// Suggest is the number of suggested partners per isolated actor (3, as
	// "alliances isolated", when 0).
	Suggest int
	// Version is the version of alliances shown on the page.
	Version string
}

// Server answers the page and the API for one loaded dataset. It is safe for
// concurrent use.
type Server struct {
	data  *graph.Dataset
	full  *graph.Network
	pos   Positions
	opts  Options
	views *viewCache
	// filters are the values of the filters in the store.
	filters FilterValues
	// compared is the last comparison of slices.
	compared lastCompare
}

// New returns a Server of d, whose network net is graph.NewNetwork(d) and
// whose actors are drawn at pos (the positions of the maps; an actor missing
// from pos is placed at the origin). d and net must not be modified
// afterwards. ctx bounds the analyses that the server runs: cancel it when
// the server stops.
func New(ctx context.Context, d *graph.Dataset, net *graph.Network, pos Positions, opts Options) (*Server, error) {
	if d == nil || net == nil || len(net.Actors) == 0 {
		return nil, errors.New("explore: no actors to show")
	}
	if opts.Suggest <= 0 {
		opts.Suggest = 3
	}
	s := &Server{data: d, full: net, pos: pos, opts: opts, filters: filterValues(d)}
	s.views = newViewCache(ctx, s, maxCachedViews)
	return s, nil
}

// Warm computes the analysis of the whole network, so that the first page
// opens at once; it is what the first request would do otherwise.
func (s *Server) Warm() error {
	_, err := s.views.get(sliceAll)
	return err
}

// Handler returns the handler of the page, its assets and the API, with the
// protections of a server listening on addr (as given by the user) and port
// (the port it is bound to).
func (s *Server) Handler(addr, port string) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", assetHandler())
	s.routes(mux)
	return secure(mux, newHostCheck(addr, port))
}

// Serve listens on addr and serves until ctx is cancelled. ready is called
// with the URL of the page once the server listens.
func (s *Server) Serve(ctx context.Context, addr string, ready func(url string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	srv := &http.Server{
		Handler:           s.Handler(addr, port),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	if ready != nil {
		ready(pageURL(addr, port))
	}
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
		return nil
	}
}

// pageURL is the address to open: the host the user gave (127.0.0.1 when
// none), with the port bound.
func pageURL(addr, port string) string {
	h, _, _ := net.SplitHostPort(addr)
	switch ip := net.ParseIP(h); {
	case h == "" || (ip != nil && ip.IsUnspecified()):
		h = "127.0.0.1"
	case ip != nil && ip.To4() == nil:
		h = "[" + h + "]"
	}
	return fmt.Sprintf("http://%s:%s/", h, port)
}
