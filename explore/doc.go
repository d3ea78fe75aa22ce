// Package explore serves the local web explorer of a store (docs/explorer.md,
// "alliances serve"): one page, whose every asset is embedded in the binary,
// and a read-only JSON API that returns the result types of the command line
// (analysis.Result, query.Ego, query.Path…) plus the drawing of a network at
// the positions of its maps. docs/explorer.md documents the API.
//
// The server loads the store once and answers from memory; it never writes.
// It only answers requests whose Host header names the address it listens on
// by an IP literal or "localhost" (no DNS rebinding), and every response
// carries a Content-Security-Policy that forbids any request outside the
// server.
package explore
