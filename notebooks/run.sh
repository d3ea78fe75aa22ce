#!/usr/bin/env bash
# Execute every notebook top to bottom; fail on the first failing cell.
#
# Usage: bash notebooks/run.sh           check (outputs go to a temporary directory)
#        bash notebooks/run.sh --inplace refresh the committed outputs
#
# Needs the alliances binary ($ALLIANCES_BIN, bin/alliances at the repository
# root, or alliances on PATH) and Jupyter with a python3 kernel and pandas.
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${ALLIANCES_BIN:-}" ] && [ ! -x ../bin/alliances ] && ! command -v alliances >/dev/null; then
  echo "notebooks/run.sh: no alliances binary: run 'go build -o bin/alliances ./cmd/alliances' at the repository root" >&2
  exit 1
fi
flags=(--to notebook --execute --ExecutePreprocessor.timeout=600)
if [ "${1:-}" = "--inplace" ]; then
  flags+=(--inplace --ClearMetadataPreprocessor.enabled=True --ClearMetadataPreprocessor.clear_notebook_metadata=False)
else
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  flags+=(--output-dir "$out")
fi
noise='frozen modules|Debugger warning|PYDEVD|make the debugger|to python to disable|Debugging will proceed'
log=$(mktemp)
for nb in *.ipynb; do
  echo "notebooks/run.sh: $nb"
  if ! jupyter nbconvert "${flags[@]}" "$nb" >"$log" 2>&1; then
    grep -v -E "$noise" "$log" >&2 || true
    rm -f "$log"
    echo "notebooks/run.sh: $nb failed" >&2
    exit 1
  fi
  grep -v -E "$noise" "$log" || true
done
rm -f "$log"
echo "notebooks/run.sh: all notebooks ran"
