package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/ingest"
	"github.com/alliances/alliances/query"
	"github.com/alliances/alliances/sanitize"
)

// The queries partners, path, between and cross-border read the store as a
// graph.NetworkReader: an ego network or a path reads the records around
// the actors it visits only, and lists of ties are written as they are
// computed, never held whole (docs/queries.md). With slice flags they read
// the sliced network in memory, the same way.

// readQuery answers the named query args (not alliances).
func readQuery(ctx context.Context, o *queryOptions, std *streams, args []string) error {
	var (
		v    *graph.View
		info *graph.SliceInfo
	)
	if o.slice.IsZero() {
		st, err := openReader(ctx, o.store)
		if err != nil {
			return err
		}
		defer st.Close()
		r, ok := st.(graph.NetworkReader)
		if !ok {
			return fmt.Errorf("the store %s cannot be read by parts", o.store)
		}
		v = graph.NewView(r)
	} else {
		_, net, err := loadNetwork(ctx, o.store, &o.slice)
		if err != nil {
			return err
		}
		info = net.Slice
		v = graph.NewView(net)
		if o.format == formatTable {
			sliceNote(std, o.format, o.quiet, info)
		}
	}
	out := bufio.NewWriterSize(std.out, 1<<16)
	q := &reading{o: o, std: std, out: out, v: v, info: info}
	var err error
	switch args[0] {
	case "partners":
		err = q.partners(ctx, args[1])
	case "path":
		err = q.path(ctx, args[1], args[2])
	case "between":
		err = q.between(ctx, args[1], args[2])
	case "cross-border":
		err = q.crossBorder(ctx)
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if errors.Is(err, query.ErrUnknownActor) {
		// A store with no actor at all says so.
		if all, aerr := v.All(ctx); aerr == nil && len(all) == 0 {
			return fmt.Errorf("the store %s holds no actors: load data first with 'alliances ingest FILE...'", o.store)
		}
	}
	if err != nil {
		return queryError(err)
	}
	return nil
}

// reading is one named query being answered.
type reading struct {
	o    *queryOptions
	std  *streams
	out  *bufio.Writer
	v    *graph.View
	info *graph.SliceInfo // nil: the whole store
}

// limited reports whether the n-th item (from 0) is beyond --limit.
func (q *reading) limited(n int) bool { return q.o.limit > 0 && n >= q.o.limit }

// note says on stderr how many items --limit left out.
func (q *reading) note(what string, listed, total int) {
	if total > listed && !q.o.quiet {
		fmt.Fprintf(q.std.err, "note: %d of %d %s listed (--limit %d); --count gives the counts only\n", listed, total, what, q.o.limit)
	}
}

func (q *reading) partners(ctx context.Context, id string) error {
	e, err := query.EgoOf(ctx, q.v, id, q.o.depth)
	if err != nil {
		return err
	}
	actors := e.Actors
	if q.o.limit > 0 && len(actors) > q.o.limit {
		actors = actors[:q.o.limit]
	}
	switch {
	case q.o.count:
		ties, err := e.CountTies(ctx)
		if err != nil {
			return err
		}
		byDist := e.ByDistance()
		switch q.o.format {
		case formatJSON:
			return writeJSON(q.out, struct {
				Center     query.ActorRef `json:"center"`
				Depth      int            `json:"depth"`
				Actors     int            `json:"actors"`
				Ties       int            `json:"ties"`
				ByDistance []int          `json:"by_distance"`
			}{e.Center, e.Depth, len(e.Actors), ties, byDist})
		case formatTable:
			fmt.Fprintf(q.out, "%d actor(s) within %d tie(s) of %s, %d tie(s) among them\n\n", len(e.Actors)-1, q.o.depth, sanitize.Text(e.Center.ID), ties)
		}
		rows := [][]string{}
		for d, n := range byDist {
			rows = append(rows, []string{strconv.Itoa(d), strconv.Itoa(n)})
		}
		return writeRows(q.out, q.o.format, []string{"distance", "actors"}, rows)
	case q.o.format == formatJSON && q.info != nil:
		ego, err := query.PartnersOf(ctx, q.v, id, q.o.depth)
		if err != nil {
			return err
		}
		return writeSliceJSON(q.out, q.info, "", ego)
	case q.o.format == formatJSON:
		j := newJSONObject(q.out)
		j.field("center", e.Center)
		j.field("depth", e.Depth)
		j.field("actors", actors)
		j.openArray("ties")
		listed, total := 0, 0
		err := e.EachTie(ctx, func(t query.TieInfo) error {
			if total++; !q.limited(total - 1) {
				listed++
				j.item(t)
			}
			return j.err
		})
		if err != nil {
			return err
		}
		j.closeArray()
		if q.o.limit > 0 {
			j.field("limit", q.o.limit)
			j.field("actor_count", len(e.Actors))
			j.field("tie_count", total)
		}
		q.note("ties", listed, total)
		return j.close()
	}
	if q.o.format == formatTable {
		ties, err := e.CountTies(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(q.out, "%d actor(s) within %d tie(s) of %s, %d tie(s) among them\n\n", len(e.Actors)-1, q.o.depth, sanitize.Text(e.Center.ID), ties)
	}
	if q.o.format == formatCSV {
		sliceNote(q.std, q.o.format, q.o.quiet, q.info)
	}
	rows := make([][]string, 0, len(actors))
	for _, a := range actors {
		rows = append(rows, []string{strconv.Itoa(a.Distance), a.ID, a.Name, a.Family, a.Country})
	}
	q.note("actors", len(actors), len(e.Actors))
	return writeRows(q.out, q.o.format, []string{"distance", "id", "name", "family", "country"}, rows)
}

func (q *reading) path(ctx context.Context, from, to string) error {
	paths, err := query.PathsOf(ctx, q.v, from, to, q.o.max)
	if err != nil {
		return err
	}
	if q.o.format == formatJSON {
		return writeSliceJSON(q.out, q.info, "paths", paths)
	}
	if q.o.format == formatCSV {
		sliceNote(q.std, q.o.format, q.o.quiet, q.info)
	}
	if q.o.format == formatTable && len(paths) == 0 {
		fmt.Fprintf(q.out, "no path: %s and %s are not connected\n", sanitize.Text(from), sanitize.Text(to))
		return nil
	}
	rows := [][]string{}
	for i, p := range paths {
		var ids, via []string
		for _, a := range p.Actors {
			ids = append(ids, a.ID)
		}
		for _, t := range p.Ties {
			via = append(via, tieOrigin(t))
		}
		rows = append(rows, []string{strconv.Itoa(i + 1), strconv.Itoa(p.Length), strings.Join(ids, " → "), strings.Join(via, " | ")})
	}
	return writeRows(q.out, q.o.format, []string{"path", "length", "actors", "through"}, rows)
}

func (q *reading) between(ctx context.Context, f1, f2 string) error {
	each := func(yield func(query.TieInfo) error) error {
		err := query.BetweenOf(ctx, q.v, f1, f2, yield)
		if errors.Is(err, query.ErrUnknownFamily) {
			// The aliases ingest accepts ("NGO", "local authority",
			// "collectivité territoriale") name the same families here.
			vocab := ingest.DefaultVocabulary()
			g1, ok1 := vocab.Family(f1)
			g2, ok2 := vocab.Family(f2)
			if ok1 || ok2 {
				if ok1 {
					f1 = g1
				}
				if ok2 {
					f2 = g2
				}
				err = query.BetweenOf(ctx, q.v, f1, f2, yield)
			}
		}
		return err
	}
	// The families are checked before anything is written.
	errFirst := errors.New("first tie")
	if err := each(func(query.TieInfo) error { return errFirst }); err != nil && err != errFirst {
		return err
	}
	header := []string{"a", "a_family", "b", "b_family", "weight", "made_of"}
	row := func(t query.TieInfo) []string {
		return []string{t.A.ID, t.A.Family, t.B.ID, t.B.Family, strconv.FormatFloat(t.Weight, 'g', -1, 64), tieOrigin(t)}
	}
	total, listed := 0, 0
	switch {
	case q.o.count:
		if err := each(func(query.TieInfo) error { total++; return nil }); err != nil {
			return err
		}
		switch q.o.format {
		case formatJSON:
			return writeJSON(q.out, map[string]any{"family_a": f1, "family_b": f2, "ties": total})
		case formatTable:
			fmt.Fprintf(q.out, "%d tie(s) between %s and %s\n", total, f1, f2)
			return nil
		}
		return writeRows(q.out, q.o.format, []string{"family_a", "family_b", "ties"}, [][]string{{f1, f2, strconv.Itoa(total)}})
	case q.o.format == formatJSON && q.info != nil:
		ties := []query.TieInfo{}
		err := each(func(t query.TieInfo) error {
			if total++; !q.limited(total - 1) {
				ties = append(ties, t)
			}
			return nil
		})
		if err != nil {
			return err
		}
		q.note("ties", len(ties), total)
		return writeSliceJSON(q.out, q.info, "ties", ties)
	case q.o.format == formatJSON:
		j := newJSONArray(q.out)
		err := each(func(t query.TieInfo) error {
			if total++; !q.limited(total - 1) {
				listed++
				j.item(t)
			}
			return j.err
		})
		if err != nil {
			return err
		}
		q.note("ties", listed, total)
		return j.close()
	case q.o.format == formatCSV:
		sliceNote(q.std, q.o.format, q.o.quiet, q.info)
		c := newCSVRows(q.out, header)
		err := each(func(t query.TieInfo) error {
			if total++; !q.limited(total - 1) {
				listed++
				c.row(row(t))
			}
			return nil
		})
		if err != nil {
			return err
		}
		q.note("ties", listed, total)
		return c.close()
	}
	rows := [][]string{}
	err := each(func(t query.TieInfo) error {
		if total++; !q.limited(total - 1) {
			rows = append(rows, row(t))
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(q.out, "%d tie(s) between %s and %s\n\n", total, f1, f2)
	q.note("ties", len(rows), total)
	return writeRows(q.out, q.o.format, header, rows)
}

func (q *reading) crossBorder(ctx context.Context) error {
	var j *jsonObject
	total, listed := 0, 0
	var yield func(query.TieInfo) error
	if q.o.format == formatJSON && !q.o.count && q.info == nil {
		j = newJSONObject(q.out)
		j.openArray("ties")
		yield = func(t query.TieInfo) error {
			if total++; !q.limited(total - 1) {
				listed++
				j.item(t)
			}
			return j.err
		}
	} else if q.o.format == formatJSON && !q.o.count {
		// A slice is written first: the ties are gathered.
		var ties []query.TieInfo
		res, err := query.CrossBorderOf(ctx, q.v, func(t query.TieInfo) error {
			if total++; !q.limited(total - 1) {
				ties = append(ties, t)
			}
			return nil
		})
		if err != nil {
			return err
		}
		res.Ties = append([]query.TieInfo{}, ties...)
		q.note("ties", len(ties), total)
		return writeSliceJSON(q.out, q.info, "", res)
	}
	res, err := query.CrossBorderOf(ctx, q.v, yield)
	if err != nil {
		return err
	}
	ties := 0
	for _, p := range res.Pairs {
		ties += p.Ties
	}
	if j != nil {
		j.closeArray()
		j.field("pairs", res.Pairs)
		j.field("without_country", res.WithoutCountry)
		if q.o.limit > 0 {
			j.field("limit", q.o.limit)
			j.field("tie_count", total)
		}
		q.note("ties", listed, total)
		return j.close()
	}
	if q.o.count && q.o.format == formatJSON {
		return writeJSON(q.out, map[string]any{"ties": ties, "pairs": len(res.Pairs), "without_country": res.WithoutCountry})
	}
	if q.o.format == formatTable {
		fmt.Fprintf(q.out, "%d cross-border tie(s)", ties)
		if res.WithoutCountry > 0 {
			fmt.Fprintf(q.out, " (%d tie(s) left out: an actor has no country)", res.WithoutCountry)
		}
		fmt.Fprint(q.out, "\n\n")
	}
	if q.o.format == formatCSV {
		sliceNote(q.std, q.o.format, q.o.quiet, q.info)
	}
	rows := [][]string{}
	for _, p := range res.Pairs {
		rows = append(rows, []string{p.A, p.B, strconv.Itoa(p.Ties), strconv.FormatFloat(p.Weight, 'g', -1, 64),
			strconv.Itoa(p.Actors), strings.Join(p.Projects, ",")})
	}
	if q.o.count && q.o.format == formatTable {
		return nil
	}
	return writeRows(q.out, q.o.format, []string{"country_a", "country_b", "ties", "weight", "actors", "projects"}, rows)
}

// jsonObject writes a JSON object field by field, with lists written item
// by item, in the bytes writeJSON gives for the whole value (two-space
// indentation, no HTML escaping, a final new line).
type jsonObject struct {
	w      io.Writer
	fields int
	items  int
	err    error
	buf    bytes.Buffer
}

func newJSONObject(w io.Writer) *jsonObject {
	j := &jsonObject{w: w}
	j.write("{")
	return j
}

func (j *jsonObject) write(s string) {
	if j.err == nil {
		_, j.err = io.WriteString(j.w, s)
	}
}

// encode writes v indented as a value at the given depth of nesting.
func (j *jsonObject) encode(v any, depth int) {
	if j.err != nil {
		return
	}
	j.buf.Reset()
	enc := json.NewEncoder(&j.buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(strings.Repeat("  ", depth), "  ")
	if j.err = enc.Encode(v); j.err == nil {
		_, j.err = j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
	}
}

func (j *jsonObject) key(name string) {
	if j.fields > 0 {
		j.write(",")
	}
	j.fields++
	k, _ := json.Marshal(name)
	j.write("\n  " + string(k) + ": ")
}

func (j *jsonObject) field(name string, v any) {
	j.key(name)
	j.encode(v, 1)
}

func (j *jsonObject) openArray(name string) {
	j.key(name)
	j.write("[")
	j.items = 0
}

func (j *jsonObject) item(v any) {
	if j.items > 0 {
		j.write(",")
	}
	j.items++
	j.write("\n    ")
	j.encode(v, 2)
}

func (j *jsonObject) closeArray() {
	if j.items > 0 {
		j.write("\n  ")
	}
	j.write("]")
}

func (j *jsonObject) close() error {
	if j.fields > 0 {
		j.write("\n")
	}
	j.write("}\n")
	return j.err
}

// jsonArray writes a JSON array item by item, as writeJSON does whole.
type jsonArray struct{ jsonObject }

func newJSONArray(w io.Writer) *jsonArray {
	j := &jsonArray{jsonObject{w: w}}
	j.write("[")
	return j
}

func (j *jsonArray) item(v any) {
	if j.items > 0 {
		j.write(",")
	}
	j.items++
	j.write("\n  ")
	j.encode(v, 1)
}

func (j *jsonArray) close() error {
	if j.items > 0 {
		j.write("\n")
	}
	j.write("]\n")
	return j.err
}

// csvRows writes CSV rows one by one, as writeRows does all at once.
type csvRows struct{ w *csv.Writer }

func newCSVRows(w io.Writer, header []string) *csvRows {
	c := &csvRows{csv.NewWriter(w)}
	c.row(header)
	return c
}

func (c *csvRows) row(r []string) { c.w.Write(sanitize.CSVRecord(slices.Clone(r))) }

func (c *csvRows) close() error {
	c.w.Flush()
	return c.w.Error()
}
