// Package compare compares successive slices of a cooperation network — the
// phases of a programme, the years of project start, or chosen periods — and
// measures how alliances last ("alliances compare", docs/compare.md): per slice,
// between successive slices, and across all of them.
//
// Each slice is a graph.Slice of the dataset, analysed as a network of its
// own by package analysis, so that the numbers of a slice here are those of
// "alliances analyze" with the same slice flags.
package compare
