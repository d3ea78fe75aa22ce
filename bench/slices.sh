#!/usr/bin/env bash
# Slices and time benchmark (issue 11), side by side in one run:
#   - compare --by year on the whole Horizon 2020 store (target: < 60 s,
#     < 2 GiB);
#   - one slice analysed from the whole store with a slice flag, against the
#     same slice analysed from a store that holds only it (its own files,
#     exported with the same flag and ingested): the slice flag should cost
#     no more than loading the slice's own files;
#   - map --by phase on the bundled example (target: < 5 s), with an empty
#     layout cache: the cache then holds one layout, that of the union of the
#     phases (computed once, not once per phase).
# /usr/bin/time gives wall, CPU and peak resident memory.
#
# Usage: bash bench/slices.sh [--write]   (--write rewrites the section of
# docs/benchmarks.md between the slices markers)
# Needs the H2020 files of docs/datasets.md (ALLIANCES_DATASETS=DIR, default
# /work/shared/datasets), Go and GNU time (Debian: time).
set -euo pipefail
cd "$(dirname "$0")/.."
D=${ALLIANCES_DATASETS:-/work/shared/datasets}
WORK=${WORK:-$(mktemp -d)}
go build -o "$WORK/alliances" ./cmd/alliances
A="$WORK/alliances"
export ALLIANCES_CACHE="$WORK/cache"

measure() { # measure LABEL CMD...: prints "LABEL wall cpu rss_kib"
	local label=$1
	shift
	/usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || {
		cat "$WORK/stderr" >&2
		exit 1
	}
	read -r wall user sys rss <"$WORK/time"
	echo "$label $wall $(echo "$user + $sys" | bc) $rss"
}

results="$WORK/results"
: >"$results"
"$A" ingest --quiet --store "$WORK/h2020.db" --mapping examples/mappings/h2020.map \
	"$D/h2020-participations/h2020.csv.gz" "$D/h2020-participations/programme_parts.csv.gz"
measure compare-year "$A" compare --by year --store "$WORK/h2020.db" --format json >>"$results"

# One slice, two ways: a large one (the projects running in 2018) and a
# small one (the 455 projects of programme part SC6).
for s in "period 2018:2018" "programme SC6"; do
	set -- $s
	name=$1-${2//:/-}
	rm -rf "$WORK/$name" "$WORK/$name.db"
	"$A" export --quiet --store "$WORK/h2020.db" --two-mode --to csv -o "$WORK/$name" "--$1" "$2"
	measure "ingest-own-$name" "$A" ingest --quiet --store "$WORK/$name.db" "$WORK/$name"/*.csv >>"$results"
	measure "analyze-own-$name" "$A" analyze --store "$WORK/$name.db" --format json >>"$results"
	measure "analyze-slice-$name" "$A" analyze --store "$WORK/h2020.db" --format json "--$1" "$2" >>"$results"
done

rm -rf "$ALLIANCES_CACHE" "$WORK/demo.db" "$WORK/phases"
"$A" ingest --quiet --store "$WORK/demo.db" examples/loire-souss/*.csv
measure map-by-phase "$A" map --by phase -o "$WORK/phases" --store "$WORK/demo.db" --engine embedded >>"$results"
layouts=$(ls "$ALLIANCES_CACHE" | wc -l)
measure map-by-phase-cached "$A" map --by phase -o "$WORK/phases" --store "$WORK/demo.db" --engine embedded >>"$results"
union=$(grep -o 'one layout of their union[^,]*' "$WORK/stderr" || true)

section=$(awk -v load="$(cut -d' ' -f1 /proc/loadavg)" -v when="$(date -u '+%Y-%m-%d %H:%M')" -v layouts="$layouts" '
	{ wall[$1] = $2; cpu[$1] = $3; rss[$1] = $4; order[NR] = $1 }
	END {
		printf "Measured by `bench/slices.sh` on %s UTC, load average %s (2 cores shared).\n\n", when, load
		printf "| command | wall s | CPU s | peak RSS MiB |\n|---|---:|---:|---:|\n"
		for (i = 1; i <= NR; i++) { k = order[i]
			printf "| %s | %.2f | %.2f | %.0f |\n", k, wall[k], cpu[k], rss[k] / 1024 }
		printf "\n"
		split("period-2018-2018 programme-SC6", ss, " ")
		for (j = 1; j <= 2; j++) { s = ss[j]
			printf "- slice %s: analyze with the slice flag on the whole store / analyze of its own store = **%.2f** (wall); / ingest + analyze of its own files = **%.2f**\n",
				s, wall["analyze-slice-" s] / wall["analyze-own-" s], wall["analyze-slice-" s] / (wall["analyze-own-" s] + wall["ingest-own-" s]) }
		printf "- map --by phase on the example, empty cache: %.2f s; layouts in the cache afterwards: **%d** (the union of the phases)\n", wall["map-by-phase"], layouts
	}' "$results")
echo "$section"
if [[ ${1:-} == --write ]]; then
	python3 - "$section" <<'EOF'
import re, sys
p = "docs/benchmarks.md"
s = open(p).read()
new = "<!-- slices:begin -->\n" + sys.argv[1] + "\n<!-- slices:end -->"
s, n = re.subn(r"<!-- slices:begin -->.*?<!-- slices:end -->", lambda m: new, s, flags=re.S)
if n != 1:
    sys.exit("docs/benchmarks.md has no slices markers")
open(p, "w").write(s)
EOF
fi
