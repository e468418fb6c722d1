#!/usr/bin/env bash
# The main job: set up if needed, then process the embedded corpus in inputs/ into output/.
# (Until `plandiff report` lands this writes each document's outline; see docs/roadmap.md.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p output/outlines
.venv/bin/plandiff documents --quiet > output/documents.tsv
for id in $(cut -f1 output/documents.tsv); do
  echo "outline: $id" >&2
  .venv/bin/plandiff outline "$id" --json > "output/outlines/$id.json.tmp"
  mv "output/outlines/$id.json.tmp" "output/outlines/$id.json"
  .venv/bin/plandiff outline "$id" > "output/outlines/$id.txt"
done
echo "wrote output/documents.tsv and output/outlines/" >&2
