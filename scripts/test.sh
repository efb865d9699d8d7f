#!/usr/bin/env bash
# Every test: set up, lint (ruff), then the whole pytest suite (reads the corpus from ../shared/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check src tests benchmarks
.venv/bin/ruff format --check src tests benchmarks
.venv/bin/python -m pytest -q -p no:cacheprovider tests
