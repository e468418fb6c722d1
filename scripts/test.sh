#!/usr/bin/env bash
# Set up if needed, then run the whole test suite (extra arguments go to pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check plandiff tests bench
exec .venv/bin/python -m pytest "$@"
