"""Plain text and Markdown to `ExtractedText` units: line-based and dependency-free."""

from __future__ import annotations

import re

from sources.extract import ExtractedText, TextBuilder, UnitKind

_BULLET = re.compile(r"^\s{0,3}(?:[-*+\u2022\u2023\u25e6\u2013\u2014]|\d{1,3}[.)])\s+(?=\S)")
_ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_THEMATIC_BREAK = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_TASK_BOX = re.compile(r"^\[[ xX]\]\s+")


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


class _Blocks:
    """Accumulates consecutive lines of one unit; blank lines and new blocks close it."""

    def __init__(self, builder: TextBuilder, clean=lambda s: s):
        self.builder = builder
        self.clean = clean
        self.kind: UnitKind = "paragraph"
        self.lines: list[str] = []

    def start(self, kind: UnitKind, first: str) -> None:
        self.close()
        self.kind, self.lines = kind, [first]

    def add(self, line: str, kind: UnitKind = "paragraph") -> None:
        if not self.lines:
            self.kind = kind
        self.lines.append(line)

    def close(self) -> None:
        if self.lines:
            self.builder.add(self.clean(" ".join(self.lines)), self.kind)
        self.lines = []


def extract_plain(text: str) -> ExtractedText:
    """Plain text: paragraphs split on blank lines and at line breaks that are not hard wraps;
    lines starting with a bullet or number ("- ", "• ", "1. ") become list items (marker removed)."""
    builder = TextBuilder()
    blocks = _Blocks(builder)
    lines = _lines(text)
    width = _wrap_width(lines)
    prev = None
    for line in lines:
        if not line.strip():
            blocks.close()
            prev = None
        elif bullet := _BULLET.match(line):
            blocks.start("list-item", line[bullet.end() :])
            prev = line
        else:
            if prev is not None and not _wraps_into(prev, line, width):
                blocks.close()
            blocks.add(line)
            prev = line
    blocks.close()
    return builder.build()


_ENDS_UNIT = re.compile(r"[.!?:;\"”’)\]]\s*$")
# Hard-wrapped text (e-mail, a terminal, a PDF copied line by line) breaks lines at a fixed column.
WRAP_MAX_WIDTH = 100
WRAP_MIN_CONTINUATIONS = 3
# In such text a line that fills most of the width and stops mid-sentence runs on, even into a
# capitalised word ("... approved by the\nFDA in 2019").
WRAP_FULL_SHARE = 0.7


def _wrap_width(lines: list[str]) -> int | None:
    """The column the text is hard-wrapped at, or None when it is not hard-wrapped: its lines are at
    most WRAP_MAX_WIDTH long, and several run on into a lower-case word (only a wrap does that)."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if not lengths or max(lengths) > WRAP_MAX_WIDTH:
        return None
    runs_on = sum(1 for prev, line in zip(lines, lines[1:]) if prev.strip() and _wraps_into(prev, line))
    return max(lengths) if runs_on >= max(WRAP_MIN_CONTINUATIONS, len(lengths) // 5) else None


def _wraps_into(prev: str, line: str, width: int | None = None) -> bool:
    """A line continues the previous one only when that was hard-wrapped mid-sentence.

    Pasted copy puts headings, taglines and claims on lines of their own, often without a full
    stop; joining them would glue a heading onto the next sentence. So a line runs on into a
    lower-case word, or, in hard-wrapped text, when it fills most of the width.
    """
    if _ENDS_UNIT.search(prev) or _BULLET.match(line):
        return False
    if line.lstrip()[:1].islower():
        return True
    return width is not None and len(prev.rstrip()) >= WRAP_FULL_SHARE * width


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_CODE = re.compile(r"(`+)(.+?)\1")
_MD_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_MD_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_ESCAPE_BASE = 0xE000
_MD_UNESCAPE = re.compile("[\uE000-\uE07F]")


def _md_inline(value: str) -> str:
    """Strip inline Markdown: links keep their text, emphasis and code lose markers."""
    # Hide backslash-escaped punctuation (as private-use characters) from the rules below.
    value = _MD_ESCAPE.sub(lambda m: chr(_ESCAPE_BASE + ord(m.group(1))), value)
    value = _MD_CODE.sub(lambda m: m.group(2).strip(), value)
    value = _MD_IMAGE.sub(r"\1", value)
    value = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), value)
    value = _MD_AUTOLINK.sub(r"\1", value)
    value = _MD_HTML_TAG.sub(" ", value)
    value = _MD_STRONG.sub(r"\2", value)
    value = _MD_EM.sub(r"\2", value)
    value = _MD_STRIKE.sub(r"\1", value)
    return _MD_UNESCAPE.sub(lambda m: chr(ord(m.group()) - _ESCAPE_BASE), value)


def _md_table_cells(line: str) -> list[str]:
    return [cell for cell in line.strip().strip("|").split("|")]


def extract_markdown(text: str) -> ExtractedText:
    """Markdown, line-based and dependency-free: ATX/setext headings, list items
    ("-", "*", "+", "1.", "1)"), block quotes, table cells and paragraphs each become
    units with their markers removed; fenced code is kept as a paragraph."""
    builder = TextBuilder()
    blocks = _Blocks(builder, _md_inline)
    fence: str | None = None
    for line in _lines(text):
        if fence is not None:  # inside fenced code
            if line.strip().startswith(fence):
                fence = None
                blocks.close()
            else:
                blocks.add(line)
            continue
        if not line.strip():
            blocks.close()
        elif opening := _FENCE.match(line):
            blocks.close()
            fence = opening.group(1)
        elif heading := _ATX_HEADING.match(line):
            blocks.start("heading", heading.group(2))
            blocks.close()
        elif blocks.lines and blocks.kind == "paragraph" and _SETEXT.match(line):
            blocks.kind = "heading"
            blocks.close()
        elif _THEMATIC_BREAK.match(line):
            blocks.close()
        elif quote := _QUOTE.match(line):
            rest = line[quote.end() :]
            if blocks.kind != "quote" or not blocks.lines:
                blocks.start("quote", rest)
            elif not rest.strip():
                blocks.close()
            else:
                blocks.add(rest)
        elif bullet := _BULLET.match(line):
            blocks.start("list-item", _TASK_BOX.sub("", line[bullet.end() :]))
        elif line.lstrip().startswith("|") and line.count("|") >= 2:
            blocks.close()
            if not _TABLE_RULE.match(line):
                for cell in _md_table_cells(line):
                    builder.add(_md_inline(cell), "cell")
        else:
            blocks.add(line)
    blocks.close()
    return builder.build()
