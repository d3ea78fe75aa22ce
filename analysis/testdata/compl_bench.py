#!/usr/bin/python3
"""Side-by-side speed of constraint + effective size: NetworkX 2.8.8 against
alliances (BenchmarkHolesEdgeList in analysis/complementarity_bench_test.go).

    /usr/bin/python3 analysis/testdata/compl_bench.py [nodes] [m]

Builds nx.powerlaw_cluster_graph(nodes, m, 0.3, seed=1) with weights 1..5,
writes it as an edge list, times nx.constraint + nx.effective_size (weight=None
and weight="weight") once, runs the Go benchmark on the same edge list, and
prints both times and their ratio. Not run by `go test`: it needs Python.
"""
import os
import random
import re
import subprocess
import sys
import tempfile
import time

import networkx as nx

nodes = int(sys.argv[1]) if len(sys.argv) > 1 else 400
m = int(sys.argv[2]) if len(sys.argv) > 2 else 4
G = nx.powerlaw_cluster_graph(nodes, m, 0.3, seed=1)
rng = random.Random(1)
for a, b in G.edges():
    G[a][b]["weight"] = rng.randint(1, 5)

fd, path = tempfile.mkstemp(suffix=".tsv")
with os.fdopen(fd, "w") as f:
    for a, b, w in G.edges(data="weight"):
        f.write(f"{a}\t{b}\t{w}\n")

t0 = time.perf_counter()
for w in (None, "weight"):
    nx.constraint(G, weight=w)
    nx.effective_size(G, weight=w)
py = time.perf_counter() - t0

here = os.path.dirname(os.path.abspath(__file__))
out = subprocess.run(
    ["go", "test", "-run", "^$", "-bench", "^BenchmarkHolesEdgeList$", "-benchtime", "3x", "."],
    cwd=os.path.dirname(here),
    env=dict(os.environ, ALLIANCES_BENCH_EDGES=path),
    capture_output=True, text=True, check=True,
).stdout
os.remove(path)
ns = float(re.search(r"BenchmarkHolesEdgeList\S*\s+\d+\s+([\d.]+) ns/op", out).group(1))
go = ns / 1e9
print(f"{G.number_of_nodes()} nodes, {G.number_of_edges()} ties, unweighted + weighted")
print(f"NetworkX {nx.__version__}: {py:.3f} s   alliances: {go:.4f} s   ratio {py / go:.0f}x")
