"""Split text into sentences that keep their character offsets.

Line breaks end a unit (headings, bullets and list items often have no full stop); inside a
line, a sentence ends at . ! or ? followed by space and a capital, digit, quote or bullet —
unless the word before the stop is a known abbreviation (Dr., e.g., U.S., mg/kg, approx.),
an initial, or part of a number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset("""
dr mr mrs ms prof sr jr st vs etc e.g i.e approx appx est fig figs no nos vol vols pp ed eds al
inc ltd co corp dept univ jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri
u.s u.k u.n e.u a.m p.m ca cf min mins hr hrs wk wks mo mos yr yrs resp incl max
ph.d m.d b.sc m.sc d.o r.n
mt ft tenn calif fla ariz colo conn mich minn okla wis nev
""".split())  # ("Mt. Sinai", "Ft. Worth", a dateline's state: "KNOXVILLE, Tenn. (WVLT) - ...")
# (a dash or dot glued to its item's first letter is a bullet too: "-nausea and vomiting", "•dizziness")
BULLET_RE = re.compile(r"\s*(?:(?:[-*•·▪◦‣–—]|\d{1,2}[.)]|[a-z][.)])\s+|[-•·▪◦‣–](?=[A-Za-z]))")
# A footnote number glued to the stop ("...in depressed patients.1 The effect...", "...symptoms.5,6 The study...") or
# bracketed reference marks after it ("...and feeling drunk.[8][9] Physicians...") still end the sentence.
BOUNDARY_RE = re.compile(r"((?<=[a-z])[.!?]\d{1,2}(?:[,–-]\d{1,2})*(?=\s)|[.!?]+(?:\[\d{1,3}(?:[,–-]\d{1,3})*\])+|[.!?]+[\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9•\-*])")
# A stop the page's markup lost its space after ("...at high levels.This misuse carries risks") still ends a
# sentence when a word of three or more letters, not part of a web address, meets a capitalised word.
GLUED_STOP_RE = re.compile(r"(?<![\w./@-])(?!www\.)([a-z]{3,}[.!?])(?=[A-Z][a-z]+\b)")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def _is_abbreviation(before: str) -> bool:
    """True when the text ending just before a full stop ends in an abbreviation or an initial."""
    m = re.search(r"([\w.]+)$", before)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
        # ...but not a contraction's last letter: "Esketamine doesn’t. It works on glutamate" is two sentences
        return before[-2:-1] not in ("'", "’")
    return bool(re.fullmatch(r"(?:[a-z]\.){1,3}[a-z]", word))  # "u.s", "e.g"


# A label with a figure for its value ("Induction phase: weeks 1 – 4.", "Dose: 56 mg.") opens a sentence the words after
# its stop complete ("... 2 treatments each week for 2 hours"): a schedule's line is one statement, not two.
LABEL_VALUE_RE = re.compile(r"\s*[^.:;!?]{1,40}:\s*(?=[^.:;!?]*\d)[^.:;!?]{1,30}\.")
LABEL_VALUE_WORDS = 8


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    line = text[start:end]
    cuts = [0]
    for m in GLUED_STOP_RE.finditer(line):
        cuts.append(m.end(1))
    for m in BOUNDARY_RE.finditer(line):
        # "etc." closes a list, and a capital after it opens the next sentence ("dizziness, etc. I assume ...")
        if re.search(r"\betc$", line[: m.start()], re.I):
            cuts.append(m.end(1))
            continue
        if m.group(1).startswith(".") and len(m.group(1).rstrip("\"'”’)]")) == 1 and _is_abbreviation(line[: m.start()]):
            # "No." abbreviates "number" only before one ("No. 5"); an answer "No. You must ..." ends there
            if not (re.search(r"\bno$", line[: m.start()], re.I) and not line[m.end():m.end() + 1].isdigit()):
                continue
        if LABEL_VALUE_RE.fullmatch(line, max((c for c in cuts if c <= m.start()), default=0), m.end(1)) \
                and len(re.findall(r"\w+", line[:m.end(1)])) <= LABEL_VALUE_WORDS + len(re.findall(r"\w+", line[:max((c for c in cuts if c <= m.start()), default=0)])):
            continue
        cuts.append(m.end(1))
    cuts = sorted(set(cuts)) + [len(line)]
    return [(start + a, start + b) for a, b in zip(cuts, cuts[1:])]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of text[start:end] in order, each with exact offsets (text[s.start:s.end] == s.text)."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        line_start, line_end = start + m.start(), start + m.end()
        bullet = BULLET_RE.match(text, line_start, line_end)
        if bullet:
            line_start = bullet.end()
        for a, b in _split_line(text, line_start, line_end):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a and re.search(r"\w", text[a:b]):
                spans.append(Span(a, b, text[a:b]))
    return spans


# Where one clause ends and another begins, for deciding what belongs together in a claim frame:
# semicolons, colons, spaced dashes and contrasting conjunctions. (Negation scope has its own,
# finer terminators in stance_rules.yaml.)
CLAUSE_BREAK_RE = re.compile(
    # (a dash before "especially", "particularly", "including" narrows what precedes it: one clause)
    r"\s*[;:]\s+|\s+[—–-]\s+(?!(?:especially|particularly|including|notably)\b)|\s*—\s*(?!(?:especially|particularly|including|notably)\b)"
    r"|,?\s+(?:but|however|whereas|although|though|unlike)\b,?\s+"
    # a comparison after a comma ("felt almost immediately, compared to the weeks antidepressants take") is the other side's
    r"|,\s+(?:compared (?:to|with)|as opposed to|in contrast to)\s+"
    r"|(?<=[a-z]),\s+(?:and|so)\s+(?=(?:you|we|it|they|she|he|i|this|that|there|many|most|some|patients|mothers|women)\b)",
    re.I)


def split_clauses(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of a sentence, in order; the whole sentence when it has one."""
    cuts = [(m.start(), m.end()) for m in CLAUSE_BREAK_RE.finditer(sentence)]
    out, pos = [], 0
    for a, b in cuts:
        if a > pos:
            out.append((pos, a))
        pos = b
    if pos < len(sentence):
        out.append((pos, len(sentence)))
    return out or [(0, len(sentence))]


# A clause after "but", "however", "although"... that opens with its verb ("Ketamine is not approved for depression,
# but is widely used off-label"; "SSRIs are widely available but may not prove effective") has left its subject to
# the clause before: what that clause names before its own verb is the subject of both.
ELLIPSIS_BREAK_RE = re.compile(r"\b(?:but|however|although|though|whereas|yet)\b", re.I)
_VERB = (r"(?:is|are|was|were|has|have|had|can|could|may|might|will|would|should|must|does|do|did|"
         r"isn['’]t|aren['’]t|wasn['’]t|weren['’]t|hasn['’]t|haven['’]t|hadn['’]t|doesn['’]t|don['’]t|didn['’]t|"
         r"can['’]t|cannot|won['’]t|wouldn['’]t|shouldn['’]t|remains?|works?|helps?|offers?|lasts?|takes?|causes?|carries|"
         r"provides?|requires?|needs?|seems?|appears?|tends?|acts?|shows?|makes?|gives?|brings?|leads?|reduces?|"
         r"relieves?|improves?|comes?|begins?|starts?|occurs?|affects?)")
ELLIPTICAL_OPENING_RE = re.compile(r"(?:(?:also|still|often|usually|generally|typically|now|then|only|rarely|sometimes|"
                                   r"even|actually|certainly|quickly|rapidly|frequently|commonly)\s+)*" + _VERB + r"\b", re.I)
SUBJECT_VERB_RE = re.compile(r"\b" + _VERB + r"\b", re.I)
PAST_VERB_RE = re.compile(r"(?<=\w\s)[a-z]{3,}ed\b")


def clause_subjects(sentence: str, clauses: list[tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """For each clause that opens with its verb after a contrasting conjunction, where its subject is: the words of
    the nearest clause before it with a subject of its own, up to that clause's verb."""
    out: dict[int, tuple[int, int]] = {}
    for ci in range(1, len(clauses)):
        a, b = clauses[ci]
        gap = sentence[clauses[ci - 1][1]:a]
        if not ELLIPSIS_BREAK_RE.search(gap) or not ELLIPTICAL_OPENING_RE.match(sentence, a, b):
            continue
        if ci - 1 in out:  # "X is A, but is B, yet can C": the same subject
            out[ci] = out[ci - 1]
            continue
        pa, pb = clauses[ci - 1]
        verb = SUBJECT_VERB_RE.search(sentence, pa, pb) or PAST_VERB_RE.search(sentence, pa, pb)
        if verb and verb.start() > pa:
            out[ci] = (pa, verb.start())
    return out
