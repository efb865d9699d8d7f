#!/usr/bin/env bash
# Every test: set up (Python packages; Debian's chromium and postgresql when missing), lint (ruff), type-check
# (mypy over src/, configured in pyproject.toml: strict for rules/, extraction/ and documents/), start a
# private PostgreSQL on 127.0.0.1, then the whole pytest suite (reads the corpus from ../shared/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
.venv/bin/ruff check src tests benchmarks
.venv/bin/ruff format --check src tests benchmarks
.venv/bin/mypy
source scripts/postgres.sh
.venv/bin/python -m pytest -q -p no:cacheprovider tests
