# Cross-checks the answers of `alliances query` with NetworkX (2.8.8 on Debian)
# on any store: the tie network is rebuilt from the store's JSON export
# (declared links plus co-participation), then
#   partners X --depth 1|2  vs nx.single_source_shortest_path_length(cutoff)
#   path A B --max 0        vs nx.all_shortest_paths
#   alliances --min-families 1 --max-groups 0
#                           vs nx.find_cliques (3 actors or more, one with a family)
# for 15 random actors and 15 random pairs (seed 1).
#
# Usage: /usr/bin/python3 tools/nxcheck/queries.py ALLIANCES_BINARY STORE EXPORT.json
#   where EXPORT.json is `alliances export --store STORE --to json -o EXPORT.json`.
import json, subprocess, sys, itertools, random
import networkx as nx
A, store, exp = sys.argv[1], sys.argv[2], sys.argv[3]
d = json.load(open(exp))
G = nx.Graph()
fam = {}
for a in d["actors"]:
    G.add_node(a["id"]); fam[a["id"]] = a.get("family", "")
for l in d["links"] or []:
    if l["source"] != l["target"]:
        G.add_edge(l["source"], l["target"])
byproj = {}
for p in d["participations"] or []:
    byproj.setdefault(p["project"], set()).add(p["actor"])
for ps in byproj.values():
    for u, v in itertools.combinations(sorted(ps), 2):
        G.add_edge(u, v)
def q(*args):
    out = subprocess.run([A, "query", "--store", store, "--format", "json", *args], capture_output=True, text=True, check=True).stdout
    return json.loads(out)
random.seed(1)
nodes = sorted(n for n in G if G.degree(n) > 0)
bad = 0
for x in random.sample(nodes, 15):
    for depth in (1, 2):
        got = {a["id"]: a["distance"] for a in q("partners", x, "--depth", str(depth))["actors"]}
        want = nx.single_source_shortest_path_length(G, x, cutoff=depth)
        if got != want:
            bad += 1; print("partners", x, depth, len(got), len(want))
pairs = [(random.choice(nodes), random.choice(nodes)) for _ in range(15)]
for a, b in pairs:
    if a == b: continue
    got = sorted(tuple(s["id"] for s in p["actors"]) for p in q("path", a, b, "--max", "0"))
    try:
        want = sorted(tuple(p) for p in nx.all_shortest_paths(G, a, b))
    except nx.NetworkXNoPath:
        want = []
    if got != want:
        bad += 1; print("path", a, b, len(got), len(want))
res = q("alliances", "--min-families", "1", "--max-groups", "0")
got = sorted(tuple(sorted(x["id"] for x in g["actors"])) for g in res["groups"])
want = sorted(tuple(sorted(c)) for c in nx.find_cliques(G) if len(c) >= 3 and any(fam.get(v) for v in c))
if got != want:
    bad += 1; print("groups", len(got), len(want))
print("checked: partners 30, paths", len(pairs), ", groups", len(want), "; mismatches:", bad)
