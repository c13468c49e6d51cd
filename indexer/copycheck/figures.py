"""Numbers in copy — percentages, ratios, durations, counts — typed by what they measure.

Ratios ("1 in 7") are read as percentages and durations in minutes. Each figure also gets a
measure (time to onset, course length, response rate, prevalence, relative infant dose...) from the
words around it (figure_measures.yaml), and is compared only with evidence of the same measure: a
correct "two to three weeks" course is not held against a 57-day duration of effect.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from functools import lru_cache
from pathlib import Path

import yaml

from kb.models import Claim, Figure
from kb.vocab import MINUTES_PER_UNIT

WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "half a dozen": 6, "a dozen": 12, "dozen": 12, "hundred": 100,
}
NUM = r"(?:\d+(?:[.,]\d+)?|" + "|".join(sorted((w for w in WORD_NUMBERS if w not in ("a", "an")), key=len, reverse=True)) + ")"
RANGE = rf"(?P<lo>{NUM})(?:\s*(?:-|–|—|to|and)\s*(?P<hi>{NUM}))?"
MINUTES_PER = {"minute": 1, "min": 1, "hour": 60, "hr": 60, "day": 1440, "week": 10080, "month": 43200, "year": 525600, "yr": 525600}
# Durations copy gives in words without a number ("a few minutes", "a couple of hours", "several weeks"):
# read as one typical value, so "can last from a few minutes to a couple of hours" times the effect as
# "3-120 minutes" would. (Read as spans, "several hours" = 3-7 hours would touch a three-hour ceiling that
# the copy's "several" does not mean.)
VAGUE_NUMBERS = {"a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, "few": 3, "several": 5}

PERCENT_RE = re.compile(rf"(?P<lo>{NUM})\s*(?:%|per\s?cent\b)", re.I)
# A range may give the unit at both ends ("30% – 40%", "10 percent to 30 percent", "between 20% and 40%"): it is
# still one range, compared with the evidence by overlap, not as two endpoints each judged alone (the top of a
# range that overlaps the evidence read as "outside" it). Two values joined by a bare "and" are two figures
# ("52.2% and 20.6%", "6.7 and 25.4 percent ... respectively"), and so are a change's two ends ("fell from 25% to 6.7%").
PERCENT_SPAN_RE = re.compile(rf"(?P<lo>{NUM})\s*(?P<unit>%|per\s?cent\b)?\s*(?P<sep>-|–|—|to|and)\s*(?P<hi>{NUM})\s*(?:%|per\s?cent\b)", re.I)
# "95% confidence interval", "95% CI": the confidence level of an interval, not a figure the copy reports.
CONFIDENCE_RE = re.compile(r"\s*(?:confidence|credible|CI\b|C\.I\.)", re.I)
# A bound, not a value: "disappeared within 24 hours", "RIDs less than 1%" say at most; "last at least two weeks",
# "a month or more" say at least. Compared with the evidence as the open range they state (any evidence value under
# the ceiling agrees with "within 24 hours"); the figure's own value is kept for the claims' figure slots.
AT_MOST_RE = re.compile(r"\b(?:within|less than|fewer than|under|below|no more than|not more than|at most)\s+(?:about\s+|approximately\s+|around\s+|roughly\s+|just\s+|only\s+)?$", re.I)
AT_LEAST_RE = re.compile(r"\b(?:at least|more than|greater than|upwards of|in excess of|no less than|not less than)\s+(?:about\s+|approximately\s+|around\s+)?$", re.I)
OR_MORE_RE = re.compile(r"\s*(?:\+|or (?:more|longer|greater|over)\b)", re.I)
BETWEEN_RE = re.compile(r"\bbetween\s+$", re.I)
CHANGE_FROM_RE = re.compile(r"(?<!anywhere )(?<!ranging )(?<!ranged )(?<!ranges )(?<!range )(?<!varies )(?<!vary )(?<!varying )\bfrom\s+$", re.I)
RATIO_RE = re.compile(rf"\b(?P<num>{NUM}|a|an)[\s-]+(?:out\s+)?(?:in|of)[\s-]+(?:every\s+)?(?P<den>{NUM})\b", re.I)
UNITS = r"(?P<unit>minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?)"
# ("two or three weeks" is a span, as "two to three weeks" is)
DURATION_RE = re.compile(rf"\b{RANGE.replace('|and)', '|and|or)')}[\s-]*{UNITS}\b", re.I)
VAGUE_RE = re.compile(r"\b(?P<vague>" + "|".join(sorted(VAGUE_NUMBERS, key=len, reverse=True)) + rf")\s+{UNITS}\b(?!\s+(?:to|or)\s+(?:weeks|months|years)\b)", re.I)  # ("several days to weeks" is open-ended)
# "an hour", "half an hour", "a day", "a year", "a week or two": one unit without a digit.
ONE_UNIT_RE = re.compile(r"\b(?:(?P<half>half) an?|an?|one) (?P<unit>minute|hour|day|week|month|year)(?P<more> or (?:two|so))?\b", re.I)
FRACTIONS = {"half": 50.0, "a third": 33.3, "one third": 33.3, "one-third": 33.3, "two thirds": 66.7, "two-thirds": 66.7,
             "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0, "three-quarters": 75.0,
             "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0, "a tenth": 10.0, "one tenth": 10.0}
# ("half a dozen infusions" is a count and "half an hour" a duration, not 50%)
FRACTION_RE = re.compile(r"\b(" + "|".join(re.escape(f) for f in sorted(FRACTIONS, key=len, reverse=True)) + r")\b"
                         r"(?!\s+(?:a\s+dozen|an?\s+(?:minute|hour|day|week|month)|(?:minute|hour|day|week|month)s?\b))", re.I)
# A duration after these words says how often something happens ("once a day for 14 days", "checked every
# two hours"), not how long anything takes.
HOW_OFTEN_RE = re.compile(r"\b(?:once|twice|thrice|times|every|each|per)\s+$", re.I)
AGE_RE = re.compile(r"[\s-]*old\b", re.I)
# "$10 per treatment" is a price, not a number of treatments; a hyphen joins the count as a space does ("a six-infusion
# series", "scheduled for 6-treatments"), as in durations ("2-hour").
COUNT_RE = re.compile(rf"(?<![$£€])\b{RANGE}(?:\s+|-)(?!per\b)(?:\w+\s+)?(?P<what>infusions?|sessions?|treatments?|doses?)\b", re.I)


def to_number(text: str) -> float | None:
    t = text.strip().lower()
    if t in WORD_NUMBERS:
        return float(WORD_NUMBERS[t])
    try:
        return float(t.replace(",", "."))
    except ValueError:
        return None


class _Part:
    """One group of a match, standing in for the match: a range's end read as a figure of its own."""
    def __init__(self, m: re.Match, group: str):
        self._start, self._end, self._text = m.start(group), m.end(group), m.group(group)

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _=0) -> str:
        return self._text


@dataclass(frozen=True)
class CopyFigure:
    kind: str  # percent | duration | count (ratios are read as percent)
    low: float
    high: float
    text: str  # as written in the copy
    start: int
    end: int
    measure: str = "unknown"
    bound: str = ""  # "at-most" ("within 24 hours", "less than 1%") | "at-least" ("at least two weeks", "a month or more")


# Literal hints each family of patterns needs: a sentence without them is not searched by that family (the
# patterns start with a number that may be a word, so the regex engine otherwise tries every position).
PERCENT_HINT_RE = re.compile(r"%|per\s?cent", re.I)
UNIT_HINT_RE = re.compile(r"min|hour|hr|day|week|month|year|yr", re.I)
COUNT_HINT_RE = re.compile(r"infusion|session|treatment|dose", re.I)


def extract(sentence: str) -> list[CopyFigure]:
    """The figures the copy gives, in order. A check asks for one sentence's figures at several steps (the frames,
    the claim model, check-worthiness), so the reading is kept (the figures are frozen; the list is the caller's)."""
    return list(_extract(sentence))


@lru_cache(maxsize=4096)
def _extract(sentence: str) -> tuple[CopyFigure, ...]:
    found: list[CopyFigure] = []
    taken: list[tuple[int, int]] = []

    def add(kind, lo, hi, m):
        if lo is None or hi is None or any(a < m.end() and m.start() < b for a, b in taken):
            return
        if kind == "percent" and CONFIDENCE_RE.match(sentence, m.end()):
            return  # "95% confidence interval": a confidence level
        if kind == "duration" and HOW_OFTEN_RE.search(sentence, 0, m.start()):
            return  # "once a day", "every two hours": how often, not how long
        if kind == "duration" and AGE_RE.match(sentence, m.end()):
            return  # "a 35-year-old woman", "a six-week-old baby": an age, not how long anything takes
        taken.append((m.start(), m.end()))
        bound = "at-most" if AT_MOST_RE.search(sentence, 0, m.start()) else \
            "at-least" if AT_LEAST_RE.search(sentence, 0, m.start()) or OR_MORE_RE.match(sentence, m.end()) else ""
        found.append(CopyFigure(kind, min(lo, hi), max(lo, hi), m.group(0), m.start(), m.end(), bound=bound))

    percent = PERCENT_HINT_RE.search(sentence) is not None
    unit = UNIT_HINT_RE.search(sentence) is not None
    for m in PERCENT_SPAN_RE.finditer(sentence) if percent else ():
        lo, hi = to_number(m.group("lo")), to_number(m.group("hi"))
        if not (CHANGE_FROM_RE.search(sentence, 0, m.start())
                or (m.group("sep").lower() == "and" and not BETWEEN_RE.search(sentence, 0, m.start()))):
            add("percent", lo, hi, m)
        elif not m.group("unit"):  # "6.7 and 25.4 percent": the first value takes the second's unit
            add("percent", lo, lo, _Part(m, "lo"))
    for m in PERCENT_RE.finditer(sentence) if percent else ():
        lo = to_number(m.group("lo"))
        add("percent", lo, lo, m)
    for m in RATIO_RE.finditer(sentence):
        num, den = to_number(m.group("num")), to_number(m.group("den"))
        if num and den and den > num and den <= 1000:
            add("percent", 100 * num / den, 100 * num / den, m)
    for m in ONE_UNIT_RE.finditer(sentence) if unit else ():
        per = MINUTES_PER[m.group("unit").lower()] * (0.5 if m.group("half") else 1)
        add("duration", per, per * (2 if m.group("more") else 1), m)
    for m in VAGUE_RE.finditer(sentence) if unit else ():
        value = VAGUE_NUMBERS[" ".join(m.group("vague").lower().split())] * MINUTES_PER[m.group("unit").lower().rstrip("s")]
        add("duration", value, value, m)
    for m in FRACTION_RE.finditer(sentence):
        value = FRACTIONS[m.group(1).lower()]
        add("percent", value, value, m)
    for m in DURATION_RE.finditer(sentence) if unit else ():
        unit = m.group("unit").lower().rstrip("s")
        per = MINUTES_PER.get(unit)
        lo = to_number(m.group("lo"))
        hi = to_number(m.group("hi")) if m.group("hi") else lo
        if per and lo is not None:
            add("duration", lo * per, hi * per, m)
    for m in COUNT_RE.finditer(sentence) if COUNT_HINT_RE.search(sentence) else ():
        lo = to_number(m.group("lo"))
        add("count", lo, to_number(m.group("hi")) if m.group("hi") else lo, m)
    found = [classify(f, sentence) for f in found]
    return tuple(sorted(found, key=lambda f: f.start))


MEASURES_FILE = Path(__file__).with_name("figure_measures.yaml")
WORD_RE = re.compile(r"[a-z0-9][a-z0-9'-]*")
# Adverbs that stand between a signal's words without changing what it says: "each session
# typically lasts 40 minutes" is "session lasts", a session's length, not how long relief lasts.
FILLERS = frozenset({"typically", "usually", "generally", "normally", "often", "commonly", "roughly", "approximately",
                     "about", "around", "only", "just", "also", "may", "can", "will", "should", "might"})


def _words(text: str) -> list[str]:
    return [w for w in WORD_RE.findall(text.lower()) if w not in FILLERS]


@lru_cache(maxsize=1)
def _measures_data() -> dict:
    return yaml.safe_load(MEASURES_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def measure_table() -> tuple[int, dict[str, tuple[frozenset[str], tuple[tuple[str, ...], ...]]]]:
    data = _measures_data()
    table = {name: (frozenset(spec["kinds"]), tuple(tuple(w.lower().split()) for w in spec["words"]))
             for name, spec in data["measures"].items()}
    return int(data.get("near", 8)), table


READINGS = ("overlap", "top", "middle", "within")


@lru_cache(maxsize=1)
def measure_readings() -> dict[str, str]:
    """How a copy range is read against a claim's figure slot, by measure (figure_measures.yaml `read_by`)."""
    readings = {name: spec.get("read_by", "overlap") for name, spec in _measures_data()["measures"].items()}
    for name, reading in readings.items():
        if reading not in READINGS:
            raise ValueError(f"{MEASURES_FILE.name}: measure {name!r} has read_by {reading!r}; expected one of {', '.join(READINGS)}")
    return readings


@lru_cache(maxsize=1)
def binding_measures() -> frozenset[str]:
    """The measures whose figure, stated outside a claim's ranges, rules the claim out (figure_measures.yaml `binds`)."""
    measures = _measures_data()["measures"]
    for name, spec in measures.items():
        if not isinstance(spec.get("binds", False), bool):
            raise ValueError(f"{MEASURES_FILE.name}: measure {name!r} has binds {spec['binds']!r}; expected true or false")
    return frozenset(name for name, spec in measures.items() if spec.get("binds"))


def fills_slot(low: float, high: float, lo: float, hi: float, measure: str | None) -> bool:
    """Whether a copy figure (low-high) meets a claim slot's range (lo-hi), read as its measure says:
    by overlap, by its top, by its middle, or whole within the slot's range."""
    reading = measure_readings().get(measure or "", "overlap")
    if reading == "within":
        return lo <= low and high <= hi
    if reading == "top":
        return lo <= high <= hi
    if reading == "middle":
        return lo <= (low + high) / 2 <= hi
    return low <= hi and lo <= high


def _starts(words: list[str], phrase: tuple[str, ...], at: int) -> bool:
    return all(at + k < len(words) and words[at + k].startswith(w) for k, w in enumerate(phrase))


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, list[tuple[str, frozenset[str], tuple[str, ...]]]]:
    """Signal phrases indexed by their first word (a prefix of the copy's word)."""
    _, table = measure_table()
    index: dict[str, list] = {}
    for name, (kinds, phrases) in table.items():
        for ph in phrases:
            index.setdefault(ph[0], []).append((name, kinds, ph))
    return index


def signals(text: str, kind: str) -> list[tuple[int, str, int]]:
    """(word index, measure, length in words) for every measure signal in `text` that fits a figure of `kind`."""
    index = _by_first_word()
    words = _words(text)
    out = []
    for i, w in enumerate(words):
        best: dict[str, int] = {}
        for cut in range(1, len(w) + 1):
            for name, kinds, ph in index.get(w[:cut], ()):
                if kind in kinds and _starts(words, ph, i):
                    best[name] = max(best.get(name, 0), len(ph))
        out += [(i, name, length) for name, length in best.items()]
    return out


# "reduced the risk by about three quarters", "cut symptoms by 50%": a percentage right after "by" is a change.
BY_RE = re.compile(r"\bby\s+(?:about\s+|more than\s+|nearly\s+|roughly\s+|approximately\s+|around\s+|almost\s+|over\s+|up to\s+|some\s+|at least\s+)?$", re.I)


def classify(cf: CopyFigure, sentence: str) -> CopyFigure:
    if cf.kind == "percent" and BY_RE.search(sentence, 0, cf.start):
        return CopyFigure(cf.kind, cf.low, cf.high, cf.text, cf.start, cf.end, "relative-change", cf.bound)
    near, _ = measure_table()
    before = _words(sentence[: cf.start])
    at = len(before)
    best = None
    for i, name, length in signals(sentence, cf.kind):
        # distance in words from the figure to the nearer end of the signal phrase
        d = at - (i + length) + 1 if i < at else i - at - len(_words(cf.text)) + 1
        key = (abs(d), -length)
        if abs(d) <= near and (best is None or key < best[0]):
            best = (key, name)
    if best is None:
        return cf
    return CopyFigure(cf.kind, cf.low, cf.high, cf.text, cf.start, cf.end, best[1], cf.bound)


def evidence_measure(fig: Figure) -> str:
    """An evidence figure's measure: its own `measure`, else the first signal in its `about` text."""
    if fig.measure:
        return fig.measure
    kind = "percent" if fig.kind in ("percent", "ratio") else ("count" if fig.kind == "count" else "duration")
    return _about_measure(fig.about, kind)


@lru_cache(maxsize=4096)
def _about_measure(about: str, kind: str) -> str:
    found = sorted(signals(about, kind))
    return found[0][1] if found else "unknown"


def evidence_range(fig: Figure) -> tuple[str, float, float]:
    """(kind, low, high) of a KB figure in the units copy figures use."""
    if fig.kind in ("percent", "ratio"):
        return "percent", fig.low, fig.high
    if fig.kind == "duration":
        per = MINUTES_PER_UNIT.get(fig.unit, 1)
        return "duration", fig.low * per, fig.high * per
    return "count", fig.low, fig.high


def comparable(cf: CopyFigure, fig: Figure) -> bool:
    if evidence_range(fig)[0] != cf.kind:
        return False
    m = evidence_measure(fig)
    return cf.measure == "unknown" or m == "unknown" or m == cf.measure


def describe(fig: Figure) -> str:
    lo, hi = (f"{v:g}" for v in (fig.low, fig.high))
    span = lo if lo == hi else f"{lo}–{hi}"
    unit = "%" if fig.unit == "percent" else f" {fig.unit}"
    return f"{span}{unit} ({fig.about}; {fig.source})"


def distance(cf: CopyFigure, fig: Figure) -> float | None:
    """How far a copy figure lies from a KB figure: 0 inside, else the log ratio to the nearer end."""
    if not comparable(cf, fig):
        return None
    _, lo, hi = evidence_range(fig)
    low, high = (0.0 if cf.bound == "at-most" else cf.low), (math.inf if cf.bound == "at-least" else cf.high)
    if lo <= high and low <= hi:
        return 0.0
    near, value = (lo, high) if high < lo else (hi, low)
    return abs(math.log((value + 1e-9) / (near + 1e-9)))


@dataclass(frozen=True)
class Comparison:
    copy: str
    measure: str
    evidence: str
    verdict: str  # ok | caution | outside
    note: str

    def to_dict(self) -> dict:
        return {"copy": self.copy, "measure": self.measure, "evidence": self.evidence, "verdict": self.verdict,
                "outside": self.verdict == "outside", "note": self.note}


def compare(copy_figures: list[CopyFigure], claim: Claim) -> list[Comparison]:
    """Each copy figure against the claim's evidence figures of the same kind and measure.

    Inside the range is "ok" only when the claim itself is supported; otherwise "caution": a
    figure some study reports does not make the claim the copy builds on it sound (a "1 in 5"
    inside a high-risk-setting range, beside a verdict saying 1 in 5 overstates).
    """
    out = []
    for cf in copy_figures:
        scored = [(d, f) for f in claim.figures if (d := distance(cf, f)) is not None]
        if not scored:
            continue
        d, f = min(scored, key=lambda x: x[0])
        measure = cf.measure if cf.measure != "unknown" else evidence_measure(f)
        if d > 0:
            out.append(Comparison(cf.text, measure, describe(f), "outside",
                                  f"The copy's figure ({cf.text}) is outside what studies found: {describe(f)}."))
        elif claim.verdict == "supported":
            out.append(Comparison(cf.text, measure, describe(f), "ok", f"Within what studies found: {describe(f)}."))
        else:
            out.append(Comparison(cf.text, measure, describe(f), "caution",
                                  f"Within the range of {describe(f)}, but the claim is rated "
                                  f"{claim.verdict.replace('-', ' ')}: see the bottom line before using {cf.text}."))
    return out


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
