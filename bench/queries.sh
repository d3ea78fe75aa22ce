#!/bin/sh
# Query benchmark (issue 17): the named queries of alliances on a synthetic
# dense store (bench/densegen: 6,000 actors, 60 projects of up to 1,000
# participants, about two million co-participation ties), side by side in one
# run with NetworkX and igraph answering from the same graph in memory, and
# writes the "Queries" section of docs/benchmarks.md.
#
#   bench/queries.sh                    alliances, igraph, NetworkX
#   BEFORE=BINARY bench/queries.sh      also an older alliances binary (one
#                                       that loads the whole network for
#                                       every query), on a store it ingests
#   SKIP_NETWORKX=1 bench/queries.sh    without NetworkX (minutes)
#
# Needs Go, Debian's /usr/bin/python3 (networkx 2.8, python-igraph 0.10,
# numpy) and GNU time. Work files go to $WORK (default /tmp/alliances-bench).
set -eu
cd "$(dirname "$0")/.."
WORK=${WORK:-/tmp/alliances-bench}/queries
PY=/usr/bin/python3
mkdir -p "$WORK"
go build -o "$WORK/alliances" ./cmd/alliances
A="$WORK/alliances"

echo "== the synthetic store" >&2
go run ./bench/densegen -o "$WORK/dense"
rm -f "$WORK/dense.db"
/usr/bin/time -f '%e %U %S %M' -o "$WORK/ingest.time" "$A" ingest --quiet --store "$WORK/dense.db" "$WORK"/dense/*.csv
set -- $($PY bench/queries_peers.py pick "$WORK/dense")
HUB=$1 FROM=$2 TO=$3

# run NAME BINARY STORE ARGS...: times one query three times, keeps its
# output and the median wall and CPU time in $WORK/NAME.*
run() {
	name=$1 bin=$2 store=$3
	shift 3
	: >"$WORK/$name.times"
	for i in 1 2 3; do
		/usr/bin/time -f '%e %U %S %M' -a -o "$WORK/$name.times" "$bin" query --store "$store" "$@" >"$WORK/$name.out"
	done
}
queries() {
	prefix=$1 bin=$2 store=$3
	run "$prefix-ego1" "$bin" "$store" partners "$HUB"
	run "$prefix-ego2" "$bin" "$store" partners "$HUB" --depth 2
	run "$prefix-path" "$bin" "$store" path "$FROM" "$TO" --max 0
	run "$prefix-between" "$bin" "$store" between ong collectivite
	run "$prefix-cross" "$bin" "$store" cross-border
}
echo "== alliances" >&2
queries new "$A" "$WORK/dense.db"
run new-ego2count "$A" "$WORK/dense.db" partners "$HUB" --depth 2 --count
run new-ego2json "$A" "$WORK/dense.db" partners "$HUB" --depth 2 --format json
run new-crossjson "$A" "$WORK/dense.db" cross-border --format json
"$A" query --store "$WORK/dense.db" partners "$HUB" --count --format json >"$WORK/check-ego1.json"
"$A" query --store "$WORK/dense.db" partners "$HUB" --depth 2 --count --format json >"$WORK/check-ego2.json"
"$A" query --store "$WORK/dense.db" path "$FROM" "$TO" --max 0 --format json >"$WORK/check-path.json"
"$A" query --store "$WORK/dense.db" between ong collectivite --count --format json >"$WORK/check-between.json"
"$A" query --store "$WORK/dense.db" cross-border --count --format json >"$WORK/check-cross.json"
if [ -n "${BEFORE:-}" ]; then
	echo "== alliances before ($BEFORE)" >&2
	rm -f "$WORK/before.db"
	"$BEFORE" ingest --quiet --store "$WORK/before.db" "$WORK"/dense/*.csv
	queries old "$BEFORE" "$WORK/before.db"
fi
echo "== igraph" >&2
$PY bench/queries_peers.py igraph "$WORK/dense" "$HUB" "$FROM" "$TO" >"$WORK/igraph.json"
if [ -z "${SKIP_NETWORKX:-}" ]; then
	echo "== NetworkX" >&2
	$PY bench/queries_peers.py networkx "$WORK/dense" "$HUB" "$FROM" "$TO" >"$WORK/networkx.json"
fi

$PY - "$WORK" "$HUB" "$FROM" "$TO" <<'EOF'
import datetime, json, os, platform, re, statistics, subprocess, sys

work, hub, frm, to = sys.argv[1:5]
def times(name):
    p = os.path.join(work, name + ".times")
    if not os.path.exists(p):
        return None
    rows = [l.split() for l in open(p) if re.match(r"^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$", l.strip())]
    wall = statistics.median(float(r[0]) for r in rows)
    cpu = statistics.median(float(r[1]) + float(r[2]) for r in rows)
    rss = max(int(r[3]) for r in rows) / 1024
    return wall, cpu, rss
def load(name):
    p = os.path.join(work, name)
    return json.load(open(p)) if os.path.exists(p) and os.path.getsize(p) else None
ig, nx = load("igraph.json"), load("networkx.json")
peer = ig or nx
c1, c2 = load("check-ego1.json"), load("check-ego2.json")
paths, btw, cb = load("check-path.json"), load("check-between.json"), load("check-cross.json")
ours = {
    "ego1": [c1["actors"], c1["ties"]],
    "ego2": [c2["actors"], c2["ties"]],
    "path": len(paths),
    "between": btw["ties"],
    "cross": [cb["ties"], cb["pairs"]],
}
ing = open(os.path.join(work, "ingest.time")).read().split()
L = []
L.append("Measured by `bench/queries.sh` on %s, %d CPUs, %s UTC (%s), load average %s." % (
    platform.machine(), os.cpu_count(), datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"),
    subprocess.run(["go", "env", "GOVERSION"], capture_output=True, text=True).stdout.strip(),
    open("/proc/loadavg").read().split()[0]))
L.append("")
L.append("Store: `bench/densegen` (6,000 actors, 60 projects of 5 to 1,000 participants, 3,000 declared links): "
         "%d ties; ingested in %.2f s (CPU %.2f s), a file of %.1f MB. Hub `%s`; path `%s` → `%s`." % (
    peer["ties"] if peer else 0, float(ing[0]), float(ing[1]) + float(ing[2]),
    os.path.getsize(os.path.join(work, "dense.db")) / 1e6, hub, frm, to))
L.append("alliances times are whole commands (open the store, read, answer, print the default table), "
         "median of 3; the peers answer from the graph already built in memory (building it is not timed), median of 3.")
L.append("")
L.append("| query | answer | target | alliances wall s | CPU s | peak RSS MiB | igraph s | NetworkX s | alliances / igraph | alliances / NetworkX |")
L.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
rows = [("ego1", "`partners HUB`", 0.5), ("ego2", "`partners HUB --depth 2`", 2), ("path", "`path FROM TO --max 0`", 0.5),
        ("between", "`between ong collectivite`", 2), ("cross", "`cross-border`", 2)]
def ans(k):
    v = ours[k]
    if k in ("ego1", "ego2"):
        return "%d actors, %d ties" % tuple(v)
    if k == "cross":
        return "%d ties, %d pairs" % tuple(v)
    return "%d %s" % (v, "paths" if k == "path" else "ties")
for key, label, target in rows:
    t = times("new-" + key)
    pi = ig[key]["seconds"] if ig else None
    pn = nx[key]["seconds"] if nx else None
    f = lambda x: "%.3f" % x if x is not None else "–"
    r = lambda a, b: "%.2f" % (a / b) if a is not None and b else "–"
    L.append("| %s | %s | < %g | **%.3f** | %.3f | %.0f | %s | %s | %s | %s |" % (
        label, ans(key), target, t[0], t[1], t[2], f(pi), f(pn), r(t[0], pi), r(t[0], pn)))
for name, label in (("new-ego2count", "`partners HUB --depth 2 --count`"),
                    ("new-ego2json", "`partners HUB --depth 2 --format json` (every tie, streamed)"),
                    ("new-crossjson", "`cross-border --format json` (every tie, streamed)")):
    t = times(name)
    if t:
        size = os.path.getsize(os.path.join(work, name + ".out")) / 1e6
        L.append("| %s | %.0f MB of output | | %.3f | %.3f | %.0f | | | | |" % (label, size, t[0], t[1], t[2]))
old = [times("old-" + k) for k, _, _ in rows]
if all(old):
    L.append("")
    L.append("The same queries with the alliances that loaded the whole network for each of them (`BEFORE`), wall s (CPU s): " +
             "; ".join("%s %.2f (%.2f)" % (label, t[0], t[1]) for (_, label, _), t in zip(rows, old)) + ".")
L.append("")
agree = []
for tool, res in (("igraph", ig), ("NetworkX", nx)):
    if res:
        same = all(res[k]["answer"] == ours[k] for k in ours)
        agree.append("%s %s" % (tool, "gives the same answers (sizes of the ego networks, number of paths, ties between the families, cross-border ties and pairs)" if same else "DIFFERS: %s" % {k: res[k]["answer"] for k in ours}))
L.append("; ".join(agree) + ".")
text = "\n".join(L)
doc = "docs/benchmarks.md"
s = open(doc).read()
begin, end = "<!-- queries:begin -->", "<!-- queries:end -->"
if begin in s:
    s = s[:s.index(begin) + len(begin)] + "\n" + text + "\n" + s[s.index(end):]
else:
    s += "\n## Queries\n\n" + begin + "\n" + text + "\n" + end + "\n"
open(doc, "w").write(s)
print(text)
EOF
