"""Server render time of the search-results and claim pages (HTML and JSON), on the real KB.

    .venv/bin/python bench/render_bench.py [--rounds 20]

Requests go through Flask's test client, so the figure is the server's own time to search and
render a page (no network, no browser). The search result cache is off so every request searches.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.engine import Engine  # noqa: E402
from webui import create_app  # noqa: E402
from scratch import scratch_dir  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
QUERIES = ["ketamine breast milk", "caesarean esketamine depression", "how fast does ketamine work",
           "ketamin breastfeding", "S-ketamine PCA", "suicidal thoughts", "dissociation", "TMS postpartum"]


def pct(ms, p):
    s = sorted(ms)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args(argv)
    engine = Engine(REPO / "kb", scratch_dir("render-bench-"), auto_refresh=False, cache_size=0)
    engine.rebuild()
    app = create_app({"ENGINE": engine, "TESTING": True, "RATELIMIT_ENABLED": False})
    client = app.test_client()
    claims = sorted(engine.snapshot().kb.claims)
    pages = {
        "results (HTML)": [f"/search?q={q}" for q in QUERIES] + [f"/search?q={q}&type=study&page=2" for q in QUERIES[:3]],
        "results (JSON)": [f"/api/search?q={q}" for q in QUERIES],
        "claim page (HTML)": [f"/claims/{c}" for c in claims],
        "claim page (JSON)": [f"/api/claims/{c}" for c in claims],
    }
    for urls in pages.values():  # warm up templates and caches
        for u in urls:
            assert client.get(u).status_code == 200, u
    print("| page | requests | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|")
    for name, urls in pages.items():
        ms = []
        for _ in range(args.rounds):
            for u in urls:
                t0 = time.perf_counter()
                r = client.get(u)
                ms.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200
        print(f"| {name} | {len(ms)} | {statistics.median(ms):.1f} | {pct(ms, 95):.1f} | {max(ms):.1f} |")


if __name__ == "__main__":
    main()
