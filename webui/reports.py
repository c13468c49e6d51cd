"""Check reports: stored in SQLite with a permalink, an expiry and a deletion key; the highlighted text.

Why stored: a report is made from text the user sent (possibly a 2 MiB upload or a fetched page). Keeping the
finished report under an unguessable random id lets the report page be a plain GET (post/redirect/get: reload
and back work), lets the downloads be simple links that return exactly the report on screen, and gives a link
that can be shared and still works after a restart. Reports expire after REPORT_TTL_SECONDS (default 30 days);
expired ones are purged lazily (on the next save, or when asked for). The store is bounded: one report at most
REPORT_MAX_BYTES compressed, and the oldest are evicted beyond REPORT_MAX_COUNT reports or REPORT_MAX_TOTAL_BYTES.

Whoever made a report gets a deletion key in a private link; only its SHA-256 is stored, and keys are compared
in constant time.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
import sqlite3
import zlib
from dataclasses import dataclass
from typing import Any

from webui.db import write
from webui.present import VERDICTS


class ReportTooLarge(Exception):
    """The finished report is larger than one stored report may be."""


@dataclass
class StoredReport:
    id: str
    report: dict[str, Any]
    text: str | None
    label: str
    created: float
    expires: float

    @property
    def created_iso(self) -> str:
        return _utc(self.created).strftime("%Y-%m-%d %H:%M UTC")

    @property
    def expires_iso(self) -> str:
        return _utc(self.expires).strftime("%Y-%m-%d %H:%M UTC")

    @property
    def expires_date(self) -> str:
        return date_text(self.expires)


@dataclass
class Lookup:
    """What a request for a report id found: the report, or that it expired (410), or nothing (404)."""
    entry: StoredReport | None
    expired_at: float | None = None


def _utc(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)


def date_text(seconds: float) -> str:
    """A date in words, "1 December 2026" (UTC)."""
    d = _utc(seconds)
    return f"{d.day} {d:%B %Y}"


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def save(db: sqlite3.Connection, report: dict[str, Any], text: str | None, label: str, *, now: float, ttl: float,
         max_bytes: int, max_count: int, max_total_bytes: int) -> tuple[StoredReport, str]:
    """Store a report; return it and its deletion key. Purges expired reports and evicts beyond the caps."""
    # The engine's report usually carries the text its offsets refer to: do not store it twice.
    own_text = None if text == report.get("text") else text
    body = zlib.compress(json.dumps({"report": report, "text": own_text}, ensure_ascii=False).encode(), 6)
    if len(body) > max_bytes:
        raise ReportTooLarge(f"This report is too large to keep ({len(body):,} bytes compressed; at most "
                             f"{max_bytes:,}). Check a shorter text.")
    rid, key = secrets.token_urlsafe(18), secrets.token_urlsafe(24)
    entry = StoredReport(rid, report, text, label[:500], now, now + ttl)
    with write(db):
        db.execute("DELETE FROM check_report WHERE expires <= ?", (now,))
        db.execute("INSERT INTO check_report (id, token_hash, label, created, expires, size, body) VALUES (?,?,?,?,?,?,?)",
                   (rid, _hash(key), entry.label, entry.created, entry.expires, len(body), body))
        # Past either cap, the oldest reports go until both hold again (never the new one). The count and
        # the total come from the (created, size) index, and the oldest are read from it in order, so a
        # save at the cap (a long-running server's usual state) costs a few rows, not a sort of them all.
        count, total = db.execute("SELECT COUNT(*), TOTAL(size) FROM check_report").fetchone()
        if count > max_count or total > max_total_bytes:
            extra_count, extra_bytes, doomed = count - max_count, total - max_total_bytes, []
            for old_rowid, old_size in db.execute(
                    "SELECT rowid, size FROM check_report WHERE id != ? ORDER BY created, rowid", (rid,)):
                if extra_count <= 0 and extra_bytes <= 0:
                    break
                doomed.append((old_rowid,))
                extra_count, extra_bytes = extra_count - 1, extra_bytes - old_size
            db.executemany("DELETE FROM check_report WHERE rowid = ?", doomed)
    return entry, key


def load(db: sqlite3.Connection, rid: str, *, now: float) -> Lookup:
    row = db.execute("SELECT id, label, created, expires, body FROM check_report WHERE id = ?", (rid,)).fetchone()
    if row is None:
        return Lookup(None)
    if row["expires"] <= now:
        with write(db):
            db.execute("DELETE FROM check_report WHERE id = ? AND expires <= ?", (rid, now))
        return Lookup(None, expired_at=row["expires"])
    data = json.loads(zlib.decompress(row["body"]))
    report = data["report"]
    text = data.get("text")
    if text is None and isinstance(report.get("text"), str):
        text = report["text"]
    return Lookup(StoredReport(row["id"], report, text, row["label"], row["created"], row["expires"]))


def key_matches(db: sqlite3.Connection, rid: str, key: str | None) -> bool:
    if not key:
        return False
    row = db.execute("SELECT token_hash FROM check_report WHERE id = ?", (rid,)).fetchone()
    return row is not None and hmac.compare_digest(row["token_hash"], _hash(key))


def delete(db: sqlite3.Connection, rid: str, key: str | None) -> bool:
    """Delete the report when the key is its own; False (nothing deleted) otherwise."""
    with write(db):
        if not key_matches(db, rid, key):
            return False
        db.execute("DELETE FROM check_report WHERE id = ?", (rid,))
    return True


def purge_expired(db: sqlite3.Connection, *, now: float) -> int:
    with write(db):
        return db.execute("DELETE FROM check_report WHERE expires <= ?", (now,)).rowcount


def flagged(report: dict[str, Any]) -> list[dict[str, Any]]:
    sents = [s for s in report.get("sentences", []) if s.get("claims")]
    return sorted(sents, key=lambda s: (s.get("start") or 0, s.get("end") or 0))


def segments(text: str | None, report: dict[str, Any]) -> list[dict[str, Any]] | None:
    """Split the checked text into plain and flagged pieces using the sentence offsets.

    Returns None when there is no text or the offsets do not fit it (the page then lists sentences).
    Pieces are plain strings: the template escapes them; only the <mark> wrapper is ours.
    """
    if not text:
        return None
    marks = flagged(report)
    out: list[dict[str, Any]] = []
    pos = 0
    for number, s in enumerate(marks, 1):
        start, end = s.get("start"), s.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or start < pos or end > len(text) or end <= start:
            return None
        if start > pos:
            out.append({"text": text[pos:start], "flag": None})
        out.append({"text": text[start:end], "flag": number, "sentence": s})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "flag": None})
    return out


def verdict_counts(report: dict[str, Any]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    rows = report.get("claims") or {}
    for c in rows.values() if isinstance(rows, dict) else rows:  # the checker's {id: info}, or an older list
        counts[c.get("verdict")] = counts.get(c.get("verdict"), 0) + 1
    return [(v, counts[v]) for v in VERDICTS if counts.get(v)]
