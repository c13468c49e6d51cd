"""Facet counts from bitsets: one integer bitmask per facet value, built once per index build.

Whoosh's grouping collects and categorises every matching document through a per-request
searcher; with OR queries that match most of a large index that dominated query time. Here the
matching documents become one integer bitmask, and each facet count is a popcount of an AND.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from whoosh.reading import IndexReader

COLUMN_FACETS = {"type": "type", "verdict": "verdict", "design": "design", "year": "year"}
TERM_FACETS = {"topic": "topics"}
MISSING_YEAR = 2**32 - 1  # what an unsigned 32-bit numeric column holds for "no value"


def matching_mask(q, searcher, masks: "FacetMasks") -> int:
    """Every document the query matches, as a bitmask.

    An OR of terms (what free text becomes) is the union of the terms' postings, read once per
    term and cached for the build; anything else (phrases, NOT, prefixes) asks Whoosh to iterate.
    """
    from whoosh import query as wq

    from indexer.reorder import words_query

    def leaves(node):
        node = words_query(node)  # a wrapper that only reorders matches what its child matches
        if isinstance(node, wq.Term):
            return [node]
        if isinstance(node, wq.Or):
            out = []
            for sub in node.subqueries:
                got = leaves(sub)
                if got is None:
                    return None
                out.extend(got)
            return out
        return None

    terms = leaves(q)
    if terms is None:
        return mask_of(searcher.docs_for_query(q), masks.size)
    reader = searcher.reader()
    combined = 0
    for t in terms:
        combined |= masks.term_mask(reader, t.fieldname, t.text)
    return combined


def mask_of(docnums, size: int) -> int:
    bits = bytearray((size + 7) // 8)
    for d in docnums:
        bits[d >> 3] |= 1 << (d & 7)
    return int.from_bytes(bits, "little")


@dataclass(frozen=True)
class FacetMasks:
    size: int
    all: int
    values: dict[str, dict[str, int]]  # facet -> value -> mask
    terms: dict = field(default_factory=dict)  # (field, text) -> mask of its postings, filled as queried

    def term_mask(self, reader: IndexReader, fieldname: str, text) -> int:
        # Every searcher of the build (one per request thread) shares these masks: a dict get or
        # set is atomic, and two threads filling the same term compute the same mask.
        key = (fieldname, text)
        m = self.terms.get(key)
        if m is None:
            try:
                m = mask_of(reader.postings(fieldname, text).all_ids(), self.size)
            except Exception:  # term not in the index (TermNotFound)
                m = 0
            if len(self.terms) > 20_000:
                self.terms.clear()
            self.terms[key] = m
        return m

    def counts(self, matched: int) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for facet, by_value in self.values.items():
            counts = {v: (matched & m).bit_count() for v, m in by_value.items()}
            out[facet] = {v: n for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n}
        return out


def build_masks(reader: IndexReader) -> FacetMasks:
    size = reader.doc_count_all()
    values: dict[str, dict[str, int]] = {}
    for facet, field in COLUMN_FACETS.items():
        column = reader.column_reader(field)
        docs: dict[str, list[int]] = {}
        for docnum in range(size):
            v = column[docnum]
            if v in ("", None, b"") or (facet == "year" and v == MISSING_YEAR):
                continue
            docs.setdefault(v.decode() if isinstance(v, bytes) else str(v), []).append(docnum)
        values[facet] = {v: mask_of(d, size) for v, d in docs.items()}
    for facet, field in TERM_FACETS.items():
        values[facet] = {
            term.decode() if isinstance(term, bytes) else term: mask_of(reader.postings(field, term).all_ids(), size)
            for term in reader.lexicon(field)
        }
    return FacetMasks(size, (1 << size) - 1, values)


def build_key(reader: IndexReader) -> tuple:
    """What names one index build for the per-build caches (here and indexer/matches.py): the folder
    and the random id of each of its segments, its generation and its document count.

    Never an object's id(): a reader of a compound segment (every build: commit(optimize=True))
    reads through a fresh OverlayStorage with no `folder`, and once a reader is freed CPython hands
    its address to a later one, often a reader of another build with the same document count. That
    reader was then answered from the other build's masks and matches (a rebuilt index found 0
    records for a word it holds; tests/indexer/test_build_cache_key.py).
    """
    segments = []
    for leaf, _ in reader.leaf_readers():
        storage = leaf.storage()
        folder = getattr(storage, "folder", None) or getattr(getattr(storage, "b", None), "folder", None)
        segment = leaf.segment() if hasattr(leaf, "segment") else None  # an empty index has no segment
        segments.append((folder, segment.segment_id() if segment is not None else None))
    return tuple(segments), reader.generation(), reader.doc_count_all()


_cache: dict[tuple, FacetMasks] = {}
_lock = threading.Lock()


def masks_for(reader: IndexReader) -> FacetMasks:
    """The masks of this index build, computed on first use (an index build never changes)."""
    key = build_key(reader)
    with _lock:
        masks = _cache.get(key)
    if masks is None:
        masks = build_masks(reader)
        with _lock:
            if len(_cache) > 4:
                _cache.clear()
            _cache[key] = masks
    return masks
