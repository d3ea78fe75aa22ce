package layout

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/alliances/alliances/graph"
)

// Version names the layout algorithm; it is part of every Key, so a change
// of the algorithm never reuses an old cached layout.
const Version = "alliances-layout-1"

// ErrNotInLayout is wrapped by the errors of callers that look up an actor
// that the layout does not place.
var ErrNotInLayout = errors.New("actor not in the layout")

// Point is a position, in units of the ideal tie length; Y points upwards.
type Point struct{ X, Y float64 }

// Options set how a network is laid out.
type Options struct {
	// Seed seeds the random initial positions.
	Seed int64
}

// Layout is the position of every actor of a network. It is immutable and
// safe for concurrent use.
type Layout struct {
	key string
	ids []string // sorted
	pts []Point
}

// Len returns the number of actors placed.
func (l *Layout) Len() int { return len(l.ids) }

// Key returns the key of the network and options that l was computed for
// (see Key).
func (l *Layout) Key() string { return l.key }

// At returns the position of the actor id, and false when l does not place
// it.
func (l *Layout) At(id string) (Point, bool) {
	i := sort.SearchStrings(l.ids, id)
	if i < len(l.ids) && l.ids[i] == id {
		return l.pts[i], true
	}
	return Point{}, false
}

// Each calls f with every actor id and its position, in id order.
func (l *Layout) Each(f func(id string, p Point)) {
	for i, id := range l.ids {
		f(id, l.pts[i])
	}
}

// Bounds returns the smallest and largest coordinates of the actors of l;
// both are the zero Point when l is empty.
func (l *Layout) Bounds() (lo, hi Point) {
	if len(l.pts) == 0 {
		return Point{}, Point{}
	}
	lo, hi = l.pts[0], l.pts[0]
	for _, p := range l.pts[1:] {
		lo.X, lo.Y = math.Min(lo.X, p.X), math.Min(lo.Y, p.Y)
		hi.X, hi.Y = math.Max(hi.X, p.X), math.Max(hi.Y, p.Y)
	}
	return lo, hi
}

// Compute lays out every actor of net (see the package documentation). It
// returns ctx's error when ctx is cancelled.
func Compute(ctx context.Context, net *graph.Network, opts Options) (*Layout, error) {
	if net == nil {
		return nil, errors.New("layout: no network")
	}
	g, ids := build(net)
	pts, err := place(ctx, g, opts.Seed)
	if err != nil {
		return nil, err
	}
	return &Layout{key: Key(net, opts), ids: ids, pts: pts}, nil
}

// Key returns the key under which the layout of net with opts is cached:
// the hexadecimal SHA-256 of Version, the seed, the actor ids and the ties
// (pairs of actor ids), each in sorted order. It changes with any actor or
// tie, and not with names, attributes or weights.
func Key(net *graph.Network, opts Options) string {
	h := sha256.New()
	var buf [8]byte
	str := func(s string) {
		binary.LittleEndian.PutUint64(buf[:], uint64(len(s)))
		h.Write(buf[:])
		h.Write([]byte(s))
	}
	str(Version)
	binary.LittleEndian.PutUint64(buf[:], uint64(opts.Seed))
	h.Write(buf[:])
	ids := actorIDs(net)
	binary.LittleEndian.PutUint64(buf[:], uint64(len(ids)))
	h.Write(buf[:])
	for _, id := range ids {
		str(id)
	}
	ties := tiePairs(net, ids)
	binary.LittleEndian.PutUint64(buf[:], uint64(len(ties)))
	h.Write(buf[:])
	for _, t := range ties {
		binary.LittleEndian.PutUint32(buf[:4], uint32(t[0]))
		binary.LittleEndian.PutUint32(buf[4:], uint32(t[1]))
		h.Write(buf[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// actorIDs returns the distinct actor ids of net, sorted.
func actorIDs(net *graph.Network) []string {
	ids := make([]string, 0, len(net.Actors))
	for _, a := range net.Actors {
		ids = append(ids, a.ID)
	}
	sort.Strings(ids)
	out := ids[:0]
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	return out
}

// tiePairs returns the ties of net between actors of ids as sorted pairs of
// indices into ids (smaller first), without self-loops or repeats.
func tiePairs(net *graph.Network, ids []string) [][2]int32 {
	idx := make(map[string]int32, len(ids))
	for i, id := range ids {
		idx[id] = int32(i)
	}
	pairs := make([][2]int32, 0, len(net.Ties))
	for _, t := range net.Ties {
		a, okA := idx[t.A]
		b, okB := idx[t.B]
		if !okA || !okB || a == b {
			continue
		}
		if b < a {
			a, b = b, a
		}
		pairs = append(pairs, [2]int32{a, b})
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	out := pairs[:0]
	for i, p := range pairs {
		if i == 0 || p != pairs[i-1] {
			out = append(out, p)
		}
	}
	return out
}

// build returns the graph of net's actors and ties, nodes in id order.
func build(net *graph.Network) (*csr, []string) {
	ids := actorIDs(net)
	return newCSR(len(ids), tiePairs(net, ids)), ids
}

// String describes l briefly, for messages.
func (l *Layout) String() string {
	return fmt.Sprintf("layout of %d actors (%.12s)", len(l.ids), l.key)
}
