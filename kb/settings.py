"""Every setting read from the environment, declared once (Datasette's `Setting(name, default, help)` habit).

`SETTINGS` is the one table: the README's configuration table, `kb --help` and
`tests/reliability/test_settings_documented.py` are checked against it. Code reads a setting
with `value(name)`; nothing else in the project calls `os.environ` for an EVIDENCE_KB_* or
NCBI_* variable. The web app copies the ones it needs into `app.config` at start-up.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from kb.loader import DEFAULT_ROOT


@dataclass(frozen=True)
class Setting:
    name: str
    default: str  # as it would be written in the environment; "" = unset
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("EVIDENCE_KB_DIR", "", "records folder (default: the records shipped in kb/; `--kb-dir` wins)"),
    Setting("EVIDENCE_KB_INDEX_DIR", "",
            "index folder (default: the user data folder, e.g. ~/.local/share/evidence-kb/index; `--index-dir` wins)"),
    Setting("EVIDENCE_KB_READONLY", "0",
            "1 in production: serve the index built at deploy time (kb build); never rebuild or write it"),
    Setting("EVIDENCE_KB_SECRET_KEY", "",
            "Flask secret for the CSRF cookie; set it in production (default: a random key per process)"),
    Setting("EVIDENCE_KB_PUBLIC_URL", "",
            "public base URL (https://evidence.example.org): canonical links, OpenAPI servers and the Secure "
            "cookie come from it, never from the request's Host header"),
    Setting("EVIDENCE_KB_ALLOWED_HOSTS", "",
            "extra comma-separated Host names the server answers (always: localhost, 127.0.0.1, ::1, the "
            "--host of kb serve and the host of EVIDENCE_KB_PUBLIC_URL); other Hosts get 400"),
    Setting("EVIDENCE_KB_CHECK_RATE_LIMIT", "30/minute",
            "copy checks allowed per client address, /check and /api/check together"),
    Setting("EVIDENCE_KB_FETCH_ALLOW_HOSTS", "",
            "comma-separated host or host:port the URL checker may fetch even on private addresses (tests, "
            "intranets); leave unset in production"),
    Setting("EVIDENCE_KB_EMAIL", "evidence-kb@example.org", "contact e-mail sent to NCBI E-utilities and Crossref"),
    Setting("NCBI_API_KEY", "", "NCBI E-utilities API key (raises the request rate of kb add / audit-citations)"),
    Setting("EVIDENCE_KB_HTTP_CACHE", "",
            "HTTP cache of kb add / audit-citations: a sqlite path, memory or off (default: the user cache folder)"),
    Setting("EVIDENCE_KB_DB", "",
            "the web UI's SQLite file of stored check reports and problem reports (default: evidence-kb.sqlite3 "
            "in the user data folder; `kb feedback --db` wins)"),
    Setting("EVIDENCE_KB_REPORT_DAYS", "30", "days a stored check report is kept before it expires"),
    Setting("EVIDENCE_KB_FEEDBACK_RATE_LIMIT", "5/hour",
            "problem reports allowed per client address, /feedback and /api/feedback together"),
    Setting("EVIDENCE_KB_CLAIM_MODEL", "",
            "the copy checker's claim model weights (default: indexer/copycheck/claim_model.json); a model trained "
            "without some pages scores them (bench/train_claim_model.py); a path to no file turns the model off"),
)
BY_NAME = {s.name: s for s in SETTINGS}

KB_DIR_ENV = "EVIDENCE_KB_DIR"
INDEX_DIR_ENV = "EVIDENCE_KB_INDEX_DIR"
READONLY_ENV = "EVIDENCE_KB_READONLY"


def value(name: str) -> str:
    """The setting's value from the environment (stripped), else its default."""
    setting = BY_NAME[name]  # a KeyError here means a setting missing from the table
    return os.environ.get(name, "").strip() or setting.default


def flag(name: str) -> bool:
    return value(name).lower() in ("1", "true", "yes", "on")


def listed(name: str) -> tuple[str, ...]:
    """A comma-separated setting as a tuple of non-empty items."""
    return tuple(item.strip() for item in value(name).split(",") if item.strip())


def help_epilog() -> str:
    """The settings as `kb --help` shows them."""
    lines = ["environment settings:"]
    for s in SETTINGS:
        default = f" (default {s.default})" if s.default else ""
        lines.append(f"  {s.name}{default}: {s.help}")
    lines.append("limits (query length, uploads, time limits, pools): docs/limits.md")
    return "\n".join(lines)


def kb_dir(explicit: Path | str | None = None) -> Path:
    """The records folder: an explicit path, else $EVIDENCE_KB_DIR, else the records shipped in kb/."""
    if explicit:
        return Path(explicit)
    if value(KB_DIR_ENV):
        return Path(value(KB_DIR_ENV))
    return DEFAULT_ROOT


def index_dir(explicit: Path | str | None = None) -> Path:
    """The index folder: an explicit path, else $EVIDENCE_KB_INDEX_DIR, else the user data folder."""
    if explicit:
        return Path(explicit)
    if value(INDEX_DIR_ENV):
        return Path(value(INDEX_DIR_ENV))
    return Path(user_data_dir("evidence-kb", appauthor=False)) / "index"


def read_only() -> bool:
    """True when servers must never rebuild the index (it was built at deploy time)."""
    return flag(READONLY_ENV)
