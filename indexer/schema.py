"""The index schema and how KB records become index documents: one per claim, one per curated study."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator, Sequence

from whoosh import fields

from indexer.analysis import search_analyzer, spelling_analyzer
from kb.loader import KnowledgeBase
from kb.models import DESIGN_LABELS, VERDICT_LABELS, Claim, Study

# Query-time weights per field. `text` holds everything searchable in one field: Whoosh's BM25F
# saturates each field separately, so one combined field ranks better than title + body alone
# (SciFact nDCG@10 0.691 vs 0.664, docs/benchmarks.md). A claim's statement and phrasings weigh
# most by appearing twice in `text` (claim_document); `meta` adds authors, journal and identifiers.
# `phrasings` (how people say a claim, saturated on its own) is searched too: with 67 claims, long
# claim bodies that mention everything (side effects, onset...) crowded out the claim a query
# states (development set top-1 0.885 -> 0.918, MRR 0.930 -> 0.949; docs/benchmarks.md).
FIELD_BOOSTS = {"text": 1.0, "phrasings": 0.5, "meta": 0.2}
SEARCH_FIELDS = tuple(FIELD_BOOSTS)


def format_version() -> str:
    """A hash of the code that decides what goes into an index: a change to it makes old builds stale."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in ("analysis.py", "schema.py", "meaning.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()[:8]


def build_schema(synonym_groups: Sequence[Sequence[str]] = ()) -> fields.Schema:
    text = search_analyzer(synonym_groups)
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        # Facet fields are columns (sortable) or carry vectors, so facet counts read them directly
        # instead of rebuilding a value cache for every per-request searcher.
        type=fields.ID(stored=True, sortable=True),
        text=fields.TEXT(analyzer=text, phrase=True),
        title=fields.TEXT(analyzer=text, stored=True, phrase=True),
        phrasings=fields.TEXT(analyzer=text, stored=True, phrase=True),
        body=fields.TEXT(analyzer=text, stored=True, phrase=True),
        meta=fields.TEXT(analyzer=text, stored=True, phrase=True),
        spell=fields.TEXT(analyzer=spelling_analyzer(), phrase=False, spelling=True),
        topics=fields.KEYWORD(stored=True, commas=True, lowercase=True, vector=True),
        verdict=fields.ID(stored=True, sortable=True),
        certainty=fields.ID(stored=True),
        design=fields.ID(stored=True, sortable=True),
        year=fields.NUMERIC(stored=True, sortable=True, bits=32, signed=False),
        n=fields.NUMERIC(stored=True, bits=64, signed=False),
        pmid=fields.ID(stored=True),
        doi=fields.ID(stored=True),
    )


def _join(parts) -> str:
    return "\n".join(p for p in parts if p)


def claim_document(claim: Claim, kb: KnowledgeBase) -> dict:
    body = _join(
        [claim.bottom_line, *claim.what_copy_omits, claim.accurate_wording, claim.what_would_change]
        + [link.finding for link in claim.evidence]
    )
    topic_labels = [kb.vocabulary.topic(t).label for t in claim.topics if kb.vocabulary and kb.vocabulary.topic(t)]
    meta = _join([claim.id.replace("-", " "), VERDICT_LABELS[claim.verdict], *topic_labels])
    phrasings = "\n".join(claim.phrasings)
    return dict(
        id=claim.id, type="claim", title=claim.statement, phrasings=phrasings, body=body, meta=meta,
        # The statement and phrasings go in twice: they weigh most, at no extra query cost.
        text=_join([claim.statement, phrasings, claim.statement, phrasings, body]),
        spell=_join([claim.statement, phrasings, body]),
        topics=",".join(claim.topics), verdict=claim.verdict, certainty=claim.certainty,
    )


def study_document(study: Study) -> dict:
    body = _join([study.summary, study.population, study.intervention, study.comparator,
                  *study.findings, *study.limitations])
    meta = _join([", ".join(study.authors), study.journal, str(study.year or ""),
                  DESIGN_LABELS[study.design], study.citation_detail, study.pmid, study.doi])
    doc = dict(
        id=study.key, type="study", title=study.heading, body=body, meta=meta, text=_join([study.heading, body]),
        spell=_join([study.heading, body]), topics=",".join(study.topics), design=study.design,
    )
    for name in ("year", "n"):
        if getattr(study, name) is not None:
            doc[name] = getattr(study, name)
    for name in ("pmid", "doi"):
        if getattr(study, name):
            doc[name] = getattr(study, name)
    return doc


def documents(kb: KnowledgeBase) -> Iterator[dict]:
    """Every searchable document: all claims and the curated studies (drafts stay out)."""
    for claim in kb.claims.values():
        yield claim_document(claim, kb)
    for study in kb.curated_studies.values():
        yield study_document(study)
