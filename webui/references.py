"""Rendered references: citeproc-py with the CSL styles clinicians use (AMA, Vancouver/NLM).

The input is the export's own CSL-JSON item (`webui.citations.csl_item`). Two display-only
adjustments say what the record lacks, so that no reference implies more than we know:
- a list the dossier may have cut short (`authors_truncated`) ends with the style's own
  "et al." term, as the style itself would write it after truncating a long list;
- a record without authors starts with "Authors not recorded" rather than with the title.
A missing title is simply absent: the reference then names the source (journal or site).

The style files in webui/csl/ are used unchanged; in memory the citation number is dropped from the
bibliography layout (each reference is rendered on its own) and AMA's "Published online" term is
emptied (a missing volume in our records means "not recorded", not "online first").
"""
from __future__ import annotations

import copy
import html
import json
import re
import threading
from functools import lru_cache
from pathlib import Path

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from markupsafe import Markup

from kb.models import Study
from webui.citations import csl_item
from webui.names import Name, parse_author  # noqa: F401  (re-exported: callers parse names from here)

CSL_DIR = Path(__file__).resolve().parent / "csl"
STYLES: dict[str, tuple[str, str]] = {  # reader's choice -> (label, CSL file)
    "ama": ("AMA", "american-medical-association.csl"),
    "vancouver": ("Vancouver", "nlm-citation-sequence.csl"),
}
DEFAULT_STYLE = "ama"
STYLE_COOKIE = "cite_style"
AUTHORS_NOT_RECORDED = "Authors not recorded"
CSL_NS = "{http://purl.org/net/xbiblio/csl}"
_lock = threading.Lock()  # citeproc-py keeps per-render state on shared style objects


class _Style:
    """One loaded CSL style and the facts about it the display adjustments need."""

    def __init__(self, filename: str) -> None:
        self.csl = CitationStylesStyle(str(CSL_DIR / filename), validate=False)
        bibliography = self.csl.root.find(f"{CSL_NS}bibliography")
        for number in bibliography.iter(f"{CSL_NS}text"):
            if number.get("variable") == "citation-number":
                number.getparent().remove(number)
        for term in self.csl.root.iter(f"{CSL_NS}term"):
            # AMA prints "Published online <year>" for an article without volume or issue, reading their
            # absence as online-first. In our records it means the dossier did not record them.
            if term.get("name") == "advance-online-publication":
                term.text = ""
        self.et_al_min = int(bibliography.get("et-al-min", "0") or 0)
        self.et_al = self.csl.root.get_term("et-al").text  # the style's (or its locale's) own words


@lru_cache(maxsize=None)
def _style(name: str) -> _Style:
    return _Style(STYLES[name][1])


def style_name(requested: str | None) -> str:
    return requested if requested in STYLES else DEFAULT_STYLE


def current_style() -> str:
    """The reader's choice: ?cite_style=…, else the remembered cookie, else AMA; outside a request, AMA."""
    from flask import has_request_context, request

    if not has_request_context():
        return DEFAULT_STYLE
    return style_name(request.args.get(STYLE_COOKIE) or request.cookies.get(STYLE_COOKIE))


def display_item(study: Study, style: str) -> dict:
    """The export's CSL-JSON item with the display-only adjustments for what the record lacks."""
    item = csl_item(study)
    item.pop("note", None)  # the note is for reference managers; the reference itself says it
    s = _style(style)
    if "author" not in item:
        item["author"] = [{"literal": AUTHORS_NOT_RECORDED}]
    elif study.authors_truncated and not (s.et_al_min and len(item["author"]) + 1 >= s.et_al_min):
        item["author"] = [*item["author"], {"literal": s.et_al}]
    return item


def _escaped(value):
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: (_escaped(v) if k not in ("id", "type") else v) for k, v in value.items()}
    return value


@lru_cache(maxsize=4096)
def _render(item_json: str, style: str, as_html: bool) -> str:
    item = json.loads(item_json)
    # citeproc-py's HTML formatter does not escape field text: escape it first, so only the
    # style's own markup (<i>, <b>) is markup.
    source = CiteProcJSON([_escaped(item) if as_html else item])
    with _lock:
        bib = CitationStylesBibliography(_style(style).csl, source, formatter.html if as_html else formatter.plain)
        bib.register(Citation([CitationItem(item["id"])]))
        text = str(bib.bibliography()[0])
    return _collapse_punctuation(re.sub(r"\s+", " ", text).strip())


def _collapse_punctuation(text: str) -> str:
    """What CSL processors do and citeproc-py omits: a period after a title's own ? or ! (or after
    "et al.") is dropped, so "Strategy?." reads "Strategy?" and "et al.." reads "et al."."""
    return re.sub(r"([?!.])\.(?=\s|$|<)", r"\1", text)


def format_reference(study: Study, style: str | None = None) -> str:
    """The reference as plain text in the reader's style (for JSON and for copying)."""
    style = style_name(style) if style else current_style()
    return _render(json.dumps(display_item(study, style), sort_keys=True), style, False)


def format_reference_html(study: Study, style: str | None = None) -> Markup:
    """The same reference with the style's italics, as safe HTML."""
    style = style_name(style) if style else current_style()
    return Markup(_render(json.dumps(display_item(study, style), sort_keys=True), style, True))


def style_choices() -> list[dict]:
    return [{"key": k, "label": label, "active": k == current_style()} for k, (label, _) in STYLES.items()]
