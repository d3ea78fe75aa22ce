#!/usr/bin/env bash
# bench/maps.sh — times a 2,000-actor / 6,000-tie map (SVG, PNG, PDF) with the
# embedded and the native Graphviz, side by side with native `sfdp -Tsvg` on
# the same DOT document, and writes the table into the "Maps" section of
# docs/benchmarks.md.
#
#   bash bench/maps.sh [ACTORS TIES RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
actors=${1:-2000}
ties=${2:-6000}
runs=${3:-3}
out=$(mktemp)
trap 'rm -f "$out" "$out.md"' EXIT
go run ./bench/mapgen -actors "$actors" -ties "$ties" -runs "$runs" -dot "${TMPDIR:-/tmp}/alliances-map-bench.dot" >"$out"
cat "$out"
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
native=$( (sfdp -V 2>&1 || true) | head -1)
{
	echo "## Maps"
	echo
	echo "Target (issue 5): a 2,000-actor / 6,000-tie map in SVG in < 3 s, within"
	echo "1.5× of native \`sfdp -Tsvg\` on the same DOT. Reproduce with"
	echo "\`bash bench/maps.sh\` (it rewrites this section); measured $(date -u +%Y-%m-%d), load average $load, ${native:-no native Graphviz}."
	echo
	cat "$out"
	echo
	echo "alliances lays large maps out in two passes (sfdp, then the positions are"
	echo "spread and drawn with \`neato -n2\`), so it does more than one \`sfdp -Tsvg\`;"
	echo "with the embedded Graphviz (WebAssembly) the layout itself is about twice"
	echo "as slow as native. \`--engine auto\` therefore uses the native programs"
	echo "when they are installed. See docs/maps.md."
	echo
} >"$out.md"
doc=docs/benchmarks.md
[ -f "$doc" ] || printf '# Benchmarks\n\n' >"$doc"
# Replace the "## Maps" section (up to the next "## " heading) or append it.
awk -v new="$out.md" '
	BEGIN { while ((getline l < new) > 0) sec = sec l "\n" }
	/^## Maps[[:space:]]*$/ { printf "%s", sec; skip = 1; done = 1; next }
	skip && /^## / { skip = 0 }
	!skip { print }
	END { if (!done) printf "\n%s", sec }
' "$doc" >"$doc.tmp" && mv "$doc.tmp" "$doc"
echo "wrote the Maps section of $doc"
