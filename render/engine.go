package render

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"
)

// useNative reports whether opts ask for the native Graphviz programs:
// Options.Engine, else the ALLIANCES_GRAPHVIZ environment variable, else
// whether the program of layout is on PATH.
func useNative(engine, layout string) (bool, error) {
	if engine == "" || engine == EngineAuto {
		engine = strings.ToLower(strings.TrimSpace(os.Getenv(EngineEnv)))
	}
	switch engine {
	case EngineEmbedded:
		return false, nil
	case EngineNative:
		if _, err := nativeProgram(layout); err != nil {
			return false, err
		}
		return true, nil
	case "", EngineAuto:
		_, err := nativeProgram(layout)
		return err == nil, nil
	}
	return false, fmt.Errorf("%w: engine %q in %s (want auto, embedded or native)", ErrBadOption, engine, EngineEnv)
}

// NativeAvailable reports whether native Graphviz programs are on PATH.
func NativeAvailable() bool {
	_, err := nativeProgram("sfdp")
	return err == nil
}

// nativeProgram finds the program that lays out with layout: the program of
// that name, or dot (which runs any layout with -K).
func nativeProgram(layout string) (string, error) {
	if p, err := exec.LookPath(layout); err == nil {
		return p, nil
	}
	if p, err := exec.LookPath("dot"); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("%w: neither %s nor dot is on PATH", ErrNoNative, layout)
}

// runNative lays out src with the native program and renders it in format
// (a Graphviz -T value), with extra command-line arguments.
func runNative(ctx context.Context, src []byte, layout, format string, extra ...string) ([]byte, error) {
	prog, err := nativeProgram(layout)
	if err != nil {
		return nil, err
	}
	args := append([]string{"-K" + layout, "-T" + format}, extra...)
	cmd := exec.CommandContext(ctx, prog, args...)
	cmd.Stdin = bytes.NewReader(src)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%w: %s -T%s: %v: %s", ErrGraphviz, layout, format, err, strings.TrimSpace(stderr.String()))
	}
	return out.Bytes(), nil
}

// embeddedCacheDir is where the native code compiled from the embedded
// Graphviz is kept between runs: alliances/graphviz in the user's cache
// directory ($XDG_CACHE_HOME or ~/.cache on Linux), or nowhere when there is
// none. go-graphviz (patched, third_party/go-graphviz/PATCHES.md) uses it
// only when no other user can write to it, and compiles without it (about a
// second) when it is unusable or full; it never uses the shared $TMPDIR
// (docs/reliability.md).
func embeddedCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil || !filepath.IsAbs(dir) {
		return ""
	}
	return filepath.Join(dir, "alliances", "graphviz")
}

// noFiles is a file system with no file.
type noFiles struct{}

func (noFiles) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// embedded serialises the use of the Graphviz embedded in go-graphviz: it is
// one WebAssembly module for the whole process.
var embedded struct {
	sync.Mutex
	gv *graphviz.Graphviz
}

// runEmbedded lays out src with the embedded Graphviz and renders it in
// format ("svg", "json", "dot"…).
func runEmbedded(ctx context.Context, src []byte, layout, format string) (out []byte, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	embedded.Lock()
	defer embedded.Unlock()
	if embedded.gv == nil {
		graphviz.SetCompilationCacheDir(embeddedCacheDir())
		// The DOT that render writes names no file: the module sees none
		// of the machine's (go-graphviz would give it every file).
		graphviz.SetFileSystem(noFiles{})
		gv, err := graphviz.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("%w: starting the embedded Graphviz: %v", ErrGraphviz, err)
		}
		embedded.gv = gv
	}
	// go-graphviz gives every node whose label is empty its name as label
	// (cgraph.setupNodeLabelIfEmpty); a blank label keeps nodes unlabelled.
	src = bytes.Replace(src, []byte(`node [label="", `), []byte(`node [label=" ", `), 1)
	g, err := graphviz.ParseBytes(src)
	if err != nil {
		return nil, fmt.Errorf("%w: parsing DOT: %v", ErrGraphviz, err)
	}
	defer func() {
		if cerr := g.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("%w: %v", ErrGraphviz, cerr)
		}
	}()
	embedded.gv.SetLayout(graphviz.Layout(layout))
	var buf bytes.Buffer
	if err := embedded.gv.Render(ctx, g, graphviz.Format(format), &buf); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%w: %s -T%s: %v", ErrGraphviz, layout, format, err)
	}
	if buf.Len() == 0 {
		return nil, fmt.Errorf("%w: %s -T%s wrote nothing", ErrGraphviz, layout, format)
	}
	return buf.Bytes(), nil
}
