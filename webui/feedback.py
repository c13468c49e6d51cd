"""Problem reports ("Report a problem" on claim and study pages): validation and storage in SQLite.

Used by the web form, its JSON twin and the curators' `kb feedback list|show|close`. Every field is bounded
here, whatever the front end; the client address is not stored (the rate limit counts in memory only).
"""
from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from kb import limits
from webui.db import write

MESSAGE_MAX_CHARS = limits.int_limit("FEEDBACK_MESSAGE_MAX_CHARS")
SOURCE_MAX_CHARS = limits.int_limit("FEEDBACK_SOURCE_MAX_CHARS")
EMAIL_MAX_CHARS = 254
NOTE_MAX_CHARS = 2000
TARGET_KINDS = ("claim", "study")
STATUSES = ("open", "closed")
EMAIL_PATTERN = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


class InboxFull(Exception):
    """More open problem reports than FEEDBACK_MAX_OPEN: curators must close some first."""


@dataclass
class Feedback:
    id: int
    created: float
    target_kind: str | None
    target_id: str | None
    message: str
    source: str | None
    email: str | None
    status: str
    closed: float | None
    note: str | None

    @staticmethod
    def iso(seconds: float | None) -> str | None:
        if seconds is None:
            return None
        return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def target(self) -> str:
        return f"{self.target_kind} {self.target_id}" if self.target_kind else "(general)"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["created"], d["closed"] = self.iso(self.created), self.iso(self.closed)
        return d


def _clean(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def validate(message: Any, source: Any = None, email: Any = None) -> tuple[dict[str, str | None], dict[str, str]]:
    """The cleaned fields and, by field name, what is wrong with them (empty when all is well)."""
    errors: dict[str, str] = {}
    for name, value in (("message", message), ("source", source), ("email", email)):
        if value is not None and not isinstance(value, str):
            errors[name] = "must be text"
    text = message.strip() if isinstance(message, str) else ""
    if "message" not in errors and not text:
        errors["message"] = "Say what is wrong."
    elif len(text) > MESSAGE_MAX_CHARS:
        errors["message"] = f"Keep it to {MESSAGE_MAX_CHARS:,} characters (this is {len(text):,})."
    src, mail = _clean(source), _clean(email)
    if len(src) > SOURCE_MAX_CHARS:
        errors["source"] = f"Keep the source to {SOURCE_MAX_CHARS} characters: a link, PMID or DOI is enough."
    if mail and (len(mail) > EMAIL_MAX_CHARS or not EMAIL_PATTERN.match(mail)):
        errors["email"] = "Enter an e-mail address like name@example.org, or leave it empty."
    return {"message": text, "source": src or None, "email": mail or None}, errors


def _row(row: sqlite3.Row) -> Feedback:
    return Feedback(**{k: row[k] for k in row.keys()})


def add(db: sqlite3.Connection, *, message: str, source: str | None, email: str | None, target_kind: str | None,
        target_id: str | None, now: float, max_open: int) -> Feedback:
    """Store one validated problem report (see `validate`)."""
    if target_kind not in (None, *TARGET_KINDS):
        raise ValueError(f"target_kind must be one of {TARGET_KINDS}")
    with write(db):
        open_count = db.execute("SELECT COUNT(*) FROM feedback WHERE status = 'open'").fetchone()[0]
        if open_count >= max_open:
            raise InboxFull(f"{open_count} problem reports are waiting for a curator")
        cur = db.execute("INSERT INTO feedback (created, target_kind, target_id, message, source, email) "
                         "VALUES (?,?,?,?,?,?)", (now, target_kind, target_id, message, source, email))
        new_id = cur.lastrowid
    found = get(db, new_id)
    assert found is not None
    return found


def get(db: sqlite3.Connection, feedback_id: int) -> Feedback | None:
    row = db.execute("SELECT * FROM feedback WHERE id = ?", (feedback_id,)).fetchone()
    return _row(row) if row else None


def listing(db: sqlite3.Connection, status: str = "open", limit: int = 100) -> list[Feedback]:
    """Problem reports, oldest first (the longest waiting on top); status "open", "closed" or "all"."""
    if status == "all":
        rows = db.execute("SELECT * FROM feedback ORDER BY created, id LIMIT ?", (limit,))
    else:
        rows = db.execute("SELECT * FROM feedback WHERE status = ? ORDER BY created, id LIMIT ?", (status, limit))
    return [_row(r) for r in rows]


def close(db: sqlite3.Connection, feedback_id: int, *, note: str | None, now: float) -> Feedback | None:
    """Close a report with an optional note; a report already closed keeps its first closing."""
    with write(db):
        db.execute("UPDATE feedback SET status = 'closed', closed = ?, note = ? WHERE id = ? AND status = 'open'",
                   (now, (note or "").strip()[:NOTE_MAX_CHARS] or None, feedback_id))
    return get(db, feedback_id)
