"""Reads the exports of alliances back with NetworkX and igraph.

Usage: /usr/bin/python3 readback.py DIR

DIR holds network.graphml, network-1.2.gexf, network-1.3.gexf (the actor
network with metrics), twomode.graphml and twomode.gexf (the raw data). Prints
one JSON object: for each file, what each tool read (nodes, edges, whether the
graph is directed, node and edge attributes) and the betweenness each tool
recomputes from the file, unweighted and with the distance attribute, by node.

Tools: Debian's python3-networkx (2.8) and python3-igraph (0.10). NetworkX
2.8 reads GEXF 1.1 and 1.2 only; the 1.3 file is read with the entry that
NetworkX 3 has for 1.3 in GEXF.versions (networkx/readwrite/gexf.py), added
here when missing, so that the test checks the file against what NetworkX 3
expects.
"""
import json
import os
import sys

import igraph as ig
import networkx as nx
from networkx.readwrite import gexf as nxgexf

if "1.3" not in nxgexf.GEXF.versions:
    nxgexf.GEXF.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    }


def describe_nx(G, metrics):
    out = {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "directed": G.is_directed(),
        "node_attrs": {n: dict(d) for n, d in G.nodes(data=True)},
        "edge_attrs": [[u, v, dict(d)] for u, v, d in G.edges(data=True)],
    }
    if metrics:
        S = nx.Graph(G)
        out["betweenness"] = nx.betweenness_centrality(S)
        out["betweenness_distance"] = nx.betweenness_centrality(S, weight="distance")
    return out


def describe_ig(g, metrics):
    names = g.vs["id"] if "id" in g.vs.attributes() else g.vs["_nx_name"]
    out = {"nodes": g.vcount(), "edges": g.ecount(), "directed": g.is_directed()}
    if metrics:
        n = g.vcount()
        scale = 2 / ((n - 1) * (n - 2))
        out["betweenness"] = dict(zip(names, (b * scale for b in g.betweenness(directed=False))))
        out["betweenness_distance"] = dict(
            zip(names, (b * scale for b in g.betweenness(directed=False, weights="distance")))
        )
        out["node_attrs"] = {
            name: {k: g.vs[i][k] for k in g.vs.attributes()} for i, name in enumerate(names)
        }
    return out


def main(d):
    res = {}
    for name in ["network.graphml", "twomode.graphml"]:
        metrics = name.startswith("network")
        path = os.path.join(d, name)
        res[name] = {
            "networkx": describe_nx(nx.read_graphml(path), metrics),
            "igraph": describe_ig(ig.Graph.Read_GraphML(path), metrics),
        }
    for name in ["network-1.2.gexf", "network-1.3.gexf", "twomode.gexf"]:
        metrics = name.startswith("network")
        G = nx.read_gexf(os.path.join(d, name))
        # python-igraph reads no GEXF: it takes the graph NetworkX read.
        res[name] = {
            "networkx": describe_nx(G, metrics),
            "igraph": describe_ig(ig.Graph.from_networkx(nx.Graph(G)), metrics),
        }
    json.dump(clean(res), sys.stdout, default=str)


def clean(x):
    """Undefined values (NaN) become null, which JSON has."""
    if isinstance(x, float) and x != x:
        return None
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    return x


main(sys.argv[1])
