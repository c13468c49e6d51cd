"""Turn the check form's input (pasted text, an uploaded file, a URL) into an engine report.

The only module of the web UI that calls `sources`: uploads go through
`sources.documents.extract_document`, URLs through `sources.fetch.fetch_url` and
`sources.extract.extract_html`. Their errors become HTTP errors with the module's message:
UnsupportedDocument → 415, FetchError → 400. At most two URL fetches run at once (503 when busy),
so slow remote sites cannot tie up every server thread.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from flask import abort, current_app

from webui import engine as kbe

_fetch_slots = threading.BoundedSemaphore(2)


@dataclass
class CheckInput:
    kind: str  # "text" | "file" | "url"
    label: str
    text: str | None = None
    filename: str | None = None
    data: bytes | None = None
    content_type: str | None = None
    url: str | None = None


@dataclass
class CheckOutcome:
    report: dict[str, Any]
    text: str | None  # the text the sentence offsets refer to, when known
    label: str


def _offsets_text(report: dict[str, Any], extracted: Any = None) -> str | None:
    """The text the report's sentence offsets refer to: the engine's own copy when it gives one."""
    text = report.get("text")
    if not isinstance(text, str):
        text = getattr(extracted, "text", None)
    return text if isinstance(text, str) else None


def run_check(inp: CheckInput) -> CheckOutcome:
    engine = kbe.get_engine()
    if inp.kind == "text":
        text = inp.text or ""
        limit = current_app.config["CHECK_MAX_CHARS"]
        if len(text) > limit:
            abort(413, description=f"The text is too long to check ({len(text):,} characters; at most {limit:,}).")
        if not text.strip():
            abort(400, description="Paste some text to check.")
        report = engine.check(text).to_dict()
        return CheckOutcome(report, _offsets_text(report) or text, inp.label)
    if inp.kind == "file":
        from sources.documents import UnsupportedDocument, extract_document

        try:
            extracted = extract_document(inp.filename or "upload", inp.data or b"", inp.content_type)
        except UnsupportedDocument as exc:
            abort(415, description=getattr(exc, "message", None) or str(exc))
        report = engine.check_document(inp.label, extracted).to_dict()
        return CheckOutcome(report, _offsets_text(report, extracted), inp.label)
    if inp.kind == "url":
        from sources.extract import extract_html
        from sources.fetch import FetchError, allow_hosts_from_env, fetch_url

        if not _fetch_slots.acquire(blocking=False):
            abort(503, description="Other pages are being fetched right now. Try again in a few seconds.")
        try:
            page = fetch_url(inp.url or "", allow_hosts=allow_hosts_from_env())
            extracted = extract_html(page.body, url=page.final_url, charset=page.charset)
        except FetchError as exc:
            abort(400, description=exc.message)
        finally:
            _fetch_slots.release()
        report = engine.check_document(inp.url or inp.label, extracted).to_dict()
        return CheckOutcome(report, _offsets_text(report, extracted), inp.label)
    abort(400, description="Paste text, upload a file or give a web address.")
