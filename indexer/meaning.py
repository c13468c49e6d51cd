"""Meaning in search: of the claims a query's words match, those closest to it in meaning rank higher.

People ask in their own words ("Will it hurt my baby?", "Is it safe to nurse after a treatment?"); a claim says the
same in others, in its statement and its phrasings. The words (BM25F) decide what matches; this lens then scales each
matched claim's score by how close the query's meaning is to the nearest of the claim's texts:

    score x (1 + MEANING_WEIGHT x max(0, cosine)) / (the same factor's mean over all claims)

The same matches, totals and facets, reordered. Dividing by the mean leaves claims, on average, where they stood
among the studies, which the lens does not read: encoding every study's texts would cost a KB of 100,000 studies
hours at each build. Closeness is read with the copy checker's sentence encoder (all-MiniLM-L6-v2,
indexer/copycheck/sentence_encoder.py). A query of fewer than MIN_WORDS words, a keyword search, ranks by its words
alone.

The claims' vectors are computed when an index is built and kept in the build folder (VECTORS_FILE), reusing the
previous build's for unchanged texts, so a search encodes only its query (about 15 ms, once per distinct query: the
built query is cached). A build made where the encoder is not installed has no vectors; its searches rank by words
alone.
"""
from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

import numpy as np
from whoosh import query as wq

from indexer.reorder import ScaledMatcher

log = logging.getLogger("evidence_kb.meaning")

# Chosen on the development sets (people's own questions, the written queries) among 0.5 to 6: docs/benchmarks.md,
# "Meaning in search".
MEANING_WEIGHT = 4.0
# A query of fewer words is a keyword search, and its vector is mostly the names it holds: "What is Spravato?" read
# closest to the approval outside the US, whose phrasings name Spravato. Chosen on the development sets among 1 (every
# query), 3, 4 and 5 (docs/benchmarks.md, "Meaning in search").
MIN_WORDS = 5
VECTORS_FILE = "vectors.npz"
_WORD = re.compile(r"\w+")


def record_texts(kb) -> list[tuple[str, str, str]]:
    """(type, id, text) for every text a claim is read by (type and id as indexer/schema.py stores them)."""
    return [("claim", c.id, text.strip()) for c in kb.claims.values() for text in (c.statement, *c.phrasings)
            if text and text.strip()]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def save_vectors(folder: Path, kb, previous: Path | None = None) -> bool:
    """Write the claims' vectors into a build folder; False (and no file) where the encoder is unavailable."""
    from indexer.copycheck.sentence_encoder import EncoderUnavailable, shared

    rows = record_texts(kb)
    if not rows:
        return False
    known: dict[str, np.ndarray] = {}
    if previous is not None:
        try:
            with np.load(previous / VECTORS_FILE) as old:
                known = dict(zip(old["digests"].tolist(), old["vectors"]))
        except Exception:  # missing or damaged (a bad zip, a truncated array): encode every text again
            known = {}
    digests = [_digest(t) for _, _, t in rows]
    todo = sorted({t for (_, _, t), d in zip(rows, digests) if d not in known})
    if todo:
        try:
            encoder = shared()
        except EncoderUnavailable as exc:
            log.warning("search ranks by words alone: %s", exc)
            return False
        known.update(zip((_digest(t) for t in todo), encoder.encode(todo).astype(np.float16)))
    np.savez(folder / VECTORS_FILE, types=np.array([r[0] for r in rows]), ids=np.array([r[1] for r in rows]),
             digests=np.array(digests), vectors=np.stack([known[d] for d in digests]).astype(np.float16))
    return True


class MeaningLens:
    """One build's claim vectors, and which index document each belongs to."""

    def __init__(self, folder: Path, ix):
        self.docnums = np.zeros(0, np.int64)
        self.vectors = None
        if not (folder / VECTORS_FILE).exists():
            return  # a build made without the encoder: rank by words alone
        try:
            with np.load(folder / VECTORS_FILE) as data:
                ids, vectors = data["ids"].tolist(), data["vectors"].astype(np.float32)
        except Exception as exc:  # a damaged file costs the ordering by meaning, never the search
            log.warning("%s: %s unreadable (%s); search ranks by words alone", folder.name, VECTORS_FILE,
                        type(exc).__name__)
            return
        # A build folder never changes once written and is one segment (written optimised), so its document numbers
        # hold for every searcher of it. Only the claims' stored fields are read: a KB may hold 100,000 studies.
        with ix.searcher() as searcher:
            if not searcher.reader().is_atomic():
                log.warning("%s: the index has several segments; search ranks by words alone", folder.name)
                return
            docnum_of = {searcher.stored_fields(d).get("id"): d for d in searcher.document_numbers(type="claim")}
        keep = [i for i, claim in enumerate(ids) if claim in docnum_of]
        if keep:
            self.docnums = np.array([docnum_of[ids[i]] for i in keep], np.int64)
            self.vectors = vectors[keep]

    def closeness(self, text: str) -> dict[int, float]:
        """Index document number -> the cosine of `text` with the nearest of that claim's texts."""
        from indexer.copycheck.sentence_encoder import EncoderUnavailable, shared

        if self.vectors is None or not text.strip():
            return {}
        try:
            query = shared().encode([text.strip()])[0]
        except EncoderUnavailable:
            return {}
        nearest: dict[int, float] = {}
        for d, c in zip(self.docnums.tolist(), (self.vectors @ query).tolist()):
            if c > nearest.get(d, -1.0):
                nearest[d] = c
        return nearest

    def prefer_close(self, q: wq.Query, text: str) -> wq.Query:
        """`q` with each matched claim's score scaled by its closeness in meaning to `text`, if `text` is a sentence of
        at least MIN_WORDS words."""
        if self.vectors is None or q is wq.NullQuery or len(_WORD.findall(text)) < MIN_WORDS:
            return q
        factors = {d: 1.0 + MEANING_WEIGHT * max(0.0, c) for d, c in self.closeness(text).items()}
        if not factors:
            return q
        mean = sum(factors.values()) / len(factors)
        return CloserFirst(q, {d: f / mean for d, f in factors.items()})


class CloserFirst(wq.WrappingQuery):
    """The child query's matches, each document's score times its factor (documents without one keep theirs)."""

    same_matches = True  # indexer/reorder.py: totals and facets read the child's postings

    def __init__(self, child: wq.Query, factors: dict[int, float]):
        self.child = child
        self.factors = factors

    def __eq__(self, other):
        return other.__class__ is self.__class__ and self.child == other.child and self.factors == other.factors

    def __hash__(self):
        return hash((self.__class__.__name__, self.child, len(self.factors)))

    def __repr__(self):
        return f"{self.__class__.__name__}({self.child!r}, {len(self.factors)} documents)"

    def _rewrap(self, child):
        return self.__class__(child, self.factors)

    def matcher(self, searcher, context=None):
        child = self.child.matcher(searcher, context)
        return ScaledMatcher(child, self.factors, max(self.factors.values(), default=1.0))
