#!/usr/bin/python3
"""Generate the reference values that analysis/reference_test.go checks.

Run from the repository root with Debian's interpreter, which has NetworkX
2.8.8, python-igraph 0.10.2 and SciPy:

    PYTHONHASHSEED=0 /usr/bin/python3 analysis/testdata/gen_reference.py

(PYTHONHASHSEED fixes the order in which NetworkX walks sets, which changes the
last bits of weighted clustering.)

It writes analysis/testdata/reference_<name>.json for every network below.
Each file holds the network (actors and ties with their weights), the options
of the analysis (weighted or not) and the expected values, with the tool that
produced every metric in "sources".

Conventions (docs/metrics.md): without weighting every metric ignores tie weights; with
weighting, path-based metrics use distance = 1/weight and eigenvector, PageRank
and clustering use the weight itself. Weighted path metrics are taken from
igraph, which treats path lengths equal within a relative 1e-10 as equal
(1/3 + 1/6 = 1/2); NetworkX 2.8 compares them exactly and misses such ties.
Eigenvector centrality and PageRank are the fixed points of their iterations
(docs/metrics.md), not NetworkX's results at its default tolerance (which are up to
1e-5 away): eigenvector centrality from numpy.linalg.eigh (the projection of
NetworkX's starting vector, uniform, on the eigenspace of the largest
eigenvalue, normalised: what NetworkX's power iteration converges to), PageRank
from igraph's PRPACK solver. The script checks that NetworkX reproduces both
with tol=1e-12 (eigenvector_centrality(G, max_iter=100000, tol=1e-12),
pagerank(G, alpha=0.85, max_iter=100000, tol=1e-12)) and records the largest
difference in "sources". Everything else comes from NetworkX 2.8.8 with its
defaults.
"""

import json
import math
import os
import sys

import igraph
import networkx as nx
import numpy
from networkx.algorithms import bipartite

OUT = os.path.dirname(os.path.abspath(__file__))


def num(x):
    if x is None:
        return None
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return None
    return x


def weighted_path_metrics_igraph(G, ids):
    """Normalized betweenness, Wasserman-Faust closeness and harmonic
    centrality with distance = 1/weight, from igraph."""
    order = list(G.nodes())
    index = {v: i for i, v in enumerate(order)}
    h = igraph.Graph(n=len(order), edges=[(index[u], index[v]) for u, v in G.edges()])
    h.es["distance"] = [1.0 / G[u][v]["weight"] for u, v in G.edges()]
    n = len(order)
    bet = h.betweenness(directed=False, weights="distance")
    clo = h.closeness(weights="distance", normalized=True)
    har = h.harmonic_centrality(weights="distance", normalized=False)
    comp = h.connected_components()
    size = {}
    for c in comp:
        for v in c:
            size[v] = len(c)
    out = {}
    for v in order:
        i = index[v]
        # igraph counts every unordered pair once; NetworkX normalizes the
        # ordered-pair sum by (n-1)(n-2).
        b = 2 * bet[i] / ((n - 1) * (n - 2)) if n > 2 else 0.0
        # igraph's closeness is (r-1)/sum over the r reachable nodes;
        # Wasserman-Faust multiplies it by (r-1)/(n-1).
        r = size[i]
        c = clo[i]
        if c is None or (isinstance(c, float) and math.isnan(c)):
            c = 0.0
        c = c * (r - 1) / (n - 1) if n > 1 else 0.0
        out[ids[v]] = {"betweenness": b, "closeness": c, "harmonic": har[i]}
    return out


def eigenvector_eigh(G, weight):
    """The limit of NetworkX's power iteration on A + I from the uniform
    vector: its projection on the eigenspace of the largest eigenvalue of A
    (eigenvalues within a relative 1e-9 of it count as equal, as on two
    identical components), normalised to unit Euclidean norm."""
    order = list(G.nodes())
    A = nx.to_numpy_array(G, nodelist=order, weight=weight)
    vals, vecs = numpy.linalg.eigh(A)
    top = vals[-1]
    basis = vecs[:, vals >= top - 1e-9 * max(1.0, abs(top))]
    start = numpy.full(len(order), 1.0 / len(order))
    x = basis @ (basis.T @ start)
    x = x / numpy.linalg.norm(x)
    if x.sum() < 0:
        x = -x
    return {v: float(x[i]) for i, v in enumerate(order)}


def pagerank_prpack(G, weight):
    """PageRank with alpha 0.85 from igraph's PRPACK solver."""
    order = list(G.nodes())
    index = {v: i for i, v in enumerate(order)}
    h = igraph.Graph(n=len(order), edges=[(index[u], index[v]) for u, v in G.edges()])
    weights = [G[u][v].get(weight, 1.0) for u, v in G.edges()] if weight else None
    pr = h.pagerank(damping=0.85, weights=weights, directed=False, implementation="prpack")
    return {v: pr[index[v]] for v in order}


def largest_difference(a, b):
    return max(abs(a[v] - b[v]) for v in a)


def reference(name, G, weighted, families=None, partition=None, note=""):
    """Write reference_<name>.json for G (nodes with attribute 'id' optional)."""
    ids = {v: G.nodes[v].get("id", str(v)) for v in G.nodes()}
    n = G.number_of_nodes()
    sources = {}
    w = "weight" if weighted else None
    if weighted:
        for u, v, d in G.edges(data=True):
            d["distance"] = 1.0 / d["weight"]
    dist = "distance" if weighted else None

    per = {ids[v]: {} for v in G}

    def put(key, values, source):
        sources[key] = source
        for v, x in values.items():
            per[ids[v]][key] = num(x)

    put("degree", dict(G.degree()), "networkx degree")
    put("strength", dict(G.degree(weight="weight")), "networkx degree(weight='weight')")
    if weighted:
        ig = weighted_path_metrics_igraph(G, ids)
        for key in ("betweenness", "closeness", "harmonic"):
            sources[key] = "igraph 0.10.2 (distance=1/weight), rescaled to NetworkX conventions"
            for v in G:
                per[ids[v]][key] = num(ig[ids[v]][key])
        # Record NetworkX's weighted betweenness too, to show where 2.8 differs.
        nxb = nx.betweenness_centrality(G, weight=dist)
        for v in G:
            per[ids[v]]["networkx_betweenness"] = num(nxb[v])
    else:
        put("betweenness", nx.betweenness_centrality(G), "networkx betweenness_centrality")
        put("closeness", nx.closeness_centrality(G), "networkx closeness_centrality (wf_improved)")
        put("harmonic", nx.harmonic_centrality(G), "networkx harmonic_centrality")
    eig = eigenvector_eigh(G, w)
    nx_eig = nx.eigenvector_centrality(G, weight=w, max_iter=100000, tol=1e-12)
    put("eigenvector", eig, "numpy %s linalg.eigh: the projection of the uniform vector on the leading "
        "eigenspace, normalised; networkx eigenvector_centrality(max_iter=100000, tol=1e-12) differs by "
        "at most %.1e" % (numpy.__version__, largest_difference(eig, nx_eig)))
    pr = pagerank_prpack(G, w)
    nx_pr = nx.pagerank(G, alpha=0.85, weight=w, max_iter=100000, tol=1e-12)
    put("pagerank", pr, "igraph %s pagerank(damping=0.85, implementation='prpack'); networkx "
        "pagerank(alpha=0.85, max_iter=100000, tol=1e-12) differs by at most %.1e"
        % (igraph.__version__, largest_difference(pr, nx_pr)))
    for key, a, b in (("eigenvector", eig, nx_eig), ("pagerank", pr, nx_pr)):
        if largest_difference(a, b) > 1e-9:
            sys.exit("%s %s: NetworkX with tol=1e-12 is %g away" % (name, key, largest_difference(a, b)))
    put("core", nx.core_number(G), "networkx core_number")
    put("clustering", nx.clustering(G, weight=w), "networkx clustering")

    # Network level.
    net = {}
    m = G.number_of_edges()
    net["actors"] = n
    net["ties"] = m
    net["density"] = nx.density(G) if n >= 2 else None
    comps = list(nx.connected_components(G))
    net["components"] = len(comps)
    net["largest_component_share"] = max(len(c) for c in comps) / n
    tri = sum(nx.triangles(G).values())
    triples = sum(d * (d - 1) / 2 for _, d in G.degree())
    net["transitivity"] = nx.transitivity(G) if triples > 0 else None
    net["average_clustering"] = nx.average_clustering(G, weight=w)
    deg = dict(G.degree())
    dmax = max(deg.values())
    # Freeman (1979) degree centralization, computed from its definition.
    net["degree_centralization"] = sum(dmax - d for d in deg.values()) / ((n - 1) * (n - 2))
    bet = {v: per[ids[v]]["betweenness"] for v in G}
    bmax = max(bet.values())
    net["betweenness_centralization"] = sum(bmax - b for b in bet.values()) / (n - 1)
    try:
        r = nx.degree_assortativity_coefficient(G)
    except Exception:  # pragma: no cover
        r = float("nan")
    net["degree_assortativity"] = num(r)
    sources["network"] = ("networkx density, number_connected_components, transitivity, "
                          "average_clustering, degree_assortativity_coefficient; "
                          "centralizations from Freeman's formulas on networkx degree "
                          "and the betweenness above")
    doc = {
        "name": name,
        "note": note,
        "weighted": weighted,
        "generator": "analysis/testdata/gen_reference.py with NetworkX %s, python-igraph %s"
        % (nx.__version__, igraph.__version__),
        "sources": sources,
        "actors": [
            {"id": ids[v], "family": (families or {}).get(v, "")} for v in sorted(G, key=lambda v: ids[v])
        ],
        "ties": sorted(
            [sorted([ids[u], ids[v]]) + [float(d.get("weight", 1))] for u, v, d in G.edges(data=True)]
        ),
        "expected": {"actors": per, "network": net},
    }
    if partition is not None:
        # Modularity of a fixed partition, to check the modularity formula
        # apart from Louvain.
        groups = {}
        for v, c in partition.items():
            groups.setdefault(c, set()).add(v)
        doc["partition"] = {ids[v]: c for v, c in partition.items()}
        doc["expected"]["partition_modularity"] = nx.algorithms.community.modularity(
            G, list(groups.values()), weight=w)
        sources["partition_modularity"] = "networkx community.modularity"
    if m > 0:
        best = max(
            nx.algorithms.community.modularity(
                G, nx.algorithms.community.louvain_communities(G, weight=w, seed=s), weight=w)
            for s in range(5)
        )
        doc["expected"]["networkx_louvain_modularity"] = best
        sources["networkx_louvain_modularity"] = "best of networkx louvain_communities seeds 0..4"
    path = os.path.join(OUT, "reference_%s.json" % name)
    with open(path, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", path, file=sys.stderr)


def relabel(G, fmt):
    H = nx.Graph()
    for v in G.nodes():
        H.add_node(v, id=fmt(v))
    for u, v, d in G.edges(data=True):
        H.add_edge(u, v, **d)
    return H


def main():
    # Zachary's karate club (NetworkX ships the weighted version of 2.8).
    K = relabel(nx.karate_club_graph(), lambda v: "k%02d" % v)
    club = {v: K.nodes[v].get("club", "") for v in K}
    club = {v: nx.karate_club_graph().nodes[v]["club"] for v in K}
    fam = {v: "association" if club[v] == "Mr. Hi" else "entreprise" for v in K}
    part = {v: 0 if club[v] == "Mr. Hi" else 1 for v in K}
    Ku = nx.Graph()
    Ku.add_nodes_from(K.nodes(data=True))
    Ku.add_edges_from(K.edges())
    reference("karate", Ku, False, fam, part, "Zachary karate club, unweighted")
    reference("karate_weighted", K, True, fam, part, "Zachary karate club, weights of NetworkX 2.8")

    # Padgett's Florentine families, plus the isolate Pucci.
    F = nx.florentine_families_graph()
    F.add_node("Pucci")
    F = relabel(F, lambda v: v)
    reference("florentine", F, False, None, None, "Padgett Florentine marriages with the isolate Pucci")

    # Les Misérables co-appearances (Knuth), weights = co-appearances.
    L = relabel(nx.les_miserables_graph(), lambda v: v)
    Lu = nx.Graph()
    Lu.add_nodes_from(L.nodes(data=True))
    Lu.add_edges_from(L.edges())
    reference("lesmis", Lu, False, None, None, "Les Misérables co-appearances, unweighted")
    reference("lesmis_weighted", L, True, None, None, "Les Misérables co-appearances, weight = co-appearances")

    # Krackhardt's kite.
    kite_names = ["Andre", "Beverly", "Carol", "Diane", "Ed", "Fernando", "Garth", "Heather", "Ike", "Jane"]
    KK = relabel(nx.krackhardt_kite_graph(), lambda v: kite_names[v])
    reference("kite", KK, False, None, None, "Krackhardt kite")

    # Davis Southern Women, weighted projection on the women.
    D = nx.davis_southern_women_graph()
    women = [v for v, d in D.nodes(data=True) if d["bipartite"] == 0]
    W = relabel(bipartite.weighted_projected_graph(D, women), lambda v: v)
    reference("davis", W, False, None, None, "Davis Southern Women, projection on women, unweighted")
    reference("davis_weighted", W, True, None, None,
              "Davis Southern Women, projection on women, weight = shared events")

    # Equal-length paths under 1/weight: a-b (3) and b-c (6) give 1/3 + 1/6,
    # a-c (2) gives 1/2, so a reaches c by two shortest paths.
    T = nx.Graph()
    for u, v, w in [("a", "b", 3), ("b", "c", 6), ("a", "c", 2), ("c", "d", 1), ("d", "e", 2),
                    ("x", "a", 1), ("x", "y", 4), ("e", "f", 3), ("f", "g", 6), ("e", "g", 2)]:
        T.add_edge(u, v, weight=w)
    T = relabel(T, lambda v: v)
    reference("ties", T, True, None, None, "weights 3, 6, 2 making 1/3 + 1/6 = 1/2 ties")

    # A disconnected graph: a path, a triangle with a pendant, a pair, isolates.
    X = nx.Graph()
    X.add_edges_from([("p1", "p2"), ("p2", "p3"), ("p3", "p4"),
                      ("t1", "t2"), ("t2", "t3"), ("t3", "t1"), ("t3", "t4"),
                      ("q1", "q2")])
    X.add_nodes_from(["z1", "z2"])
    X = relabel(X, lambda v: v)
    reference("disconnected", X, False, None, None, "path, triangle with pendant, pair, two isolates")

    # Eigenvector centrality on two components of close spectral radius: the
    # power iteration converges slowly. K6 and K6 minus two ties converges
    # within NetworkX's 100 iterations at its default tolerance; K5 and K5
    # minus one tie does not (PowerIterationFailedConvergence). Both converge
    # to the Perron vector of the complete graph, 0 on the other component.
    H = nx.disjoint_union(nx.complete_graph(6), nx.complete_graph(6))
    H.remove_edge(6, 7)
    H.remove_edge(8, 9)
    H = relabel(H, lambda v: "c%02d" % v)
    reference("twocliques", H, False, None, None, "K6 and K6 minus two ties: slow eigenvector convergence")
    G = nx.disjoint_union(nx.complete_graph(5), nx.complete_graph(5))
    G.remove_edge(5, 6)
    G = relabel(G, lambda v: "c%02d" % v)
    reference("nonconvergent", G, False, None, None,
              "K5 and K5 minus one tie: eigenvector does not converge in NetworkX's 100 iterations")

    # Two identical components: the leading eigenvalue is double, and the
    # limit weights both Perron vectors by the uniform start.
    Y = nx.disjoint_union(nx.path_graph(3), nx.path_graph(3))
    Y.add_edge(6, 7)
    Y = relabel(Y, lambda v: "y%d" % v)
    reference("twins", Y, False, None, None, "two paths of three actors and a pair: a double leading eigenvalue")


if __name__ == "__main__":
    main()
