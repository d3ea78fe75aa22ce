#!/usr/bin/python3
"""Generate analysis/testdata/compl_networkx.json, the expected values of the
complementarity tests (complementarity_test.go).

Produced with NetworkX 2.8.8 (Debian bookworm package python3-networkx) by

    /usr/bin/python3 analysis/testdata/compl_gen.py > analysis/testdata/compl_networkx.json

For every network the file holds its actors (id, family), its ties (a, b,
weight) and, per actor, nx.constraint and nx.effective_size with weight=None
and with weight="weight", plus nx.attribute_assortativity_coefficient(G,
"family"). Undefined values (isolates) are written as null.

Networks:
  - karate_club: Zachary's karate club (nx.karate_club_graph), family = the
    "club" split (Mr. Hi -> "association", Officer -> "ong"), unit weights in
    the unweighted metrics, the "weight" attribute of NetworkX 2.8 (number of
    contexts of interaction) in the weighted ones, plus one added isolated
    actor "iso" to check null.
  - karate_4fam: the same graph with a made-up 4-family assignment
    (node i -> CoreFamilies[i % 4]), unit weights.
  - florentine: nx.florentine_families_graph, a made-up family assignment
    (names hashed into the six families by the sum of their letters' code
    points), unit weights.
  - davis: the weighted projection of Davis' Southern Women onto the women
    (nx.bipartite.weighted_projected_graph, weight = number of shared events),
    family = "association" for the first 9 women and "collectivite" for the
    others.
"""
import json
import math

import networkx as nx
from networkx.algorithms import bipartite

CORE = ["collectivite", "association", "ong", "entreprise"]
FAMILIES = CORE + ["institution", "autre"]


def clean(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return x


def dump(G, name):
    nodes = sorted(G.nodes(), key=str)
    out = {
        "name": name,
        "actors": [{"id": str(v), "family": G.nodes[v]["family"]} for v in nodes],
        "ties": [
            {"a": str(a), "b": str(b), "weight": G[a][b].get("weight", 1)}
            for a, b in sorted(G.edges(), key=lambda e: (str(e[0]), str(e[1])))
        ],
        "constraint": {},
        "effective_size": {},
        "constraint_weighted": {},
        "effective_size_weighted": {},
        "family_assortativity": clean(nx.attribute_assortativity_coefficient(G, "family")),
        "networkx": nx.__version__,
    }
    for key, fn, w in [
        ("constraint", nx.constraint, None),
        ("effective_size", nx.effective_size, None),
        ("constraint_weighted", nx.constraint, "weight"),
        ("effective_size_weighted", nx.effective_size, "weight"),
    ]:
        vals = fn(G, weight=w)
        out[key] = {str(v): clean(vals[v]) for v in nodes}
    return out


def karate_club():
    G = nx.karate_club_graph()
    for v in G:
        G.nodes[v]["family"] = "association" if G.nodes[v]["club"] == "Mr. Hi" else "ong"
    G.add_node("iso", family="autre")
    return G


def karate_4fam():
    G = nx.karate_club_graph()
    for a, b in G.edges():
        G[a][b]["weight"] = 1
    for v in G:
        G.nodes[v]["family"] = CORE[v % 4]
    return G


def florentine():
    G = nx.florentine_families_graph()
    for v in G:
        G.nodes[v]["family"] = FAMILIES[sum(map(ord, v)) % len(FAMILIES)]
    return G


def davis():
    B = nx.davis_southern_women_graph()
    women = sorted(n for n, d in B.nodes(data=True) if d["bipartite"] == 0)
    G = bipartite.weighted_projected_graph(B, women)
    for i, v in enumerate(sorted(G.nodes())):
        G.nodes[v]["family"] = "association" if i < 9 else "collectivite"
    return G


def main():
    nets = [
        dump(karate_club(), "karate_club"),
        dump(karate_4fam(), "karate_4fam"),
        dump(florentine(), "florentine"),
        dump(davis(), "davis"),
    ]
    print(json.dumps(nets, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
