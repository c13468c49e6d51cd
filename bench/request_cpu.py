"""Server CPU per request, by class, over bench/load.py's request mix, in-process (no network).

    .venv/bin/python bench/request_cpu.py [--requests 1500] [--tree /tmp/old-worktree]

CPU time is what a noisy, shared machine distorts least, so this is the figure to compare two
trees side by side (run both in one session, alternating). Two measurements:

* the load mix (`bench/load.py`'s Workload: searches with facets and pages, claim and study pages,
  JSON calls, checks), N requests through Flask's test client with the page cache on, CPU per
  request by class;
* uncached search pages: 300 distinct search URLs of the mix after 300 others have warmed the
  process (as a running server is), so each is a page-cache miss on a query seen before.

The report store is a temporary database, never the user's.
"""
from __future__ import annotations

import argparse
import collections
import random
import statistics
import sys
import time
from pathlib import Path

from scratch import scratch_dir

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=1500)
    ap.add_argument("--tree", type=Path, default=REPO, help="source tree to measure (default: this one)")
    args = ap.parse_args(argv)
    tree = args.tree.resolve()
    sys.path[:0] = [str(tree), str(tree / "bench")]
    import load  # the tree's own bench/load.py: its request mix
    from indexer.engine import Engine
    from webui import create_app

    work_dir = scratch_dir("kb-request-cpu-")
    engine = Engine(tree / "kb", work_dir / "index", auto_refresh=False)
    engine.rebuild()
    app = create_app({"ENGINE": engine, "TESTING": True, "RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": False,
                      "DATABASE": work_dir / "reports.sqlite3"})
    client = app.test_client()
    snap = engine.snapshot()
    work = load.Workload.__new__(load.Workload)
    work.queries, work.claims, work.studies = load.load_queries(), sorted(snap.kb.claims), sorted(snap.kb.studies)
    work.topics = [t.slug for t in snap.kb.vocabulary.topics]

    rng = random.Random(1)
    cpu: dict[str, list[float]] = collections.defaultdict(list)
    for _ in range(args.requests):
        cls, method, path, body = work.request(rng)
        t0 = time.process_time()
        client.open(path, method=method, json=body)
        cpu[cls].append((time.process_time() - t0) * 1000)
    total = sum(sum(v) for v in cpu.values())
    print(f"{tree}: load mix, {args.requests} requests in-process, CPU per request {total / args.requests:.2f} ms")
    for cls, ms in sorted(cpu.items()):
        print(f"  {cls:12} n={len(ms):4}  mean {statistics.mean(ms):6.2f} ms  median {statistics.median(ms):6.2f} ms  "
              f"share {100 * sum(ms) / total:5.1f}%")

    rng, seen, paths = random.Random(3), set(), []
    while len(paths) < 600:
        cls, _, path, _ = work.request(rng)
        if cls == "search_page" and path not in seen:
            seen.add(path)
            paths.append(path)
    for path in paths[300:]:  # warm: queries parsed and scored before, as in a running server
        client.get(path)
    times = []
    for path in paths[:300]:
        t0 = time.process_time()
        client.get(path)
        times.append((time.process_time() - t0) * 1000)
    times.sort()
    print(f"  uncached search page (300 new URLs): mean {statistics.mean(times):.1f} ms, median "
          f"{times[150]:.1f} ms, p90 {times[270]:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
