#!/usr/bin/env bash
# Run the product: install into .venv, then serve the web UI (the index is built on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/kb serve "$@"
