"""Check reports: a short-lived server-side cache, the highlighted text, and the Markdown export.

Why a cache: a report is made from text the user sent (possibly a 2 MiB upload or a fetched page).
Keeping the finished report under an unguessable random id for an hour lets the report page be a
plain GET (post/redirect/get: reload and back work), and lets the Markdown/JSON download buttons be
simple links, without sending the document again or re-fetching a URL that may have changed. The app
runs as one process (waitress), so an in-memory dict is shared by every request. Nothing is written to
disk; entries expire after REPORT_TTL_SECONDS and the cache keeps at most REPORT_CACHE_SIZE reports.
"""
from __future__ import annotations

import datetime as dt
import re
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from kb.models import Claim
from webui.present import VERDICTS, certainty_label


@dataclass
class StoredReport:
    id: str
    report: dict[str, Any]
    text: str | None
    label: str
    created: float = field(default_factory=time.time)

    @property
    def created_iso(self) -> str:
        return dt.datetime.fromtimestamp(self.created, dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


class ReportCache:
    def __init__(self, ttl: float = 3600, size: int = 200):
        self.ttl, self.size = ttl, size
        self._items: OrderedDict[str, StoredReport] = OrderedDict()
        self._lock = threading.Lock()

    def _expire(self, now: float) -> None:
        for key in [k for k, v in self._items.items() if now - v.created > self.ttl]:
            del self._items[key]
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def put(self, report: dict[str, Any], text: str | None, label: str) -> StoredReport:
        entry = StoredReport(secrets.token_urlsafe(18), report, text, label)
        with self._lock:
            self._items[entry.id] = entry
            self._expire(time.time())
        return entry

    def get(self, rid: str) -> StoredReport | None:
        with self._lock:
            self._expire(time.time())
            return self._items.get(rid)


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
    for c in report.get("claims", []):
        counts[c.get("verdict")] = counts.get(c.get("verdict"), 0) + 1
    return [(v, counts[v]) for v in VERDICTS if counts.get(v)]


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: Any) -> str:
    """Markdown-escape one line of user or record text."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def to_markdown(entry: StoredReport, claims: dict[str, Claim], claim_url, disclaimer: str) -> str:
    report = entry.report
    lines = [f"# Evidence check: {md(entry.label)}", "", f"Checked {entry.created_iso} with Evidence KB.", ""]
    sents = flagged(report)
    lines += [f"{len(sents)} sentence(s) make {len(report.get('claims', []))} known claim(s).", "", "## Summary", ""]
    if report.get("claims"):
        lines += ["| Claim | Verdict | Certainty | Sentences |", "| --- | --- | --- | --- |"]
        for c in report["claims"]:
            claim = claims.get(c["id"])
            name = md(claim.statement) if claim else md(c["id"])
            lines.append(f"| [{name}]({claim_url(c['id'])}) | {VERDICTS[c['verdict']].label if c.get('verdict') in VERDICTS else md(c.get('verdict'))}"
                         f" | {certainty_label(claim.certainty) if claim else ''} | {c.get('count', '')} |")
    else:
        lines.append("No known claims were found in the text.")
    if sents:
        lines += ["", "## Flagged sentences"]
    for i, s in enumerate(sents, 1):
        lines += ["", f"### {i}. {'(hedged) ' if s.get('hedged') else ''}", "", f"> {md(s.get('text', ''))}", ""]
        for m in s.get("claims", []):
            claim = claims.get(m["id"])
            label = VERDICTS[m["verdict"]].label if m.get("verdict") in VERDICTS else md(m.get("verdict"))
            if claim is None:
                lines.append(f"- Claim `{md(m['id'])}`: {label}")
                continue
            lines += [f"- **Claim:** [{md(claim.statement)}]({claim_url(claim.id)})",
                      f"  - Verdict: {label}; certainty: {certainty_label(claim.certainty)}",
                      f"  - Bottom line: {md(claim.bottom_line)}",
                      f"  - Accurate wording: {md(claim.accurate_wording)}"]
            for f in m.get("figures", []):
                flag = "outside the evidence" if f.get("outside") else "within the evidence"
                lines.append(f"  - Figure {md(f.get('copy'))}: {flag} ({md(f.get('evidence'))}). {md(f.get('note') or '')}".rstrip())
    lines += ["", "---", "", md(disclaimer), ""]
    return "\n".join(lines)
