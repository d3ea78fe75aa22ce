package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/ingest"
)

// sliceFlags are the slice filters of docs/slices.md (graph.Slice), bound by every
// command that reads the network: analyze, isolated, query, map, report,
// export, compare.
type sliceFlags struct {
	slice graph.Slice
}

// sliceFlagUsage documents each filter of graph.SliceFilters.
var sliceFlagUsage = map[string]string{
	"programme": "slice: projects of the programme `NAME` (repeat or comma list: any of them)",
	"phase":     "slice: projects of phase `N`, N-M or N,M",
	"project":   "slice: the project `ID` (or name; repeat or comma list)",
	"dimension": "slice: projects with the dimension `D`: development, local, sustainable, inclusive (développement, locale, durable, inclusive)",
	"target":    "slice: projects for the target group `T`: youth, women, disability, precarity (jeunes, femmes, handicap, précarité)",
	"period":    "slice: projects active in `FROM:TO` (years or ISO dates, open ends: 2016:, :2019-06-30)",
	"role":      "slice: only the participations with the role `R` (e.g. lead,partner: funders make no co-participation tie)",
	"family":    "slice: only actors of the family `F` (and the ties among them)",
	"country":   "slice: only actors of the country `CC` (ISO code)",
	"territory": "slice: only actors of the territory `T`",
	"link-type": "slice: only the declared links of the type `T` (co-participation ties stay)",
}

// sliceHelp is the paragraph of --help on slices, shared by the commands.
const sliceHelp = `Slices (docs/slices.md): --programme, --phase, --project, --dimension,
--target, --period select projects; --role keeps participations of some roles;
--family, --country, --territory keep actors; --link-type keeps declared links.
Filters combine with AND, the values of one filter (repeated, or a comma list)
with OR. Metrics are those of the slice as a network of its own.`

// bindSlice binds the slice filters to fs, leaving out the names in skip
// (a command that uses one of them otherwise).
func (s *sliceFlags) bindSlice(fs *flag.FlagSet, skip ...string) {
	vocab := ingest.DefaultVocabulary()
	for _, name := range graph.SliceFilters {
		if contains(skip, name) {
			continue
		}
		fs.Func(name, sliceFlagUsage[name], func(v string) error {
			if name == "family" {
				// The family aliases of ingest ("NGO", "collectivité
				// territoriale") name the same families here.
				var fams []string
				for _, f := range strings.Split(v, ",") {
					if c, ok := vocab.Family(f); ok {
						f = c
					}
					fams = append(fams, f)
				}
				v = strings.Join(fams, ",")
			}
			err := s.slice.Set(name, v)
			var se *graph.SliceError
			if errors.As(err, &se) {
				return errors.New(se.Msg) // the flag package names the flag and value
			}
			return err
		})
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// sliceError turns a slice that cannot be taken (a value matching nothing,
// filters selecting nothing) into a usage error: exit code 2.
func sliceError(err error) error {
	var se *graph.SliceError
	if errors.As(err, &se) {
		return usageError{se.Error()}
	}
	return err
}

// sliceNote says which slice a text or CSV output is: a line at the top of
// a table, a line on stderr before CSV (which stays a plain table). Nothing
// for a whole store.
func sliceNote(std *streams, format string, quiet bool, info *graph.SliceInfo) {
	if info == nil {
		return
	}
	line := sliceLine(info)
	switch {
	case format == formatTable:
		fmt.Fprintf(std.out, "%s\n\n", line)
	case !quiet:
		fmt.Fprintln(std.err, line)
	}
}

// sliceLine describes a slice in one line of text.
func sliceLine(info *graph.SliceInfo) string {
	line := fmt.Sprintf("Slice: %s — %d actor(s), %d tie(s), %d project(s)", info.Text, info.Actors, info.Ties, info.Projects)
	var notes []string
	if n := info.LeftOut.UndatedProjects; n > 0 {
		notes = append(notes, fmt.Sprintf("%d undated project(s) left out", n))
	}
	if n := info.UndatedLinks; n > 0 {
		notes = append(notes, fmt.Sprintf("%d undated link(s) kept, active in every period", n))
	}
	if len(notes) > 0 {
		line += " (" + strings.Join(notes, "; ") + ")"
	}
	return line
}

// writeSliceJSON writes v as writeJSON does, stating its slice: a "slice"
// key first in an object; an array is wrapped as {"slice": …, key: […]}.
// For a whole store (info nil) it writes v unchanged.
func writeSliceJSON(w io.Writer, info *graph.SliceInfo, key string, v any) error {
	if info == nil {
		return writeJSON(w, v)
	}
	body, err := compactJSON(v)
	if err != nil {
		return err
	}
	s, err := compactJSON(info)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	out.WriteString(`{"slice":`)
	out.Write(s)
	switch {
	case len(body) > 0 && body[0] == '{':
		if rest := body[1:]; len(rest) > 0 && rest[0] != '}' {
			out.WriteByte(',')
		}
		out.Write(body[1:])
	default:
		k, _ := json.Marshal(key)
		out.WriteByte(',')
		out.Write(k)
		out.WriteByte(':')
		out.Write(body)
		out.WriteByte('}')
	}
	var ind bytes.Buffer
	if err := json.Indent(&ind, out.Bytes(), "", "  "); err != nil {
		return err
	}
	ind.WriteByte('\n')
	_, err = w.Write(ind.Bytes())
	return err
}

func compactJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(b.Bytes()), nil
}

// sliceCaption names a slice in a map caption or a report, in lang.
func sliceCaption(s *graph.Slice, lang string) string {
	if lang == "fr" {
		return "Tranche : " + s.Text("fr")
	}
	return "Slice: " + s.Text("en")
}
