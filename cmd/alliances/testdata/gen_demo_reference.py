#!/usr/bin/python3
"""Reference metrics of the bundled example, computed by NetworkX (and igraph).

Run with Debian's python3-networkx 2.8.8 and python3-igraph 0.10.2:
    PYTHONHASHSEED=0 /usr/bin/python3 cmd/alliances/testdata/gen_demo_reference.py > cmd/alliances/testdata/demo_reference.json

(PYTHONHASHSEED fixes the order in which NetworkX walks sets, which changes the
last bits of constraint.)

The network is built independently of alliances, from the CSV files in
examples/loire-souss: declared links (weight column) plus one unit of weight per
project shared by two participants (docs/ingest.md), all ties undirected.

Eigenvector centrality and PageRank are their fixed points (docs/metrics.md): numpy's
eigensolver and igraph's PRPACK, through the functions of
analysis/testdata/gen_reference.py.
"""
import csv, itertools, json, os, sys
import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "..", "analysis", "testdata"))
from gen_reference import eigenvector_eigh, pagerank_prpack
data = os.path.join(here, "..", "..", "..", "examples", "loire-souss")

def rows(name):
    with open(os.path.join(data, name), encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=";"))

G = nx.Graph()
for a in rows("acteurs.csv"):
    G.add_node(a["id"])
def add(u, v, w):
    if G.has_edge(u, v):
        G[u][v]["weight"] += w
    else:
        G.add_edge(u, v, weight=w)
for l in rows("liens.csv"):
    add(l["source"], l["cible"], float(l["poids"]))
members = {}
for p in rows("participations.csv"):
    members.setdefault(p["projet"], set()).add(p["acteur"])
for ms in members.values():
    for u, v in itertools.combinations(sorted(ms), 2):
        add(u, v, 1.0)

out = {
    "networkx": nx.__version__,
    "actors": G.number_of_nodes(),
    "ties": G.number_of_edges(),
    "density": nx.density(G),
    "transitivity": nx.transitivity(G),
    "degree": dict(G.degree()),
    "strength": dict(G.degree(weight="weight")),
    "betweenness": nx.betweenness_centrality(G),
    "closeness": nx.closeness_centrality(G),
    "harmonic": nx.harmonic_centrality(G),
    "eigenvector": eigenvector_eigh(G, None),
    "pagerank": pagerank_prpack(G, None),
    "core": nx.core_number(G),
    "clustering": nx.clustering(G),
    "constraint": {k: (None if v != v else v) for k, v in nx.constraint(G).items()},
    "effective_size": {k: (None if v != v else v) for k, v in nx.effective_size(G).items()},
}
# --weighted: distance = 1/weight for path-based metrics (docs/metrics.md).
for u, v, d in G.edges(data=True):
    d["dist"] = 1 / d["weight"]
# NetworkX 2.8 misses ties between paths whose float lengths differ in the last
# bits (1/3 + 1/6 vs 1/2); docs/metrics.md follows igraph there, so the weighted
# betweenness reference comes from python-igraph 0.10.2 (Debian).
import igraph
nodes = sorted(G.nodes())
index = {v: i for i, v in enumerate(nodes)}
ig = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()])
ig.es["dist"] = [G[u][v]["dist"] for u, v in G.edges()]
n = len(nodes)
raw = ig.betweenness(weights="dist")
out["weighted_betweenness"] = {v: raw[index[v]] * 2 / ((n - 1) * (n - 2)) for v in nodes}
out["igraph"] = igraph.__version__
out["weighted_closeness"] = nx.closeness_centrality(G, distance="dist")
out["weighted_pagerank"] = pagerank_prpack(G, "weight")
json.dump(out, sys.stdout, indent=1, sort_keys=True)
