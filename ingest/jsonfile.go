package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"unicode/utf8"

	"github.com/alliances/alliances/graph"
)

// jsonLink is a graph.Link as written in JSON, with the weight kept as a
// pointer to tell a missing weight (1) from a zero weight (an error).
type jsonLink struct {
	Source   string   `json:"source"`
	Target   string   `json:"target"`
	Type     string   `json:"type"`
	Weight   *float64 `json:"weight"`
	Directed bool     `json:"directed"`
	Start    string   `json:"start"`
	End      string   `json:"end"`
}

// readJSON reads the JSON that "alliances export --two-mode --to json" writes: an object
// with the arrays "actors", "links", "projects" and "participations" of a
// graph.Dataset. Other members, such as "metrics", are ignored. The origin of
// every record becomes its line in this file. Missing link weights are 1; a
// weight ≤ 0 is an error. Ids, duplicates and references between records are
// checked by Read, with the rest of the input and the store.
func readJSON(r io.Reader, file string) (*graph.Dataset, []Problem) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, []Problem{{File: file, Err: fmt.Errorf("%w: %w", ErrFormat, err), Hint: "the file could not be read"}}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a byte order mark, as Windows editors write
	jr := &jsonReader{file: file, data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	d := jr.read()
	if d == nil {
		return nil, jr.probs
	}
	d.Sort()
	return d, jr.probs
}

type jsonReader struct {
	file  string
	data  []byte
	dec   *json.Decoder
	probs []Problem
	// lineOff is the offset of the start of line lineNo: records come in
	// order, so pos counts newlines from there rather than from the start.
	lineOff int64
	lineNo  int
}

// pos converts a byte offset to a line and a column (in characters), from 1.
func (jr *jsonReader) pos(off int64) (line, col int) {
	off = max(0, min(off, int64(len(jr.data))))
	if jr.lineNo == 0 || off < jr.lineOff {
		jr.lineOff, jr.lineNo = 0, 1
	}
	for {
		i := bytes.IndexByte(jr.data[jr.lineOff:off], '\n')
		if i < 0 {
			break
		}
		jr.lineOff += int64(i) + 1
		jr.lineNo++
	}
	return jr.lineNo, utf8.RuneCount(jr.data[jr.lineOff:off]) + 1
}

// next returns the offset where the next value starts.
func (jr *jsonReader) next() int64 {
	off := jr.dec.InputOffset()
	for off < int64(len(jr.data)) {
		switch jr.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

func (jr *jsonReader) fail(off int64, field string, err error, hint string) {
	line, col := jr.pos(off)
	jr.probs = append(jr.probs, Problem{File: jr.file, Line: line, Column: col, Field: field, Err: err, Hint: hint})
}

// decodeErr reports an error of the JSON decoder; it returns false when
// reading cannot go on.
func (jr *jsonReader) decodeErr(start int64, err error) bool {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	if errors.As(err, &syn) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		// The offsets of json.Decoder's syntax errors depend on its buffering;
		// json.Unmarshal checks the whole input first and locates the first
		// syntax error exactly.
		if e := json.Unmarshal(jr.data, new(json.RawMessage)); e != nil {
			err = e
		}
	}
	switch {
	case errors.As(err, &syn) && syn.Offset < int64(len(jr.data)):
		jr.fail(syn.Offset-1, "", fmt.Errorf("%w: invalid JSON: %w", ErrFormat, syn),
			"the file is not valid JSON; write it again with alliances export --to json")
		return false
	case errors.As(err, &typ):
		field := typ.Field
		jr.fail(start, field, fmt.Errorf("%w: %s is a JSON %s, want %s", ErrBadValue, field, typ.Value, typ.Type),
			"see docs/export.md for the JSON layout")
		return true
	case errors.As(err, &syn), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		jr.fail(int64(len(jr.data)), "", fmt.Errorf("%w: unexpected end of JSON", ErrFormat),
			"the file is truncated")
		return false
	default:
		jr.fail(start, "", fmt.Errorf("%w: %w", ErrFormat, err), "the file is not valid JSON")
		return false
	}
}

func (jr *jsonReader) read() *graph.Dataset {
	start := jr.next()
	tok, err := jr.dec.Token()
	if err != nil {
		jr.decodeErr(start, err)
		return nil
	}
	if tok != json.Delim('{') {
		jr.fail(start, "", fmt.Errorf("%w: the JSON value is not an object", ErrFormat),
			`expected {"actors": […], "links": […], "projects": […], "participations": […]}`)
		return nil
	}
	d := &graph.Dataset{}
	for jr.dec.More() {
		start := jr.next()
		tok, err := jr.dec.Token()
		if err != nil {
			jr.decodeErr(start, err)
			return nil
		}
		key, _ := tok.(string)
		var ok bool
		switch key {
		case "actors":
			ok = jsonArray(jr, func(a graph.Actor, line int) {
				if len(a.Attrs) == 0 {
					a.Attrs = nil
				}
				a.Origin = graph.Provenance{File: jr.file, Line: line}
				d.Actors = append(d.Actors, a)
			})
		case "projects":
			ok = jsonArray(jr, func(p graph.Project, line int) {
				if len(p.Attrs) == 0 {
					p.Attrs = nil
				}
				if len(p.Dimensions) == 0 {
					p.Dimensions = nil
				}
				if len(p.Targets) == 0 {
					p.Targets = nil
				}
				p.Origin = graph.Provenance{File: jr.file, Line: line}
				d.Projects = append(d.Projects, p)
			})
		case "participations":
			ok = jsonArray(jr, func(p graph.Participation, line int) {
				p.Origin = graph.Provenance{File: jr.file, Line: line}
				d.Participations = append(d.Participations, p)
			})
		case "ties":
			// The analysed network of "alliances export" (actors and ties,
			// no projects): reading its ties as links would change the data.
			jr.fail(jr.next(), "ties", fmt.Errorf("%w: this is the actor network that 'alliances export' writes by default (ties, not the links and participations they come from)", ErrFormat),
				"export the data with 'alliances export --two-mode --to json' to load them into another store")
			return nil
		case "links":
			ok = jsonArray(jr, func(l jsonLink, line int) {
				w := 1.0
				if l.Weight != nil {
					w = *l.Weight
				}
				if w <= 0 || math.IsNaN(w) || math.IsInf(w, 0) {
					jr.probs = append(jr.probs, Problem{File: jr.file, Line: line, Field: "weight",
						Err:  fmt.Errorf("%w: weight %v of link %q–%q", ErrBadValue, w, l.Source, l.Target),
						Hint: "weights are positive numbers; larger means a stronger tie"})
					return
				}
				d.Links = append(d.Links, graph.Link{Source: l.Source, Target: l.Target, Type: l.Type,
					Weight: w, Directed: l.Directed, Start: l.Start, End: l.End,
					Origin: graph.Provenance{File: jr.file, Line: line}})
			})
		default:
			var skip json.RawMessage
			vstart := jr.next()
			if err := jr.dec.Decode(&skip); err != nil {
				jr.decodeErr(vstart, err)
				return nil
			}
			ok = true
		}
		if !ok {
			return nil
		}
	}
	end := jr.next()
	if _, err := jr.dec.Token(); err != nil {
		jr.decodeErr(end, err)
		return nil
	}
	after := jr.data[jr.dec.InputOffset():]
	if trimmed := bytes.TrimLeft(after, " \t\r\n"); len(trimmed) > 0 {
		rest := int64(len(jr.data) - len(trimmed))
		jr.fail(rest, "", fmt.Errorf("%w: unexpected data after the JSON object", ErrFormat),
			"the file holds more than one JSON document; keep the one alliances export wrote")
		return nil
	}
	return d
}

// jsonArray decodes an array (or null) of records, calling add with each
// record and its line. It returns false when reading cannot go on.
func jsonArray[T any](jr *jsonReader, add func(T, int)) bool {
	start := jr.next()
	tok, err := jr.dec.Token()
	if err != nil {
		return jr.decodeErr(start, err) && false
	}
	if tok == nil {
		return true
	}
	if tok != json.Delim('[') {
		jr.fail(start, "", fmt.Errorf("%w: expected an array", ErrFormat), "see docs/export.md for the JSON layout")
		return false
	}
	for jr.dec.More() {
		start := jr.next()
		var v T
		if err := jr.dec.Decode(&v); err != nil {
			if !jr.decodeErr(start, err) {
				return false
			}
			continue
		}
		line, _ := jr.pos(start)
		add(v, line)
	}
	end := jr.next()
	if _, err := jr.dec.Token(); err != nil {
		return jr.decodeErr(end, err) && false
	}
	return true
}
