#!/usr/bin/python3
"""Reference comparisons of the bundled example (alliances compare), computed
by NetworkX.

Run with Debian's python3-networkx:
    /usr/bin/python3 cmd/alliances/testdata/gen_compare_reference.py > cmd/alliances/testdata/compare_reference.json

Each slice is cut from the CSV files by slicing.py (independently of
alliances); the measures follow docs/compare.md:
  - per slice: actors, ties, projects, density, components, network E-I index
    ((E − I)/(E + I) over ties, E between families), families, family coverage
    (share of collectivite, association, ong, entreprise present), dimensions
    and target groups of its projects;
  - between successive slices: entered, left, stayed actors, ties kept, new
    and dropped, Jaccard of actor and tie sets, the largest rank changes of
    degree and betweenness (competition ranks, 1 = highest, among the actors
    that stayed and rank in the top 20 of one of the two slices; 5 per metric,
    largest |change| first, then by id);
  - across: tenure, first, last and longest run of every actor, the slices and
    longest run of every tie in at least two slices, the lasting core, and the
    continuity index (ties kept / ties of the earlier slice, averaged).
"""
import json, sys
import networkx as nx
from slicing import cut, projects, actors

CORE = ["collectivite", "association", "ong", "entreprise"]
DIMS = ["development", "local", "sustainable", "inclusive"]
TGTS = ["youth", "women", "disability", "precarity"]

def ranks(values):
    order = sorted(values, key=lambda k: -values[k])
    out = {}
    for i, k in enumerate(order):
        if i > 0 and abs(values[k] - values[order[i - 1]]) <= 1e-12 * max(abs(values[k]), 1e-300):
            out[k] = out[order[i - 1]]
        else:
            out[k] = i + 1
    return out

def measure(label, sl):
    G, projs, _ = cut(sl)
    fam = {a: actors[a]["famille"] for a in G}
    e = sum(1 for u, v in G.edges() if fam[u] != fam[v])
    i = G.number_of_edges() - e
    families = {}
    for a in G:
        families[fam[a]] = families.get(fam[a], 0) + 1
    dims = {d for p in projs for d in projects[p]["dims"]}
    tgts = {t for p in projs for t in projects[p]["tgts"]}
    n = G.number_of_nodes()
    stats = {
        "label": label, "actors": n, "ties": G.number_of_edges(), "projects": len(projs),
        "density": nx.density(G) if n > 1 else None,
        "components": nx.number_connected_components(G),
        "ei_index": (e - i) / (e + i) if e + i else None,
        "families": families,
        "family_coverage": sum(1 for f in CORE if f in families) / 4,
        "dimensions": [d for d in DIMS if d in dims], "targets": [t for t in TGTS if t in tgts],
    }
    deg = dict(G.degree())
    btw = nx.betweenness_centrality(G)
    return stats, G, {"degree": ranks(deg), "betweenness": ranks(btw)}

def runs(idx):
    best = run = 0
    for k, s in enumerate(idx):
        run = run + 1 if k and s == idx[k - 1] + 1 else 1
        best = max(best, run)
    return best

def compare(by, specs):
    slices, graphs, rks = [], [], []
    for label, sl in specs:
        s, G, r = measure(label, sl)
        slices.append(s); graphs.append(G); rks.append(r)
    edges = [{tuple(sorted(e)) for e in G.edges()} for G in graphs]
    trans, cont = [], []
    for k in range(len(graphs) - 1):
        A, B = set(graphs[k]), set(graphs[k + 1])
        kept = edges[k] & edges[k + 1]
        changes = []
        for metric in ("degree", "betweenness"):
            moves = []
            for a in sorted(A & B):
                f, t = rks[k][metric][a], rks[k + 1][metric][a]
                if min(f, t) <= 20 and f != t:
                    moves.append({"id": a, "metric": metric, "from": f, "to": t, "change": f - t})
            moves.sort(key=lambda m: (-abs(m["change"]), m["id"]))
            changes += moves[:5]
        union = len(A | B)
        eunion = len(edges[k] | edges[k + 1])
        trans.append({
            "from": specs[k][0], "to": specs[k + 1][0],
            "entered": sorted(B - A), "left": sorted(A - B), "stayed": sorted(A & B),
            "ties_kept": len(kept), "ties_new": len(edges[k + 1] - kept), "ties_dropped": len(edges[k] - kept),
            "actor_jaccard": len(A & B) / union if union else None,
            "tie_jaccard": len(kept) / eunion if eunion else None,
            "rank_changes": changes,
        })
        if edges[k]:
            cont.append(len(kept) / len(edges[k]))
    tenure = {}
    for k, G in enumerate(graphs):
        for a in G:
            tenure.setdefault(a, []).append(k)
    ties = {}
    for k, es in enumerate(edges):
        for e in es:
            ties.setdefault(e, []).append(k)
    core_a = set(graphs[0]).intersection(*graphs[1:]) if graphs else set()
    core_t = edges[0].intersection(*edges[1:]) if edges else set()
    return {
        "by": by, "slices": slices, "transitions": trans,
        "actors": [{"id": a, "family": actors[a]["famille"], "tenure": len(p), "first": specs[p[0]][0],
                    "last": specs[p[-1]][0], "longest_run": runs(p)} for a, p in sorted(tenure.items())],
        "ties": [{"a": a, "b": b, "slices": [specs[k][0] for k in p], "longest_run": runs(p)}
                 for (a, b), p in sorted(ties.items()) if len(p) > 1],
        "ties_not_listed": sum(1 for p in ties.values() if len(p) == 1),
        "core": {"actors": sorted(core_a), "ties": [list(t) for t in sorted(core_t)]},
        "continuity": sum(cont) / len(cont) if cont else None,
    }

phases = sorted({int(p["phase"]) for p in projects.values() if p["phase"]})
years = sorted({int(p["début"][:4]) for p in projects.values() if p["début"]})
periods = [("2012", "2016"), ("2017", "2019"), ("2020", "")]

out = {
    "networkx": nx.__version__,
    "phase": compare("phase", [("phase %d" % n, {"phase": [n]}) for n in phases]),
    "year": compare("year", [(str(y), {"project": [p for p in projects if projects[p]["début"][:4] == str(y)],
                                       "period": (str(y), str(y))}) for y in years]),
    "period": compare("period", [("%s:%s" % p, {"period": p}) for p in periods]),
}
json.dump(out, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
