#!/usr/bin/env bash
# bench/explore.sh — times "alliances serve" on the demo, keep.eu and H2020:
# how long the server takes to be ready (load, layout from the cache, analysis),
# its memory, and when headless Chromium has painted the first view (the
# preview of a large view) and the whole view, measured by the page from the
# start of its navigation (state.timing), and when the test saw it, from
# the moment it asked for a new tab; RUNS times each, side by side. keep.eu
# and H2020 need the data sets (docs/datasets.md): ALLIANCES_DATASETS=DIR,
# else shared/datasets beside the repository. Prints a Markdown table.
#
#   bash bench/explore.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
D=${ALLIANCES_DATASETS:-../shared/datasets}
tmp=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"' EXIT
go build -o "$tmp/alliances" ./cmd/alliances
go test -c -o "$tmp/explore.test" ./explore
A="$tmp/alliances"

"$A" ingest --quiet --store "$tmp/demo.db" examples/loire-souss/*.csv
stores=(demo)
if [ -d "$D/keep-interreg-2014-2020" ]; then
	"$A" ingest --quiet --store "$tmp/keep.db" --mapping examples/mappings/keep-interreg.map \
		"$D/keep-interreg-2014-2020/keep_closed_1420_Partnership.csv"
	stores+=(keep)
fi
if [ -d "$D/h2020-participations" ]; then
	"$A" ingest --quiet --store "$tmp/h2020.db" --mapping examples/mappings/h2020.map \
		"$D/h2020-participations/h2020.csv.gz" "$D/h2020-participations/programme_parts.csv.gz"
	stores+=(h2020)
fi

port=18790
declare -A url ready
for s in "${stores[@]}"; do
	port=$((port + 1))
	# A first run fills the layout cache, as the first "map" or "serve" of a
	# store does; the timed one reads it.
	"$A" serve --quiet --store "$tmp/$s.db" --addr "127.0.0.1:$port" >"$tmp/$s.warm" 2>&1 &
	p=$!
	until grep -q open "$tmp/$s.warm" 2>/dev/null; do
		kill -0 "$p" 2>/dev/null || { cat "$tmp/$s.warm" >&2; exit 1; } # e.g. the port is taken
		sleep 0.2
	done
	kill "$p"; wait "$p" 2>/dev/null || true
	start=$(date +%s.%N)
	/usr/bin/time -f "%M" -o "$tmp/$s.rss" "$A" serve --quiet --store "$tmp/$s.db" --addr "127.0.0.1:$port" >"$tmp/$s.log" 2>&1 &
	p=$!
	pids+=("$p")
	until grep -q open "$tmp/$s.log" 2>/dev/null; do
		kill -0 "$p" 2>/dev/null || { cat "$tmp/$s.log" >&2; exit 1; }
		sleep 0.2
	done
	ready[$s]=$(printf "%.2f" "$(echo "$(date +%s.%N) - $start" | bc)")
	url[$s]="http://127.0.0.1:$port/"
done

echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(chromium --version 2>/dev/null | head -1)."
echo
echo "| store | server ready (s) | run | first view painted (s) | whole view painted (s) | seen by the test (s) | server RSS after (MiB) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for r in $(seq 1 "$runs"); do
	for s in "${stores[@]}"; do
		line=$(EXPLORE_URL="${url[$s]}" EXPLORE_SCREENSHOTS="$tmp" "$tmp/explore.test" -test.count=1 -test.run Screenshots -test.v 2>&1 | grep 'en: first view' || true)
		seen=$(echo "$line" | sed -n 's/.*by the test \([0-9.]*\)s.*/\1/p')
		ms() { echo "$line" | sed -n "s/.*[[ ]$1:\([0-9.]*\).*/\1/p" | cut -d. -f1; }
		sec() { printf "%.2f" "$(echo "scale=3; $1 / 1000" | bc)"; }
		pid=$(pgrep -f "serve --quiet --store $tmp/$s.db" | tail -1)
		rss=$(($(ps -o rss= -p "$pid") / 1024))
		echo "| $s | ${ready[$s]} | $r | $(sec "$(ms first)") | $(sec "$(ms painted)") | $seen | $rss |"
	done
done
