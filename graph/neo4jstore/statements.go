package neo4jstore

import (
	"fmt"
	"regexp"
	"sort"
)

// BatchSize is the number of rows sent with one UNWIND statement. Neo4j's own
// import guidance suggests batches of 1,000 to 10,000 rows: large enough that
// the per-statement round trip is negligible, small enough that one batch's
// parameters (a few MB for wide actor rows) stay well below the Bolt message
// and heap limits of a default server.
const BatchSize = 5000

// The schema's node labels and relationship types: the only ones that the
// statements use. A relationship type joins the labels in RelationshipEnds.
var (
	Labels            = []string{"Actor", "Project", "Ingest"}
	RelationshipTypes = []string{"COOPERATES_WITH", "PARTICIPATES_IN"}
	RelationshipEnds  = map[string][2]string{
		"COOPERATES_WITH": {"Actor", "Actor"},
		"PARTICIPATES_IN": {"Actor", "Project"},
	}
)

// PropertyKeys returns the fixed property names that the statements use,
// sorted. Attribute properties (attr_<name>) and metric properties are named
// by the data and are not listed.
func PropertyKeys() []string {
	keys := []string{
		"_alliances_test", placeholderProp, putProp, attrNamesProp, "country", "directed",
		"dimensions", "end", "family", "id", "key", "level", metricKeysProp, "name",
		originFileProp, originLineProp, "phase", "programme", "record", "role", "seq", "start",
		"targets", "territory", "type", "weight",
	}
	sort.Strings(keys)
	return keys
}

// Statement is one Cypher statement that the store can send, with the names of
// the parameters it takes.
type Statement struct {
	Name   string   `json:"name"`
	Cypher string   `json:"cypher"`
	Params []string `json:"params"`
}

// Names of the statements of the registry. The code refers to statements only
// through these constants.
const (
	stConstraintActor            = "constraint_actor_id"
	stConstraintProject          = "constraint_project_id"
	stPing                       = "ping"
	stActorAttrKeys              = "actor_attr_keys"
	stActorUpsert                = "actor_upsert"
	stProjectAttrKeys            = "project_attr_keys"
	stProjectUpsert              = "project_upsert"
	stLinkUpsert                 = "link_upsert"
	stParticipationUpsert        = "participation_upsert"
	stLoadActors                 = "load_actors"
	stLoadProjects               = "load_projects"
	stLoadLinks                  = "load_links"
	stLoadParticipations         = "load_participations"
	stMetricKeys                 = "metric_keys"
	stMetricsUpsert              = "metrics_upsert"
	stLoadMetrics                = "load_metrics"
	stActorsByID                 = "actors_by_id"
	stMemberships                = "memberships"
	stParticipants               = "participants"
	stLinksOf                    = "links_of"
	stCountAbsent                = "count_absent"
	stDeleteAbsentLinks          = "delete_absent_links"
	stDeleteAbsentParticipations = "delete_absent_participations"
	stDeleteAbsentActors         = "delete_absent_actors"
	stDeleteAbsentProjects       = "delete_absent_projects"
	stIngestAdd                  = "ingest_add"
	stLoadIngests                = "load_ingests"
	stTestForeignNodes           = "test_foreign_nodes"
	stTestCleanup                = "test_cleanup"
)

// statements is the registry: every Cypher statement this package sends, by
// name. Labels, relationship types and property names are fixed here; user
// values are always parameters.
var statements = map[string]Statement{
	stConstraintActor: {
		Cypher: `CREATE CONSTRAINT alliances_actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE`,
	},
	stConstraintProject: {
		Cypher: `CREATE CONSTRAINT alliances_project_id IF NOT EXISTS FOR (p:Project) REQUIRE p.id IS UNIQUE`,
	},
	stPing: {
		Cypher: `RETURN 1 AS ok`,
	},
	stActorAttrKeys: {
		Cypher: `UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.attribute_names AS attribute_names`,
		Params: []string{"ids"},
	},
	stActorUpsert: {
		Cypher: `UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a += row.props`,
		Params: []string{"rows"},
	},
	stProjectAttrKeys: {
		Cypher: `UNWIND $ids AS id
MATCH (p:Project {id: id})
RETURN p.id AS id, p.attribute_names AS attribute_names`,
		Params: []string{"ids"},
	},
	stProjectUpsert: {
		Cypher: `UNWIND $rows AS row
MERGE (p:Project {id: row.id})
SET p += row.props`,
		Params: []string{"rows"},
	},
	stLinkUpsert: {
		Cypher: `UNWIND $rows AS row
MERGE (s:Actor {id: row.source})
  ON CREATE SET s += row.placeholder
MERGE (t:Actor {id: row.target})
  ON CREATE SET t += row.placeholder
WITH row, s, t
OPTIONAL MATCH (s)-[old:COOPERATES_WITH {key: row.key}]-(t)
WITH row, s, t, collect(DISTINCT old) AS olds
FOREACH (o IN olds | DELETE o)
CREATE (s)-[r:COOPERATES_WITH]->(t)
SET r = row.props`,
		Params: []string{"rows"},
	},
	stParticipationUpsert: {
		Cypher: `UNWIND $rows AS row
MERGE (a:Actor {id: row.actor})
  ON CREATE SET a += row.placeholder
MERGE (p:Project {id: row.project})
  ON CREATE SET p += row.placeholder
MERGE (a)-[r:PARTICIPATES_IN]->(p)
SET r = row.props`,
		Params: []string{"rows"},
	},
	stLoadActors: {
		Cypher: `MATCH (a:Actor)
WHERE a._placeholder IS NULL
RETURN properties(a) AS props`,
	},
	stLoadProjects: {
		Cypher: `MATCH (p:Project)
WHERE p._placeholder IS NULL
RETURN properties(p) AS props`,
	},
	stLoadLinks: {
		Cypher: `MATCH (s:Actor)-[r:COOPERATES_WITH]->(t:Actor)
RETURN s.id AS source, t.id AS target, properties(r) AS props`,
	},
	stLoadParticipations: {
		Cypher: `MATCH (a:Actor)-[r:PARTICIPATES_IN]->(p:Project)
RETURN a.id AS actor, p.id AS project, properties(r) AS props`,
	},
	stMetricKeys: {
		Cypher: `UNWIND $ids AS id
MATCH (a:Actor {id: id})
WHERE a._placeholder IS NULL
RETURN a.id AS id, a.metric_keys AS metric_keys`,
		Params: []string{"ids"},
	},
	stMetricsUpsert: {
		Cypher: `UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
SET a += row.values`,
		Params: []string{"rows"},
	},
	// The reads of graph.NetworkReader: bounded by the ids they are given,
	// each follows one relationship from the nodes that the index of the
	// uniqueness constraint finds.
	stActorsByID: {
		Cypher: `UNWIND $ids AS id
MATCH (a:Actor {id: id})
WHERE a._placeholder IS NULL
RETURN properties(a) AS props`,
		Params: []string{"ids"},
	},
	stMemberships: {
		Cypher: `UNWIND $ids AS id
MATCH (a:Actor {id: id})-[:PARTICIPATES_IN]->(p:Project)
RETURN a.id AS actor, p.id AS project`,
		Params: []string{"ids"},
	},
	stParticipants: {
		Cypher: `UNWIND $ids AS id
MATCH (a:Actor)-[:PARTICIPATES_IN]->(p:Project {id: id})
RETURN a.id AS actor, p.id AS project`,
		Params: []string{"ids"},
	},
	stLinksOf: {
		Cypher: `UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:COOPERATES_WITH]-(:Actor)
WITH DISTINCT r
RETURN startNode(r).id AS source, endNode(r).id AS target, properties(r) AS props`,
		Params: []string{"ids"},
	},
	stLoadMetrics: {
		Cypher: `MATCH (a:Actor)
WHERE a.metric_keys IS NOT NULL AND a._placeholder IS NULL
RETURN a.id AS id, properties(a) AS props`,
	},
	// The records that a PutBatches (whose records carry _put = $token) did
	// not write: counted, or deleted by a replace.
	stCountAbsent: {
		Cypher: `RETURN COUNT { MATCH (a:Actor) WHERE a._placeholder IS NULL AND coalesce(a._put, '') <> $token } AS actors,
  COUNT { MATCH (p:Project) WHERE p._placeholder IS NULL AND coalesce(p._put, '') <> $token } AS projects,
  COUNT { MATCH (:Actor)-[r:COOPERATES_WITH]->(:Actor) WHERE coalesce(r._put, '') <> $token } AS links,
  COUNT { MATCH (:Actor)-[r:PARTICIPATES_IN]->(:Project) WHERE coalesce(r._put, '') <> $token } AS participations`,
		Params: []string{"token"},
	},
	stDeleteAbsentLinks: {
		Cypher: `MATCH (:Actor)-[r:COOPERATES_WITH]->(:Actor)
WHERE coalesce(r._put, '') <> $token
DELETE r
RETURN count(*) AS deleted`,
		Params: []string{"token"},
	},
	stDeleteAbsentParticipations: {
		Cypher: `MATCH (:Actor)-[r:PARTICIPATES_IN]->(:Project)
WHERE coalesce(r._put, '') <> $token
DELETE r
RETURN count(*) AS deleted`,
		Params: []string{"token"},
	},
	// An absent node that a tie of the put still names becomes a placeholder;
	// the others, and placeholders that no tie names any more, are deleted.
	stDeleteAbsentActors: {
		Cypher: `MATCH (a:Actor)
WHERE (a._placeholder IS NULL AND coalesce(a._put, '') <> $token)
   OR (a._placeholder IS NOT NULL AND NOT EXISTS { (a)--() })
WITH a, a.id AS id, a._placeholder IS NULL AS absent, EXISTS { (a)--() } AS tied
FOREACH (x IN CASE WHEN tied THEN [1] ELSE [] END | SET a = $placeholder SET a.id = id)
FOREACH (x IN CASE WHEN tied THEN [] ELSE [1] END | DELETE a)
RETURN count(CASE WHEN absent THEN 1 END) AS deleted`,
		Params: []string{"token", "placeholder"},
	},
	stDeleteAbsentProjects: {
		Cypher: `MATCH (p:Project)
WHERE (p._placeholder IS NULL AND coalesce(p._put, '') <> $token)
   OR (p._placeholder IS NOT NULL AND NOT EXISTS { (p)--() })
WITH p, p.id AS id, p._placeholder IS NULL AS absent, EXISTS { (p)--() } AS tied
FOREACH (x IN CASE WHEN tied THEN [1] ELSE [] END | SET p = $placeholder SET p.id = id)
FOREACH (x IN CASE WHEN tied THEN [] ELSE [1] END | DELETE p)
RETURN count(CASE WHEN absent THEN 1 END) AS deleted`,
		Params: []string{"token", "placeholder"},
	},
	// The ingest log: one node per record, numbered in the order added, its
	// JSON in the property record (see ingests.go).
	stIngestAdd: {
		Cypher: `OPTIONAL MATCH (i:Ingest)
WITH coalesce(max(i.seq), 0) + 1 AS seq
CREATE (n:Ingest {seq: seq})
SET n += $props`,
		Params: []string{"props"},
	},
	stLoadIngests: {
		Cypher: `MATCH (i:Ingest)
RETURN i.record AS record
ORDER BY i.seq`,
	},
	// The two statements below are sent only by the contract test of this
	// package (store_test.go), which marks every node it creates with the
	// property _alliances_test.
	stTestForeignNodes: {
		Cypher: `MATCH (n)
WHERE n._alliances_test IS NULL
RETURN count(n) AS foreign`,
	},
	stTestCleanup: {
		Cypher: `MATCH (n)
WHERE n._alliances_test IS NOT NULL
DETACH DELETE n`,
	},
}

// paramRE matches a Cypher parameter reference such as $rows.
var paramRE = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)

// Statements returns every statement of the registry, sorted by name, for the
// Cypher linter (tools/cypherlint).
func Statements() []Statement {
	out := make([]Statement, 0, len(statements))
	for name, st := range statements {
		st.Name = name
		st.Params = append([]string{}, st.Params...)
		out = append(out, st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// statement returns the Cypher of the named statement and checks that params
// holds exactly the parameters it declares.
func statement(name string, params map[string]any) (string, error) {
	st, ok := statements[name]
	if !ok {
		return "", fmt.Errorf("neo4jstore: unknown statement %q", name)
	}
	if len(params) != len(st.Params) {
		return "", fmt.Errorf("neo4jstore: statement %s takes %d parameters, got %d", name, len(st.Params), len(params))
	}
	for _, p := range st.Params {
		if _, ok := params[p]; !ok {
			return "", fmt.Errorf("neo4jstore: statement %s: missing parameter $%s", name, p)
		}
	}
	return st.Cypher, nil
}
