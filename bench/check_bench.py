"""Time to check a 2,000-word page of marketing copy, end to end through the engine.

    .venv/bin/python bench/check_bench.py [--words 2000] [--runs 15]

The page is assembled from the labelled sentences in tests/data/check_labelled.yaml (claims,
near misses and filler), so it has the density of claims real clinic pages have.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.engine import Engine  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def page(words: int, seed: int = 3) -> str:
    items = yaml.safe_load((REPO / "tests" / "data" / "check_labelled.yaml").read_text())["items"]
    rng = random.Random(seed)
    out, n = [], 0
    while n < words:
        para = " ".join(rng.choice(items)["text"] for _ in range(rng.randint(1, 4)))
        out.append(para)
        n += len(para.split())
    return "\n\n".join(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args(argv)
    engine = Engine(REPO / "kb", Path(tempfile.mkdtemp(prefix="check-bench-")), auto_refresh=False)
    engine.rebuild()
    text = page(args.words)
    t0 = time.perf_counter()
    first = engine.check(text)
    cold = time.perf_counter() - t0
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        report = engine.check(text)
        times.append(time.perf_counter() - t0)
    print(f"{len(text.split())} words, {len(report.sentences)} sentences, {len(report.flagged)} flagged, "
          f"{len(report.claim_counts())} distinct claims")
    print(f"first check (builds the claim matcher): {cold * 1000:.0f} ms")
    print(f"median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms over {args.runs} runs")
    assert first.to_dict()["sentences"] == report.to_dict()["sentences"]


if __name__ == "__main__":
    main()
