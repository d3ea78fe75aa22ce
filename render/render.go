package render

import (
	"context"
	"fmt"
	"io"

	"github.com/alliances/alliances/layout"
)

// Render writes the map that opts describe to w in format: "svg", "png",
// "pdf" or "dot" (see FormatFromPath). The same input, options and engine
// give the same bytes.
//
// SVG is written by Graphviz, native or embedded. PNG is written by the
// native Graphviz (cairo) when it is used. Otherwise PNG, and PDF always,
// are drawn by this package from the layout that Graphviz writes as xdot
// JSON: the embedded Graphviz writes PNG without strokes and empty PDF, and
// the native cairo PDF is not byte-for-byte reproducible.
func Render(ctx context.Context, w io.Writer, format string, in Input, opts Options) error {
	switch format {
	case "svg", "png", "pdf", "dot":
	default:
		return fmt.Errorf("%w: %q (want svg, png, pdf or dot)", ErrFormat, format)
	}
	out, err := render(ctx, format, in, opts)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// render returns the map in format, which may also be "json": the final
// layout as Graphviz's xdot JSON, which the tests read.
func render(ctx context.Context, format string, in Input, opts Options) ([]byte, error) {
	s, err := newScene(in, opts)
	if err != nil {
		return nil, err
	}
	src := s.dot(nil)
	if format == "dot" {
		return src, nil
	}
	st := s.style()
	native, err := useNative(s.opts.Engine, st.layout)
	if err != nil {
		return nil, err
	}
	prog := st.layout
	switch {
	case s.opts.Cluster != "":
		pl, err := clusterPlacement(ctx, native, s)
		if err != nil {
			return nil, err
		}
		src, prog = s.dot(pl), "nop2"
	case s.sharesLayout():
		lay := in.Layout
		if lay == nil {
			if lay, err = layout.Compute(ctx, in.Network, layout.Options{Seed: s.opts.Seed}); err != nil {
				return nil, err
			}
		}
		pl, err := s.fromLayout(lay)
		if err != nil {
			return nil, err
		}
		src, prog = s.dot(pl), "nop2"
	case s.opts.View == ViewEgo:
		pl := s.egoPlacement(in.Layout)
		src, prog = s.dot(pl), "nop2"
	default:
		s.bare = true
		bare := s.dot(nil)
		s.bare = false
		pos, err := layoutPass(ctx, native, bare, st.layout)
		if err != nil {
			return nil, err
		}
		var pl *placement
		if st.layout == "sfdp" {
			pl = spread(pos, s.diameters(st))
		} else {
			pl = keep(pos)
		}
		src, prog = s.dot(pl), "nop2"
	}
	var out []byte
	switch {
	case native && format == "svg":
		out, err = runNative(ctx, src, prog, "svg")
		out = compactSVG(out)
	case native && format == "png":
		// size (inches, a maximum) keeps the longer side within MaxPixels.
		dpi := s.pngDPI()
		side := float64(MaxPixels) / float64(dpi)
		out, err = runNative(ctx, src, prog, "png", fmt.Sprintf("-Gdpi=%d", dpi), fmt.Sprintf("-Gsize=%.3f,%.3f", side, side))
	case format == "svg":
		out, err = runEmbedded(ctx, src, prog, "svg")
		out = compactSVG(out)
	default:
		// PDF is always drawn from the layout: the native cairo PDF writes
		// text positions whose last digit varies between runs.
		var js []byte
		if native {
			js, err = runNative(ctx, src, prog, "json")
		} else {
			js, err = runEmbedded(ctx, src, prog, "json")
		}
		if err != nil || format == "json" {
			return js, err
		}
		var lay *xlayout
		if lay, err = parseLayout(js); err != nil {
			return nil, err
		}
		if format == "png" {
			out, err = drawPNG(lay, float64(s.pngDPI())/72)
		} else {
			out, err = drawPDF(lay, s.opts.Page, s.opts.Date)
		}
	}
	return out, err
}

// pngDPI is the resolution of PNG maps: Options.DPI, else 144 dpi for
// views of up to 400 actors and 96 for larger ones, which are drawn larger.
func (s *scene) pngDPI() int {
	switch {
	case s.opts.DPI > 0:
		return s.opts.DPI
	case len(s.actors) > 400:
		return 96
	}
	return 144
}
