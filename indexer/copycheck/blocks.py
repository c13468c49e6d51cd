"""The document's blocks: headings, paragraphs, list items (with their lead-in), questions and answers.

Context travels along this structure: a list item takes its subject from the lead-in line above the
list, an answer from its question, a paragraph from its heading. With the extractor's units
(sources.extract.ExtractedText.units: heading, paragraph, list-item, quote, cell) the blocks are
those units; for plain text they are derived from lines: a bullet (•, -, *, 1.) starts a list item,
a line ending in "?" is a question, and a short line without final punctuation is a heading.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from indexer.copycheck.normalize import Normalized
from indexer.copycheck.sentences import BULLET_RE
from indexer.copycheck.stance import question_after_statement

HEADING_MAX_WORDS = 12
FINAL_PUNCT = ".!;,\"'…"
# A references section ("Sources:", "References") lists works cited, not the page's own claims: its
# lines become `reference` blocks up to the next heading that is not itself a citation.
REFERENCES_HEADING_RE = re.compile(r"^\W*(?:sources?|references?|citations?|bibliography|footnotes|works cited|"
                                   r"further reading|literature cited|notes and references)\s*:?\s*$", re.I)
# A citation anywhere: an author list with "et al.", a DOI or PMID, a journal volume/issue/page
# reference ("2019;176(5):428-38"), or "Accessed <date>".
CITATION_RE = re.compile(r"\bet al\b\.?|\bdoi\s*:|\bdoi\.org/|\bPMID\s*:?\s*\d|\b(?:19|20)\d\d\s*;\s*\d+\s*(?:\(\d+\))?\s*:\s*\w*\d|"
                         r"\b(?:accessed|retrieved)(?: on)? (?:\w+ \d{1,2}, )?(?:19|20)\d\d\b", re.I)

# A street address ("580 Decker Drive, Ste 260,", "2265 North Clybourn Avenue  Chicago, IL 60614") is where a clinic is,
# not copy: its "Drive" is no driving. Its line becomes a `contact` block, which, like a reference, claims nothing.
ADDRESS_RE = re.compile(r"^\W*\d{1,6}\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:Drive|Dr|Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|"
                        r"Lane|Ln|Way|Parkway|Pkwy|Suite|Ste|Court|Ct|Highway|Hwy|Place|Pl)\b\.?(?:[\s,]|$)")
ADDRESS_MAX_WORDS = 20
# The kinds of block that are not the page's own copy: they claim nothing and are not check-worthy.
NOT_COPY_KINDS = ("reference", "contact")

# ...but prose that names its source ("in a meta-analysis by Wilkinson et al. (2018), a single dose ...",
# "according to Smith et al.") is the page's own sentence: a reference entry opens with the names.
CITED_IN_PROSE_RE = re.compile(r"\b(?:by|from|of|in|to|and|that|according to|as|with)\s+(?:[A-Z][\w'’-]+\s+){1,3}$")


@dataclass(frozen=True)
class Block:
    index: int
    kind: str  # heading | paragraph | list-item | question | quote | cell | reference | contact
    start: int
    end: int
    heading: int | None = None  # nearest heading block above
    lead_in: int | None = None  # for list items: the line introducing the list
    question: int | None = None  # for answers: the question block they answer


def _line_kind(line: str) -> str:
    stripped = line.strip()
    if BULLET_RE.match(line) and len(stripped) > 2:
        return "list-item"
    last = re.split(r"(?<=\?)\s+(?=[\"'“‘(]?[A-Z])", stripped)[-1]
    if stripped.endswith("?") and not re.search(r"[.!]\s+[\"'“‘(]?[A-Z]", stripped) and question_after_statement(last) is None:
        return "question"  # (a paragraph that ends by asking is still a paragraph: its statements state; so is a
        # statement joined to a question: "Ketamine works fast, but is it safe?")
    words = stripped.split()
    if len(words) <= HEADING_MAX_WORDS and stripped[-1] not in FINAL_PUNCT and stripped[-1] != ":":
        return "heading"
    return "paragraph"


# A list the copy flattened into its lead-in's line ("... in treating many conditions, including: • Depression
# • Anxiety disorders • PTSD"): a lead-in ending in a colon, then two bullets or more. Each item is a list item of its
# own, as on the page before it lost its line breaks; read as one sentence, the whole list took every item's claims.
# (A single dot between two parts, "Kimberly Mercille • May 27, 2025", "Indication •  Resistant Depression", is a
# separator, not a list.)
INLINE_BULLET_RE = re.compile(r"(?<=\s)[•▪●◦](?=\s+\S)")
INLINE_LIST_MIN_ITEMS = 2


def _inline_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a line's lead-in and flattened list items, or the line whole when it holds no such list."""
    bullets = [start + m.start() for m in INLINE_BULLET_RE.finditer(text[start:end])]
    if len(bullets) < INLINE_LIST_MIN_ITEMS or not text[start:bullets[0]].rstrip().endswith(":") \
            or not text[start:bullets[0]].strip():
        return [(start, end)]
    cuts = [start, *bullets, end]
    return [(a, a + len(text[a:b].rstrip())) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def _raw_blocks(norm: Normalized, units: Iterable | None) -> list[tuple[str, int, int]]:
    text = norm.text
    out: list[tuple[str, int, int]] = []
    if units:
        for u in units:
            start, end = norm.from_original(int(u.start)), norm.from_original(int(u.end))
            if end <= start or not text[start:end].strip():
                continue
            kind = str(getattr(u, "kind", "paragraph"))
            body = text[start:end].strip()
            if kind == "paragraph":
                # plain-text extraction calls every line a paragraph: read its shape as for pasted text
                for a, b in _inline_list(text, start, end):
                    out.append((_line_kind(text[a:b]), a, b))
                continue
            elif kind == "heading" and body.endswith("?"):
                kind = "question"
            out.append((kind, start, end))
        return out
    for m in re.finditer(r"[^\n]+", text):
        if m.group(0).strip():
            for a, b in _inline_list(text, m.start(), m.end()):
                out.append((_line_kind(text[a:b]), a, b))
    return out


def _is_citation(body: str) -> bool:
    """A reference-list entry, not prose that cites in passing ("... (Kanes S et al, Lancet 2017)")."""
    m = CITATION_RE.search(body)
    if not m:
        return False
    before = body[:m.start()]
    in_parentheses = before.count("(") > before.count(")")
    prose = len(re.findall(r"[.!?]\s+[A-Z]", before)) >= 2 and not re.search(r"\b(?:19|20)\d\d\b", before[:200])
    return not in_parentheses and not prose and not CITED_IN_PROSE_RE.search(before)


TOPIC_OPENING_RE = re.compile(r"\W*(?:what|how|why|when|where|which|who|whether)\b", re.I)


def _title_case(line: str) -> bool:
    """Every word of four letters or more starts with a capital ("Do This Before Your Appointment", "SPECIAL NOTE")."""
    return not re.search(r"(?<![\w'’-])[a-z][a-z]{3,}", line)


def _opens_list(prev: Block, text: str) -> bool:
    """The block before opens a list: a line ending in a colon, or an item of such a list."""
    if prev.kind == "list-item":
        return True
    return prev.kind in ("paragraph", "heading") and text[prev.start:prev.end].rstrip().endswith(":")


def split_blocks(norm: Normalized, units: Iterable | None = None) -> list[Block]:
    blocks: list[Block] = []
    heading = question = lead_in = None
    in_references = False
    raw = _raw_blocks(norm, units)
    for n, (kind, start, end) in enumerate(raw):
        i = len(blocks)
        body = norm.text[start:end]
        if REFERENCES_HEADING_RE.match(body):
            in_references = True
        elif kind == "heading" and not CITATION_RE.search(body) and not re.search(r"https?://|\b(?:19|20)\d\d\b", body):
            in_references = False
        if in_references or _is_citation(body):
            kind = "reference"
        elif ADDRESS_RE.match(body) and len(body.split()) <= ADDRESS_MAX_WORDS:
            kind = "contact"
        this_lead = None
        # a list whose bullets the copy lost: short lines under "... include:" (a short line that a
        # paragraph follows is the next section's heading)
        if kind == "heading" and blocks and _opens_list(blocks[-1], norm.text) \
                and (n + 1 == len(raw) or raw[n + 1][0] != "paragraph"
                     # ...unless it is the list's last item: after an item, a line in sentence case ("Adults with major
                     # depressive disorder and acute suicidal thoughts") is one more item; a heading is in title case or
                     # announces its topic ("What to expect at your visit")
                     or (blocks[-1].kind == "list-item" and not _title_case(body) and not TOPIC_OPENING_RE.match(body))):
            kind = "list-item"
        if kind == "list-item":
            prev = blocks[-1] if blocks else None
            if prev is not None and prev.kind == "list-item":
                this_lead = prev.lead_in
            elif prev is not None and prev.kind in ("paragraph", "heading", "question"):
                this_lead = prev.index
            lead_in = this_lead
        blocks.append(Block(i, kind, start, end, heading=heading, lead_in=this_lead,
                            question=question if kind in ("paragraph", "list-item", "quote", "cell") else None))
        if kind == "heading":
            heading, question = i, None
        elif kind == "question" or (kind == "paragraph" and body.rstrip().endswith("?")):
            question = i  # a paragraph ending in a question poses it to the blocks below
    return blocks
