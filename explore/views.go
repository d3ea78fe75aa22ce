package explore

import (
	"context"
	"sync"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

// view is a slice of the store analysed as a network of its own: what every
// answer of the API about that slice is computed from.
type view struct {
	slice    *graph.Slice // nil for the whole store
	net      *graph.Network
	index    map[string]int // actor id → position in net.Actors and res.Actors
	ends     [][2]int       // by tie: the positions of its actors
	res      *analysis.Result
	isolated *analysis.IsolatedResult
	flagged  map[string]*analysis.IsolatedActor
	main     []bool // by position: in the main component

	adjOnce sync.Once
	adj     [][]int // by position: the ties of the actor (buildAdj)

	lookupOnce sync.Once
	actors     *graph.Lookup
}

// lookup returns the actor lookup of v (graph.ActorLookup).
func (v *view) lookup() *graph.Lookup {
	v.lookupOnce.Do(func() { v.actors = graph.ActorLookup(v.net.Actors) })
	return v.actors
}

// cost is what the view holds in memory, counted in actors and ties.
func (v *view) cost() int { return len(v.net.Actors) + len(v.net.Ties) }

// maxCachedViews and maxCachedCost bound the analysed slices kept in
// memory besides the whole store, in number and in actors + ties: the whole
// of H2020 (36k actors, 800k ties) takes about 300 MB analysed, so the
// slices kept take at most about as much again.
const (
	maxCachedViews = 4
	maxCachedCost  = 1_000_000
)

// viewCache computes views on demand, one at a time (an analysis of a large
// network uses every core and hundreds of MB), and keeps the last few.
type viewCache struct {
	ctx  context.Context
	s    *Server
	max  int
	work sync.Mutex // held while a view is computed

	mu      sync.Mutex
	entries map[string]*viewEntry
	order   []string // least recently used first
}

type viewEntry struct {
	done chan struct{}
	v    *view
	err  error
}

func newViewCache(ctx context.Context, s *Server, max int) *viewCache {
	return &viewCache{ctx: ctx, s: s, max: max, entries: map[string]*viewEntry{}}
}

// get returns the view of slice sl, computing it unless it is cached or
// being computed.
func (c *viewCache) get(sl slice) (*view, error) {
	key := sl.key()
	c.mu.Lock()
	e, ok := c.entries[key]
	if !ok {
		e = &viewEntry{done: make(chan struct{})}
		c.entries[key] = e
		go c.compute(sl, e)
	}
	c.touch(key)
	c.mu.Unlock()
	select {
	case <-e.done:
		return e.v, e.err
	case <-c.ctx.Done():
		return nil, c.ctx.Err()
	}
}

func (c *viewCache) compute(sl slice, e *viewEntry) {
	defer close(e.done)
	c.work.Lock()
	defer c.work.Unlock()
	e.v, e.err = c.s.buildView(c.ctx, sl)
	if e.err != nil {
		c.mu.Lock()
		delete(c.entries, sl.key()) // a later request tries again
		c.mu.Unlock()
	}
}

// touch marks key as the most recently used and evicts the least recently
// used slices beyond the limits; the whole store is always kept. c.mu is
// held.
func (c *viewCache) touch(key string) {
	for i, k := range c.order {
		if k == key {
			c.order = append(c.order[:i], c.order[i+1:]...)
			break
		}
	}
	c.order = append(c.order, key)
	wholeKey := sliceAll.key()
	for {
		n, cost := 0, 0
		for _, k := range c.order {
			if k == wholeKey {
				continue
			}
			n++
			if e := c.entries[k]; e != nil && isDone(e) && e.v != nil {
				cost += e.v.cost()
			}
		}
		if n <= c.max && cost <= maxCachedCost {
			return
		}
		evicted := false
		for i, k := range c.order {
			if k != wholeKey && k != key {
				c.order = append(c.order[:i], c.order[i+1:]...)
				delete(c.entries, k)
				evicted = true
				break
			}
		}
		if !evicted {
			return
		}
	}
}

// isDone reports whether the computation of e has ended.
func isDone(e *viewEntry) bool {
	select {
	case <-e.done:
		return true
	default:
		return false
	}
}

// buildView analyses the network of slice sl.
func (s *Server) buildView(ctx context.Context, sl slice) (*view, error) {
	net, err := sl.network(s)
	if err != nil {
		return nil, err
	}
	res, err := analysis.AnalyzeContext(ctx, net, s.opts.Analysis)
	if err != nil {
		return nil, err
	}
	v := &view{net: net, res: res, index: make(map[string]int, len(net.Actors))}
	if !sl.s.IsZero() {
		v.slice = &sl.s
	}

	for i, a := range net.Actors {
		v.index[a.ID] = i
	}
	v.ends = make([][2]int, len(net.Ties))
	for t, tie := range net.Ties {
		v.ends[t] = [2]int{v.index[tie.A], v.index[tie.B]}
	}
	v.isolated = analysis.Isolated(net, analysis.IsolationOptions{Suggest: s.opts.Suggest})
	v.flagged = make(map[string]*analysis.IsolatedActor, len(v.isolated.Actors))
	for i := range v.isolated.Actors {
		a := &v.isolated.Actors[i]
		v.flagged[a.ID] = a
	}
	v.main = make([]bool, len(net.Actors))
	outside := map[string]bool{}
	for _, a := range v.isolated.Actors {
		for _, r := range a.Reasons {
			if r == analysis.ReasonIsolate || r == analysis.ReasonOutsideMain {
				outside[a.ID] = true
			}
		}
	}
	for i, a := range net.Actors {
		v.main[i] = !outside[a.ID]
	}
	return v, nil
}
