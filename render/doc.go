// Package render draws network maps of cooperation networks (docs/maps.md) through
// Graphviz: it writes a deterministic DOT document for a view of a
// graph.Network, lays it out, and renders it as SVG, PNG or PDF.
//
// Colour is the actor's family (Okabe–Ito colour-blind-safe palette, the same
// colour for a family on every map), node area is proportional to a chosen
// metric, shape is the actor's level, edge width grows with the logarithm of
// the tie weight, and every map has a title, a legend and a caption.
//
// Maps are laid out in two passes: Graphviz (neato for small views, sfdp for
// larger ones, each cluster on its own for clustered views) gives node
// positions; this package spreads large layouts, arranges clusters in
// disjoint boxes and places the names where they cover no other name; then
// Graphviz draws the map with the nodes pinned (neato -n2).
//
// Graphviz is the native one (sfdp, neato, dot) when it is on PATH, and
// otherwise the Graphviz compiled to WebAssembly that go-graphviz embeds, so
// maps work with nothing installed. The embedded Graphviz writes correct SVG
// but broken PNG and PDF, so PNG without native programs, and PDF always,
// are drawn by this package from the layout that Graphviz writes as xdot
// JSON (-Tjson): see docs/maps.md.
package render
