package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/alliances/alliances/graph"
)

// Options control Read.
type Options struct {
	// Mapping maps foreign headers to our fields (nil: headers are recognised
	// alone).
	Mapping *Mapping
	// Vocabulary is the family vocabulary; nil means DefaultVocabulary.
	Vocabulary *Vocabulary
	// Known is the data already in the store: links and participations may
	// name its actors and projects.
	Known *graph.Dataset
	// Progress receives a progress bar when it is a terminal (nil: none).
	Progress io.Writer
	// Aliases merges actors named in several ways (nil: none).
	Aliases *Aliases
}

// Result is what Read found in the files.
type Result struct {
	// Dataset holds every record read, each table sorted as by
	// graph.Dataset.Sort.
	Dataset *graph.Dataset
	// Warnings are problems that do not block the ingest.
	Warnings []Problem
	// Files describes the files read, in the order given.
	Files []FileInfo
}

// FileInfo describes one input file.
type FileInfo struct {
	Path string `json:"path"`
	// SHA256 is the hex SHA-256 of the raw bytes of the file (compressed or
	// not), for the methods section of reports.
	SHA256 string `json:"sha256"`
	// Format is csv, xlsx, graphml, gexf or json.
	Format string `json:"format"`
	// Compressed is true for gzip-compressed input.
	Compressed bool `json:"compressed,omitempty"`
	// Encoding and Delimiter are those detected for CSV files.
	Encoding  string `json:"encoding,omitempty"`
	Delimiter string `json:"delimiter,omitempty"`
	// Tables lists the kind of each table read from the file (a file mapped
	// by several sections gives several tables).
	Tables []string `json:"tables"`
	// Records is the number of data rows (CSV, XLSX) or records (other
	// formats) read.
	Records int `json:"records"`
}

// Read reads, recognises and validates every file, and returns the records
// they hold, in memory. Formats are chosen by extension (.csv, .tsv, .txt,
// .xlsx, .graphml, .gexf, .json, each optionally .gz); gzip input is also
// recognised by its magic bytes.
//
// On any error Read returns a *ValidationError listing every problem found
// (file, line, column, hint) and no result; problems that do not block
// (near-duplicate names, self-loops, repeated rows) are Result.Warnings.
// Read never writes anything.
func Read(paths []string, opts Options) (*Result, error) {
	return result(Open(context.Background(), paths, opts))
}

// ReadFS is Read for files of fsys (for example the embedded example data).
// XLSX files are not supported there.
func ReadFS(fsys fs.FS, paths []string, opts Options) (*Result, error) {
	return result(OpenFS(context.Background(), fsys, paths, opts))
}

func result(in *Input, err error) (*Result, error) {
	if err != nil {
		return nil, err
	}
	defer in.Close()
	d, err := in.Dataset()
	if err != nil {
		return nil, err
	}
	return &Result{Dataset: d, Warnings: in.Warnings, Files: in.Files}, nil
}

// Open is Read for inputs of any size: CSV files are read row by row, twice
// (once for their bytes, once for their rows), GraphML and GEXF files in two
// passes (nodes, then edges as a stream), and links and participations are
// sorted on disk when they are many, so that memory grows with the number of
// actors and projects but not with the size of the files. JSON and XLSX
// files are read whole. The caller must Close the Input.
//
// When ctx is cancelled, Open stops reading, removes its temporary files and
// returns an error wrapping ctx.Err().
func Open(ctx context.Context, paths []string, opts Options) (*Input, error) {
	return read(ctx, paths, opts, func(p string) (io.ReadCloser, error) {
		f, err := openFile(p)
		if err != nil {
			return nil, err
		}
		return ctxReader{ctx, f}, nil
	}, true)
}

// OpenFS is Open for files of fsys.
func OpenFS(ctx context.Context, fsys fs.FS, paths []string, opts Options) (*Input, error) {
	return read(ctx, paths, opts, func(p string) (io.ReadCloser, error) {
		f, err := fsys.Open(p)
		if err != nil {
			return nil, err
		}
		return ctxReader{ctx, f}, nil
	}, false)
}

// ctxReader is a file whose reads fail once ctx is cancelled: every reader
// of the input stops at its next read.
type ctxReader struct {
	ctx context.Context
	io.ReadCloser
}

func (r ctxReader) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.ReadCloser.Read(p)
}

// Describe returns the path, SHA-256, format and compression of each file
// without reading its tables (Tables and Records are left empty): what a
// report needs to name its inputs, without the mapping they were read with.
// Files are read as a stream.
func Describe(paths []string) ([]FileInfo, error) {
	out := make([]FileInfo, 0, len(paths))
	for _, p := range paths {
		f, err := openFile(p)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrFormat, p, err)
		}
		head := make([]byte, 4)
		n, _ := io.ReadFull(f, head)
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			f.Close()
			return nil, fmt.Errorf("%w: %v", ErrFormat, err)
		}
		sum, compressed, err := digest(f)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrFormat, p, err)
		}
		out = append(out, FileInfo{Path: p, SHA256: sum, Format: formatOf(p, head[:n]), Compressed: compressed})
	}
	return out, nil
}

// tableInput is one table waiting to be planned.
type tableInput struct {
	table *Table
	comma rune
	file  int // index in Result.Files
}

func read(ctx context.Context, paths []string, opts Options, open func(string) (io.ReadCloser, error), osFiles bool) (*Input, error) {
	vocab := opts.Vocabulary
	if vocab == nil {
		vocab = DefaultVocabulary()
	}
	res := &Input{}
	// A file saved or replaced while ingest reads it is detected (ErrChanged).
	var watch fileWatch
	if osFiles {
		open = watch.wrap(open)
	}
	b := newBuilder(vocab, opts.Known)
	b.ctx = ctx
	b.aliases = opts.Aliases
	b.prog = newProgress(opts.Progress)
	defer b.prog.done()
	fail := func(err error) (*Input, error) {
		b.links.close()
		b.parts.close()
		res.tmp = &b.tmp
		res.Close()
		return nil, err
	}
	var tables []tableInput
	type graphInput struct {
		g    *graphSource
		file int // index in res.Files
	}
	var graphs []graphInput
	for fi, p := range paths {
		info := FileInfo{Path: p}
		f, err := open(p)
		if err == nil && osFiles {
			if st, serr := os.Stat(p); serr == nil && st.IsDir() {
				f.Close()
				err = errors.New("is a directory")
			}
		}
		if err != nil {
			hint := "check the path"
			if fi, serr := os.Stat(p); osFiles && serr == nil && fi.IsDir() {
				hint = "this is a directory: give the files in it, e.g. " + filepath.Join(p, "*.csv")
			}
			b.errs.add(Problem{File: p, Err: fmt.Errorf("%w: %v", ErrFormat, err), Hint: hint})
			res.Files = append(res.Files, info)
			continue
		}
		if format := formatOf(p, nil); format == "csv" {
			info.Format = format
			cs, facts, problems := inspectCSV(p, f, func() (io.ReadCloser, error) { return open(p) })
			info.SHA256, info.Compressed = facts.sha256, facts.compressed
			b.errs.add(problems...)
			if cs != nil {
				info.Encoding, info.Delimiter = cs.charset, delimiterName(cs.comma)
				if cs.charset == charsetCP1252 {
					b.warns.add(Problem{File: p, Line: facts.invalidLine,
						Err:  fmt.Errorf("not UTF-8: read as Windows-1252 (Latin-1)"),
						Hint: "if accented letters look wrong, save the file as CSV UTF-8"})
				}
				t := &Table{File: p, Header: cs.header, HeaderLine: cs.headerLine, stream: cs}
				tables = append(tables, tableInput{t, cs.comma, fi})
			}
			res.Files = append(res.Files, info)
			continue
		}
		if format := formatOf(p, nil); format == "graphml" || format == "gexf" {
			info.Format = format
			info.SHA256, info.Compressed, err = digest(f)
			if err != nil {
				b.errs.add(Problem{File: p, Err: fmt.Errorf("%w: %v", ErrFormat, err), Hint: "check the file"})
				res.Files = append(res.Files, info)
				continue
			}
			source := map[string]func(string, func() (io.ReadCloser, error)) (*graphSource, []Problem){
				"graphml": graphMLSource, "gexf": gexfSource}[format]
			g, problems := source(p, func() (io.ReadCloser, error) {
				return openText(func() (io.ReadCloser, error) { return open(p) })
			})
			b.errs.add(problems...)
			if g != nil {
				graphs = append(graphs, graphInput{g, fi})
			}
			res.Files = append(res.Files, info)
			continue
		}
		raw, err := readWhole(f)
		f.Close()
		if err != nil {
			b.errs.add(Problem{File: p, Err: fmt.Errorf("%w: %v", ErrFormat, err), Hint: "check the file"})
			res.Files = append(res.Files, info)
			continue
		}
		sum := sha256.Sum256(raw)
		info.SHA256 = hex.EncodeToString(sum[:])
		info.Compressed = isGzip(raw)
		info.Format = formatOf(p, raw)
		data, err := gunzip(raw)
		if err != nil {
			b.errs.add(Problem{File: p, Err: err, Hint: "the file looks gzip-compressed but cannot be decompressed"})
			res.Files = append(res.Files, info)
			continue
		}
		switch info.Format {
		case "xlsx":
			ts, err := readWorkbook(p, data, osFiles && !info.Compressed)
			if err != nil {
				if !errors.Is(err, ErrFormat) {
					err = fmt.Errorf("%w: %w", ErrFormat, err)
				}
				b.errs.add(Problem{File: p, Err: err, Hint: "save the workbook again as .xlsx, or export each sheet as CSV"})
				break
			}
			for i := range ts {
				info.Records += len(ts[i].Rows)
				if problems := repeatedColumns(displayName(&ts[i]), ts[i].HeaderLine, ts[i].Header); len(problems) > 0 {
					b.errs.add(problems...)
					continue
				}
				tables = append(tables, tableInput{&ts[i], ';', fi})
			}
		case "json":
			d, problems := readJSON(bytes.NewReader(data), p)
			b.errs.add(problems...)
			if d != nil {
				graphs = append(graphs, graphInput{inMemory(d), fi})
			}
		default:
			b.errs.add(Problem{File: p, Err: fmt.Errorf("%w: unknown format", ErrFormat),
				Hint: "give a .csv, .tsv, .xlsx, .graphml, .gexf or .json file (optionally .gz)"})
		}
		res.Files = append(res.Files, info)
	}
	if opts.Mapping != nil && len(tables) == 0 && len(graphs) > 0 {
		b.warns.add(Problem{Err: errors.New("the column mapping was not used: it applies to CSV and XLSX tables, and these are graph or JSON files"),
			Hint: "GraphML and GEXF attributes are matched by name (family, famille, country, pays…): rename the attribute in the file"})
	}

	// Plan every table, then read them in the order actors, projects, links,
	// participations so that references can be checked row by row.
	var plans, lookupPlans []*plan
	reg := lookups{}
	// A spreadsheet sheet whose header is that of no table (a "Notes" sheet)
	// is skipped with a warning, unless no sheet of its workbook is a table.
	unknownSheets := map[int][]Problem{}
	for _, in := range tables {
		secs := sectionsFor(opts.Mapping, in.table)
		if len(secs) == 0 {
			secs = []*Section{nil}
		}
		for _, sec := range secs {
			if sec != nil && sec.Kind == KindSkip {
				res.Files[in.file].Tables = append(res.Files[in.file].Tables, string(KindSkip))
				continue
			}
			p, problems := newPlan(in.table, sec, in.comma, reg)
			if p == nil && sec == nil && in.table.Sheet != "" && len(problems) == 1 && problems[0].Field == "" {
				if k := sheetKind(in.table.Sheet); k != "" {
					// Named as a table: never skipped.
					problems[0].Err = fmt.Errorf("%w: sheet %q is named as a table of %s, but its header (%s) is not that of one",
						ErrMissingColumn, in.table.Sheet, k, strings.Join(in.table.Header, ", "))
					problems[0].Hint = sheetHint(in.table, k)
					b.errs.add(problems...)
					continue
				}
				problems[0].Hint = "this sheet was skipped; " + problems[0].Hint
				unknownSheets[in.file] = append(unknownSheets[in.file], problems[0])
				continue
			}
			b.errs.add(problems...)
			if p == nil {
				continue
			}
			if p.kind == KindLookup {
				lookupPlans = append(lookupPlans, p)
			} else {
				plans = append(plans, p)
			}
			res.Files[in.file].Tables = append(res.Files[in.file].Tables, string(p.kind))
		}
	}
	for file, problems := range unknownSheets {
		if len(res.Files[file].Tables) == 0 {
			b.errs.add(problems...)
		} else {
			b.warns.add(problems...)
		}
	}
	b.readLookups(lookupPlans, reg)
	for _, p := range plans {
		for _, name := range p.uses {
			if _, ok := reg[name]; !ok {
				b.warns.add(Problem{File: displayName(p.table), Line: p.table.HeaderLine,
					Err:  fmt.Errorf("no lookup table %q: the values that come from it are missing", name),
					Hint: fmt.Sprintf("give the file of the lookup table too, mapped by a section with kind = lookup and name = %q", name)})
				reg[name] = map[string]string{}
			}
		}
	}
	for _, p := range plans {
		switch p.kind {
		case KindActors:
			b.declaredActors = true
		case KindProjects:
			b.declaredProjects = true
		}
	}
	for _, in := range graphs {
		if len(in.g.nodes.Actors) > 0 {
			b.declaredActors = true
		}
		if len(in.g.nodes.Projects) > 0 {
			b.declaredProjects = true
		}
	}
	// Rows are released once every plan of their table has been read.
	uses := make(map[*Table]int)
	for _, p := range plans {
		uses[p.table]++
	}
	for _, k := range kinds {
		if k == KindLinks {
			for _, in := range graphs {
				info := &res.Files[in.file]
				links, parts := b.addGraph(in.g, info.Path)
				info.Records = len(in.g.nodes.Actors) + len(in.g.nodes.Projects) + links + parts
				info.Tables = graphKinds(len(in.g.nodes.Actors), len(in.g.nodes.Projects), links, parts)
			}
		}
		for _, p := range plans {
			if p.kind != k {
				continue
			}
			switch k {
			case KindActors:
				b.addActors(p)
			case KindProjects:
				b.addProjects(p)
			case KindLinks:
				b.addLinks(p)
			case KindParticipations:
				b.addParticipations(p)
			}
			if uses[p.table]--; uses[p.table] == 0 {
				p.table.Rows = nil
			}
		}
	}
	for _, in := range tables {
		if cs := in.table.stream; cs != nil {
			res.Files[in.file].Records = cs.records
		}
	}
	if err := ctx.Err(); err != nil {
		// The problems are those of files that could not be read to the end.
		return fail(fmt.Errorf("reading the input: %w", err))
	}
	b.errs.add(watch.problems()...)
	if b.errs.len() > 0 {
		return fail(&ValidationError{Problems: b.errs.sorted("problems"), More: b.errs.more})
	}
	res.tmp = &b.tmp
	if err := b.finish(res); err != nil {
		return fail(err)
	}
	if err := ctx.Err(); err != nil {
		return fail(fmt.Errorf("reading the input: %w", err))
	}
	res.Warnings = b.warns.sorted("warnings")
	return res, nil
}

// readWorkbook reads an XLSX file from its path, or from its bytes through a
// temporary file when it does not come from disk as is (fs.FS, gzip).
func readWorkbook(p string, data []byte, onDisk bool) ([]Table, error) {
	if onDisk {
		return readXLSX(p)
	}
	f, err := os.CreateTemp("", "alliances-*.xlsx")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	ts, err := readXLSX(f.Name())
	for i := range ts {
		ts[i].File = p
	}
	if err != nil {
		err = errors.New(strings.ReplaceAll(err.Error(), f.Name(), p))
		err = fmt.Errorf("%w: %v", ErrFormat, err)
	}
	return ts, err
}

// firstInvalidLine is the line of the first byte of data that is not UTF-8.
func firstInvalidLine(data []byte) int {
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return 0
}

// displayName names a table in problems: the file, and the sheet of a
// workbook (book.xlsx[Partners]). Provenance keeps the file's path alone.
func displayName(t *Table) string {
	if t.Sheet != "" {
		return t.File + "[" + t.Sheet + "]"
	}
	return t.File
}

// sectionsFor returns the mapping sections that apply to a table: the
// sections whose pattern matches the file, or else the global sections whose
// columns are all in the header.
func sectionsFor(m *Mapping, t *Table) []*Section {
	if m == nil {
		return nil
	}
	var named, global []*Section
	have := make(map[string]bool, len(t.Header))
	for _, h := range t.Header {
		have[key(h)] = true
	}
	for _, s := range m.Sections {
		if s.Pattern != "" {
			if s.matches(t.File, t.Sheet) {
				named = append(named, s)
			}
			continue
		}
		all := true
		for _, c := range s.columns() {
			if !have[key(c)] {
				all = false
			}
		}
		if all {
			global = append(global, s)
		}
	}
	if len(named) > 0 {
		return named
	}
	return global
}

// formatOf chooses the format of a file by its extension (after .gz).
func formatOf(p string, raw []byte) string {
	name := strings.ToLower(p)
	name = strings.TrimSuffix(name, ".gz")
	switch path.Ext(name) {
	case ".csv", ".tsv", ".txt", ".tab":
		return "csv"
	case ".xlsx", ".xlsm":
		return "xlsx"
	case ".graphml":
		return "graphml"
	case ".gexf":
		return "gexf"
	case ".json":
		return "json"
	}
	if bytes.HasPrefix(raw, []byte("PK\x03\x04")) {
		return "xlsx"
	}
	return ""
}

func delimiterName(r rune) string {
	switch r {
	case '\t':
		return "tab"
	case 0:
		return ""
	}
	return string(r)
}

// graphKinds lists the kinds of table a graph or JSON file holds.
func graphKinds(actors, projects, links, parts int) []string {
	var out []string
	for i, n := range []int{actors, projects, links, parts} {
		if n > 0 {
			out = append(out, string(kinds[i]))
		}
	}
	return out
}

// sortProblems orders problems by file, line and column; problems about the
// whole ingest (no file) come last.
func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if (a.File == "") != (b.File == "") {
			return b.File == ""
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// digest reads f to its end and closes it: the hex SHA-256 of its bytes, and
// whether they are gzip-compressed.
func digest(f io.ReadCloser) (sum string, compressed bool, err error) {
	defer f.Close()
	h := sha256.New()
	br := bufio.NewReaderSize(f, 64<<10)
	magic, _ := br.Peek(2)
	if _, err := io.Copy(h, br); err != nil {
		return "", false, err
	}
	return hex.EncodeToString(h.Sum(nil)), isGzip(magic), nil
}

// openText opens a file with open, decompressed when it is gzip-compressed.
func openText(open func() (io.ReadCloser, error)) (io.ReadCloser, error) {
	f, err := open()
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(f, 64<<10)
	if magic, _ := br.Peek(2); !isGzip(magic) {
		return struct {
			io.Reader
			io.Closer
		}{br, f}, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("gzip: %v", err)
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, closers{zr, f}}, nil
}

// closers closes each of its elements.
type closers []io.Closer

func (cs closers) Close() error {
	var errs []error
	for _, c := range cs {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}

// inMemory is a graph source of a dataset read whole (a JSON file).
func inMemory(d *graph.Dataset) *graphSource {
	return &graphSource{nodes: &graph.Dataset{Actors: d.Actors, Projects: d.Projects},
		edges: func(link func(graph.Link), part func(graph.Participation)) []Problem {
			for _, l := range d.Links {
				link(l)
			}
			for _, p := range d.Participations {
				part(p)
			}
			return nil
		}}
}

// sheetHint tells how to read a sheet named as a table of kind k whose
// header is not recognised: map its columns.
func sheetHint(t *Table, k Kind) string {
	var fields []string
	for _, f := range kindFields[k] {
		fields = append(fields, fmt.Sprintf("%s = COLUMN", f.name))
	}
	return fmt.Sprintf("map its columns with --mapping FILE and a section [%s#%s] holding kind = %s and %s (docs/ingest.md, Column mappings), "+
		"or rename them: %s", filepath.Base(t.File), t.Sheet, k, strings.Join(fields[:min(3, len(fields))], ", "), aliasesHint(k))
}

// aliasesHint lists the recognised column names of the fields of kind k.
func aliasesHint(k Kind) string {
	var parts []string
	for _, f := range kindFields[k] {
		parts = append(parts, fmt.Sprintf("%s (%s)", f.name, aliasesOf(k, f.name)))
	}
	return strings.Join(parts, "; ")
}
