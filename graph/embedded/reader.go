package embedded

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"github.com/alliances/alliances/graph"
)

var _ graph.NetworkReader = (*Store)(nil)

// The store answers graph.NetworkReader by looking up keys: an actor's
// participations are the participation keys that begin with its id, a
// project's participants its entry in the index (members), an actor's links
// the link keys that begin with its id and those of its entry in the index
// (linkends). Each record read is checked against
// its checksum. A file of schema 3 or 2, which has no index, is answered by
// reading every participation or link key (slower, the same answers) until a
// write gives it its index.

// ActorsByID returns the stored actors whose ids are given, sorted by id.
func (s *Store) ActorsByID(ctx context.Context, ids []string) (out []graph.Actor, err error) {
	defer protect(s.path)(&err)
	err = s.db.View(func(tx *bolt.Tx) error {
		b := table(tx, bucketActors)
		tag := tagOf(bucketActors)
		d := &decoder{}
		for i, id := range unique(ids) {
			if err := s.tick(ctx, i); err != nil {
				return err
			}
			k := []byte(id)
			v := b.Get(k)
			if v == nil {
				continue
			}
			rec, err := s.unseal(tag, k, v)
			if err != nil {
				return err
			}
			out = append(out, graph.Actor{})
			d.reset(rec)
			decodeActor(d, k, &out[len(out)-1])
			if err := d.done(); err != nil {
				return damaged("record %q of actors does not read: %v", k, err)
			}
		}
		return nil
	})
	return out, s.readError(err)
}

// Memberships returns the participations of the given actors, sorted by actor
// then project.
func (s *Store) Memberships(ctx context.Context, actors []string) (out []graph.Membership, err error) {
	defer protect(s.path)(&err)
	err = s.db.View(func(tx *bolt.Tx) error {
		return s.prefixes(ctx, tx, bucketParticipations, actors, func(actor string, rest []byte) {
			out = append(out, graph.Membership{Actor: actor, Project: string(rest)})
		})
	})
	return out, s.readError(err)
}

// Participants returns the participations in the given projects, sorted by
// project then actor.
func (s *Store) Participants(ctx context.Context, projects []string) (out []graph.Membership, err error) {
	defer protect(s.path)(&err)
	err = s.db.View(func(tx *bolt.Tx) error {
		if table(tx, bucketMembers) != nil {
			return s.entries(ctx, tx, bucketMembers, projects, func(project, actor string) {
				out = append(out, graph.Membership{Actor: actor, Project: project})
			})
		}
		want := set(projects)
		err := s.scan(ctx, tx, bucketParticipations, func(k, _ []byte) error {
			a, p, _ := bytes.Cut(k, []byte{0})
			if want[string(p)] {
				out = append(out, graph.Membership{Actor: string(a), Project: string(p)})
			}
			return nil
		})
		slices.SortFunc(out, func(a, b graph.Membership) int {
			if a.Project != b.Project {
				return cmpString(a.Project, b.Project)
			}
			return cmpString(a.Actor, b.Actor)
		})
		return err
	})
	return out, s.readError(err)
}

// LinksOf returns the links with an end among actors, in key order.
func (s *Store) LinksOf(ctx context.Context, actors []string) (out []graph.Link, err error) {
	defer protect(s.path)(&err)
	err = s.db.View(func(tx *bolt.Tx) error {
		var keys [][]byte
		if table(tx, bucketLinkEnds) != nil {
			err := s.prefixes(ctx, tx, bucketLinks, actors, func(end string, rest []byte) {
				keys = append(keys, append(append([]byte(end), 0), rest...))
			})
			if err == nil {
				err = s.entries(ctx, tx, bucketLinkEnds, actors, func(end, rest string) {
					keys = append(keys, swapEnds(nil, []byte(end+"\x00"+rest)))
				})
			}
			if err != nil {
				return err
			}
		} else {
			want := set(actors)
			err := s.scan(ctx, tx, bucketLinks, func(k, _ []byte) error {
				src, rest, _ := bytes.Cut(k, []byte{0})
				dst, _, _ := bytes.Cut(rest, []byte{0})
				if want[string(src)] || want[string(dst)] {
					keys = append(keys, bytes.Clone(k))
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		slices.SortFunc(keys, bytes.Compare)
		keys = slices.CompactFunc(keys, bytes.Equal)
		b := table(tx, bucketLinks)
		tag := tagOf(bucketLinks)
		d := &decoder{intern: map[string]string{}}
		out = make([]graph.Link, 0, len(keys))
		for i, k := range keys {
			if err := s.tick(ctx, i); err != nil {
				return err
			}
			v := b.Get(k)
			if v == nil {
				return damaged("the index names a link %q that table links does not hold", k)
			}
			rec, err := s.unseal(tag, k, v)
			if err != nil {
				return err
			}
			out = append(out, graph.Link{})
			d.reset(rec)
			decodeLink(d, k, &out[len(out)-1])
			if err := d.done(); err != nil {
				return damaged("record %q of links does not read: %v", k, err)
			}
		}
		return nil
	})
	return out, s.readError(err)
}

// prefixes calls f, for each of the given ids in order, with the rest of
// every key of the table or index name that begins with the id and \x00,
// checking each entry against its checksum.
func (s *Store) prefixes(ctx context.Context, tx *bolt.Tx, name []byte, ids []string, f func(id string, rest []byte)) error {
	b := table(tx, name)
	tag := tagOf(name)
	c := b.Cursor()
	n := 0
	for _, id := range unique(ids) {
		prefix := append([]byte(id), 0)
		var last []byte
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if err := s.tick(ctx, n); err != nil {
				return err
			}
			n++
			if v == nil || last != nil && bytes.Compare(k, last) <= 0 {
				return damaged("table %s is out of order at %q", name, k)
			}
			last = k
			if _, err := s.unseal(tag, k, v); err != nil {
				return err
			}
			f(id, k[len(prefix):])
		}
	}
	return nil
}

// entries calls f, for each of the given ids in order, with each element of
// the list of its entry in the index name.
func (s *Store) entries(ctx context.Context, tx *bolt.Tx, name []byte, ids []string, f func(id, elem string)) error {
	b := table(tx, name)
	tag := tagOf(name)
	for i, id := range unique(ids) {
		if err := s.tick(ctx, i); err != nil {
			return err
		}
		k := []byte(id)
		v := b.Get(k)
		if v == nil {
			continue
		}
		rec, err := unseal(tag, k, v)
		if err != nil {
			return err
		}
		list, err := decodeList(rec)
		if err != nil {
			return damaged("the index entry %q of %s does not read", k, name)
		}
		for _, elem := range list {
			f(id, elem)
		}
	}
	return nil
}

// unseal returns the record of a value: checked against its checksum in a
// file of schema 4, as it is in older files.
func (s *Store) unseal(tag byte, k, v []byte) ([]byte, error) {
	if !s.sealed {
		return v, nil
	}
	return unseal(tag, k, v)
}

// tick looks at the context every checkEvery records.
func (s *Store) tick(ctx context.Context, n int) error {
	if n%checkEvery == checkEvery-1 {
		return ctx.Err()
	}
	return nil
}

// readError names the store in the error of a read.
func (s *Store) readError(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("store %s: %w", s.path, err)
}

// unique returns the distinct strings of xs, sorted.
func unique(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

func set(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func cmpString(a, b string) int { return bytes.Compare([]byte(a), []byte(b)) }
