"""HTML pages to `ExtractedText` units: the recall-first block extractor (docs/extraction.md)."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag, XMLParsedAsHTMLWarning
from bs4.element import (
    CData,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
)

from sources.extract import HTML_PARSER, ExtractedText, TextBuilder, UnitKind, normalize_space

# XHTML is parsed as HTML on purpose, and pasted text may look like a URL or a path:
# neither is worth a warning (scoped to sources.extract, so other callers still see them).
for _category in (XMLParsedAsHTMLWarning, MarkupResemblesLocatorWarning):
    warnings.filterwarnings("ignore", category=_category, module=r"sources\.extract")

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
