"""A check report as a Word document: the checked copy as it was, each flagged sentence highlighted and
annotated by one Word comment (claim, verdict, stance, action, accurate wording).

Why here: it renders the checker's own report dict, beside the one Markdown renderer (`report.py`), and both
front ends use it — `kb check --docx` (kb/cli.py → indexer) and the web UI's `/check/<id>.docx` (webui →
indexer). indexer/ never imports webui, so the writer cannot live there; sources/ brings material in.

The document body is the copy only (one paragraph per line of the text), so a writer can revise it in Word
and resolve the comments; the title, date and disclaimer go in the page header and the file's properties.
"""
from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from docx import Document
from docx.enum.text import WD_COLOR_INDEX

from indexer.copycheck.report import ACTION_LABELS, CERTAINTY_LABELS, DISCLAIMER, MODEL_FOUND_NOTE
from kb.models import VERDICT_LABELS

COMMENT_AUTHOR = "Evidence KB"
COMMENT_INITIALS = "EKB"


@dataclass
class _Piece:
    text: str
    flag: int | None  # index into the flagged sentences, or None for plain copy


def flagged_sentences(report: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    sents = [s for s in report.get("sentences", []) if s.get("claims")]
    return sorted(sents, key=lambda s: (s.get("start") or 0, s.get("end") or 0))


def _spans_fit(text: str, sents: list[Mapping[str, Any]]) -> bool:
    pos = 0
    for s in sents:
        start, end = s.get("start"), s.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or start < pos or end > len(text) or end <= start:
            return False
        pos = end
    return True


def _lines_of(text: str, sents: list[Mapping[str, Any]]) -> list[list[_Piece]]:
    """The text cut into lines (paragraphs), each line into plain and flagged pieces by the sentence offsets."""
    cuts: list[tuple[int, int, int | None]] = []  # (start, end, flag) covering the whole text
    pos = 0
    for number, s in enumerate(sents):
        if s["start"] > pos:
            cuts.append((pos, s["start"], None))
        cuts.append((s["start"], s["end"], number))
        pos = s["end"]
    if pos < len(text):
        cuts.append((pos, len(text), None))
    lines: list[list[_Piece]] = [[]]
    for start, end, flag in cuts:
        for i, part in enumerate(text[start:end].split("\n")):
            if i:
                lines.append([])
            part = part.replace("\r", "")
            if part:
                lines[-1].append(_Piece(part, flag))
    return [line for line in lines if any(p.text.strip() for p in line)]


def _sentence_lines(report: Mapping[str, Any]) -> list[list[_Piece]]:
    """Without a text the offsets fit, each sentence of the report becomes its own paragraph."""
    flagged_ids = {id(s): n for n, s in enumerate(flagged_sentences(report))}
    return [[_Piece(str(s.get("text", "")), flagged_ids.get(id(s)))] for s in report.get("sentences", [])
            if str(s.get("text", "")).strip()]


def comment_text(sentence: Mapping[str, Any], claim_info: Mapping[str, Mapping[str, Any]],
                 claim_url: Callable[[str], str] | None = None) -> str:
    """The comment on one flagged sentence: per claim, what it is, its verdict, the stance, what to do, the wording."""
    blocks = []
    for m in sentence.get("claims", []):
        info = {**claim_info.get(m.get("id"), {}), **{k: v for k, v in m.items() if v not in (None, "")}}
        verdict = info.get("verdict_label") or VERDICT_LABELS.get(info.get("verdict"), info.get("verdict") or "")
        certainty = CERTAINTY_LABELS.get(info.get("certainty"), info.get("certainty"))
        lines = [f"Claim: {info.get('statement') or m.get('id')}",
                 f"Verdict: {verdict}" + (f" (certainty: {certainty})" if certainty else "")]
        if info.get("stance"):
            lines.append(f"Stance: the copy {info['stance']} this claim")
        if info.get("action"):
            lines.append(f"Action: {ACTION_LABELS.get(info['action'], info['action'])}")
        if m.get("found_by") == "model":
            lines.append(MODEL_FOUND_NOTE)
        if info.get("accurate_wording"):
            lines.append(f"Accurate wording: {info['accurate_wording']}")
        for f in m.get("figures") or []:
            if f.get("outside") and f.get("note"):
                lines.append(f"Figure: {f['note']}")
        if claim_url:
            lines.append(f"Evidence: {claim_url(str(m.get('id')))}")
        blocks.append("\n".join(lines))
    if sentence.get("hedged"):
        blocks.append("The sentence is hedged (for example \u201cmay\u201d or \u201csome studies\u201d).")
    return "\n\n".join(blocks)


def build_document(report: Mapping[str, Any], *, text: str | None = None,
                   claim_info: Mapping[str, Mapping[str, Any]] | None = None, title: str | None = None,
                   checked: str | None = None, claim_url: Callable[[str], str] | None = None):
    """The Word document for a report; `text` defaults to the text the report's offsets refer to."""
    info = {**(claim_info or {})}
    rows = report.get("claims") or {}
    if isinstance(rows, Mapping):  # the checker's shape: {claim id: info}
        rows = [{"id": cid, **row} for cid, row in rows.items()]
    for row in rows:
        if isinstance(row, Mapping) and "id" in row:
            info[row["id"]] = {**info.get(row["id"], {}), **row}  # the report's own copy wins
    text = text if text is not None else report.get("text")
    sents = flagged_sentences(report)
    if isinstance(text, str) and text.strip() and _spans_fit(text, sents):
        lines = _lines_of(text, sents)
    else:
        lines = _sentence_lines(report)
        sents = flagged_sentences(report)
    doc = Document()
    heading = title or f"Evidence check: {report.get('source') or 'text'}"
    doc.core_properties.title = heading[:255]
    doc.core_properties.author = COMMENT_AUTHOR
    doc.core_properties.comments = DISCLAIMER
    doc.sections[0].header.paragraphs[0].text = " \u00b7 ".join(p for p in (heading, checked, DISCLAIMER) if p)
    runs_of: dict[int, list[Any]] = {}
    for line in lines:
        paragraph = doc.add_paragraph()
        for piece in line:
            run = paragraph.add_run(piece.text)
            if piece.flag is not None:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                runs_of.setdefault(piece.flag, []).append(run)
    for number, sentence in enumerate(sents):
        runs = runs_of.get(number)
        if runs:  # a sentence of only line breaks has no run to anchor on
            doc.add_comment(runs, text=comment_text(sentence, info, claim_url), author=COMMENT_AUTHOR,
                            initials=COMMENT_INITIALS)
    return doc


def docx_bytes(report: Mapping[str, Any], **kw: Any) -> bytes:
    buf = io.BytesIO()
    build_document(report, **kw).save(buf)
    return buf.getvalue()


def write_docx(report: Mapping[str, Any], path: Path | str, **kw: Any) -> int:
    """Write the Word file; the number of comments in it (one per flagged sentence)."""
    document = build_document(report, **kw)
    document.save(str(path))
    return len(list(document.comments))
