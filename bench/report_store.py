"""Cost of storing a check report when the store is full (a long-running server's usual state).

    .venv/bin/python bench/report_store.py [--reports 5000] [--saves 100] [--tree /tmp/old-worktree]

Fills a temporary database to the REPORT_MAX_COUNT cap with reports of ~2 KB compressed, then
times `reports.save` (wall and CPU per save): at the cap every save evicts the oldest. With
--tree, the `webui.reports` and `webui.db` of another source tree (a git worktree of an older
commit) are measured instead, for a side-by-side run.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from scratch import scratch_dir

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=5000, help="reports stored before timing (the count cap)")
    ap.add_argument("--saves", type=int, default=100)
    ap.add_argument("--tree", type=Path, default=REPO, help="source tree to measure (default: this one)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.tree.resolve()))
    from webui import db, reports

    rng = random.Random(1)
    folder = scratch_dir("kb-report-store-")
    conn = db.connect(folder / "reports.sqlite3")
    t0 = time.time()
    caps = {"ttl": 86_400, "max_bytes": 10**6, "max_count": args.reports, "max_total_bytes": 2**28}
    for i in range(args.reports):
        text = "".join(rng.choice("abcdefghijklmnop ") for _ in range(4000))
        reports.save(conn, {"text": text, "sentences": []}, None, "bench", now=t0 + i * 0.001, **caps)
    wall, cpu = time.perf_counter(), time.process_time()
    for i in range(args.saves):
        reports.save(conn, {"text": "x" * 3000, "sentences": []}, None, "bench", now=t0 + 10 + i * 0.001, **caps)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    kept = conn.execute("SELECT COUNT(*) FROM check_report").fetchone()[0]
    conn.close()
    print(f"{args.tree}: save with {args.reports:,} reports stored (at the cap): "
          f"{wall / args.saves * 1000:.2f} ms wall, {cpu / args.saves * 1000:.2f} ms CPU per save; {kept:,} kept")
    return 0 if kept == args.reports else 1


if __name__ == "__main__":
    sys.exit(main())
