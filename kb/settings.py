"""Where things live: the records and the search index, from arguments, environment or defaults."""
from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from kb.loader import DEFAULT_ROOT

KB_DIR_ENV = "EVIDENCE_KB_DIR"
INDEX_DIR_ENV = "EVIDENCE_KB_INDEX_DIR"
READONLY_ENV = "EVIDENCE_KB_READONLY"


def kb_dir(explicit: Path | str | None = None) -> Path:
    """The records folder: an explicit path, else $EVIDENCE_KB_DIR, else the records shipped in kb/."""
    if explicit:
        return Path(explicit)
    if os.environ.get(KB_DIR_ENV):
        return Path(os.environ[KB_DIR_ENV])
    return DEFAULT_ROOT


def index_dir(explicit: Path | str | None = None) -> Path:
    """The index folder: an explicit path, else $EVIDENCE_KB_INDEX_DIR, else the user data folder."""
    if explicit:
        return Path(explicit)
    if os.environ.get(INDEX_DIR_ENV):
        return Path(os.environ[INDEX_DIR_ENV])
    return Path(user_data_dir("evidence-kb", appauthor=False)) / "index"


def read_only() -> bool:
    """True when servers must never rebuild the index (it was built at deploy time)."""
    return os.environ.get(READONLY_ENV, "").strip().lower() in ("1", "true", "yes", "on")
