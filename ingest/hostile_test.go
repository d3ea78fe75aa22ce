package ingest

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The inputs of issue #16, findings 6 and 7: hostile files whose memory
// followed their content, and files that lost rows silently.

// gzipFile writes a gzip file whose content is written by fill.
func gzipFile(t *testing.T, path string, fill func(w io.Writer)) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestSpeed)
	fill(zw)
	zw.Close()
	f.Close()
}

// repeat writes n bytes of b to w.
func repeat(w io.Writer, b byte, n int) {
	chunk := bytes.Repeat([]byte{b}, 1<<20)
	for n > 0 {
		k := min(n, len(chunk))
		w.Write(chunk[:k])
		n -= k
	}
}

// allocated returns the bytes that fn allocates.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// openErr runs Open on paths and returns its error (closing a result).
func openErr(t *testing.T, paths ...string) error {
	t.Helper()
	in, err := Open(context.Background(), paths, Options{})
	if err == nil {
		in.Close()
	}
	return err
}

// hugeField is the size of the hostile field, cell or text run: 256 MB,
// 64 times the limit, written in a gzip file of a few hundred KB.
const hugeField = 256 << 20

func TestHugeCSVFieldIsRefusedInBoundedMemory(t *testing.T) {
	dir := t.TempDir()
	for name, fill := range map[string]func(w io.Writer){
		"field.csv.gz": func(w io.Writer) {
			io.WriteString(w, "id,name,family\na1,\"")
			repeat(w, 'x', hugeField)
			io.WriteString(w, "\",ong\n")
		},
		"quote-left-open.csv.gz": func(w io.Writer) {
			io.WriteString(w, "id,name,family\na1,\"open,ong\n")
			for range hugeField / 64 { // 60 MB
				io.WriteString(w, "a2,name,ong\r\n\n")
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			gzipFile(t, p, fill)
			var err error
			n := allocated(func() { err = openErr(t, p) })
			if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "longer than 4 MB") || !strings.Contains(err.Error(), ":2:") {
				t.Errorf("got %v", err)
			}
			if n > 64<<20 {
				t.Errorf("%d MB allocated for a file with a field of %d MB", n>>20, hugeField>>20)
			}
		})
	}
}

func TestHugeXMLTextIsRefusedInBoundedMemory(t *testing.T) {
	dir := t.TempDir()
	for name, fill := range map[string]func(w io.Writer){
		"whitespace.graphml.gz": func(w io.Writer) {
			io.WriteString(w, `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">`)
			repeat(w, ' ', hugeField)
			io.WriteString(w, `<node id="a"/></graph></graphml>`)
		},
		"attribute.gexf.gz": func(w io.Writer) {
			io.WriteString(w, `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="`)
			repeat(w, 'x', hugeField)
			io.WriteString(w, `"/></nodes></graph></gexf>`)
		},
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			gzipFile(t, p, fill)
			var err error
			n := allocated(func() { err = openErr(t, p) })
			if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "too long") {
				t.Errorf("got %v", err)
			}
			if n > 64<<20 {
				t.Errorf("%d MB allocated for a text run of %d MB", n>>20, hugeField>>20)
			}
		})
	}
}

// workbook writes an XLSX file with the given rows in sheet "Acteurs",
// then lets patch change its parts (name → content).
func workbook(t *testing.T, path string, rows [][]string, patch func(name string, b []byte) []byte) {
	t.Helper()
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Acteurs")
	for i, r := range rows {
		for j, c := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			f.SetCellStr("Acteurs", cell, c)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	out, _ := os.Create(path)
	defer out.Close()
	zw := zip.NewWriter(out)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		w, _ := zw.Create(zf.Name)
		w.Write(patch(zf.Name, b))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

var actorRows = [][]string{{"id", "nom", "famille"}, {"a1", "Ville de Nantes", "collectivite"}, {"a2", "GRET", "ong"}}

func TestWorkbookHugeSharedStringRefused(t *testing.T) {
	p := filepath.Join(t.TempDir(), "acteurs.xlsx")
	workbook(t, p, actorRows, func(name string, b []byte) []byte {
		if name != "xl/sharedStrings.xml" {
			return b
		}
		return bytes.Replace(b, []byte("GRET"), bytes.Repeat([]byte("G"), 64<<20), 1)
	})
	var err error
	n := allocated(func() { err = openErr(t, p) })
	if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "too long") {
		t.Errorf("got %v", err)
	}
	if n > 48<<20 {
		t.Errorf("%d MB allocated for a shared string of 64 MB", n>>20)
	}
}

func TestWorkbookCellOutsideSharedStrings(t *testing.T) {
	p := filepath.Join(t.TempDir(), "acteurs.xlsx")
	workbook(t, p, actorRows, func(name string, b []byte) []byte {
		if !strings.HasPrefix(name, "xl/worksheets/") {
			return b
		}
		// The first cell that refers to shared string 5 points beyond
		// the table of 9 strings instead.
		return bytes.Replace(b, []byte("<v>5</v>"), []byte("<v>42</v>"), 1)
	})
	err := openErr(t, p)
	if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), `sheet "Acteurs", cell `) || !strings.Contains(err.Error(), "refers to shared string 42, but the workbook has 9") {
		t.Errorf("got %v", err)
	}
}

func TestCROnlyLineEnds(t *testing.T) {
	dir := t.TempDir()
	actors := filepath.Join(dir, "acteurs.csv")
	os.WriteFile(actors, []byte("id;nom;famille\ra1;Ville de Nantes;collectivite\ra2;\"GRET\rParis\";ong\ra3;Enda;ong\r"), 0o644)
	links := filepath.Join(dir, "liens.csv")
	os.WriteFile(links, []byte("source;target\ra1;a2\ra2;a3\r"), 0o644)
	r, err := Read([]string{actors, links}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Dataset.Actors) != 3 || len(r.Dataset.Links) != 2 {
		t.Fatalf("%d actors, %d links: want 3 and 2", len(r.Dataset.Actors), len(r.Dataset.Links))
	}
	if got := r.Dataset.Actors[1].Name; got != "GRET\nParis" {
		t.Errorf("a quoted line break: %q", got)
	}
	if l := r.Dataset.Actors[2].Origin.Line; l != 5 {
		t.Errorf("a3 on line %d, want 5", l)
	}
}

func TestRepeatedHeaderColumn(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "acteurs.csv")
	os.WriteFile(p, []byte("id;id;nom;famille\na1;b1;Nantes;collectivite\n"), 0o644)
	err := openErr(t, p)
	if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "acteurs.csv:1:2") || !strings.Contains(err.Error(), "repeats the name of column 1") {
		t.Errorf("CSV: got %v", err)
	}
	x := filepath.Join(dir, "acteurs.xlsx")
	workbook(t, x, [][]string{{"id", "nom", "Nom ", "famille"}, {"a1", "Nantes", "N", "collectivite"}}, func(_ string, b []byte) []byte { return b })
	err = openErr(t, x)
	if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "repeats the name of column 2") {
		t.Errorf("XLSX: got %v", err)
	}
}

func TestGraphMLTwoRoots(t *testing.T) {
	p := filepath.Join(t.TempDir(), "two.graphml")
	one := `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>`
	os.WriteFile(p, []byte(`<?xml version="1.0"?>`+one+"\n"+strings.Replace(one, `"b"`, `"c"`, -1)), 0o644)
	err := openErr(t, p)
	if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "a second root element <graphml>") || !strings.Contains(err.Error(), "two.graphml:2:") {
		t.Errorf("got %v", err)
	}
}

// Warnings and errors are kept up to maxKept and counted beyond: twenty
// million repeated rows took 5.3 GB.
func TestProblemsKeptAreBounded(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "actors.csv")
	os.WriteFile(p, []byte("id,name,family\na1,Nantes,collectivite\na2,GRET,ong\n"), 0o644)
	var b strings.Builder
	b.WriteString("source,target\n")
	for range 3 * maxKept {
		b.WriteString("a1,a2\n") // repeated rows: a warning each
	}
	rep := filepath.Join(dir, "repeated.csv")
	os.WriteFile(rep, []byte(b.String()), 0o644)
	in, err := Open(context.Background(), []string{p, rep}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	if len(in.Warnings) != maxKept+1 || !strings.Contains(in.Warnings[maxKept].Error(), fmt.Sprintf("and %d more warnings", 2*maxKept-1)) {
		t.Errorf("%d warnings, the last: %v", len(in.Warnings), in.Warnings[len(in.Warnings)-1])
	}
	b.Reset()
	b.WriteString("source,target,weight\n")
	for range 3 * maxKept {
		b.WriteString("a1,a1,-1\n")
	}
	l := filepath.Join(dir, "links.csv")
	os.WriteFile(l, []byte(b.String()), 0o644)
	err = openErr(t, p, l)
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != maxKept+1 || ve.More == 0 {
		t.Fatalf("got %v", err)
	}
	if first := strings.SplitN(err.Error(), "\n", 2)[0]; !strings.HasPrefix(first, fmt.Sprint(len(ve.Problems)-1+ve.More, " problem(s)")) {
		t.Errorf("first line %q", first)
	}
}

func TestCROnlyLineEndsWindows1252(t *testing.T) {
	dir := t.TempDir()
	actors := filepath.Join(dir, "acteurs.csv")
	// "Régie" and "Élan" in Windows-1252 (é = 0xE9, É = 0xC9).
	os.WriteFile(actors, []byte("id;nom;famille\ra;R\xe9gie;collectivite\rb;\xc9lan;ong\r"), 0o644)
	links := filepath.Join(dir, "liens.csv")
	os.WriteFile(links, []byte("source;target\ra;b\r"), 0o644)
	r, err := Read([]string{actors, links}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Dataset.Actors) != 2 || r.Dataset.Actors[0].Name != "Régie" || r.Dataset.Actors[1].Name != "Élan" || len(r.Dataset.Links) != 1 {
		t.Errorf("got %+v", r.Dataset.Actors)
	}
}
