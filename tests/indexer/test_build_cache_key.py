"""The search caches kept per index build (facet masks, scored matches, did-you-mean) are keyed by the build
itself, never by a reader object's id(): a freed reader's address is handed to later readers, often ones of
another build with the same document count, which were then answered from that build's cached entries (a
rebuilt index found 0 records for a word it holds: the flaky
tests/reliability/test_index_recovery.py::test_serve_rebuilds_a_stale_index_before_it_listens).

Real engine, real builds on disk, real Whoosh searchers.
"""
from __future__ import annotations

from pathlib import Path

from indexer.engine import Engine, Snapshot
from indexer.facets import masks_for
from indexer.search import SearchRequest, search, weighting

from tests.kb_edits import CLAIM, set_statement


def two_builds(kbdir: Path, index: Path) -> tuple[Snapshot, Snapshot]:
    """Two builds with the same number of records: the second's claim says 'zebrafish', the first's does not."""
    engine = Engine(kbdir, index, auto_refresh=False)
    engine.rebuild()
    before = engine.snapshot()
    set_statement(kbdir, "Zebrafish milk is minimal.")
    engine.rebuild()
    after = engine.snapshot()
    assert before.path != after.path and before.ix.doc_count_all() == after.ix.doc_count_all()
    return before, after


def found(snap: Snapshot, words: str) -> int:
    """Search one build through a searcher of its own, closed (and so freed) afterwards, as a request does."""
    searcher = snap.ix.searcher(weighting=weighting())
    try:
        return search(searcher, snap.builder, snap.kb.vocabulary, SearchRequest(q=words)).total
    finally:
        searcher.close()


def test_every_searcher_of_a_build_shares_its_cache_and_another_build_has_its_own(kbdir, tmp_path):
    before, after = two_builds(kbdir, tmp_path / "idx")
    one, two, other = (before.ix.searcher(), before.ix.searcher(), after.ix.searcher())
    try:
        assert masks_for(one.reader()) is masks_for(two.reader())  # per build, not per reader
        assert masks_for(other.reader()) is not masks_for(one.reader())
        assert masks_for(other.reader()).term_mask(other.reader(), "text", "zebrafish") != 0
        assert masks_for(one.reader()).term_mask(one.reader(), "text", "zebrafish") == 0
    finally:
        for searcher in (one, two, other):
            searcher.close()


def test_a_build_never_answers_from_another_builds_cached_matches(kbdir, tmp_path):
    before, after = two_builds(kbdir, tmp_path / "idx")
    # Alternate between the builds, each search on a fresh searcher freed afterwards. Keyed by id(), about
    # 1 search in 30 got the other build's cached answer (measured: 19-26 wrong of 600), so 300 searches
    # all but surely include one; keyed by the build, none can.
    wrong = []
    for i in range(150):
        if found(before, "zebrafish") != 0:
            wrong.append((i, "older build found it"))
        if found(after, "zebrafish") != 1:
            wrong.append((i, "rebuilt build missed it"))
    assert not wrong, wrong[:5]
