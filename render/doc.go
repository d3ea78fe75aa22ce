// Package render draws network maps of cooperation networks (SPEC §7) through
// Graphviz: it writes a deterministic DOT document for a view of a
// graph.Network, lays it out, and renders it as SVG, PNG or PDF.
//
// Colour is the actor's family (Okabe–Ito colour-blind-safe palette, the same
// colour for a family on every map), node area is proportional to a chosen
// metric, shape is the actor's level, edge width grows with the logarithm of
// the tie weight, and every map has a title, a legend and a caption.
//
// Layout uses the native Graphviz programs (sfdp, neato, fdp) when they are on
// PATH, and otherwise the Graphviz compiled to WebAssembly that go-graphviz
// embeds, so maps work with nothing installed. The embedded Graphviz writes
// correct SVG but broken PNG and PDF, so without native programs PNG and PDF
// are drawn by this package from the layout that Graphviz writes as xdot JSON
// (-Tjson): see docs/maps.md.
package render
