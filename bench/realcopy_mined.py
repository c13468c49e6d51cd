"""Real sentences mined claim by claim from published pages (tests/data/realcopy/mined), and the
checker scored on them.

    python bench/realcopy_mined.py                 # accuracy per family file, this tree's checker
    python bench/realcopy_mined.py --misses        # and every sentence it gets wrong
    python bench/realcopy_mined.py --tree /tmp/wt  # an older checker (a git worktree)
    python bench/realcopy_mined.py --file F.yaml   # one file, e.g. a held-out set kept outside mined/

The page corpus (bench/realcopy.py) measures whole pages, but one page shows each claim once or
twice; these files gather, for one claim family, how many different sites word the same claims,
so that vocabulary is judged on wording from many pages rather than the few the corpus holds.
A positive sentence is right when every claim it makes is flagged on it with the labelled stance;
a negative (on the topic, but not making the claims it lists under `not`) is right when none of
those is flagged on it. The preceding text a sentence needs (a heading, a list's lead-in, the
sentence before) is given as `context` and checked with it, as it stood on the page.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realcopy  # noqa: E402

MINED = realcopy.CORPUS / "mined"


@dataclass
class Mined:
    where: str  # file:index, for messages
    url: str
    text: str
    context: str
    claims: dict[str, str]  # claim id -> stance
    not_claims: list[str] = field(default_factory=list)


@dataclass
class Family:
    path: Path
    floor: float
    sentences: list[Mined]


def load_family(path: Path, problems: list[str], claim_ids: set[str], reserved: set[str]) -> Family:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    where = str(path.relative_to(realcopy.ROOT)) if path.is_relative_to(realcopy.ROOT) else str(path)
    family = Family(path, float(data.get("floor", 0.0)), [])
    for i, item in enumerate(data.get("sentences") or []):
        at = f"{where}: sentence {i + 1}"
        url, text = item.get("url", ""), item.get("text", "")
        if not url or not text or not item.get("read"):
            problems.append(f"{at}: url, read and text are required")
            continue
        site = realcopy.site_of(url)
        if site in reserved:
            problems.append(f"{at}: {site} is reserved for acceptance testing")
        if realcopy.split_of(url) != "dev":
            problems.append(f"{at}: {site} belongs to the frozen test split; mine development sites only")
        claims = dict(item.get("claims") or {})
        for cid, stance in claims.items():
            if cid not in claim_ids:
                problems.append(f"{at}: unknown claim id {cid!r}")
            if stance not in realcopy.STANCES:
                problems.append(f"{at}: stance {stance!r} for {cid} not asserts/denies")
        not_claims = list(item.get("not") or [])
        for cid in not_claims:
            if cid not in claim_ids:
                problems.append(f"{at}: unknown claim id {cid!r} under not")
        if not claims and not not_claims:
            problems.append(f"{at}: a sentence needs claims (a positive) or not (a negative)")
        family.sentences.append(Mined(at, url, text, item.get("context") or "", claims, not_claims))
    return family


def load_all(problems: list[str] | None = None, paths: list[Path] | None = None) -> list[Family]:
    problems = problems if problems is not None else []
    claim_ids, reserved = realcopy.known_claim_ids(), realcopy.reserved_sites()
    return [load_family(p, problems, claim_ids, reserved) for p in (paths or sorted(MINED.glob("*.yaml")))]


def flagged(check, item: Mined) -> dict[str, str]:
    """Claim id -> stance flagged on the sentence itself (not on its context)."""
    text = f"{item.context}\n\n{item.text}" if item.context else item.text
    start = len(text) - len(item.text)
    got: dict[str, str] = {}
    for sent in check(text)["sentences"]:
        if realcopy._overlaps(sent["start"], sent["end"], start, len(text)):
            for c in sent.get("claims", []):
                got.setdefault(c["id"], c.get("stance", "asserts"))
    return got


def is_right(item: Mined, got: dict[str, str]) -> bool:
    return all(got.get(cid) == stance for cid, stance in item.claims.items()) and \
        not any(cid in got for cid in item.not_claims)


def score(family: Family, check) -> dict:
    """`right`: sentences read right (above); and claim P/R/F1 over (sentence, claim id) pairs as the page
    corpus counts them: a flagged claim the sentence is not labelled with is a false one."""
    right, misses = 0, []
    tp = fp = fn = 0
    for item in family.sentences:
        got = flagged(check, item)
        tp += len(got.keys() & item.claims.keys())
        fp += len(got.keys() - item.claims.keys())
        fn += len(item.claims.keys() - got.keys())
        if is_right(item, got):
            right += 1
        else:
            misses.append({"where": item.where, "want": item.claims, "not": item.not_claims, "got": got,
                           "text": item.text})
    n = len(family.sentences)
    return {"sentences": n, "positives": sum(1 for s in family.sentences if s.claims),
            "sites": len({realcopy.site_of(s.url) for s in family.sentences}),
            "right": right, "accuracy": round(right / n, 3) if n else None, "floor": family.floor,
            "claims": {"tp": tp, "fp": fp, "fn": fn, "precision": round(tp / (tp + fp), 3) if tp + fp else None,
                       "recall": round(tp / (tp + fn), 3) if tp + fn else None,
                       "f1": round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0},
            "misses": misses}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="realcopy_mined.py")
    ap.add_argument("--tree", type=Path, default=realcopy.ROOT)
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--file", type=Path, nargs="+", help="score these files instead of every file in mined/")
    args = ap.parse_args(argv)
    problems: list[str] = []
    families = load_all(problems, args.file)
    for p in problems:
        print(p)
    check = realcopy.engine_checker(args.tree.resolve())
    out = {}
    for family in families:
        result = score(family, check)
        misses = result.pop("misses")
        out[family.path.stem] = result
        if args.misses:
            for m in misses:
                print(f"{m['where']:60} want {m['want']} not {m['not']} got {m['got']}\n    {m['text'][:200]}")
    print(json.dumps(out, indent=2))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
