"""Every match of one query on one index build, scored once and shared by all its filters and pages.

A reader refines a search: the same words come back with a topic, a verdict, a design or page 2.
Each of those used to run the query through Whoosh again (scoring every matching record, the
bulk of an uncached search's CPU). Here a query's scored matches (best first, up to MAX_SCORED)
and the bitmask of every record it matches are kept per index build; a filter is then a bitmask
AND, a page a slice. Results are the same as collecting with the filter (tests/indexer/
test_search.py compares the two paths), so this is purely a saving.

The same per-build cache remembers other work that depends only on a query's words, such as the
did-you-mean correction (`remembered`). It is per build (the same key as the facet masks), so a
rebuilt index never answers from an older one, and bounded (QUERY_CACHE_SIZE entries per build,
two builds at most).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

from whoosh.collectors import TimeLimit

from indexer.deadline import DeadlineCollector

from indexer.facets import FacetMasks, build_key, matching_mask
from indexer.lru import LRU

MAX_SCORED = 1000  # matches kept in score order per query; a deeper filtered page searches afresh
# Queries kept per build. A query takes two or three entries (its matches, the matches with its
# did-you-mean words, the correction itself); at 256 the load mix's 122 queries already evicted
# each other. An entry is at most MAX_SCORED (docnum, score) pairs: ~20 KB at today's 200 records.
QUERY_CACHE_SIZE = 2048


@dataclass(frozen=True)
class Matches:
    scored: tuple[tuple[int, float], ...]  # (document number, score), best first
    mask: int  # every matching document
    complete: bool  # `scored` holds every match, not only the best MAX_SCORED


_builds: dict[tuple, LRU] = {}
_lock = threading.Lock()


def _cache_for(reader) -> LRU:
    key = build_key(reader)
    with _lock:
        cache = _builds.get(key)
        if cache is None:
            if len(_builds) >= 2:
                _builds.clear()
            cache = _builds[key] = LRU(QUERY_CACHE_SIZE)
    return cache


def remembered(searcher, key: tuple, compute):
    """`compute()` once per build for `key` (e.g. the did-you-mean correction of a query's words)."""
    cache = _cache_for(searcher.reader())
    boxed = cache.get(key)
    if boxed is None:
        boxed = (compute(),)  # boxed, so a None answer is remembered too
        cache.put(key, boxed)
    return boxed[0]


def matches_for(searcher, q, masks: FacetMasks, time_limit: float) -> Matches | None:
    """The query's scored matches on this searcher's build, or None if scoring them ran out of time."""
    try:
        hash(q)
    except TypeError:  # a query object that cannot be a key: score it each time
        return _score(searcher, q, masks, time_limit)
    cache = _cache_for(searcher.reader())
    m = cache.get(q)
    if m is None:
        m = _score(searcher, q, masks, time_limit)
        if m is not None:
            cache.put(q, m)
    return m


def _score(searcher, q, masks: FacetMasks, time_limit: float) -> Matches | None:
    timed = DeadlineCollector(searcher.collector(limit=MAX_SCORED), time_limit)
    try:
        searcher.search_with_collector(q, timed)
    except TimeLimit:
        return None
    top = timed.results().top_n  # (score, docnum), best first; len(results) would search again to count
    mask = matching_mask(q, searcher, masks)
    scored = tuple((docnum, score) for score, docnum in top)
    return Matches(scored, mask, len(scored) == mask.bit_count())
