package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/alliances/alliances/graph"
)

// Input is the validated content of input files, ready to be stored. Actors
// and projects are held in memory; links and participations, which make the
// bulk of large inputs, are kept in temporary files when they are many, so
// that storing them through Batches takes memory that does not grow with the
// size of the input. Close removes the temporary files.
type Input struct {
	// Actors and Projects are sorted by id.
	Actors   []graph.Actor
	Projects []graph.Project
	// Warnings are problems that do not block the ingest.
	Warnings []Problem
	// Files describes the files read, in the order given.
	Files []FileInfo
	// NearDuplicates are the groups of actors with near-duplicate names
	// that the warnings name, for an alias file (WriteAliases).
	NearDuplicates []NearDuplicate

	links *records[graph.Link]
	parts *records[graph.Participation]
	tmp   *tempDir
}

// Links and Participations return the number of links and participations.
func (in *Input) Links() int          { return in.links.n }
func (in *Input) Participations() int { return in.parts.n }

// Counts describes the records of in, e.g. "38 actors, 52 links, 6 projects,
// 71 participations".
func (in *Input) Counts() string {
	return fmt.Sprintf("%d actors, %d links, %d projects, %d participations",
		len(in.Actors), in.Links(), len(in.Projects), in.Participations())
}

// Batches returns the records of in as graph.Batches of at most size records
// each, for Store.PutBatches. The parts are reused from one call of yield to
// the next.
func (in *Input) Batches(size int) graph.Batches {
	return func(yield func(*graph.Dataset) error) error {
		part := &graph.Dataset{}
		n := 0
		add := func() error {
			if n++; n < size {
				return nil
			}
			err := yield(part)
			clear(part.Links)
			clear(part.Participations)
			*part = graph.Dataset{Links: part.Links[:0], Participations: part.Participations[:0]}
			n = 0
			return err
		}
		for i := range in.Actors {
			part.Actors = append(part.Actors, in.Actors[i])
			if err := add(); err != nil {
				return err
			}
		}
		for i := range in.Projects {
			part.Projects = append(part.Projects, in.Projects[i])
			if err := add(); err != nil {
				return err
			}
		}
		if err := in.links.each(func(l *graph.Link) error {
			part.Links = append(part.Links, *l)
			return add()
		}); err != nil {
			return err
		}
		if err := in.parts.each(func(p *graph.Participation) error {
			part.Participations = append(part.Participations, *p)
			return add()
		}); err != nil {
			return err
		}
		if n > 0 {
			return yield(part)
		}
		return nil
	}
}

// Dataset returns every record of in, in memory.
func (in *Input) Dataset() (*graph.Dataset, error) {
	d := &graph.Dataset{Actors: in.Actors, Projects: in.Projects,
		Links: make([]graph.Link, 0, in.Links()), Participations: make([]graph.Participation, 0, in.Participations())}
	if err := in.links.each(func(l *graph.Link) error { d.Links = append(d.Links, *l); return nil }); err != nil {
		return nil, err
	}
	if err := in.parts.each(func(p *graph.Participation) error {
		d.Participations = append(d.Participations, *p)
		return nil
	}); err != nil {
		return nil, err
	}
	return d, nil
}

// Close removes the temporary files of in.
func (in *Input) Close() error {
	if in == nil {
		return nil
	}
	var errs []error
	if in.links != nil {
		errs = append(errs, in.links.close())
	}
	if in.parts != nil {
		errs = append(errs, in.parts.close())
	}
	return errors.Join(append(errs, in.tmp.remove())...)
}

// tempDir is a temporary directory created when first needed.
type tempDir struct{ dir string }

func (t *tempDir) path() (string, error) {
	if t.dir == "" {
		sweepTempDirs()
		dir, err := os.MkdirTemp("", fmt.Sprintf("%s%d-*", tempPrefix, os.Getpid()))
		if err != nil {
			return "", fmt.Errorf("temporary directory for a large ingest: %w (set TMPDIR to a directory with room)", err)
		}
		t.dir = dir
	}
	return t.dir, nil
}

// tempPrefix starts the names of the temporary directories of ingests,
// followed by the process id.
const tempPrefix = "alliances-ingest-"

// sweepTempDirs removes the temporary directories that ingests killed before
// they could clean up (kill -9, power loss) left behind: those of processes
// that no longer run. Only on Unix, where signal 0 tells whether a process
// exists.
func sweepTempDirs() {
	if runtime.GOOS == "windows" {
		return
	}
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), tempPrefix+"*-*"))
	for _, dir := range dirs {
		pid, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(filepath.Base(dir), tempPrefix), "-", 2)[0])
		if err != nil || pid == os.Getpid() {
			continue
		}
		if p, err := os.FindProcess(pid); err == nil && errors.Is(p.Signal(syscall.Signal(0)), os.ErrProcessDone) {
			os.RemoveAll(dir)
		}
	}
}

func (t *tempDir) remove() error {
	if t == nil || t.dir == "" {
		return nil
	}
	err := os.RemoveAll(t.dir)
	t.dir = ""
	return err
}
