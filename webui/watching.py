"""What `kb watch` found for a claim, for its page and its JSON twin (one data function for both).

Reads kb/watch.yaml (written by `kb watch`, beside the claims) from the records folder the app
serves, re-reading it only when the file changes. A claim the command has not checked has no
queue (None); a checked claim says how many records are new since its last review and lists them.
"""
from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from kb.ids import pubmed_url
from webui import engine as kbe

WATCH_FILE = "watch.yaml"
STALE_AFTER_DAYS = 365
_cache: dict[Path, tuple[float, dict]] = {}
_lock = threading.Lock()


def _stored(path: Path) -> dict:
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return {}
    with _lock:
        hit = _cache.get(path)
        if hit and hit[0] == mtime:
            return hit[1]
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, YAMLError):
        data = {}  # a broken file shows as "not checked", never as a 500; `kb watch` rewrites it
    claims = data.get("claims") if isinstance(data, dict) else None
    claims = claims if isinstance(claims, dict) else {}
    with _lock:
        _cache[path] = (mtime, claims)
    return claims


def _records(entry: dict) -> list[dict[str, Any]]:
    out = []
    for r in entry.get("records") or []:
        if not isinstance(r, dict) or not str(r.get("candidate_pmid") or "").isdigit():
            continue
        pmid = str(r["candidate_pmid"])
        out.append({"pmid": pmid, "year": r.get("year"), "journal": str(r.get("journal") or ""),
                    "title": str(r.get("title") or ""), "url": pubmed_url(pmid)})
    return out


def _records_folder() -> Path:
    """The folder the records are read from (the engine may validate a private copy of it)."""
    engine = kbe.get_engine()
    return Path(getattr(engine, "kb_dir", None) or kbe.knowledge_base().root)


def stamp() -> float | None:
    """When the watch file last changed (None if absent): pages that show watch queues vary with it."""
    try:
        return (_records_folder() / WATCH_FILE).stat().st_mtime
    except OSError:
        return None


def watch_queue_for(claim_id: str, today: dt.date | None = None) -> dict[str, Any] | None:
    """The claim's watch status: its query, when PubMed was last asked, and the records not yet assessed.

    None when the claim does not exist. `checked` is None when `kb watch` has not run for it (or ran
    before the claim's last review, so its queue no longer applies).
    """
    claim = kbe.claims().get(claim_id)
    if claim is None:
        return None
    today = today or dt.date.today()
    stale = (today - claim.last_reviewed).days > STALE_AFTER_DAYS
    entry = _stored(_records_folder() / WATCH_FILE).get(claim_id)
    since = str(entry.get("since")) if isinstance(entry, dict) else None
    out: dict[str, Any] = {"query": claim.watch, "last_reviewed": claim.last_reviewed.isoformat(),
                           "review_overdue": stale, "checked": None, "count": 0, "records": []}
    if isinstance(entry, dict) and since == claim.last_reviewed.isoformat():
        records = _records(entry)
        out.update(checked=str(entry.get("checked") or "") or None, count=len(records), records=records)
    return out
