"""Turn HTML, plain text and Markdown into the article text that claim checking reads.

The result is an `ExtractedText`: ``text`` is the units joined with blank lines, and
each `Unit` gives the exact ``text[start:end]`` span of one heading, paragraph, list
item, quote or table cell. Extraction is recall-first (docs/extraction.md): a missed
claim is worse than an extra line of boilerplate, so the page's H1/hero survives even
outside <article>, and list items and FAQ entries stay their own units.

No function here reads files or the network, and none raises on odd input.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from typing import Iterable, Literal

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag, XMLParsedAsHTMLWarning
from bs4.element import (
    CData,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
)

# XHTML is parsed as HTML on purpose, and pasted text may look like a URL or a path:
# neither is worth a warning (scoped to this module, so other callers still see them).
for _category in (XMLParsedAsHTMLWarning, MarkupResemblesLocatorWarning):
    warnings.filterwarnings("ignore", category=_category, module=r"sources\.extract")

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


# =========================================================================== HTML

_SKIP_TAGS = frozenset(
    """script style noscript template svg math canvas iframe frame frameset object embed
    video audio map form button input select textarea option datalist dialog nav aside
    footer head title meta link base""".split()
)
_PROTECTED_TAGS = frozenset({"html", "body", "main", "article"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that end the current run of inline text and start a new one.
_BLOCK_TAGS = _HEADINGS | frozenset(
    """address article blockquote body caption center dd details dir div dl dt fieldset
    figcaption figure header hgroup hr html legend li main menu ol p pre section summary
    table tbody td tfoot th thead tr ul br""".split()
)
_KIND_OF_TAG: dict[str, UnitKind] = {
    **{h: "heading" for h in _HEADINGS},
    "li": "list-item",
    "blockquote": "quote",
    "td": "cell",
    "th": "cell",
}
# Substrings of class/id that always mark boilerplate.
_BOILERPLATE_SUBSTRINGS = ("cookie", "consent", "gdpr", "newsletter", "onetrust", "cookiebot")
# Whole class/id tokens (split on -, _, spaces and camelCase) that mark boilerplate.
_BOILERPLATE_TOKENS = frozenset(
    """subscribe signup share sharing social sharebar related sidebar sidenav popup modal
    overlay lightbox breadcrumb breadcrumbs comment comments nav navbar navigation menu
    topbar toolbar skip skiplink advert advertisement ads sponsored promo""".split()
)
_BOILERPLATE_ROLES = frozenset(
    "navigation contentinfo complementary dialog alertdialog search menu menubar tooltip".split()
)
_HIDDEN_CLASSES = frozenset(
    "hidden d-none is-hidden invisible visually-hidden sr-only screen-reader-text".split()
)
_HERO_TOKENS = frozenset({"hero", "jumbotron", "masthead"})
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])"
    r"|(?:^|[;\s])(?:left|top|text-indent)\s*:\s*-\d{4,}",
    re.IGNORECASE,
)
_TOKEN_SPLIT = re.compile(r"[^0-9A-Za-z]+|(?<=[a-z])(?=[A-Z])")
# The article/main region is preferred only when it holds this share of the page's text;
# otherwise (e.g. a landing page whose only <article> is a testimonial card) keep it all.
_REGION_MIN_SHARE = 0.4


def _attr_text(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    return str(value) if value is not None else ""


def _class_id(tag: Tag) -> tuple[str, set[str], set[str]]:
    raw = f"{_attr_text(tag, 'class')} {_attr_text(tag, 'id')}"
    classes = {c.lower() for c in _attr_text(tag, "class").split()}
    tokens = {t.lower() for t in _TOKEN_SPLIT.split(raw) if t}
    return raw.lower(), classes, tokens


def _is_hidden(tag: Tag) -> bool:
    if tag.has_attr("hidden") or _attr_text(tag, "aria-hidden").strip().lower() == "true":
        return True
    if _HIDDEN_STYLE.search(_attr_text(tag, "style")):
        return True
    _, classes, _ = _class_id(tag)
    return bool(classes & _HIDDEN_CLASSES)


def _is_hero(tag: Tag) -> bool:
    return bool(_class_id(tag)[2] & _HERO_TOKENS)


def _is_boilerplate(tag: Tag) -> bool:
    """Cookie banners, share bars, sidebars, modals... by class/id/role."""
    name = tag.name
    if name in _PROTECTED_TAGS:
        return False
    raw, _, tokens = _class_id(tag)
    if any(s in raw for s in _BOILERPLATE_SUBSTRINGS):
        return True
    role = _attr_text(tag, "role").strip().lower()
    weak = bool(tokens & _BOILERPLATE_TOKENS) or role in _BOILERPLATE_ROLES
    if not weak or tokens & _HERO_TOKENS:
        return False
    # A wrapper such as <div class="layout-with-sidebar"> holding the content stays.
    return tag.find(("main", "h1")) is None


def _is_page_chrome(tag: Tag) -> bool:
    """The site header (<header> outside article/main/section, or role=banner):
    dropped, except for the H1 and hero it may hold."""
    if _attr_text(tag, "role").strip().lower() == "banner":
        return True
    if tag.name != "header":
        return False
    return tag.find_parent(("article", "main", "section")) is None


@dataclass
class _Run:
    kind: UnitKind
    flags: frozenset[str]
    pieces: list[str] = field(default_factory=list)


def _collect_html_units(root: Tag) -> list[tuple[str, UnitKind, frozenset[str]]]:
    """Walk the tree (iteratively: pages can nest deeply) and return leaf text runs
    as (text, kind, flags) in document order. Flags: article, main, chrome, rescued."""
    out: list[tuple[str, UnitKind, frozenset[str]]] = []
    runs = [_Run("paragraph", frozenset())]

    def flush(run: _Run) -> None:
        text = "".join(run.pieces)
        run.pieces.clear()
        if text.strip():
            out.append((text, run.kind, run.flags))

    stack: list[tuple[object, frozenset[str]] | None] = [(root, frozenset())]
    while stack:
        item = stack.pop()
        if item is None:  # end of a block element
            flush(runs.pop())
            continue
        node, flags = item
        if isinstance(node, NavigableString):
            if not isinstance(node, (Comment, CData, ProcessingInstruction, Declaration, Doctype)):
                runs[-1].pieces.append(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name in _SKIP_TAGS or _is_hidden(node) or _is_boilerplate(node):
            continue
        if name == "article":
            flags |= {"article"}
        elif name == "main" or _attr_text(node, "role").strip().lower() == "main":
            flags |= {"main"}
        if _is_page_chrome(node):
            flags |= {"chrome"}
        if name == "h1" or _is_hero(node):
            flags |= {"rescued"}
        if name in _BLOCK_TAGS:
            flush(runs[-1])
            if name == "br":
                continue
            kind = _KIND_OF_TAG.get(name, runs[-1].kind)
            runs.append(_Run(kind, flags))
            stack.append(None)
        stack.extend((child, flags) for child in reversed(node.contents))
    flush(runs[-1])
    return out


def _select_region(
    units: list[tuple[str, UnitKind, frozenset[str]]],
) -> list[tuple[str, UnitKind]]:
    """Prefer <article>, then <main>, when it holds most of the text; always keep the
    rescued H1/hero; drop page chrome (site header) otherwise."""
    visible = [u for u in units if "chrome" not in u[2] or "rescued" in u[2]]
    total = sum(len(normalize_space(t)) for t, _, _ in visible) or 1
    for region in ("article", "main"):
        size = sum(len(normalize_space(t)) for t, _, f in visible if region in f)
        if size >= _REGION_MIN_SHARE * total:
            return [(t, k) for t, k, f in visible if region in f or "rescued" in f]
    return [(t, k) for t, k, _ in visible]


def _meta(soup: BeautifulSoup, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name"):
            tag = soup.find("meta", attrs={attr: key})
            if isinstance(tag, Tag):
                content = normalize_space(_attr_text(tag, "content"))
                if content:
                    return content
    return None


def _parse_html(body: bytes | str, charset: str | None) -> BeautifulSoup:
    if isinstance(body, str):
        # Lone surrogates cannot go through lxml; replace them rather than fail.
        body = body.encode("utf-8", "replace").decode("utf-8")
        return BeautifulSoup(body, HTML_PARSER)
    if charset:
        try:
            "".encode(charset)
        except (LookupError, ValueError):
            charset = None  # an unknown charset label: let bs4 sniff <meta charset>
    return BeautifulSoup(body, HTML_PARSER, from_encoding=charset)


def extract_html(
    body: bytes | str, *, charset: str | None = None, url: str | None = None
) -> ExtractedText:
    """Article text of an HTML page. ``charset`` is the HTTP header's, if any (it wins
    over <meta charset>, as in browsers)."""
    soup = _parse_html(body, charset)
    og_title = _meta(soup, "og:title")
    title_tag = soup.find("title")
    title = og_title or (normalize_space(title_tag.get_text()) if title_tag else "") or None
    description = _meta(soup, "description", "og:description")
    root = soup.body or soup
    builder = TextBuilder()
    for text, kind in _select_region(_collect_html_units(root)):
        builder.add(text, kind)
    return builder.build(title=title, description=description, url=url)


# =========================================================================== plain text and Markdown

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
    prev = None
    for line in _lines(text):
        if not line.strip():
            blocks.close()
            prev = None
        elif bullet := _BULLET.match(line):
            blocks.start("list-item", line[bullet.end() :])
            prev = line
        else:
            if prev is not None and not _wraps_into(prev, line):
                blocks.close()
            blocks.add(line)
            prev = line
    blocks.close()
    return builder.build()


def _wraps_into(prev: str, line: str) -> bool:
    """A line continues the previous one only when that was hard-wrapped mid-sentence.

    Pasted copy puts headings, taglines and claims on lines of their own, often without a full
    stop; joining them would glue a heading onto the next sentence.
    """
    return not re.search(r"[.!?:;\"”’)\]]\s*$", prev) and line.lstrip()[:1].islower()


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


def join_units(units: Iterable[tuple[str, UnitKind]], **extra) -> ExtractedText:
    """Build an ExtractedText from (text, kind) pairs, e.g. from a document reader."""
    builder = TextBuilder()
    for text, kind in units:
        builder.add(text, kind)
    return builder.build(**extra)
