#!/usr/bin/python3
"""Peer runner of bench/queries.sh: the named queries on NetworkX and igraph.

    queries_peers.py networkx|igraph DIR HUB FROM TO
    queries_peers.py pick DIR      print HUB FROM TO: the hub a00000, and two
                                   actors of small projects only, without links

DIR holds the CSV tables that bench/densegen writes (acteurs.csv,
projets.csv, participations.csv, liens.csv). The graph is built as
alliances builds it (graph.NewNetwork): a tie between every two participants
of a project and between the ends of every declared link, self-loops left
out. Building it is not timed: the peers answer from a graph already in
memory, as an explorer holding it would. Timed, each the median of 3 runs:

    ego1, ego2   the ego network of HUB at depth 1 and 2 (actors and ties:
                 nx.ego_graph; igraph neighborhood + induced_subgraph)
    path         every shortest path FROM -> TO (nx.all_shortest_paths;
                 igraph get_all_shortest_paths)
    between      the ties between an "ong" and a "collectivite" actor
    cross        the ties between actors of two different known countries,
                 and their pairs of countries

Prints one JSON object: seconds per task, and the answers' sizes, which
bench/queries.sh compares with those of alliances.
Run with Debian's /usr/bin/python3 (NetworkX 2.8.8, python-igraph 0.10.2).
"""

import csv
import itertools
import json
import os
import statistics
import sys
import time


def read(d):
    def rows(name):
        with open(os.path.join(d, name), newline="", encoding="utf-8") as f:
            r = csv.reader(f, delimiter=";")
            next(r)
            return list(r)

    actors = rows("acteurs.csv")
    ids = [a[0] for a in actors]
    fam = {a[0]: a[2] for a in actors}
    country = {a[0]: a[3] for a in actors}
    members = {}
    for a, p in rows("participations.csv"):
        members.setdefault(p, []).append(a)
    edges = set()
    for ms in members.values():
        for u, v in itertools.combinations(sorted(set(ms)), 2):
            edges.add((u, v))
    for s, t, _, _ in rows("liens.csv"):
        if s != t:
            edges.add((min(s, t), max(s, t)))
    return ids, fam, country, sorted(edges)


def timed(f, runs=3):
    times, out = [], None
    for _ in range(runs):
        start = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def networkx(ids, fam, country, edges, hub, a, b):
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(ids)
    g.add_edges_from(edges)

    def ego(r):
        h = nx.ego_graph(g, hub, radius=r)
        return [h.number_of_nodes(), h.number_of_edges()]

    def between():
        return sum(1 for u, v in g.edges() if {fam[u], fam[v]} == {"ong", "collectivite"})

    def cross():
        pairs = {}
        for u, v in g.edges():
            cu, cv = country[u], country[v]
            if cu and cv and cu != cv:
                k = (min(cu, cv), max(cu, cv))
                pairs[k] = pairs.get(k, 0) + 1
        return [sum(pairs.values()), len(pairs)]

    return {
        "ego1": timed(lambda: ego(1)),
        "ego2": timed(lambda: ego(2)),
        "path": timed(lambda: len(list(nx.all_shortest_paths(g, a, b)))),
        "between": timed(between),
        "cross": timed(cross),
    }


def igraph(ids, fam, country, edges, hub, a, b):
    import igraph as ig
    import numpy as np

    pos = {x: i for i, x in enumerate(ids)}
    g = ig.Graph(n=len(ids), edges=[(pos[u], pos[v]) for u, v in edges])
    # The edges as an array, made once with the graph: igraph's edge list is
    # a Python list of tuples, whose conversion would dominate the timings.
    el = np.array(g.get_edgelist())
    fams = np.array([fam[x] for x in ids])
    codes = {c: i for i, c in enumerate(sorted(set(country.values())))}
    ctry = np.array([codes[country[x]] for x in ids])
    none = codes.get("", -1)

    def ego(r):
        vs = g.neighborhood(pos[hub], order=r)
        return [len(vs), g.induced_subgraph(vs).ecount()]

    def between():
        fu, fv = fams[el[:, 0]], fams[el[:, 1]]
        return int(np.sum(((fu == "ong") & (fv == "collectivite")) | ((fu == "collectivite") & (fv == "ong"))))

    def cross():
        cu, cv = ctry[el[:, 0]], ctry[el[:, 1]]
        keep = (cu != cv) & (cu != none) & (cv != none)
        lo, hi = np.minimum(cu[keep], cv[keep]), np.maximum(cu[keep], cv[keep])
        return [int(keep.sum()), len(np.unique(lo * 1000 + hi))]

    return {
        "ego1": timed(lambda: ego(1)),
        "ego2": timed(lambda: ego(2)),
        "path": timed(lambda: len(g.get_all_shortest_paths(pos[a], pos[b]))),
        "between": timed(between),
        "cross": timed(cross),
    }


def pick(d):
    with open(os.path.join(d, "participations.csv"), newline="", encoding="utf-8") as f:
        parts = list(csv.reader(f, delimiter=";"))[1:]
    with open(os.path.join(d, "liens.csv"), newline="", encoding="utf-8") as f:
        linked = {x for row in list(csv.reader(f, delimiter=";"))[1:] for x in row[:2]}
    size, projects = {}, {}
    for a, p in parts:
        size[p] = size.get(p, 0) + 1
        projects.setdefault(a, []).append(p)
    small = sorted(a for a, ps in projects.items() if a not in linked and all(size[p] <= 8 for p in ps))
    print("a00000", small[0], small[1])


def main():
    if sys.argv[1] == "pick":
        pick(sys.argv[2])
        return
    tool, d, hub, a, b = sys.argv[1:6]
    ids, fam, country, edges = read(d)
    res = {"networkx": networkx, "igraph": igraph}[tool](ids, fam, country, edges, hub, a, b)
    out = {"tool": tool, "ties": len(edges)}
    for k, (sec, answer) in res.items():
        out[k] = {"seconds": sec, "answer": answer}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
