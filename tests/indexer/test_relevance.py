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
MIN_TOP3_HELDOUT_V2 = 0.95
# Stricter measures on the development set: the named claim ranked first, and the mean reciprocal
# rank of the first named claim in the top 10 (measured 0.967 and 0.982 on 122 queries, 2026-12-01,
# bench/search_relevance.py --set dev). MIN_TOP3 stays as it is: the held-out test shares it.
MIN_TOP1 = 0.95
MIN_MRR = 0.97


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


def ranks_of(engine, queries):
    """Each query's rank of its first named claim among the top 10 claim results (None if none)."""
    ranks = []
    for q in queries:
        got = [h.id for h in engine.search(q["query"], type="claim", per_page=10).results]
        ranks.append(next((i + 1 for i, cid in enumerate(got) if cid in q["any_of"]), None))
    return ranks


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


def test_top1_and_mrr(real_engine, report_metric):
    """As claims are added, the claim a query states must stay first, not just in the top three."""
    queries = yaml.safe_load(QUERIES.read_text())["queries"]
    ranks = ranks_of(real_engine, queries)
    top1 = sum(1 for r in ranks if r == 1) / len(ranks)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    report_metric(f"search relevance: top-1 {top1:.3f}, MRR {mrr:.3f} on {len(ranks)} queries "
                  f"(minimum {MIN_TOP1}, {MIN_MRR})")
    not_first = [(q["query"], r) for q, r in zip(queries, ranks) if r != 1]
    assert top1 >= MIN_TOP1, not_first
    assert mrr >= MIN_MRR, not_first


def test_heldout_top3_hit_rate(real_engine, report_metric):
    queries = yaml.safe_load((QUERIES.parent / "heldout" / "search_heldout.yaml").read_text())["queries"]
    rate, misses, _, _ = top3_hit_rate(real_engine, queries)
    report_metric(f"search relevance, held-out set: top-3 claim hit rate {rate:.3f} on {len(queries)} queries")
    assert rate >= MIN_TOP3, misses


def test_heldout_v2_top3_hit_rate(real_engine, report_metric):
    """The second held-out set, written blind to the search code, the query sets and every result; its
    first measurement (0.963 on 80 queries) is in docs/benchmarks.md. Its misses are not printed."""
    queries = yaml.safe_load((QUERIES.parent / "heldout" / "search_heldout_v2.yaml").read_text())["queries"]
    rate, misses, _, _ = top3_hit_rate(real_engine, queries)
    report_metric(f"search relevance, held-out set v2: top-3 claim hit rate {rate:.3f} on {len(queries)} queries")
    assert rate >= MIN_TOP3_HELDOUT_V2, f"{len(misses)} queries miss the top 3"


# People's own questions: FAQ questions of the real-copy tuning pages, labelled blind to search
# (bench/search_questions.py). Measured 2026-12-06 with the question cues of kb/topics.yaml: development part top-3
# 0.920, MRR 0.808 (224 questions); held-out part top-3 0.775 (138; 0.616 before the cues). Floors a little below.
# Session 44 (the KB's subject preferred, three more cues): development part top-3 0.942, MRR 0.836; held out unchanged.
# Session 45 (the meaning lens, indexer/meaning.py, on queries of five words or more): development part top-3 0.951,
# MRR 0.870; held out top-3 0.819, MRR 0.729 (0.775 and 0.677 before).
MIN_QUESTIONS_TOP3 = 0.90
MIN_QUESTIONS_MRR = 0.83
MIN_QUESTIONS_HELDOUT_TOP3 = 0.78


def test_people_s_own_questions_find_the_claims_that_answer_them(real_engine, report_metric):
    queries = yaml.safe_load((QUERIES.parent / "search_questions.yaml").read_text())["queries"]
    assert len(queries) >= 200
    rate, misses, _, _ = top3_hit_rate(real_engine, queries)
    ranks = ranks_of(real_engine, queries)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    report_metric(f"search relevance, people's own questions: top-3 {rate:.3f}, MRR {mrr:.3f} on {len(queries)} "
                  f"(minimum {MIN_QUESTIONS_TOP3}, {MIN_QUESTIONS_MRR})")
    assert rate >= MIN_QUESTIONS_TOP3, misses
    assert mrr >= MIN_QUESTIONS_MRR


def test_people_s_own_questions_held_out(real_engine, report_metric):
    """The held-out part, measured once before and once after the question cues (docs/benchmarks.md); its misses are
    not printed."""
    queries = yaml.safe_load((QUERIES.parent / "heldout" / "search_questions_heldout.yaml").read_text())["queries"]
    rate, misses, _, _ = top3_hit_rate(real_engine, queries)
    report_metric(f"search relevance, people's own questions held out: top-3 {rate:.3f} on {len(queries)}")
    assert rate >= MIN_QUESTIONS_HELDOUT_TOP3, f"{len(misses)} questions miss the top 3"
