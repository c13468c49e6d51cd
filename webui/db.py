"""The web UI's own SQLite database: stored check reports and problem reports, in one embedded file.

Flask-tutorial style: `get_db()` opens one connection per request in `g`, the app's teardown closes it,
`init_app(app)` registers that and the database settings. The schema is created on first use (once per
process and file). The file is in WAL mode, so readers never wait for the one writer; every write runs in
`BEGIN IMMEDIATE` (see `write`) so concurrent waitress threads queue on the busy timeout instead of failing
when a read transaction tries to become a write.

`connect(path)` works without Flask, for the `kb feedback` command.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from flask import Flask, current_app, g
from platformdirs import user_data_dir

from kb import limits, settings

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS check_report (
    id          TEXT PRIMARY KEY,          -- random, unguessable: the permalink
    token_hash  TEXT NOT NULL,             -- sha256 of the deletion key; the key itself is never stored
    label       TEXT NOT NULL,             -- what was checked: "Pasted text", a file name or a URL
    created     REAL NOT NULL,             -- Unix seconds
    expires     REAL NOT NULL,
    size        INTEGER NOT NULL,          -- bytes of body, for the total-size cap
    body        BLOB NOT NULL              -- zlib-compressed JSON {"report": ..., "text": ...}
);
CREATE INDEX IF NOT EXISTS check_report_expires ON check_report (expires);
-- (created, size): the count and total size of every save, and the oldest-first eviction, read this
-- small index rather than every report's row
CREATE INDEX IF NOT EXISTS check_report_created_size ON check_report (created, size);
DROP INDEX IF EXISTS check_report_created;
CREATE TABLE IF NOT EXISTS feedback (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    created     REAL NOT NULL,
    target_kind TEXT CHECK (target_kind IN ('claim', 'study')),
    target_id   TEXT,
    message     TEXT NOT NULL,
    source      TEXT,
    email       TEXT,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed      REAL,
    note        TEXT                       -- the curator's closing note
);
CREATE INDEX IF NOT EXISTS feedback_status ON feedback (status, created);
"""

_ready: set[str] = set()
_ready_lock = threading.Lock()


def default_path() -> Path:
    """$EVIDENCE_KB_DB, else evidence-kb.sqlite3 in the user data folder (beside the search index)."""
    if settings.value("EVIDENCE_KB_DB"):
        return Path(settings.value("EVIDENCE_KB_DB"))
    return Path(user_data_dir("evidence-kb", appauthor=False)) / "evidence-kb.sqlite3"


def report_ttl_seconds() -> int:
    """How long check reports are kept: $EVIDENCE_KB_REPORT_DAYS days (default 30)."""
    raw = settings.value("EVIDENCE_KB_REPORT_DAYS")
    try:
        days = float(raw)
    except ValueError:
        raise ValueError(f"EVIDENCE_KB_REPORT_DAYS must be a number of days, not {raw!r}") from None
    return max(1, int(days * 86400))


def default_settings() -> dict[str, Any]:
    """The app.config keys this module owns (kb/settings.py, kb/limits.py); create_app(config) may override them."""
    return {
        "DATABASE": default_path(),
        "REPORT_TTL_SECONDS": report_ttl_seconds(),
        "REPORT_MAX_BYTES": limits.int_limit("REPORT_MAX_BYTES"),
        "REPORT_MAX_COUNT": limits.int_limit("REPORT_MAX_COUNT"),
        "REPORT_MAX_TOTAL_BYTES": limits.int_limit("REPORT_MAX_TOTAL_BYTES"),
        "FEEDBACK_RATE_LIMIT": settings.value("EVIDENCE_KB_FEEDBACK_RATE_LIMIT"),
        "FEEDBACK_MAX_OPEN": limits.int_limit("FEEDBACK_MAX_OPEN"),
        "CLOCK": None,  # tests may inject a callable returning Unix seconds
    }


def _ensure_schema(conn: sqlite3.Connection, key: str) -> None:
    with _ready_lock:
        if key in _ready:
            return
        conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript(SCHEMA)
        _ready.add(key)


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit: see `write`), schema ready."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # reported like any other database failure
        raise sqlite3.OperationalError(f"cannot create the folder {path.parent}: {exc.strerror or exc}") from exc
    conn = sqlite3.connect(path, timeout=15, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA synchronous=NORMAL")  # durable enough in WAL mode, and much faster
    _ensure_schema(conn, str(path.resolve()))
    return conn


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken up front so that two writers wait in turn rather than deadlock."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
        _keep_wal_open(current_app._get_current_object(), current_app.config["DATABASE"])
    return g.db


def _keep_wal_open(app: Flask, path: Path | str) -> None:
    """Hold one idle connection to the file for the app's life.

    When the last connection to a WAL database closes, SQLite checkpoints and deletes the WAL
    file, and the next connection creates it again: with one connection per request, a lone
    check paid ~20 ms of file syncing to store its report (0.7 ms with another connection open).
    """
    key = str(path)
    with _ready_lock:
        anchors = app.extensions.setdefault("evidence_db_anchors", {})
        if key not in anchors:
            anchors[key] = sqlite3.connect(path, timeout=15, isolation_level=None, check_same_thread=False)


def close_db(exc: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def now() -> float:
    """The current time, from the app's injected clock when there is one (tests)."""
    import time

    clock = current_app.config.get("CLOCK")
    return float(clock()) if clock else time.time()


def init_app(app: Flask) -> None:
    for key, value in default_settings().items():
        app.config.setdefault(key, value)
    app.teardown_appcontext(close_db)

    @app.errorhandler(sqlite3.Error)
    def _database_error(e: sqlite3.Error):
        # An unwritable folder, a full disk or a long lock: say so (503), never a stack trace.
        from webui.errors import error_response

        log.error("database %s: %s", current_app.config["DATABASE"], e)
        return error_response(503, "Reports cannot be stored or read right now. Try again in a minute; "
                                   "if it persists, tell the site's operator.")
