"""The search time limit (indexer/deadline.py): same results in time, TimeLimit past it, no thread."""
from __future__ import annotations

import threading

import pytest
from whoosh import query as wq
from whoosh.collectors import TimeLimit


def test_deadline_collector_collects_like_whoosh_and_stops_past_its_limit(real_engine):
    from indexer.deadline import DeadlineCollector

    snap = real_engine.snapshot()
    q = snap.builder.build("ketamine postpartum depression breast milk")
    with snap.ix.searcher() as s:
        plain = s.collector(limit=50)
        s.search_with_collector(q, plain)
        threads = threading.active_count()
        timed = DeadlineCollector(s.collector(limit=50), 5.0)
        s.search_with_collector(q, timed)
        assert threading.active_count() == threads  # no timer thread
        assert [d for _, d in timed.results().top_n] == [d for _, d in plain.results().top_n]
        assert plain.results().top_n  # the query matched something
        with pytest.raises(TimeLimit):
            s.search_with_collector(wq.Every(), DeadlineCollector(s.collector(limit=50), -1.0))


def test_a_search_past_its_time_limit_says_so(real_engine, monkeypatch):
    from indexer import matches, search

    monkeypatch.setattr(search, "TIME_LIMIT_S", -1.0)
    monkeypatch.setattr(matches, "_builds", {})  # nothing remembered from other tests
    result = real_engine.search("ketamine breastfeeding zzqq")
    assert result.timed_out and "longer than" in (result.message or "")
