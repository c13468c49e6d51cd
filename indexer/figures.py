"""Numbers in copy — percentages, ratios, durations, counts — and how they compare with the evidence.

Ratios ("1 in 7") are compared as percentages; durations are compared in minutes.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from kb.models import Claim, Figure

WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "half a dozen": 6, "a dozen": 12, "dozen": 12, "hundred": 100,
}
NUM = r"(?:\d+(?:[.,]\d+)?|" + "|".join(sorted((w for w in WORD_NUMBERS if w not in ("a", "an")), key=len, reverse=True)) + ")"
RANGE = rf"(?P<lo>{NUM})(?:\s*(?:-|–|—|to|and)\s*(?P<hi>{NUM}))?"
MINUTES_PER = {"minute": 1, "min": 1, "hour": 60, "hr": 60, "day": 1440, "week": 10080, "month": 43200}
UNIT_MINUTES = {"minutes": 1, "hours": 60, "days": 1440, "weeks": 10080, "months": 43200}

PERCENT_RE = re.compile(rf"{RANGE}\s*(?:%|per\s?cent\b)", re.I)
RATIO_RE = re.compile(rf"\b(?P<num>{NUM}|a|an)\s+(?:out\s+)?(?:in|of)\s+(?:every\s+)?(?P<den>{NUM})\b", re.I)
DURATION_RE = re.compile(rf"\b{RANGE}[\s-]*(?P<unit>minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b", re.I)
FRACTIONS = {"half": 50.0, "a third": 33.3, "one third": 33.3, "two thirds": 66.7, "two-thirds": 66.7,
             "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0, "three-quarters": 75.0,
             "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0, "a tenth": 10.0, "one tenth": 10.0}
FRACTION_RE = re.compile(r"\b(" + "|".join(re.escape(f) for f in sorted(FRACTIONS, key=len, reverse=True)) + r")\b", re.I)
COUNT_RE = re.compile(rf"\b{RANGE}\s+(?:\w+\s+)?(?P<what>infusions?|sessions?|treatments?|doses?)\b", re.I)


def to_number(text: str) -> float | None:
    t = text.strip().lower()
    if t in WORD_NUMBERS:
        return float(WORD_NUMBERS[t])
    try:
        return float(t.replace(",", "."))
    except ValueError:
        return None


@dataclass(frozen=True)
class CopyFigure:
    kind: str  # percent | duration | count (ratios are read as percent)
    low: float
    high: float
    text: str  # as written in the copy
    start: int
    end: int


def extract(sentence: str) -> list[CopyFigure]:
    found: list[CopyFigure] = []
    taken: list[tuple[int, int]] = []

    def add(kind, lo, hi, m):
        if lo is None or hi is None or any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(CopyFigure(kind, min(lo, hi), max(lo, hi), m.group(0), m.start(), m.end()))

    for m in PERCENT_RE.finditer(sentence):
        lo = to_number(m.group("lo"))
        add("percent", lo, to_number(m.group("hi")) if m.group("hi") else lo, m)
    for m in RATIO_RE.finditer(sentence):
        num, den = to_number(m.group("num")), to_number(m.group("den"))
        if num and den and den > num and den <= 1000:
            add("percent", 100 * num / den, 100 * num / den, m)
    for m in FRACTION_RE.finditer(sentence):
        value = FRACTIONS[m.group(1).lower()]
        add("percent", value, value, m)
    for m in DURATION_RE.finditer(sentence):
        unit = m.group("unit").lower().rstrip("s")
        per = MINUTES_PER.get(unit)
        lo = to_number(m.group("lo"))
        hi = to_number(m.group("hi")) if m.group("hi") else lo
        if per and lo is not None:
            add("duration", lo * per, hi * per, m)
    for m in COUNT_RE.finditer(sentence):
        lo = to_number(m.group("lo"))
        add("count", lo, to_number(m.group("hi")) if m.group("hi") else lo, m)
    return sorted(found, key=lambda f: f.start)


def evidence_range(fig: Figure) -> tuple[str, float, float]:
    """(kind, low, high) of a KB figure in the units copy figures use."""
    if fig.kind in ("percent", "ratio"):
        return "percent", fig.low, fig.high
    if fig.kind == "duration":
        per = UNIT_MINUTES.get(fig.unit, 1)
        return "duration", fig.low * per, fig.high * per
    return "count", fig.low, fig.high


def describe(fig: Figure) -> str:
    lo, hi = (f"{v:g}" for v in (fig.low, fig.high))
    span = lo if lo == hi else f"{lo}–{hi}"
    unit = "%" if fig.unit == "percent" else f" {fig.unit}"
    return f"{span}{unit} ({fig.about}; {fig.source})"


def distance(cf: CopyFigure, fig: Figure) -> float | None:
    """How far a copy figure lies from a KB figure: 0 inside, else the log ratio to the nearer end."""
    kind, lo, hi = evidence_range(fig)
    if kind != cf.kind:
        return None
    if lo <= cf.high and cf.low <= hi:
        return 0.0
    near, value = (lo, cf.high) if cf.high < lo else (hi, cf.low)
    return abs(math.log((value + 1e-9) / (near + 1e-9)))


def attribute(copy_figures: list[CopyFigure], claims: list[Claim]) -> dict[str, list[CopyFigure]]:
    """Give each copy figure to the claim whose evidence figures it lies nearest (a sentence may make several)."""
    out: dict[str, list[CopyFigure]] = {c.id: [] for c in claims}
    for cf in copy_figures:
        best = None
        for claim in claims:
            for fig in claim.figures:
                d = distance(cf, fig)
                if d is not None and (best is None or d < best[0]):
                    best = (d, claim.id)
        if best:
            out[best[1]].append(cf)
    return out


@dataclass(frozen=True)
class Comparison:
    copy: str
    evidence: str
    outside: bool
    note: str

    def to_dict(self) -> dict:
        return {"copy": self.copy, "evidence": self.evidence, "outside": self.outside, "note": self.note}


def compare(copy_figures: list[CopyFigure], claim: Claim) -> list[Comparison]:
    """For each copy figure with a KB figure of the same kind, whether it lies outside what studies found."""
    out = []
    for cf in copy_figures:
        candidates = [f for f in claim.figures if evidence_range(f)[0] == cf.kind]
        if not candidates:
            continue
        f = min(candidates, key=lambda f: distance(cf, f))
        if distance(cf, f) == 0:
            out.append(Comparison(cf.text, describe(f), False, f"Within what studies found: {describe(f)}."))
        else:
            out.append(Comparison(cf.text, describe(f), True,
                                  f"The copy's figure ({cf.text}) is outside what studies found: {describe(f)}."))
    return out
