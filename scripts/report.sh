#!/usr/bin/env bash
# The main job: set up if needed, then process the embedded corpus in inputs/ into output/.
# Until `plandiff report` lands (issue 6) it writes each document's outline and indicators, and the
# comparison JSON of the three default comparisons.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
plandiff=.venv/bin/plandiff
mkdir -p output/outlines output/indicators
$plandiff documents --quiet > output/documents.tsv
for id in $(cut -f1 output/documents.tsv); do
  echo "document: $id" >&2
  $plandiff outline "$id" --json > "output/outlines/$id.json.tmp" && mv "output/outlines/$id.json.tmp" "output/outlines/$id.json"
  $plandiff outline "$id" > "output/outlines/$id.txt"
  $plandiff indicators "$id" --csv > "output/indicators/$id.csv.tmp" && mv "output/indicators/$id.csv.tmp" "output/indicators/$id.csv"
done
compare() {  # id old new
  echo "comparison: $1" >&2
  $plandiff compare "$2" "$3" --out "output/$1" > "output/$1/summary.txt.tmp"
  mv "output/$1/summary.txt.tmp" "output/$1/summary.txt"
}
mkdir -p output/kunshan-14-vs-15 output/kunshan-15-vs-suzhou-15 output/wujiang-14-vs-kunshan-14
compare kunshan-14-vs-15 kunshan-14-interpretation,kunshan-14-article kunshan-15-plan
compare kunshan-15-vs-suzhou-15 suzhou-15-recommendations kunshan-15-plan
compare wujiang-14-vs-kunshan-14 wujiang-14-plan kunshan-14-interpretation
echo "wrote output/documents.tsv, output/outlines/, output/indicators/ and three comparisons" >&2
