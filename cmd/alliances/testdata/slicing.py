"""Slices of the bundled example rebuilt from its CSV files, independently of
alliances, following docs/slices.md; used by gen_slice_reference.py
and gen_compare_reference.py.

  - projects: those passing every project filter (programme, phase, project,
    dimension, target, period: [start, end] overlaps the period, undated
    projects out);
  - participations of the kept projects with a kept role, and with a period
    whose own dates (if any) overlap it;
  - actors: with a project filter or a role, those with a kept participation,
    otherwise all; then the actor filters (family, country);
  - ties: co-participation in the kept projects through kept participations
    (one unit of weight per shared project), plus the declared links between
    kept actors active in the period (undated links always active).
The French values of the files are mapped by the small tables below.
"""
import calendar, csv, itertools, os
import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "..", "..", "examples", "loire-souss")

def rows(name):
    with open(os.path.join(data, name), encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=";"))

DIM = {"développement": "development", "local": "local", "locale": "local", "durable": "sustainable",
       "inclusif": "inclusive", "inclusive": "inclusive"}
TGT = {"jeunes": "youth", "femmes": "women", "handicap": "disability", "précarité": "precarity"}
FAM = {"collectivité territoriale": "collectivite", "association": "association", "ONG": "ong",
       "entreprise": "entreprise", "institution": "institution"}

actors = {a["id"]: dict(a, famille=FAM[a["famille"]]) for a in rows("acteurs.csv")}
projects = {p["id"]: dict(p, dims={DIM[d] for d in p["dimensions"].split("|") if d},
                          tgts={TGT[t] for t in p["cibles"].split("|") if t})
            for p in rows("projets.csv")}
parts = rows("participations.csv")
links = rows("liens.csv")

def low(d):
    if not d: return None
    return {4: d + "-01-01", 7: d + "-01", 10: d}[len(d)]

def high(d):
    if not d: return None
    if len(d) == 4: return d + "-12-31"
    if len(d) == 7:
        y, m = int(d[:4]), int(d[5:])
        return "%s-%02d" % (d, calendar.monthrange(y, m)[1])
    return d

def overlaps(period, start, end):
    f, t = period
    if t and start and low(start) > high(t): return False
    if f and end and high(end) < low(f): return False
    return True

def cut(sl):
    period = sl.get("period")
    by_project = any(k in sl for k in ("project", "programme", "phase", "dimension", "target", "period", "role"))
    kept_p = {}
    for pid, p in projects.items():
        if "project" in sl and pid not in sl["project"]: continue
        if "programme" in sl and p["programme"] not in sl["programme"]: continue
        if "phase" in sl and (not p["phase"] or int(p["phase"]) not in sl["phase"]): continue
        if "dimension" in sl and not p["dims"] & set(sl["dimension"]): continue
        if "target" in sl and not p["tgts"] & set(sl["target"]): continue
        if period:
            if not p["début"] and not p["fin"]: continue
            if not overlaps(period, p["début"], p["fin"]): continue
        kept_p[pid] = p
    kp = []
    for r in parts:
        if by_project and r["projet"] not in kept_p: continue
        if "role" in sl and r["rôle"] not in sl["role"]: continue
        if period and (r["début"] or r["fin"]) and not overlaps(period, r["début"], r["fin"]): continue
        kp.append(r)
    ids = {r["acteur"] for r in kp} if by_project else set(actors)
    if "family" in sl: ids = {i for i in ids if actors[i]["famille"] in sl["family"]}
    if "country" in sl: ids = {i for i in ids if actors[i]["pays"] in sl["country"]}
    kp = [r for r in kp if r["acteur"] in ids]
    G = nx.Graph()
    G.add_nodes_from(sorted(ids))
    def add(u, v, w):
        if G.has_edge(u, v): G[u][v]["weight"] += w
        else: G.add_edge(u, v, weight=w)
    undated = 0
    for l in links:
        if l["source"] not in ids or l["cible"] not in ids: continue
        if period:
            if not l["début"] and not l["fin"]: undated += 1
            elif not overlaps(period, l["début"], l["fin"]): continue
        add(l["source"], l["cible"], float(l["poids"]))
    members = {}
    for r in kp:
        members.setdefault(r["projet"], set()).add(r["acteur"])
    for ms in members.values():
        for u, v in itertools.combinations(sorted(ms), 2):
            add(u, v, 1.0)
    projs = sorted(kept_p) if by_project else sorted(projects)
    if "family" in sl or "country" in sl:
        projs = sorted(p for p in projs if p in members)
    return G, projs, undated

