"""Build notebooks/data/h2020-sc6/ from the CORDIS H2020 participations.

Input: h2020.csv.gz and programme_parts.csv.gz of github.com/zambujo/eunets
(commit f1bec7e0e150151f49fa3ff0c06b2f6ea31e2c05, MIT licence, see
h2020-sc6/SOURCE.md), by default from shared/datasets/h2020-participations beside
the repository (the project's copy of the data sets; see docs/datasets.md).

Output: the Horizon 2020 projects of the societal challenge SC6 "Europe in a
changing world: inclusive, innovative and reflective societies" as three
tables that `alliances ingest` reads:

  actors.csv          id (PIC), name, family, country, activity_type, country_group
  projects.csv        id (CORDIS rcn), name, programme, start, end
  participations.csv  actor, project, role, start, end

Family mapping (CORDIS activity type -> alliances family, docs/ingest.md):
  HES higher or secondary education -> institution
  REC research organisation         -> institution
  PRC private for-profit company     -> entreprise
  PUB public body (not research, not education) -> collectivite
  OTH other (associations, NGOs, foundations, networks) -> association
The CORDIS type is kept as the actor attribute activity_type.

Countries: CORDIS uses EU protocol codes; EL and UK become the ISO 3166-1
codes GR and GB. Usage: /usr/bin/python3 make_h2020_sc6.py [SRC_DIR]
"""
import os
import sys

import pandas as pd

SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "datasets", "h2020-participations")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "h2020-sc6")

FAMILY = {"HES": "institution", "REC": "institution", "PRC": "entreprise",
          "PUB": "collectivite", "OTH": "association"}
TYPE_LABEL = {"HES": "higher education", "REC": "research organisation",
              "PRC": "company", "PUB": "public body", "OTH": "other organisation"}
ISO = {"EL": "GR", "UK": "GB"}

parts = pd.read_csv(os.path.join(SRC, "programme_parts.csv.gz"), na_values=["NA"], keep_default_na=False)
sc6 = set(parts.loc[parts["programme_part"] == "SC6", "rcn"])
rows = pd.read_csv(os.path.join(SRC, "h2020.csv.gz"), na_values=["NA"], keep_default_na=False,
                   dtype={"pic": str, "rcn": str})
rows = rows[rows["rcn"].astype(int).isin(sc6)].copy()
rows["country"] = rows["country"].fillna("").map(lambda c: ISO.get(c, c))

actors = (rows.groupby("pic", sort=True)
          .agg(type=("type", "first"), country=("country", "first"), group=("group", "first"))
          .reset_index())
actors = pd.DataFrame({
    "id": actors["pic"],
    "name": actors["type"].map(TYPE_LABEL) + " " + actors["pic"] + " (" + actors["country"] + ")",
    "family": actors["type"].map(FAMILY),
    "country": actors["country"],
    "activity_type": actors["type"],
    "country_group": actors["group"],
})

projects = (rows.groupby("rcn", sort=True)
            .agg(start=("start_date", "first"), end=("end_date", "first")).reset_index())
projects = pd.DataFrame({
    "id": projects["rcn"],
    "name": "H2020 SC6 project " + projects["rcn"],
    "programme": "Horizon 2020 SC6",
    "start": projects["start"].fillna(""),
    "end": projects["end"].fillna(""),
})

participations = pd.DataFrame({
    "actor": rows["pic"], "project": rows["rcn"], "role": rows["role"],
    "start": rows["start_date"].fillna(""), "end": rows["end_date"].fillna(""),
}).sort_values(["actor", "project"])

os.makedirs(OUT, exist_ok=True)
actors.to_csv(os.path.join(OUT, "actors.csv"), index=False, lineterminator="\n")
projects.to_csv(os.path.join(OUT, "projects.csv"), index=False, lineterminator="\n")
participations.to_csv(os.path.join(OUT, "participations.csv"), index=False, lineterminator="\n")
print(f"{len(actors)} actors, {len(projects)} projects, {len(participations)} participations")
print(actors["activity_type"].value_counts().to_string())
