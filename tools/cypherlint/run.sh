#!/usr/bin/env bash
# Lints every Cypher statement of graph/neo4jstore with Neo4j's own parser
# (@neo4j-cypher/language-support, pinned in package-lock.json), after proving
# with --self-test that the linter catches broken statements. Run from
# anywhere; needs go, node and npm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
node "$here/lint.mjs" --self-test
(cd "$root" && go run ./graph/neo4jstore/cmd/cypherstatements) | node "$here/lint.mjs"
