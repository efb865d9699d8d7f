#!/usr/bin/env bash
# The main job: set up, ingest the agreements (the files or folders given, else ../shared/corpus) into the
# store (SQLite by default, or KOMMUNEOKONOMI_DB), then show the frames and balance of all known years side
# by side. Without agreement files (a clone on its own) it shows the shipped parameters, the embedded default.
#   bash scripts/run.sh                 # ../shared/corpus (or KOMMUNEOKONOMI_CORPUS), if it has files
#   bash scripts/run.sh FILE|DIR ...    # these agreement files
# KOMMUNEOKONOMI_SKIP_SETUP=1 skips the set-up (pip) when .venv is ready (the tests use it).
set -euo pipefail
paths=()
for p in "$@"; do  # the paths given are relative to where the user stands, not to the repository
  case "$p" in /*) paths+=("$p") ;; *) paths+=("$PWD/$p") ;; esac
done
cd "$(dirname "$0")/.."
if [ -z "${KOMMUNEOKONOMI_SKIP_SETUP:-}" ]; then
  bash scripts/setup.sh
fi
if [ ${#paths[@]} -gt 0 ]; then
  .venv/bin/kommuneokonomi ingest "${paths[@]}"
else
  CORPUS="${KOMMUNEOKONOMI_CORPUS:-../shared/corpus}"
  if [ -d "$CORPUS" ] && [ -n "$(find "$CORPUS" -type f -not -path '*/.*' -print -quit)" ]; then
    .venv/bin/kommuneokonomi ingest "$CORPUS"
  else
    echo "Ingen aftalefiler i $CORPUS — viser de indbyggede parametre (src/kommuneokonomi/parameters/aftaler)" \
      "og hvad databasen allerede har. Indlæs aftaler med: bash scripts/run.sh FIL|MAPPE"
  fi
fi
.venv/bin/kommuneokonomi aftaler
