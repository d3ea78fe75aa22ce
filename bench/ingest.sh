#!/usr/bin/env bash
# Ingest benchmark (issue 6): does the memory of `alliances ingest` grow with
# the size of the input file? Generates 10,000 actors and links files of
# 250,000, 1,000,000 and 2,000,000 rows (the format of ingest/bench_test.go),
# and runs side by side, in one run, for each size:
#   - alliances ingest --dry-run          (validation only)
#   - alliances ingest into a new store   (the embedded store)
#   - the same ingest again               (nothing changes)
#   - alliances ingest --dry-run of the same network exported as GraphML
# with /usr/bin/time: wall, CPU and peak resident memory. The figures to
# compare are the ratios between sizes: an input 8× larger should take about
# 8× the time and the same memory.
#
# Usage: bash bench/ingest.sh [--write]   (--write rewrites the section of
# docs/benchmarks.md between the ingest-stream markers)
#
# STORE=bolt://localhost:7687 (with NEO4J_USERNAME, NEO4J_PASSWORD) measures
# the rows per second of a Neo4j server instead of the embedded store: use an
# empty database, which the script fills (each size upserts onto the last).
# Needs Go, awk, bc, pgrep (Debian: procps) and GNU time (Debian: time).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-$(mktemp -d)}
SIZES=${SIZES:-"250000 1000000 2000000"}
go build -o "$WORK/alliances" ./cmd/alliances

gen() { # gen N DIR
	mkdir -p "$2"
	awk -v A=10000 'BEGIN { print "id;nom;famille;pays"
		split("ong association collectivité entreprise institution", f, " ")
		for (i = 0; i < A; i++) printf "a%d;Acteur numéro %d;%s;FR\n", i, i, f[i % 5 + 1] }' >"$2/actors.csv"
	# Distinct undirected pairs: actor s and actor s + k, k = 1 + i / A.
	awk -v A=10000 -v N="$1" 'BEGIN { print "source;cible;type;poids;début"
		for (i = 0; i < N; i++) { s = i % A; k = 1 + int(i / A)
			printf "a%d;a%d;partenariat %d;%d,5;%d\n", s, (s + k) % A, i % 7, 1 + i % 4, 2000 + i % 20 } }' >"$2/links.csv"
}

measure() { # measure LABEL N CMD...: prints "LABEL N wall cpu rss_kib anon_kib"
	local label=$1 n=$2
	shift 2
	/usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" &
	local pid=$! anon=0 a child
	# Peak anonymous memory (the Go heap and stacks, without the pages of
	# files mapped by the process), sampled every 20 ms.
	while kill -0 "$pid" 2>/dev/null; do
		child=$(pgrep -P "$pid" | head -1 || true)
		if [[ -n $child ]]; then
			a=$(awk '/^RssAnon:/ { print $2 }' "/proc/$child/status" 2>/dev/null || true)
			[[ -n $a && $a -gt $anon ]] && anon=$a
		fi
		sleep 0.02
	done
	wait "$pid" || {
		cat "$WORK/stderr" >&2
		exit 1
	}
	read -r wall user sys rss <"$WORK/time"
	echo "$label $n $wall $(echo "$user + $sys" | bc) $rss $anon"
}

results="$WORK/results"
: >"$results"
for n in $SIZES; do
	gen "$n" "$WORK/n$n"
	files=("$WORK/n$n/actors.csv" "$WORK/n$n/links.csv")
	measure dry-run "$n" "$WORK/alliances" ingest --quiet --dry-run "${files[@]}" >>"$results"
	store=${STORE:-$WORK/n$n.db}
	rm -f "$WORK/n$n.db"
	measure ingest "$n" "$WORK/alliances" ingest --quiet --store "$store" "${files[@]}" >>"$results"
	measure re-ingest "$n" "$WORK/alliances" ingest --quiet --store "$store" "${files[@]}" >>"$results"
	"$WORK/alliances" export --quiet --store "$store" --to graphml -o "$WORK/n$n.graphml"
	measure graphml "$n" "$WORK/alliances" ingest --quiet --dry-run "$WORK/n$n.graphml" >>"$results"
	echo "$n links: $(du -h "$WORK/n$n/links.csv" | cut -f1) CSV" >&2
done

section=$(awk -v store="${STORE:-embedded}" -v load="$(cut -d' ' -f1 /proc/loadavg)" -v when="$(date -u '+%Y-%m-%d %H:%M')" '
	{ label[NR] = $1; n[NR] = $2; wall[NR] = $3; cpu[NR] = $4; rss[NR] = $5; anon[NR] = $6
	  if (!($1 in first)) first[$1] = NR; last[$1] = NR }
	END {
		printf "Measured by `bench/ingest.sh` on %s UTC, load average %s, store %s: 10,000 actors and\n", when, load, store
		printf "N links (`;`, decimal comma weights). Peak RSS is from `/usr/bin/time`; it counts the pages\n"
		printf "of the store file that bbolt maps to read it. Peak anonymous memory (`RssAnon` in\n"
		printf "`/proc/PID/status`, sampled every 20 ms) is the memory of the process itself.\n\n"
		printf "| command | links | wall s | CPU s | links/s (wall) | peak RSS MiB | peak anonymous MiB |\n|---|---:|---:|---:|---:|---:|---:|\n"
		for (i = 1; i <= NR; i++)
			printf "| %s | %d | %.2f | %.2f | %d | %.0f | %.0f |\n", (label[i] == "dry-run" ? "`ingest --dry-run`" : label[i] == "re-ingest" ? "`ingest` again (nothing changes)" : label[i] == "graphml" ? "`ingest --dry-run` of the GraphML export" : "`ingest` into a new store"),
				n[i], wall[i], cpu[i], n[i] / wall[i], rss[i] / 1024, anon[i] / 1024
		printf "\nRatios, largest input to smallest (%d / %d links = %.0f×):\n\n", n[last["ingest"]], n[first["ingest"]], n[last["ingest"]] / n[first["ingest"]]
		printf "| command | time ratio | peak RSS ratio | peak anonymous memory ratio |\n|---|---:|---:|---:|\n"
		split("dry-run ingest re-ingest graphml", ls, " ")
		for (j = 1; j <= 4; j++) { a = first[ls[j]]; b = last[ls[j]]
			printf "| %s | %.1f | %.2f | **%.2f** |\n", ls[j], wall[b] / wall[a], rss[b] / rss[a], anon[b] / anon[a] }
	}' "$results")
echo "$section"
if [[ ${1:-} == --write ]]; then
	python3 - "$section" <<'EOF'
import re, sys
p = "docs/benchmarks.md"
s = open(p).read()
new = "<!-- ingest-stream:begin -->\n" + sys.argv[1] + "\n<!-- ingest-stream:end -->"
s, n = re.subn(r"<!-- ingest-stream:begin -->.*?<!-- ingest-stream:end -->", lambda m: new, s, flags=re.S)
if n != 1:
    sys.exit("docs/benchmarks.md has no ingest-stream markers")
open(p, "w").write(s)
EOF
fi
