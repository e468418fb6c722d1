#!/usr/bin/env bash
# The main job: set up if needed, then `plandiff report` on the embedded corpus (inputs/plans.toml):
# every configured comparison rendered to output/<id>/ as report.pdf, report.xlsx, report.html,
# comparison.json and summary.md, with output/index.html linking them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/plandiff report --out output "$@"
