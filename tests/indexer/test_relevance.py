"""Search relevance on queries people actually type (tests/data/search_relevance.yaml).

Each query names the claims a good search must show among its top three claim results. The set
mixes plain, misspelled, synonym, British-spelling, brand-name, abbreviation and question forms.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

QUERIES = Path(__file__).resolve().parents[1] / "data" / "search_relevance.yaml"
MIN_TOP3 = 0.90


def top3_hit_rate(engine, queries):
    misses, by_kind, hits_by_kind = [], Counter(), Counter()
    for q in queries:
        r = engine.search(q["query"], type="claim", per_page=3)
        got = [h.id for h in r.results]
        by_kind[q["kind"]] += 1
        if set(got) & set(q["any_of"]):
            hits_by_kind[q["kind"]] += 1
        else:
            misses.append((q["query"], q["any_of"], got))
    return 1 - len(misses) / len(queries), misses, by_kind, hits_by_kind


def test_top3_hit_rate(real_engine, report_metric):
    queries = yaml.safe_load(QUERIES.read_text())["queries"]
    assert len(queries) >= 40
    rate, misses, by_kind, hits = top3_hit_rate(real_engine, queries)
    print(f"\ntop-3 claim hit rate {rate:.3f} on {len(queries)} queries")
    report_metric(f"search relevance: top-3 claim hit rate {rate:.3f} on {len(queries)} queries (minimum {MIN_TOP3})")
    for kind in sorted(by_kind):
        print(f"  {kind:13s} {hits[kind]}/{by_kind[kind]}")
    for query, want, got in misses:
        print(f"  MISS {query!r}: wanted one of {want}, got {got}")
    assert rate >= MIN_TOP3


def test_heldout_top3_hit_rate(real_engine, report_metric):
    queries = yaml.safe_load((QUERIES.parent / "heldout" / "search_heldout.yaml").read_text())["queries"]
    rate, misses, _, _ = top3_hit_rate(real_engine, queries)
    report_metric(f"search relevance, held-out set: top-3 claim hit rate {rate:.3f} on {len(queries)} queries")
    assert rate >= MIN_TOP3, misses
