"""The one way text comes in to be checked: pasted text, a file, a web address or standard input.

Every front end (`kb check` in kb/cli.py, the web form and `/api/check` in webui/inputs.py) calls
these functions, so the same input gives the same `ExtractedText` (text plus its units) whichever
door it came through: a text/plain page fetched by URL is read like a .txt file, pasted text like
standard input. Each applies the one text limit (`kb.limits.CHECK_MAX_CHARS`): longer text is cut
at a unit boundary and marked `truncated`, and every report says so.

Failures are one exception type, `IntakeError`, with a `reason` a front end maps to its status
(HTTP 400/413/415, exit status 2) and a `message` a person can act on.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable

from kb.limits import CHECK_MAX_CHARS, DOCUMENT_MAX_BYTES
from sources.extract import ExtractedText, Unit, extract_html, extract_plain


class IntakeError(Exception):
    """Input that cannot be checked. ``reason``: empty | too_large | unsupported | not_found | fetch."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __reduce__(self):  # raised in a check worker process and re-raised in the server (webui/checkprocs.py)
        return (type(self), (self.reason, self.message))


@dataclass
class Intake:
    label: str  # what the report calls its source: "Pasted text", a file name, the final URL, "stdin"
    extracted: ExtractedText

    @property
    def truncated(self) -> bool:
        return bool(getattr(self.extracted, "truncated", False))


def limit_text(extracted: ExtractedText, max_chars: int | None = None) -> ExtractedText:
    """Cut text longer than `max_chars` (default: the check limit) at the last unit (or space) that fits,
    and mark it truncated."""
    max_chars = CHECK_MAX_CHARS if max_chars is None else max_chars
    text = extracted.text
    if len(text) <= max_chars and not getattr(extracted, "truncated", False):
        return extracted
    original = extracted.original_chars or len(text)
    if len(text) > max_chars:
        kept = [u for u in extracted.units if u.end <= max_chars]
        cut = kept[-1].end if kept else (text.rfind(" ", 0, max_chars) if " " in text[:max_chars] else max_chars)
        if cut <= max_chars // 2:  # one huge unit: keep as much of it as fits, at a space
            cut = max(text.rfind(" ", 0, max_chars), max_chars // 2)
            kept = [u for u in extracted.units if u.end <= cut]
            partial = next((u for u in extracted.units if u.start < cut < u.end), None)
            if partial is not None:
                kept.append(Unit(partial.start, cut, partial.kind))
        extracted.text, extracted.units = text[:cut], kept
    extracted.truncated = True
    extracted.original_chars = max(original, len(text))
    return extracted


def truncation_notice(extracted: ExtractedText) -> str | None:
    """The sentence every report shows when not all of the text was checked."""
    if not extracted.truncated:
        return None
    total = f" of {extracted.original_chars:,}" if extracted.original_chars else ""
    return (f"Only the first {len(extracted.text):,}{total} characters were checked (the limit is "
            f"{CHECK_MAX_CHARS:,}); the rest was not. Check the remaining text separately.")


def _plain_units(text: str) -> ExtractedText:
    extracted = extract_plain(text)
    if not extracted.text.strip():
        raise IntakeError("empty", "There is no text to check. Paste some text, or choose another file.")
    return extracted


def read_text(text: str, *, label: str = "Pasted text") -> Intake:
    """Pasted text (or plain standard input): read exactly like a .txt file."""
    if not isinstance(text, str) or not text.strip():
        raise IntakeError("empty", "Paste some text to check.")
    # A lone surrogate (from JSON "\ud800") cannot be encoded anywhere downstream: replace it up front.
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(text) else text
    original = len(text)
    extracted = _plain_units(text[: CHECK_MAX_CHARS * 2])  # never analyse more than twice the limit
    if original > CHECK_MAX_CHARS:
        extracted.truncated, extracted.original_chars = True, original
    return Intake(label, limit_text(extracted))


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def read_file(filename: str, data: bytes, content_type: str | None = None, *, label: str | None = None) -> Intake:
    """An uploaded or local file, read by its extension (or content type when it has none)."""
    from sources.documents import UnsupportedDocument, extract_document  # late: tests may stand in for it

    try:
        extracted = extract_document(filename or "upload", data, content_type)
    except UnsupportedDocument as exc:
        raise IntakeError("unsupported", getattr(exc, "message", None) or str(exc)) from None
    if not getattr(extracted, "text", "").strip():
        raise IntakeError("empty", "No text could be read from the file. Paste the text instead.")
    return Intake(label or filename or "upload", limit_text(extracted))


def read_url(url: str, *, allow_hosts: Iterable[str] | str | None = None) -> Intake:
    """A web page: fetched safely (sources.fetch), then read by its content type like a file."""
    from sources.documents import decode_text
    from sources.fetch import FetchError, allow_hosts_from_env, fetch_url

    try:
        page = fetch_url(url, allow_hosts=allow_hosts_from_env() if allow_hosts is None else allow_hosts)
    except FetchError as exc:
        raise IntakeError("fetch", exc.message) from None
    if page.content_type == "text/plain":
        extracted = extract_plain(decode_text(page.body, page.charset, name="The page"))
        extracted.url = page.final_url
    else:
        extracted = extract_html(page.body, charset=page.charset, url=page.final_url)
    if not extracted.text.strip():
        raise IntakeError("empty", "No article text could be found on that page. Paste the text instead.")
    return Intake(page.final_url, limit_text(extracted))


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


def _too_large(what: str) -> IntakeError:
    return IntakeError("too_large", f"{what} is larger than {DOCUMENT_MAX_BYTES // 1_000_000} MB, the most that "
                                    "can be read. Check the part of the text you want checked instead.")


def read_stdin(stream: BinaryIO | None = None) -> Intake:
    """Standard input: HTML when it looks like HTML, else plain text (like pasted text)."""
    from sources.documents import UnsupportedDocument, decode_text

    stream = stream or sys.stdin.buffer
    data = stream.read(DOCUMENT_MAX_BYTES + 1)
    if len(data) > DOCUMENT_MAX_BYTES:
        raise _too_large("Standard input")
    try:
        text = decode_text(data, name="Standard input")
    except UnsupportedDocument as exc:
        raise IntakeError("unsupported", exc.message) from None
    if _looks_like_html(text):
        return Intake("stdin", limit_text(extract_html(text)))
    return read_text(text, label="stdin")


def read_path(source: str) -> Intake:
    """A local file, refused by type and size before it is read."""
    from sources.documents import UnsupportedDocument, reader_for

    path = Path(source)
    if not path.exists():
        raise IntakeError("not_found", f"There is no file at {source}. Check the path.")
    if not path.is_file():
        raise IntakeError("unsupported", f"{source} is not a file. Give the path of a file.")
    try:
        reader_for(path.name, None)  # refuse unsupported types before reading them
    except UnsupportedDocument as exc:
        raise IntakeError("unsupported", exc.message) from None
    if path.stat().st_size > DOCUMENT_MAX_BYTES:
        raise _too_large(source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IntakeError("unsupported", f"{source} could not be read ({exc.strerror}).") from None
    return read_file(path.name, data, label=str(path))


def read_source(source: str, *, allow_hosts: Iterable[str] | str | None = None) -> Intake:
    """The CLI's argument: "-" for standard input, an http(s) address, or a file path."""
    if source == "-":
        return read_stdin()
    if "://" in source:
        return read_url(source, allow_hosts=allow_hosts)
    return read_path(source)
