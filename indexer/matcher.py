"""Which catalog claims a sentence asserts, found with the search index's own analysis.

Each claim's statement and phrasings go into a small in-memory Whoosh index (one document per
phrasing), analysed exactly like the main index, synonyms included. For a sentence, BM25 finds
candidate phrasings; each candidate is then scored by how much of the phrasing's weight (IDF over
all phrasings, so words every claim shares count little) the sentence covers. A claim's score is
its best phrasing's. Phrasings only count when their polarity agrees with the sentence's: a
negated sentence ("there is no evidence that…") does not assert a claim phrased positively.
"""
from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass

from whoosh import fields, scoring
from whoosh import query as wq
from whoosh.filedb.filestore import RamStorage

from indexer.analysis import text_analyzer
from indexer.polarity import is_negated
from kb.loader import KnowledgeBase

THRESHOLD = 0.62  # chosen on tests/data/check_labelled.yaml; see docs/benchmarks.md
CANDIDATES = 40
NUMBER_RE = re.compile(r"^\d+(?:[.,]\d+)?$")


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

    def match(self, sentence: str) -> list[Match]:
        words = self.terms(sentence)
        if not words:
            return []
        sentence_terms = set(words)
        negated = is_negated(sentence)
        q = wq.Or([wq.Term("text", t) for t in sentence_terms if t in self.weight])
        if not q.subqueries:
            return []
        best: dict[str, Match] = {}
        for hit in self._searcher().search(q, limit=CANDIDATES):
            p = self.phrasings[hit["pid"]]
            if p.negated != negated:
                continue
            score = self.coverage(p, sentence_terms)
            if score >= self.threshold and (p.claim_id not in best or score > best[p.claim_id].score):
                best[p.claim_id] = Match(p.claim_id, round(score, 3), p.text)
        return sorted(best.values(), key=lambda m: -m.score)
