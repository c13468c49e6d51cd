"""Claim-search relevance on people's queries: top-1 and top-3 hit rate and MRR, per query kind.

    .venv/bin/python bench/search_relevance.py [--set dev|heldout|heldout-v2|questions|questions-heldout|FILE]
        [--catalog-only] [--misses]

Each query in a set names the claims (`any_of`) a good search shows first. A query's reciprocal
rank is 1/r for the first of them at rank r among the top 10 claim results (0 if none). Queries
run through the product's Engine.search on a fresh index of the KB (or, with --catalog-only, of
the KB without the claims added after the 37-claim catalog: "before the KB grew").

The held-out sets are for measurement only: their misses are not printed unless asked for. The first
held-out set's misses have been read (2026-12-01), so it is now development data in all but name;
heldout-v2 (written blind to the search code, the query sets and any result) is the one to trust.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.engine import Engine  # noqa: E402
from scratch import scratch_dir  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SETS = {"dev": REPO / "tests" / "data" / "search_relevance.yaml",
        "heldout": REPO / "tests" / "data" / "heldout" / "search_heldout.yaml",
        "heldout-v2": REPO / "tests" / "data" / "heldout" / "search_heldout_v2.yaml",
        # people's own questions, from the FAQ pages of the real-copy corpus (bench/search_questions.py)
        "questions": REPO / "tests" / "data" / "search_questions.yaml",
        "questions-heldout": REPO / "tests" / "data" / "heldout" / "search_questions_heldout.yaml"}
DEPTH = 10
CATALOG_DATE = "2026-11-23"  # the 37 catalog claims were all added on this day


def catalog_kb(kb_dir: Path) -> Path:
    """A copy of the KB holding only the claims first committed on CATALOG_DATE."""
    out = scratch_dir("kb-catalog-") / "kb"
    shutil.copytree(kb_dir, out)
    for f in sorted((out / "claims").glob("*.yaml")):
        added = subprocess.run(["git", "log", "--diff-filter=A", "--format=%ad", "--date=short", "--",
                                f"kb/claims/{f.name}"], cwd=REPO, capture_output=True, text=True).stdout.split()
        if not added:
            raise SystemExit(f"--catalog-only needs the git history of {REPO}: no commit adds {f.name}")
        if added[-1] != CATALOG_DATE:
            f.unlink()
    _drop_references_to_removed_claims(out / "claims")
    return out


def _drop_references_to_removed_claims(folder: Path) -> None:
    """The catalog's claims name later claims (related_claims, yields_to, elsewhere, also_when); without those claims
    the copy would not validate, so the references go too."""
    kept = {f.stem for f in folder.glob("*.yaml")}
    for f in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(f.read_text())
        for key in ("related_claims", "yields_to"):
            if key in data:
                data[key] = [c for c in data[key] if c in kept]
        if data.get("elsewhere") not in (None, *kept):
            del data["elsewhere"]
        if "also_when" in data:
            data["also_when"] = [w for w in data["also_when"] if w.get("claim") in kept]
        f.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def rank_of(engine: Engine, query: str, wanted: set[str]) -> tuple[int | None, list[str]]:
    got = [h.id for h in engine.search(query, type="claim", per_page=DEPTH).results]
    return next((i + 1 for i, cid in enumerate(got) if cid in wanted), None), got


def evaluate(engine: Engine, queries: list[dict], known: set[str]) -> dict:
    rows = []
    for q in queries:
        wanted = set(q["any_of"]) & known
        if not wanted:
            continue  # the query's answer is not in this KB (catalog-only runs of new-claim queries)
        rank, got = rank_of(engine, q["query"], wanted)
        rows.append({"query": q["query"], "kind": q.get("kind", "?"), "any_of": q["any_of"], "rank": rank,
                     "got": got[:3]})

    def score(rs):
        return {"n": len(rs),
                "top1": sum(1 for r in rs if r["rank"] == 1) / len(rs),
                "top3": sum(1 for r in rs if r["rank"] and r["rank"] <= 3) / len(rs),
                "mrr": statistics.mean(1 / r["rank"] if r["rank"] else 0 for r in rs)}

    kinds = defaultdict(list)
    for r in rows:
        kinds[r["kind"]].append(r)
    return {"all": score(rows), "kinds": {k: score(v) for k, v in sorted(kinds.items())}, "rows": rows}


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="dev", help="dev, heldout, heldout-v2, questions, questions-heldout, or a query file")
    ap.add_argument("--kb-dir", type=Path, default=REPO / "kb")
    ap.add_argument("--catalog-only", action="store_true", help="score the KB without the post-catalog claims")
    ap.add_argument("--misses", action="store_true", help="list queries not ranked first (default for dev)")
    args = ap.parse_args(argv)
    path = SETS.get(args.set, Path(args.set))
    queries = yaml.safe_load(path.read_text())["queries"]
    kb_dir = catalog_kb(args.kb_dir) if args.catalog_only else args.kb_dir
    engine = Engine(kb_dir, scratch_dir("relevance-index-"), auto_refresh=False, cache_size=0)
    engine.rebuild()
    known = set(engine.snapshot().kb.claims)
    result = evaluate(engine, queries, known)
    a = result["all"]
    print(f"{path.name}: {len(known)} claims, {a['n']} queries: top-1 {a['top1']:.3f}  top-3 {a['top3']:.3f}  "
          f"MRR {a['mrr']:.3f}")
    for kind, s in result["kinds"].items():
        print(f"  {kind:13s} n={s['n']:3d}  top-1 {s['top1']:.3f}  top-3 {s['top3']:.3f}  MRR {s['mrr']:.3f}")
    if args.misses or (args.set == "dev" and not args.set.startswith("held")):
        for r in result["rows"]:
            if r["rank"] != 1:
                print(f"  rank {r['rank'] or '>10'}: {r['query']!r} wanted {r['any_of']}, got {r['got']}")
    return result


if __name__ == "__main__":
    main()
