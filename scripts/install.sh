#!/usr/bin/env bash
# Creates .venv (if needed) and installs the project with the given extras, e.g. `scripts/install.sh test`.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=${1:-}
python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -U pip
if [ -n "$extras" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$extras]"
else
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
fi
