"""Which catalog claims a sentence asserts, found with the search index's own analysis.

Two signals, both computed on tokens from the index's analyzer (stems, compounds, KB synonyms):

- Cues: a claim's concept groups (`cues` in its record). A sentence that touches every group —
  e.g. {ketamine} + {caesarean} + {prevent, lower, cut…} + {depression} — makes the claim. Cue
  terms may be figures ("{percent 50-95}"), matched against the numbers the copy states.
- Phrasings: each claim's statement and phrasings go into a small in-memory Whoosh index. BM25
  finds candidate phrasings for a sentence; each is scored by how much of its weight (IDF over all
  phrasings, so words every claim shares count little) the sentence covers.

A claim matched by its cues scores from 0.7 up; one matched by phrasing alone needs a high
coverage. Negated sentences ("there is no evidence that…") do not assert a positively phrased
claim, unless the cue or phrasing that matched is itself negative ("SSRIs don't work").
Finally a narrower claim hides the broader claims it `overrides`.
"""
from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass

from whoosh import fields, scoring
from whoosh import query as wq
from whoosh.filedb.filestore import RamStorage

from indexer import figures
from indexer.analysis import NEGATIONS as NEGATION_WORDS
from indexer.analysis import text_analyzer
from indexer.polarity import is_negated
from kb.loader import KnowledgeBase
from kb.models import FIGURE_CUE_RE

# Phrasing coverage a claim without cues needs: the best F1 on tests/data/check_labelled.yaml with
# cues switched off (docs/benchmarks.md). Claims with cues are matched through their cues.
THRESHOLD = 0.55
CUE_BASE = 0.7
CANDIDATES = 40
NUMBER_RE = re.compile(r"^\d+(?:[.,]\d+)?$")
UNIT_MINUTES = {"minutes": 1, "hours": 60, "days": 1440, "weeks": 10080, "months": 43200}


@dataclass(frozen=True)
class FigureCue:
    kind: str
    low: float
    high: float

    def matches(self, copy_figures) -> bool:
        return any(f.kind == self.kind and f.low <= self.high and self.low <= f.high for f in copy_figures)


@dataclass(frozen=True)
class CueTerm:
    tokens: tuple[str, ...] = ()
    figure: FigureCue | None = None
    phrase: re.Pattern | None = None  # for multi-word cues that analysis would shrink to one token
    negative: bool = False  # the cue itself denies something ("don't work"), so negation is expected

    def matches(self, terms: set[str], sequence: list[str], copy_figures, text: str) -> bool:
        if self.figure is not None:
            return self.figure.matches(copy_figures)
        if self.phrase is not None:
            return bool(self.phrase.search(text))
        if len(self.tokens) == 1:
            return self.tokens[0] in terms
        return in_order(self.tokens, sequence)


def in_order(tokens: tuple[str, ...], sequence: list[str], max_gap: int = 2) -> bool:
    """The tokens appear in this order, with at most `max_gap` other tokens between neighbours."""
    for start, tok in enumerate(sequence):
        if tok != tokens[0]:
            continue
        pos, ok = start, True
        for want in tokens[1:]:
            window = sequence[pos + 1: pos + 2 + max_gap]
            if want not in window:
                ok = False
                break
            pos = pos + 1 + window.index(want)
        if ok:
            return True
    return False


def compile_cue(term: str, analyse) -> CueTerm | None:
    m = FIGURE_CUE_RE.match(term)
    if m:
        kind, lo, hi, unit = m.group(1), float(m.group(2)), float(m.group(3)), m.group(4)
        per = UNIT_MINUTES.get(unit or "minutes", 1) if kind == "duration" else 1
        return CueTerm(figure=FigureCue(kind, lo * per, hi * per))
    tokens = tuple(analyse(term))
    negative = is_negated(term) or bool(NEGATION_WORDS & set(tokens))
    words = re.findall(r"\w+", term.replace("'", "’").replace("’", "'"))
    if len(words) > 1 and (len(tokens) < 2 or negative):
        # "all it takes" analyses to just "take": match the words as written instead.
        body = r"[\s\-'’]+".join(re.escape(w) for w in words)
        return CueTerm(phrase=re.compile(rf"(?<!\w){body}(?!\w)", re.I), negative=negative)
    return CueTerm(tokens=tokens, negative=negative) if tokens else None


CLAUSE_BREAK = re.compile(r"\s*(?:[;:—–]|,?\s+\b(?:but|however|whereas|although|though)\b,?)\s+", re.I)


def split_clauses(sentence: str) -> list[str]:
    """Clauses of three words or more, split at contrasting conjunctions and semicolons/dashes."""
    parts = [p.strip() for p in CLAUSE_BREAK.split(sentence)]
    return [p for p in parts if len(p.split()) >= 3] if len(parts) > 1 else []


@dataclass(frozen=True)
class Phrasing:
    claim_id: str
    text: str
    terms: frozenset[str]
    negated: bool


@dataclass(frozen=True)
class Match:
    claim_id: str
    score: float
    phrasing: str


class ClaimMatcher:
    def __init__(self, kb: KnowledgeBase, threshold: float = THRESHOLD):
        self.threshold = threshold
        synonyms = kb.vocabulary.synonyms if kb.vocabulary else []
        self.analyzer = text_analyzer(synonyms)
        schema = fields.Schema(pid=fields.NUMERIC(stored=True), claim=fields.ID(stored=True),
                               text=fields.TEXT(analyzer=self.analyzer))
        self.ix = RamStorage().create_index(schema)
        self.phrasings: list[Phrasing] = []
        writer = self.ix.writer()
        for claim in kb.claims.values():
            for text in dict.fromkeys([claim.statement, *claim.phrasings]):
                pid = len(self.phrasings)
                self.phrasings.append(Phrasing(claim.id, text, frozenset(self.terms(text)), is_negated(text)))
                writer.add_document(pid=pid, claim=claim.id, text=text)
        writer.commit()
        n = len(self.phrasings)
        df: dict[str, int] = {}
        for p in self.phrasings:
            for t in p.terms:
                df[t] = df.get(t, 0) + 1
        self.weight = {t: (0.0 if NUMBER_RE.match(t) else math.log(1 + n / d)) for t, d in df.items()}
        self.cues: dict[str, list[list[CueTerm]]] = {}
        self.overrides: dict[str, set[str]] = {}
        for claim in kb.claims.values():
            groups = [[c for c in (compile_cue(t, self.terms) for t in group) if c] for group in claim.cues]
            if groups and all(groups):
                self.cues[claim.id] = groups
            self.overrides[claim.id] = set(claim.overrides)
        self.negative_claims = {c.id for c in kb.claims.values() if is_negated(c.statement)}
        self._local = threading.local()

    def terms(self, text: str) -> list[str]:
        return [t.text for t in self.analyzer(text, mode="query")]

    def _searcher(self):
        # Searchers are not thread-safe: one per thread.
        s = getattr(self._local, "searcher", None)
        if s is None:
            s = self._local.searcher = self.ix.searcher(weighting=scoring.BM25F())
        return s

    def coverage(self, phrasing: Phrasing, sentence_terms: set[str]) -> float:
        total = sum(self.weight[t] for t in phrasing.terms)
        if total <= 0:
            return 0.0
        return sum(self.weight[t] for t in phrasing.terms if t in sentence_terms) / total

    def sentence_terms(self, sentence: str) -> set[str]:
        """Query-mode tokens (synonyms replaced) and index-mode tokens (compound parts, synonyms added)."""
        terms = set(self.terms(sentence))
        terms.update(t.text for t in self.analyzer(sentence, mode="index", positions=True))
        return terms

    def cue_match(self, claim_id: str, terms: set[str], sequence: list[str], copy_figures, text: str) -> tuple[bool, bool]:
        """(every group touched, a matched cue is itself negative)."""
        negative = False
        for group in self.cues[claim_id]:
            hit = None
            for cue in group:
                if cue.matches(terms, sequence, copy_figures, text):
                    hit = cue
                    if cue.negative:
                        break
            if hit is None:
                return False, False
            negative = negative or hit.negative
        return True, negative

    def match(self, sentence: str) -> list[Match]:
        best = self._candidates(sentence)
        if is_negated(sentence):
            # "Spravato is FDA-approved, but its label says not while breastfeeding": a denial in
            # one clause must not cancel what another clause asserts, so clauses are also read alone.
            for clause in split_clauses(sentence):
                for cid, m in self._candidates(clause).items():
                    if cid not in best or m.score > best[cid].score:
                        best[cid] = m
        hidden = set().union(*(self.overrides.get(cid, set()) for cid in best)) if best else set()
        return sorted((m for cid, m in best.items() if cid not in hidden), key=lambda m: -m.score)

    def _candidates(self, sentence: str) -> dict[str, Match]:
        sequence = self.terms(sentence)
        terms = self.sentence_terms(sentence)
        if not terms:
            return {}
        negated = is_negated(sentence)
        copy_figures = figures.extract(sentence)

        coverage: dict[str, tuple[float, Phrasing]] = {}
        q = wq.Or([wq.Term("text", t) for t in terms if t in self.weight])
        if q.subqueries:
            for hit in self._searcher().search(q, limit=CANDIDATES):
                p = self.phrasings[hit["pid"]]
                if p.negated != negated:
                    continue
                score = self.coverage(p, terms)
                if p.claim_id not in coverage or score > coverage[p.claim_id][0]:
                    coverage[p.claim_id] = (score, p)

        best: dict[str, Match] = {}
        for claim_id in self.cues:
            ok, negative_cue = self.cue_match(claim_id, terms, sequence, copy_figures, sentence)
            if not ok or (negated and not negative_cue and claim_id not in self.negative_claims):
                continue
            cov, p = coverage.get(claim_id, (0.0, None))
            best[claim_id] = Match(claim_id, round(CUE_BASE + (1 - CUE_BASE) * cov, 3), p.text if p else "")
        for claim_id, (cov, p) in coverage.items():
            # Claims with cues are asserted through their cues only; phrasing coverage just ranks them.
            if claim_id not in best and claim_id not in self.cues and cov >= self.threshold:
                best[claim_id] = Match(claim_id, round(cov, 3), p.text)
        return best
