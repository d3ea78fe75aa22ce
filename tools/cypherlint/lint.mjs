// lint.mjs checks every Cypher statement of graph/neo4jstore with Neo4j's own
// parser and semantic analysis (@neo4j-cypher/language-support,
// lintCypherQuery), as Cypher 5 for a Neo4j 5 server.
//
// Usage:
//   go run ./graph/neo4jstore/cmd/cypherstatements | node tools/cypherlint/lint.mjs
//   node tools/cypherlint/lint.mjs --self-test
//
// Standard input is the JSON written by cmd/cypherstatements: the schema
// (labels, relationship types and their ends, property keys) and the
// statements with their declared parameters. Every diagnostic is a failure:
// errors (syntax, semantics, undeclared parameters) and warnings (labels,
// relationship types or property keys outside the schema, relationships in the
// wrong direction, deprecations). The exit status is 0 when every statement is
// clean, 1 otherwise, 2 on bad input.
//
// --self-test lints known-bad statements and fails unless each one is caught,
// then lints a known-good one and fails unless it passes.
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { readFileSync } from 'node:fs';

const severityName = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

// dbSchema builds the schema that lintCypherQuery checks a statement against.
function dbSchema(input, params) {
  const parameters = {};
  for (const p of params ?? []) parameters[p] = null;
  const ends = input.relationship_ends ?? {};
  return {
    labels: input.labels ?? [],
    relationshipTypes: input.relationship_types ?? [],
    propertyKeys: input.property_keys ?? [],
    graphSchema: Object.entries(ends).map(([relType, [from, to]]) => ({ from, to, relType })),
    parameters,
    defaultLanguage: 'CYPHER 5',
  };
}

// lint returns one message per diagnostic of the statement.
function lint(input, st) {
  const { diagnostics } = lintCypherQuery(st.cypher, dbSchema(input, st.params), {
    consoleCommandsEnabled: false,
  });
  return diagnostics.map((d) => {
    const line = d.range.start.line + 1;
    const col = d.range.start.character + 1;
    const sev = severityName[d.severity] ?? `severity ${d.severity}`;
    return `${st.name}:${line}:${col}: ${sev}: ${d.message}`;
  });
}

function lintAll(input) {
  if (!Array.isArray(input.statements) || input.statements.length === 0) {
    console.error('cypherlint: no statements in the input');
    return 2;
  }
  let failed = 0;
  for (const st of input.statements) {
    const problems = lint(input, st);
    if (problems.length > 0) {
      failed++;
      for (const p of problems) console.error(p);
      console.error(`  in statement ${st.name}:\n    ${st.cypher.split('\n').join('\n    ')}`);
    }
  }
  const n = input.statements.length;
  console.log(`cypherlint: ${n - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

// selfTest proves that the linter catches what it must catch.
function selfTest() {
  const schema = {
    labels: ['Actor', 'Project'],
    relationship_types: ['COOPERATES_WITH', 'PARTICIPATES_IN'],
    relationship_ends: { COOPERATES_WITH: ['Actor', 'Actor'], PARTICIPATES_IN: ['Actor', 'Project'] },
    property_keys: ['id', 'props', 'role'],
  };
  const bad = [
    { name: 'syntax', cypher: 'UNWIND $rows AS row MERGE (a:Actor {id: row.id) SET a += row.props', params: ['rows'] },
    { name: 'undeclared_parameter', cypher: 'UNWIND $rowz AS row MERGE (a:Actor {id: row.id}) SET a += row.props', params: ['rows'] },
    { name: 'unknown_variable', cypher: 'UNWIND $rows AS row MERGE (a:Actor {id: row.id}) SET b += row.props', params: ['rows'] },
    { name: 'unknown_label', cypher: 'MATCH (a:Actr) RETURN a.id AS id', params: [] },
    { name: 'unknown_property', cypher: 'MATCH (a:Actor) RETURN a.idd AS id', params: [] },
    { name: 'unknown_rel_type', cypher: 'MATCH (a:Actor)-[r:PARTICIPATE_IN]->(p:Project) RETURN r.role AS role', params: [] },
    { name: 'missing_return', cypher: 'MATCH (a:Actor) WITH a', params: [] },
  ];
  const good = { name: 'good', cypher: 'UNWIND $rows AS row MERGE (a:Actor {id: row.id}) SET a += row.props', params: ['rows'] };
  let ok = true;
  for (const st of bad) {
    const problems = lint(schema, st);
    if (problems.length === 0) {
      console.error(`self-test: the broken statement ${st.name} was not caught: ${st.cypher}`);
      ok = false;
    } else {
      console.log(`self-test: caught ${problems[0]}`);
    }
  }
  const problems = lint(schema, good);
  if (problems.length > 0) {
    console.error(`self-test: the valid statement was rejected: ${problems.join('; ')}`);
    ok = false;
  }
  console.log(`self-test: ${ok ? 'ok' : 'FAILED'}`);
  return ok ? 0 : 1;
}

function main() {
  if (process.argv.includes('--self-test')) return selfTest();
  let input;
  try {
    input = JSON.parse(readFileSync(0, 'utf8'));
  } catch (e) {
    console.error(`cypherlint: cannot read the statements JSON from standard input: ${e.message}`);
    return 2;
  }
  return lintAll(input);
}

process.exitCode = main();
