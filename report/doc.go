// Package report writes reproducible analysis reports of a cooperation network
// in French and English: a self-contained HTML page, a Markdown page with its
// map files, and the underlying tables as CSV and JSON (docs/reports.md).
//
// Write lays a report out in a directory:
//
//	DIR/report.html        self-contained: CSS and maps (SVG) inline, no external resource
//	DIR/report.md          the same text in Markdown, maps linked from maps/
//	DIR/maps/*.svg, *.png  the whole network, the isolated view, the ego network of the top broker
//	DIR/tables/*.csv, *.json  per-actor metrics, network metrics, families, projects, isolated actors
//
// The report has seven sections: data and validation warnings, overview, key
// actors, complementarity of families, alliances and projects, isolated actors
// with suggested partners, and methods (definitions, parameters, seed, input
// file hashes, tool version and date).
//
// Output is deterministic: the same input, seed and date give the same bytes
// in every file. Options.Date is the only part of the report that varies from
// day to day. Texts come from a small message catalogue; numbers in the
// human-readable text follow the language (decimal comma in French), while CSV
// and JSON always use the machine format (decimal point, shortest exact
// representation, undefined values empty in CSV and null in JSON).
package report
