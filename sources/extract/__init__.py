"""Turn HTML, plain text and Markdown into the article text that claim checking reads.

The result is an `ExtractedText`: ``text`` is the units joined with blank lines, and
each `Unit` gives the exact ``text[start:end]`` span of one heading, paragraph, list
item, quote or table cell. Extraction is recall-first (docs/extraction.md): a missed
claim is worse than an extra line of boilerplate, so the page's H1/hero survives even
outside <article>, and list items and FAQ entries stay their own units.

This package holds the shared result types and `TextBuilder`; one module per format:
`html` (web pages) and `text` (plain text and Markdown). No function here reads files or
the network, and none raises on odd input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal

try:  # lxml is a project dependency; html.parser keeps things working without it.
    import lxml  # noqa: F401

    HTML_PARSER = "lxml"
except ImportError:  # pragma: no cover
    HTML_PARSER = "html.parser"

__all__ = [
    "ExtractedText",
    "HTML_PARSER",
    "TextBuilder",
    "Unit",
    "UnitKind",
    "extract_html",
    "extract_markdown",
    "extract_plain",
]

UnitKind = Literal["heading", "paragraph", "list-item", "quote", "cell"]
UNIT_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    kind: UnitKind


@dataclass
class ExtractedText:
    title: str | None
    text: str
    units: list[Unit] = field(default_factory=list)
    description: str | None = None  # <meta name=description> / og:description (often a claim)
    url: str | None = None
    # Set by sources.intake when the text was cut at the check limit: how long it was before.
    truncated: bool = False
    original_chars: int | None = None

    def unit_texts(self) -> list[str]:
        return [self.text[u.start : u.end] for u in self.units]

    def __iter__(self):
        """Yield (unit, unit text) pairs in document order."""
        for unit in self.units:
            yield unit, self.text[unit.start : unit.end]


def normalize_space(value: str) -> str:
    return " ".join(value.split())


class TextBuilder:
    """Collects units: whitespace-normalised, de-duplicated, offsets exact."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._units: list[Unit] = []
        self._seen: set[str] = set()
        self._length = 0

    def add(self, value: str, kind: UnitKind) -> None:
        value = normalize_space(value)
        if not any(ch.isalnum() for ch in value):
            return
        key = value.casefold()
        if key in self._seen:
            return
        self._seen.add(key)
        if self._parts:
            self._parts.append(UNIT_SEPARATOR)
            self._length += len(UNIT_SEPARATOR)
        start = self._length
        self._parts.append(value)
        self._length += len(value)
        self._units.append(Unit(start, self._length, kind))

    def build(self, *, title: str | None = None, **extra) -> ExtractedText:
        return ExtractedText(title=title, text="".join(self._parts), units=list(self._units), **extra)


def join_units(units: Iterable[tuple[str, UnitKind]], **extra) -> ExtractedText:
    """Build an ExtractedText from (text, kind) pairs, e.g. from a document reader."""
    builder = TextBuilder()
    for text, kind in units:
        builder.add(text, kind)
    return builder.build(**extra)


# The format modules build on the types above, so they are imported after them.
from sources.extract.html import extract_html  # noqa: E402
from sources.extract.text import extract_markdown, extract_plain  # noqa: E402
