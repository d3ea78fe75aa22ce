#!/bin/sh
# Analysis benchmark (issue 4): times analysis.Analyze against python-igraph
# and NetworkX computing the same measures on the same stochastic block model
# networks, side by side in one run, and writes the ratios to the "Analysis"
# section of docs/benchmarks.md.
#
#   bench/analysis.sh            10k actors (Go, igraph, NetworkX; Go and
#                                igraph again with --weighted) and 100k
#                                actors (Go, with time and memory)
#   SKIP_NETWORKX=1 bench/analysis.sh    do not run NetworkX. NetworkX takes
#                                tens of minutes on 10k actors, so it is timed
#                                once: its result is kept in
#                                $WORK/networkx-10k.json and reused by later
#                                runs (delete the file to time it again)
#   SKIP_100K=1 bench/analysis.sh        only the 10k network
#
# Needs Go, /usr/bin/python3 with networkx 2.8 and python-igraph 0.10, and
# GNU time (/usr/bin/time). Work files go to $WORK (default /tmp/alliances-bench).
set -eu
cd "$(dirname "$0")/.."
WORK=${WORK:-/tmp/alliances-bench}
PY=/usr/bin/python3
mkdir -p "$WORK"

echo "== generating networks in $WORK" >&2
[ -f "$WORK/sbm10k/links.csv" ] || $PY bench/analysis_peers.py gen 10000 40000 "$WORK/sbm10k" 1
if [ -z "${SKIP_100K:-}" ]; then
	[ -f "$WORK/sbm100k/links.csv" ] || $PY bench/analysis_peers.py gen 100000 400000 "$WORK/sbm100k" 1
fi
go build -o "$WORK/analyzebench" ./bench/analyzebench

# The three tools run one after the other on the same machine in the same run,
# so that the ratios compare like with like even when the machine is shared.
echo "== 10k: Go" >&2
/usr/bin/time -f '%e %M' -o "$WORK/go-10k.time" "$WORK/analyzebench" "$WORK/sbm10k" >"$WORK/go-10k.json"
echo "== 10k: igraph" >&2
$PY bench/analysis_peers.py igraph "$WORK/sbm10k" >"$WORK/igraph-10k.json"
echo "== 10k: Go (again, after igraph)" >&2
"$WORK/analyzebench" "$WORK/sbm10k" >"$WORK/go-10k-b.json"
echo "== 10k weighted: Go, igraph" >&2
"$WORK/analyzebench" -weighted "$WORK/sbm10k" >"$WORK/go-10k-w.json"
$PY bench/analysis_peers.py igraph-weighted "$WORK/sbm10k" >"$WORK/igraph-10k-w.json"
if [ -z "${SKIP_NETWORKX:-}" ] && [ ! -s "$WORK/networkx-10k.json" ]; then
	echo "== 10k: NetworkX (minutes)" >&2
	$PY bench/analysis_peers.py networkx "$WORK/sbm10k" >"$WORK/networkx-10k.json"
fi
if [ -z "${SKIP_100K:-}" ]; then
	echo "== 100k: Go" >&2
	/usr/bin/time -f '%e %M' -o "$WORK/go-100k.time" "$WORK/analyzebench" "$WORK/sbm100k" >"$WORK/go-100k.json"
fi

$PY - "$WORK" <<'EOF'
import datetime, json, os, platform, re, subprocess, sys

work = sys.argv[1]
def load(name):
    p = os.path.join(work, name)
    return json.load(open(p)) if os.path.exists(p) and os.path.getsize(p) else None
def rss(name):
    p = os.path.join(work, name)
    if not os.path.exists(p):
        return None
    sec, kb = open(p).read().split()[-2:]
    return float(sec), int(kb) / 1024
go = load("go-10k.json"); gob = load("go-10k-b.json")
ig = load("igraph-10k.json"); nx = load("networkx-10k.json"); big = load("go-100k.json")
best = min((go, gob), key=lambda r: r["seconds"])
go_s, go_c = best["seconds"], best.get("cpu_seconds")
def f(x, fmt="%.2f"):
    return fmt % x if x is not None else "–"
def ratio(a, b):
    return "%.3f" % (a / b) if a is not None and b else "–"
lines = []
lines.append("Measured by `bench/analysis.sh` on %s, %d CPUs, %s UTC (%s), load average %s." % (
    platform.machine(), os.cpu_count(),
    datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"),
    subprocess.run(["go", "env", "GOVERSION"], capture_output=True, text=True).stdout.strip(),
    open("/proc/loadavg").read().split()[0]))
lines.append("")
lines.append("Stochastic block model, 4 families, ties 8× likelier inside a family, weights 1–5 (used on the weighted rows);")
lines.append("every tool computes degree, strength, exact betweenness, closeness, harmonic, eigenvector,")
lines.append("PageRank, core number, clustering, Louvain communities and modularity, and the network")
lines.append("metrics; loading is not timed. Go is `analysis.Analyze` (all of docs/metrics.md, including the")
lines.append("complementarity metrics the peers do not compute) with 2 workers, run just before and")
lines.append("just after igraph, the faster run kept. Wall-clock ratios are the target; on a shared")
lines.append("machine CPU time (user + system, all threads) is the steadier figure.")
lines.append("")
lines.append("| network | tool | wall s | CPU s | Go / tool, wall | Go / tool, CPU |")
lines.append("|---|---|---:|---:|---:|---:|")
lines.append("| 10,000 actors, 40,000 ties | Go `Analyze` | %s | %s | 1 | 1 |" % (f(go_s), f(go_c)))
if ig:
    lines.append("| | python-igraph 0.10.2 | %s | %s | **%s** (target ≤ 1) | %s |" % (
        f(ig["seconds"]), f(ig.get("cpu_seconds")), ratio(go_s, ig["seconds"]), ratio(go_c, ig.get("cpu_seconds"))))
nx_note = None
if nx:
    when = datetime.datetime.utcfromtimestamp(os.path.getmtime(os.path.join(work, "networkx-10k.json")))
    nx_note = ("NetworkX is timed once and its result reused (`%s/networkx-10k.json`, finished %s UTC);"
               " if the machine was busier then, its wall time and the ratio are inflated accordingly."
               % (work, when.strftime("%Y-%m-%d %H:%M")))
    lines.append("| | NetworkX 2.8.8 | %s | %s | **%s** = %.0f× faster (target ≥ 30×) | %s |" % (
        f(nx["seconds"], "%.1f"), f(nx.get("cpu_seconds"), "%.1f"), ratio(go_s, nx["seconds"]),
        nx["seconds"] / go_s, ratio(go_c, nx.get("cpu_seconds"))))
gow, igw = load("go-10k-w.json"), load("igraph-10k-w.json")
if gow and igw:
    lines.append("| 10,000 actors, weighted (`--weighted`) | Go `Analyze` | %s | %s | 1 | 1 |" % (
        f(gow["seconds"]), f(gow.get("cpu_seconds"))))
    lines.append("| | python-igraph 0.10.2, weighted | %s | %s | **%s** | %s |" % (
        f(igw["seconds"]), f(igw.get("cpu_seconds")), ratio(gow["seconds"], igw["seconds"]),
        ratio(gow.get("cpu_seconds"), igw.get("cpu_seconds"))))
if big:
    t = rss("go-100k.time")
    lines.append("| 100,000 actors, 400,000 ties | Go `Analyze`, betweenness %s | %s | %s | peak RSS %.0f MiB | targets < 60 s, < 2 GiB |" % (
        big["betweenness"], f(big["seconds"], "%.1f"), f(big.get("cpu_seconds"), "%.1f"), t[1]))
lines.append("")
if nx_note:
    lines.append(nx_note)
    lines.append("")
if ig:
    lines.append("Louvain modularity on 10k: Go %.4f, igraph %.4f%s." % (
        go["modularity"], ig["modularity"], (", NetworkX %.4f" % nx["modularity"]) if nx else ""))
section = "\n".join(lines) + "\n"
print(section)

path = "docs/benchmarks.md"
text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
begin, end = "<!-- analysis:begin -->", "<!-- analysis:end -->"
block = "## Analysis\n\n%s\n%s%s\n" % (begin, section, end)
if begin in text:
    text = re.sub(r"## Analysis\n\n" + re.escape(begin) + r".*?" + re.escape(end) + r"\n", lambda m: block, text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n" + block
open(path, "w").write(text)
print("updated", path, file=sys.stderr)
EOF
