#!/usr/bin/python3
"""Reference slices of the bundled example, computed by NetworkX.

Run with Debian's python3-networkx:
    /usr/bin/python3 cmd/alliances/testdata/gen_slice_reference.py > cmd/alliances/testdata/slice_reference.json

Each slice is cut from the CSV files of examples/loire-souss by slicing.py,
independently of alliances, and analysed with NetworkX.
"""
import json, sys
import networkx as nx
from slicing import cut

# The slices, as command-line flags, and the same filters for cut().
SLICES = [
    (["--phase", "3"], {"phase": [3]}),
    (["--period", "2016:2018"], {"period": ("2016", "2018")}),
    (["--dimension", "inclusif", "--role", "chef de file,partenaire,opérateur"],
     {"dimension": ["inclusive"], "role": ["chef de file", "partenaire", "opérateur"]}),
    (["--family", "association,ONG"], {"family": ["association", "ong"]}),
    (["--programme", "Coopération Loire-Atlantique – Souss-Massa", "--target", "femmes", "--country", "MA"],
     {"programme": ["Coopération Loire-Atlantique – Souss-Massa"], "target": ["women"], "country": ["MA"]}),
]

out = {"networkx": nx.__version__, "slices": []}
for flags, sl in SLICES:
    G, projs, undated = cut(sl)
    out["slices"].append({
        "flags": flags,
        "projects": projs,
        "actors": sorted(G.nodes()),
        "ties": sorted([min(u, v), max(u, v), d["weight"]] for u, v, d in G.edges(data=True)),
        "undated_links": undated,
        "density": nx.density(G),
        "components": nx.number_connected_components(G),
        "degree": dict(G.degree()),
        "strength": dict(G.degree(weight="weight")),
        "betweenness": nx.betweenness_centrality(G),
        "closeness": nx.closeness_centrality(G),
        "pagerank": nx.pagerank(G, alpha=0.85, weight=None, tol=1e-13, max_iter=10000),
        "core": nx.core_number(G),
        "clustering": nx.clustering(G),
    })
json.dump(out, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
