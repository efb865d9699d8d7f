#!/usr/bin/env bash
# The main job: set up, ingest every agreement in ../shared/corpus into the store (SQLite by default,
# or KOMMUNEOKONOMI_DB), then show the frames and balance of all known years side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
CORPUS="${1:-../shared/corpus}"
.venv/bin/kommuneokonomi ingest "$CORPUS"
.venv/bin/kommuneokonomi aftaler
