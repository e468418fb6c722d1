#!/usr/bin/env bash
# The main job: set up if needed, then process the embedded corpus in inputs/ into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/plandiff documents "$@"
