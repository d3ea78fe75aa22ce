#!/usr/bin/python3
"""Generator and peer runner of bench/analysis.sh.

    analysis_peers.py gen N M DIR [SEED]   write DIR/actors.csv, DIR/links.csv
    analysis_peers.py igraph DIR           time python-igraph on DIR
    analysis_peers.py igraph-weighted DIR  the same with tie weights
    analysis_peers.py networkx DIR         time NetworkX on DIR

The network is a stochastic block model: N actors in 4 families (the first
four of graph.Families), M distinct ties, a tie 8 times likelier inside a family
than across, integer weights 1 to 5. The same arguments give the same files.

The peers compute the same per-actor and network measures as
analysis.Analyze (docs/metrics.md, unweighted): degree, strength, exact betweenness,
Wasserman-Faust closeness, harmonic centrality, eigenvector centrality,
PageRank, core number, local clustering, Louvain communities and modularity,
density, components, transitivity, average clustering, degree assortativity.
Loading the CSV is not timed. Each prints one JSON line with the wall-clock
and CPU seconds.
Run with Debian's /usr/bin/python3 (NetworkX 2.8.8, python-igraph 0.10.2).
"""

import csv
import json
import os
import random
import sys
import time

FAMILIES = ["collectivite", "association", "ong", "entreprise"]


def gen(n, m, out, seed=1):
    rng = random.Random(seed)
    k = len(FAMILIES)
    os.makedirs(out, exist_ok=True)
    width = len(str(n - 1))
    ids = ["a%0*d" % (width, i) for i in range(n)]
    with open(os.path.join(out, "actors.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "family"])
        for i in range(n):
            w.writerow([ids[i], "Actor %d" % i, FAMILIES[i % k]])
    p_in = 8 / (8 + k - 1)
    seen = set()
    rows = []
    while len(seen) < m:
        u = rng.randrange(n)
        if rng.random() < p_in:
            f = u % k
            v = f + k * rng.randrange((n - f + k - 1) // k)
        else:
            v = rng.randrange(n)
        if u == v or v >= n:
            continue
        key = (min(u, v), max(u, v))
        if key in seen:
            continue
        seen.add(key)
        rows.append((ids[u], ids[v], rng.randint(1, 5)))
    with open(os.path.join(out, "links.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "weight"])
        w.writerows(rows)


def load(dir):
    with open(os.path.join(dir, "actors.csv"), newline="") as f:
        actors = [r[0] for r in list(csv.reader(f))[1:]]
    with open(os.path.join(dir, "links.csv"), newline="") as f:
        links = [(r[0], r[1], float(r[2])) for r in list(csv.reader(f))[1:]]
    return actors, links


def run_igraph(dir):
    import igraph

    actors, links = load(dir)
    index = {a: i for i, a in enumerate(actors)}
    g = igraph.Graph(n=len(actors), edges=[(index[s], index[t]) for s, t, _ in links])
    g.es["weight"] = [w for _, _, w in links]
    start, cpu = time.perf_counter(), time.process_time()
    n = g.vcount()
    g.degree()
    g.strength(weights="weight")
    bet = g.betweenness(directed=False)
    g.closeness(normalized=True)
    g.harmonic_centrality()
    g.eigenvector_centrality(scale=True)
    g.pagerank(damping=0.85)
    g.coreness()
    g.transitivity_local_undirected(mode="zero")
    comm = g.community_multilevel()
    q = g.modularity(comm.membership)
    g.density()
    g.connected_components()
    g.transitivity_undirected()
    g.transitivity_avglocal_undirected(mode="zero")
    g.assortativity_degree(directed=False)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print(json.dumps({"tool": "igraph", "dir": dir, "actors": n, "ties": g.ecount(),
                      "seconds": seconds, "cpu_seconds": cpu, "modularity": q, "max_betweenness":
                      2 * max(bet) / ((n - 1) * (n - 2))}))


def run_igraph_weighted(dir):
    """The same measures with tie weights: path lengths 1/weight, weighted
    eigenvector, PageRank, clustering (Barrat's, igraph has no Onnela) and
    Louvain."""
    import igraph

    actors, links = load(dir)
    index = {a: i for i, a in enumerate(actors)}
    g = igraph.Graph(n=len(actors), edges=[(index[s], index[t]) for s, t, _ in links])
    w = [x for _, _, x in links]
    dist = [1 / x for x in w]
    start, cpu = time.perf_counter(), time.process_time()
    n = g.vcount()
    g.degree()
    g.strength(weights=w)
    g.betweenness(directed=False, weights=dist)
    g.closeness(normalized=True, weights=dist)
    g.harmonic_centrality(weights=dist)
    g.eigenvector_centrality(scale=True, weights=w)
    g.pagerank(damping=0.85, weights=w)
    g.coreness()
    g.transitivity_local_undirected(mode="zero", weights=w)
    comm = g.community_multilevel(weights=w)
    q = g.modularity(comm.membership, weights=w)
    g.density()
    g.connected_components()
    g.transitivity_undirected()
    g.assortativity_degree(directed=False)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print(json.dumps({"tool": "igraph-weighted", "dir": dir, "actors": n, "ties": g.ecount(),
                      "seconds": seconds, "cpu_seconds": cpu, "modularity": q}))


def run_networkx(dir):
    import networkx as nx

    actors, links = load(dir)
    G = nx.Graph()
    G.add_nodes_from(actors)
    G.add_weighted_edges_from(links)
    start, cpu = time.perf_counter(), time.process_time()
    dict(G.degree())
    dict(G.degree(weight="weight"))
    bet = nx.betweenness_centrality(G)
    nx.closeness_centrality(G)
    nx.harmonic_centrality(G)
    nx.eigenvector_centrality(G)
    nx.pagerank(G, alpha=0.85, weight=None)
    nx.core_number(G)
    nx.clustering(G)
    comm = nx.algorithms.community.louvain_communities(G, weight=None, seed=1)
    q = nx.algorithms.community.modularity(G, comm, weight=None)
    nx.density(G)
    nx.number_connected_components(G)
    nx.transitivity(G)
    nx.average_clustering(G)
    nx.degree_assortativity_coefficient(G)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print(json.dumps({"tool": "networkx", "dir": dir, "actors": G.number_of_nodes(),
                      "ties": G.number_of_edges(), "seconds": seconds, "cpu_seconds": cpu, "modularity": q,
                      "max_betweenness": max(bet.values())}))


def main(argv):
    if len(argv) >= 4 and argv[0] == "gen":
        gen(int(argv[1]), int(argv[2]), argv[3], int(argv[4]) if len(argv) > 4 else 1)
    elif len(argv) == 2 and argv[0] == "igraph":
        run_igraph(argv[1])
    elif len(argv) == 2 and argv[0] == "igraph-weighted":
        run_igraph_weighted(argv[1])
    elif len(argv) == 2 and argv[0] == "networkx":
        run_networkx(argv[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
