"""Index build and query latency on the real KB and on synthetic KBs of 10,000 and 100,000 studies.

    .venv/bin/python bench/search_bench.py [--sizes 10000 100000] [--queries 200] [--json-out FILE]
                                           [--profile] [--scifact]

Synthetic studies are recombined from the real records' sentences (so the vocabulary and
sentence shapes are realistic), with random years, designs and topics. Queries run through the
product's Engine.search with the result cache switched off, one searcher per query as in the
server, facets included. Short queries are 2-5 words; long ones are sentences of marketing copy.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import platform
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.engine import Engine, build_index  # noqa: E402
from indexer.store import IndexStore  # noqa: E402
from kb.loader import KnowledgeBase  # noqa: E402
from kb.models import Study  # noqa: E402
from kb.validate import validate  # noqa: E402
from scratch import scratch_dir  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHORT = [
    "ketamine breast milk", "caesarean esketamine depression", "how fast ketamine works", "ketamine pregnancy",
    "esketamine nasal spray label", "suicidal thoughts ketamine", "ssri weeks onset", "maintenance infusions",
    "dissociation side effects", "tms postpartum depression", "ketamin breastfeding", "S-ketamine PCA",
    "relative infant dose", "zuranolone approval", "nmda glutamate", "blood pressure esketamine",
]
LONG = [
    "Most patients feel relief within hours of their first ketamine infusion, unlike antidepressants that take weeks.",
    "Giving esketamine during a caesarean section lowers the risk of postpartum depression in new mothers.",
    "Only a tiny amount of ketamine passes into breast milk so mothers can keep breastfeeding during treatment.",
    "About seventy percent of our patients improve after a course of six infusions over two to three weeks.",
    "Ketamine rewires the brain by growing new synapses, which is why the benefits last for months.",
    "Transcranial magnetic stimulation and ketamine can be combined for postpartum depression that resists SSRIs.",
]


def percentiles(ms: list[float]) -> dict:
    s = sorted(ms)
    pick = lambda p: s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]  # noqa: E731
    return {"p50": pick(50), "p95": pick(95), "p99": pick(99), "mean": statistics.mean(s), "n": len(s)}


def synthetic_kb(real: KnowledgeBase, n: int, seed: int = 7) -> KnowledgeBase:
    rng = random.Random(seed)
    studies = list(real.curated_studies.values())
    sentences = [x for s in studies for x in [s.summary or "", *s.findings, *s.limitations] if x]
    titles = [s.title for s in studies if s.title]  # a study may have only a heading
    words = sorted({w for t in titles for w in t.split() if w.isalpha() and len(w) > 3})
    topics = [t.slug for t in real.vocabulary.topics]
    designs = ["rct", "meta-analysis", "cohort", "systematic-review", "case-series", "pharmacokinetic"]
    kb = KnowledgeBase(root=real.root, claims=dict(real.claims), vocabulary=real.vocabulary)
    for i in range(n):
        title = " ".join(rng.sample(words, 8)).capitalize()
        kb.studies[f"synthetic-{i}"] = Study.model_construct(
            key=f"synthetic-{i}", status="curated", title=title, authors=[f"Author{i % 997} X"],
            journal="Synthetic J", year=rng.randint(1995, 2026), volume=None, issue=None, pages=None,
            citation_detail=None, pmid=None, doi=None, url="https://example.org/synthetic",
            design=rng.choice(designs), population=rng.choice(sentences), n=rng.randint(10, 5000),
            intervention=rng.choice(sentences), comparator=None, summary=" ".join(rng.sample(sentences, 2)),
            findings=rng.sample(sentences, 3), limitations=rng.sample(sentences, 2),
            topics=rng.sample(topics, 2), verified_from="https://example.org/synthetic")
    return kb


def time_queries(engine: Engine, queries: list[str], rounds: int) -> dict:
    ms = []
    for r in range(rounds):
        for q in queries:
            t0 = time.perf_counter()
            engine.search(q, per_page=10)
            ms.append((time.perf_counter() - t0) * 1000)
    return percentiles(ms)


def measure(label: str, kb: KnowledgeBase, rounds: int, profile: bool) -> dict:
    root = scratch_dir(f"bench-{label}-")
    store = IndexStore(root)
    info = build_index(store, kb, label)
    engine = Engine(kb.root, root, auto_refresh=False, cache_size=0)
    engine.search("warm up")
    row = {"kb": label, "documents": info.documents, "build_s": round(info.seconds, 2),
           "index_mb": round(info.size_bytes / 2**20, 1),
           "short": time_queries(engine, SHORT, rounds), "long": time_queries(engine, LONG, max(1, rounds // 2))}
    cached = Engine(kb.root, root, auto_refresh=False)
    cached.search(SHORT[0])
    row["short_cached"] = time_queries(cached, SHORT, rounds)
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        time_queries(engine, SHORT, 2)
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(18)
        row["profile"] = out.getvalue()
    return row


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--rounds", type=int, default=10, help="passes over the query set (short queries)")
    ap.add_argument("--profile", action="store_true", help="profile short queries on the largest KB")
    ap.add_argument("--scifact", action="store_true", help="also run bench/scifact.py in this process")
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args(argv)
    real = validate(REPO / "kb")
    rows = [measure("real", real, args.rounds, False)]
    for i, n in enumerate(args.sizes):
        rows.append(measure(f"synthetic-{n}", synthetic_kb(real, n), max(2, args.rounds // (1 + i * 2)),
                            args.profile and i == len(args.sizes) - 1))
    result = {"machine": f"{platform.machine()}, {platform.python_version()}, {__import__('os').cpu_count()} cores",
              "rows": rows}
    if args.scifact:
        sys.path.insert(0, str(Path(__file__).parent))
        import scifact

        result["scifact"] = scifact.main([])
    print(f"machine: {result['machine']}")
    print("| KB | docs | build s | index MB | short p50/p95/p99 ms | long p50/p95/p99 ms | short, cached p95 ms |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        s, l, c = r["short"], r["long"], r["short_cached"]
        print(f"| {r['kb']} | {r['documents']:,} | {r['build_s']} | {r['index_mb']} | "
              f"{s['p50']:.1f} / {s['p95']:.1f} / {s['p99']:.1f} | {l['p50']:.1f} / {l['p95']:.1f} / {l['p99']:.1f} | "
              f"{c['p95']:.2f} |")
    for r in rows:
        if "profile" in r:
            print(f"\nprofile of short queries on {r['kb']}:\n{r['profile']}")
    if args.json_out:
        args.json_out.write_text(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    main()
