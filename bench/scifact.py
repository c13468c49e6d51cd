"""Retrieval quality on BEIR SciFact: this project's search configuration vs bm25s, in one run.

    .venv/bin/python bench/scifact.py [--data ../shared/bench-data/scifact] [--json]

The SciFact abstracts are indexed with the product's own schema, analyzer and weighting
(indexer.schema.build_schema, indexer.search.weighting) and queried with its QueryBuilder, as
study records are. The data is read from ../shared/bench-data and never copied into the repository.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.query import QueryBuilder  # noqa: E402
from indexer.schema import build_schema  # noqa: E402
from indexer.search import weighting  # noqa: E402
from indexer.store import IndexStore  # noqa: E402
from scratch import scratch_dir  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench-data" / "scifact"


def load(data: Path):
    corpus = [json.loads(l) for l in (data / "corpus.jsonl").open()]
    queries = {q["_id"]: q["text"] for q in map(json.loads, (data / "queries.jsonl").open())}
    qrels: dict[str, dict[str, int]] = {}
    for line in list((data / "qrels-test.tsv").open())[1:]:
        qid, did, score = line.rstrip("\n").split("\t")
        qrels.setdefault(qid, {})[did] = int(score)
    return corpus, {q: queries[q] for q in qrels}, qrels


def ndcg_at(ranked: list[str], rel: dict[str, int], k: int = 10) -> float:
    dcg = sum((2 ** rel.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(rel.values(), reverse=True)[:k]
    idcg = sum((2 ** r - 1) / math.log2(i + 2) for i, r in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at(ranked: list[str], rel: dict[str, int], k: int = 100) -> float:
    return len(set(ranked[:k]) & set(rel)) / len(rel) if rel else 0.0


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def evaluate(name, run, queries, qrels):
    ndcgs, recalls, times = [], [], []
    for qid, text in queries.items():
        t0 = time.perf_counter()
        ranked = run(text)
        times.append((time.perf_counter() - t0) * 1000)
        ndcgs.append(ndcg_at(ranked, qrels[qid]))
        recalls.append(recall_at(ranked, qrels[qid]))
    return {"system": name, "ndcg@10": statistics.mean(ndcgs), "recall@100": statistics.mean(recalls),
            "p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95)}


def project_system(corpus):
    """The product's configuration: SciFact abstracts indexed as study documents."""
    schema = build_schema([])
    docs = ({"id": d["_id"], "type": "study", "title": d.get("title", ""), "body": d["text"],
             "text": f"{d.get('title', '')}\n{d['text']}", "spell": d["text"]} for d in corpus)
    store = IndexStore(scratch_dir("scifact-"))
    info = store.build(schema, docs, "scifact")
    ix = store.open(info.path)
    builder = QueryBuilder(ix.schema, None)
    searcher = ix.searcher(weighting=weighting())  # one thread here, so one searcher is safe

    def run(text):
        return [hit["id"] for hit in searcher.search(builder.build(text), limit=100)]

    return run, info.seconds


def bm25s_system(corpus):
    import bm25s
    import Stemmer

    stemmer = Stemmer.Stemmer("english")
    ids = [d["_id"] for d in corpus]
    texts = [f"{d.get('title', '')} {d['text']}" for d in corpus]
    t0 = time.perf_counter()
    retriever = bm25s.BM25(k1=1.5, b=0.75)
    retriever.index(bm25s.tokenize(texts, stopwords="en", stemmer=stemmer, show_progress=False), show_progress=False)
    build_s = time.perf_counter() - t0

    def run(text):
        toks = bm25s.tokenize([text], stopwords="en", stemmer=stemmer, show_progress=False)
        docs, _ = retriever.retrieve(toks, k=100, show_progress=False)
        return [ids[i] for i in docs[0]]

    return run, build_s


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    corpus, queries, qrels = load(args.data)
    rows = []
    for name, factory in (("evidence-kb (Whoosh BM25F, project analyzer)", project_system),
                          ("bm25s 0.3 + PyStemmer (k1=1.5, b=0.75)", bm25s_system)):
        try:
            run, build_s = factory(corpus)
        except ImportError:
            print(f"{name}: not installed (pip install -e '.[bench]'); not measured", file=sys.stderr)
            continue
        row = evaluate(name, run, queries, qrels)
        row["build_s"] = build_s
        rows.append(row)
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(f"SciFact test: {len(queries)} queries, {len(corpus)} documents")
        for r in rows:
            print(f"  {r['system']}: nDCG@10 {r['ndcg@10']:.3f}  Recall@100 {r['recall@100']:.3f}  "
                  f"p50 {r['p50_ms']:.1f} ms  p95 {r['p95_ms']:.1f} ms  build {r['build_s']:.1f} s")
    return rows


if __name__ == "__main__":
    main()
