# Writes graphml_networkx.graphml and gexf_networkx.gexf with NetworkX, to test
# that ingest reads the files another tool writes. Run from ingest/testdata:
#   /usr/bin/python3 graphml_gexf_networkx.py   (NetworkX 2.8.8, Debian python3-networkx)
import networkx as nx

G = nx.Graph()
G.add_node("mairie-nantes", name="Mairie de Nantes", famille="collectivité", pays="FR",
           territoire="Loire-Atlantique", niveau="local", website="https://nantes.fr")
G.add_node("enda", label="ENDA Tiers Monde", family="ong", country="SN", level="international")
G.add_node("coop", name="Coopérative Ñandú", family="entreprise", country="BF")
G.add_node("P1", kind="project", name="Eau potable", programme="Sahel", phase=2,
           start="2021", end="2024", dimensions="local;inclusive", targets="women|youth")
G.add_edge("mairie-nantes", "enda", type="funding", weight=2.5, start="2019")
G.add_edge("enda", "coop", type="technical support")
G.add_edge("coop", "P1", role="partner")
G.add_edge("mairie-nantes", "P1", role="lead", start="2021")
nx.write_graphml(G, "graphml_networkx.graphml")
nx.write_gexf(G, "gexf_networkx.gexf")
