"""The real-copy corpus (tests/data/realcopy): load, validate, split, and score a checker on it.

    python bench/realcopy.py validate                    # every page file checked; exit 1 on problems
    python bench/realcopy.py evaluate [--part dev|test]  # the checker of this tree, scored
    python bench/realcopy.py evaluate --tree /tmp/f1dec99  # an older checker (git worktree add /tmp/f1dec99 f1dec99)
    python bench/realcopy.py evaluate --round bench/data/realcopy_round2.txt  # one round of fresh dev pages
    python bench/realcopy.py evaluate --part held-aside  # the fresh dev pages kept out of tuning
    python bench/realcopy.py evaluate --part held-aside-unmined  # ... of them, those of sites no mined sentence comes from
    python bench/realcopy.py evaluate --part dev --ids catalog  # as if only the 37 catalog ids were labelled and scored

The development part is what tuning looks at, except the pages bench/data/realcopy_held_aside.txt
lists: the latest rounds of fresh pages (since the forty-eighth pass rounds 65 to 67; earlier held-aside rounds joined the
tuning pages after their first measurement, docs/benchmarks.md), kept out before any change, to tell whether the changes
later rounds prompt carry over to pages they were not made on. `--part dev` and the floor test leave them out; they are
scored on their own (`--part held-aside`).

Scores (the same definitions for every checker measured, old or new):
- page-level claim F1: per page, the set of claim ids flagged vs the set labelled (either stance);
- sentence-level F1: (labelled sentence, claim id) pairs; a checker sentence stands for the
  labelled sentence its span overlaps by more than half of the shorter of the two; a flag on a
  checker sentence that stands for no labelled sentence is a false positive;
- stance accuracy: over correctly flagged pairs, the share whose stance matches the label;
- uncovered recall: labelled check-worthy sentences with no catalog claim that the checker marks
  check-worthy (or flags); others marked: the share of checker sentences standing for no labelled
  sentence that it marks check-worthy.

`--ids catalog` scores as acceptance data labelled with the catalog's 37 ids only would be scored by a scorer that
ignores the ids the KB added (a sentence making only an added claim is then check-worthy and uncovered, and a flag of
an added claim marks it); `--ids catalog-strict` is that scorer reading only the report's `checkworthy` (a dropped
flag marks nothing); `--ids catalog-labels` keeps every flag, so flags of added claims count as wrong.
"""
from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "realcopy"
RESERVED = ROOT.parent / "shared" / "reserved-pages.txt"
KINDS = {"clinic", "telehealth", "faq", "news", "manufacturer", "medical-info", "balanced", "critical"}
STANCES = {"asserts", "denies"}
HELD_ASIDE = ROOT / "bench" / "data" / "realcopy_held_aside.txt"
CATALOG = ROOT.parent / "shared" / "claims-catalog.md"


def site_of(url: str) -> str:
    host = (urlparse(url).hostname or "").lower().rstrip(".")  # "example.org." (fully qualified) is example.org
    return host[4:] if host.startswith("www.") else host


def split_of(url: str) -> str:
    """The page's part, fixed by its site so no site is in both parts."""
    return "test" if hashlib.sha256(site_of(url).encode()).digest()[0] % 3 == 0 else "dev"


def reserved_sites() -> set[str]:
    if not RESERVED.exists():
        return set()
    lines = [ln.strip() for ln in RESERVED.read_text().splitlines()]
    return {site_of(ln if "://" in ln else "https://" + ln) for ln in lines if ln and not ln.startswith("#")}


@dataclass
class Label:
    text: str
    start: int
    end: int
    claims: list[tuple[str, str]]
    checkworthy: bool
    uncovered: str | None = None


@dataclass
class Page:
    path: Path
    url: str
    kind: str
    text: str
    part: str
    labels: list[Label] = field(default_factory=list)


def catalog_claim_ids() -> set[str]:
    """The canonical catalog's ids (../shared/claims-catalog.md), as acceptance labels may carry only these."""
    import re
    return set(re.findall(r"^\| ([a-z0-9]+(?:-[a-z0-9]+)+) \|", CATALOG.read_text(), re.M)) if CATALOG.exists() else set()


def restricted(pages: list[Page], check, ids: set[str], flags_too: bool, dropped_marks: bool = True):
    """Pages and checker seen as if labels carried only `ids`: a sentence left with no claim stays check-worthy
    (uncovered); with flags_too, flags of other ids are dropped as well (a scorer that ignores them), and with
    dropped_marks a dropped flag marks its sentence check-worthy (else only the report's `checkworthy` does)."""
    from dataclasses import replace
    pages = [replace(pg, labels=[replace(lab, claims=[(c, st) for c, st in lab.claims if c in ids])
                                 for lab in pg.labels]) for pg in pages]
    if not flags_too:
        return pages, check

    def filtered(text: str) -> dict:
        report = check(text)
        for sent in report.get("sentences", []):
            kept = [c for c in sent.get("claims", []) if c["id"] in ids]
            if dropped_marks and len(kept) < len(sent.get("claims", [])):
                sent["checkworthy"] = True
            sent["claims"] = kept
        return report
    return pages, filtered


def known_claim_ids() -> set[str]:
    return {p.stem for p in (ROOT / "kb" / "claims").glob("*.yaml")}


def load_page(path: Path, problems: list[str] | None = None, claim_ids: set[str] | None = None,
              part: str | None = None) -> Page:
    """One page file; `part` defaults to its folder's name (a candidate outside the corpus names the part it joins)."""
    problems = problems if problems is not None else []
    claim_ids = claim_ids if claim_ids is not None else known_claim_ids()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    for key in ("url", "read", "kind", "text"):
        if not data.get(key):
            problems.append(f"{where}: missing {key}")
    url, text = data.get("url", ""), data.get("text", "")
    if data.get("kind") not in KINDS:
        problems.append(f"{where}: kind {data.get('kind')!r} not one of {sorted(KINDS)}")
    part = part or path.parent.name
    if url and split_of(url) != part:
        problems.append(f"{where}: site {site_of(url)} belongs in {split_of(url)}/, not {part}/")
    if url and site_of(url) in reserved_sites():
        problems.append(f"{where}: {site_of(url)} is reserved for acceptance testing")
    page = Page(path, url, data.get("kind", ""), text, part)
    cursor: dict[str, int] = {}
    for item in data.get("sentences") or []:
        s = item.get("text", "")
        start = text.find(s, cursor.get(s, 0))
        if not s or start < 0:
            problems.append(f"{where}: label text is not verbatim in the page: {s[:70]!r}")
            continue
        cursor[s] = start + 1
        claims = []
        for c in item.get("claims") or []:
            if c.get("id") not in claim_ids:
                problems.append(f"{where}: unknown claim id {c.get('id')!r}")
            if c.get("stance") not in STANCES:
                problems.append(f"{where}: stance {c.get('stance')!r} for {c.get('id')} not asserts/denies")
            claims.append((c.get("id"), c.get("stance")))
        cw = bool(item.get("checkworthy", bool(claims)))
        if claims and not cw:
            problems.append(f"{where}: a sentence that makes a catalog claim is check-worthy: {s[:60]!r}")
        page.labels.append(Label(s, start, start + len(s), claims, cw, item.get("uncovered")))
    return page


def load_corpus(parts=("dev", "test"), problems: list[str] | None = None) -> list[Page]:
    claim_ids = known_claim_ids()
    pages = []
    for part in parts:
        for path in sorted((CORPUS / part).glob("*.yaml")):
            pages.append(load_page(path, problems, claim_ids))
    return pages


RUN_WORDS = 10


def word_runs(text: str) -> set[str]:
    """The page's distinct runs of RUN_WORDS words, lower-cased: two pages share a passage where they share runs."""
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + RUN_WORDS]) for i in range(len(words) - RUN_WORDS + 1)}


def copies(runs_a: set[str], runs_b: set[str]) -> bool:
    """Whether one page copies the other: a mirror, reprint or lightly reworded copy shares a long stretch of text.
    Clinic pages built on one FAQ template or quoting the same label sentence share some 20 runs (a sentence or two);
    a reprint shares over a quarter of the shorter page, or many runs of a long one."""
    shared = len(runs_a & runs_b)
    shorter = min(len(runs_a), len(runs_b)) or 1
    return shared >= 60 or (shared >= 25 and shared / shorter >= 0.25)


def copies_across_parts(pages: list[Page]) -> list[str]:
    """A development page copying a test page (or the reverse) leaks the frozen part into tuning, whatever its site."""
    runs = {id(p): word_runs(p.text) for p in pages}
    dev = [p for p in pages if p.part == "dev"]
    return [f"{d.path.name} (dev) copies {t.path.name} (test): a mirror or reprint across the split"
            for t in pages if t.part == "test" for d in dev if copies(runs[id(d)], runs[id(t)])]


def held_aside() -> set[str]:
    """Paths (from the repository root) of the development pages kept out of tuning."""
    if not HELD_ASIDE.exists():
        return set()
    return {line.strip() for line in HELD_ASIDE.read_text().splitlines() if line.strip()}


def tuning_pages(problems: list[str] | None = None) -> list[Page]:
    """The development part without the held-aside pages: what tuning and the floor test look at."""
    aside = held_aside()
    return [p for p in load_corpus(("dev",), problems) if str(p.path.relative_to(ROOT)) not in aside]


def held_aside_pages() -> list[Page]:
    return [load_page(ROOT / path) for path in sorted(held_aside())]


def unmined_held_aside_pages() -> list[Page]:
    """The held-aside pages of sites no mined sentence comes from: wholly unseen copy (pages of rounds 47 to 50 were
    admitted before realcopy_admit refused mined sites, and the mined sentences of their sites are tuned on)."""
    import realcopy_admit
    mined = {realcopy_admit.domain_of(url) for url in realcopy_admit.mined_urls(ROOT)}
    return [page for page in held_aside_pages() if realcopy_admit.domain_of(page.url) not in mined]


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    inter = min(a1, b1) - max(a0, b0)
    return inter > 0 and inter * 2 > min(a1 - a0, b1 - b0)


def score(pages: list[Page], check) -> dict:
    """check(text) -> the checker's JSON object (sentences[] with start, end, checkworthy, claims[])."""
    page_tp = page_fp = page_fn = 0
    tp = fp = fn = 0
    stance_ok = stance_n = 0
    unc_total = unc_hit = 0
    other_total = other_marked = 0
    errors: list[dict] = []
    for page in pages:
        report = check(page.text)
        predicted: dict[int, dict[str, str]] = {}
        stray: list[tuple[dict, str]] = []
        for sent in report.get("sentences", []):
            claims = {c["id"]: c.get("stance", "asserts") for c in sent.get("claims", [])}
            marked = bool(sent.get("checkworthy")) or bool(claims)
            hits = [i for i, lab in enumerate(page.labels) if _overlaps(sent["start"], sent["end"], lab.start, lab.end)]
            if not hits:
                other_total += 1
                other_marked += bool(sent.get("checkworthy"))
                if sent.get("checkworthy"):
                    errors.append({"page": page.path.name, "kind": "other-marked", "claim": "", "text": sent["text"][:160]})
                for cid in claims:
                    stray.append((sent, cid))
            for i in hits:
                slot = predicted.setdefault(i, {})
                slot.update(claims)
                if marked:
                    slot.setdefault("__marked__", "")
        labelled_ids = {cid for lab in page.labels for cid, _ in lab.claims}
        flagged_ids = {cid for slot in predicted.values() for cid in slot if cid != "__marked__"}
        flagged_ids |= {cid for _, cid in stray}
        page_tp += len(labelled_ids & flagged_ids)
        page_fp += len(flagged_ids - labelled_ids)
        page_fn += len(labelled_ids - flagged_ids)
        for sent, cid in stray:
            fp += 1
            errors.append({"page": page.path.name, "kind": "fp", "claim": cid, "text": sent["text"][:160]})
        for i, lab in enumerate(page.labels):
            want = dict(lab.claims)
            got = {k: v for k, v in predicted.get(i, {}).items() if k != "__marked__"}
            for cid, stance in got.items():
                if cid in want:
                    tp += 1
                    stance_n += 1
                    stance_ok += stance == want[cid]
                    if stance != want[cid]:
                        errors.append({"page": page.path.name, "kind": "stance", "claim": cid, "text": lab.text[:160]})
                else:
                    fp += 1
                    errors.append({"page": page.path.name, "kind": "fp", "claim": cid, "text": lab.text[:160]})
            for cid in want:
                if cid not in got:
                    fn += 1
                    errors.append({"page": page.path.name, "kind": "fn", "claim": cid, "text": lab.text[:160]})
            if lab.checkworthy and not lab.claims:
                unc_total += 1
                hit = i in predicted and "__marked__" in predicted[i]
                unc_hit += hit
                if not hit:
                    errors.append({"page": page.path.name, "kind": "uncovered-missed", "claim": lab.uncovered, "text": lab.text[:160]})

    def f1(t, p, n):
        prec = t / (t + p) if t + p else 1.0
        rec = t / (t + n) if t + n else 1.0
        return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)

    pp, pr, pf = f1(page_tp, page_fp, page_fn)
    sp, sr, sf = f1(tp, fp, fn)
    return {
        "pages": len(pages),
        "page": {"precision": round(pp, 3), "recall": round(pr, 3), "f1": round(pf, 3)},
        "sentence": {"precision": round(sp, 3), "recall": round(sr, 3), "f1": round(sf, 3),
                     "tp": tp, "fp": fp, "fn": fn},
        "stance_accuracy": round(stance_ok / stance_n, 3) if stance_n else None,
        "uncovered_recall": round(unc_hit / unc_total, 3) if unc_total else None,
        "uncovered_sentences": unc_total,
        "others_marked": round(other_marked / other_total, 3) if other_total else None,
        "other_sentences": other_total,
        "errors": errors,
    }


def engine_checker(tree: Path = ROOT):
    """The checker of a source tree (this one, or e.g. a worktree of an older commit) over that
    tree's KB, as its `kb check --json` runs it."""
    sys.path.insert(0, str(tree))
    from indexer.engine import Engine
    from scratch import scratch_dir
    engine = Engine(tree / "kb", scratch_dir("realcopy-index-"))

    def check(text: str) -> dict:
        return engine.check(text).to_dict()
    return check


def main(argv: list[str]) -> int:
    if argv[:1] == ["evaluate"]:
        import argparse
        import json
        ap = argparse.ArgumentParser(prog="realcopy.py evaluate")
        ap.add_argument("--part", choices=["dev", "test", "both", "held-aside", "held-aside-unmined"], default="both",
                        help="dev: the development part without the held-aside pages; both: dev and test; "
                             "held-aside-unmined: the held-aside pages of sites no mined sentence comes from")
        ap.add_argument("--errors", action="store_true", help="list the errors (dev part or --round only)")
        ap.add_argument("--json", action="store_true")
        ap.add_argument("--tree", type=Path, default=ROOT,
                        help="score the checker of another source tree, e.g. a git worktree of an older commit")
        ap.add_argument("--round", type=Path, metavar="LIST",
                        help="score only the development pages a file lists (one path per line), e.g. a round of "
                             "fresh pages: bench/data/realcopy_round2.txt")
        ap.add_argument("--ids", choices=["all", "catalog", "catalog-strict", "catalog-labels"], default="all",
                        help="catalog: score as if labels and flags carried only the 37 catalog ids (a flag of an "
                             "added claim then only marks its sentence check-worthy); catalog-strict: the same, but "
                             "only the report's own checkworthy marks a sentence; catalog-labels: labels carry "
                             "only catalog ids but every flag counts")
        args = ap.parse_args(argv[1:])
        check = engine_checker(args.tree.resolve())
        ids = catalog_claim_ids() if args.ids != "all" else None
        if ids is not None and not ids:
            raise SystemExit(f"--ids {args.ids}: no catalog at {CATALOG}")

        def scored(pages):
            if ids is None:
                return score(pages, check)
            return score(*restricted(pages, check, ids, flags_too=args.ids in ("catalog", "catalog-strict"),
                                     dropped_marks=args.ids == "catalog"))
        out = {}
        if args.round:
            listed = [ROOT / line.strip() for line in args.round.read_text().splitlines() if line.strip()]
            if any(p.parent.name != "dev" for p in listed):
                raise SystemExit(f"{args.round}: a round lists development pages only (the test part is frozen)")
            result = scored([load_page(p) for p in listed])
            errors = result.pop("errors")
            if args.errors:
                for e in errors:
                    print(f"{e['kind']:17} {e['claim'] or '-':32} {e['page']:40} {e['text']}")
            print(json.dumps({args.round.stem: result}, indent=2))
            return 0
        loaders = {"dev": tuning_pages, "test": lambda: load_corpus(("test",)), "held-aside": held_aside_pages,
                   "held-aside-unmined": unmined_held_aside_pages}
        for part in (["dev", "test"] if args.part == "both" else [args.part]):
            result = scored(loaders[part]())
            errors = result.pop("errors")
            out[part] = result
            if args.errors and part == "dev":
                for e in errors:
                    print(f"{e['kind']:17} {e['claim'] or '-':32} {e['page']:40} {e['text']}")
        print(json.dumps(out, indent=2))
        return 0

    if argv[:1] == ["validate"]:
        problems: list[str] = []
        pages = load_corpus(problems=problems)
        urls = [p.url for p in pages]
        for u in {u for u in urls if urls.count(u) > 1}:
            problems.append(f"duplicate page {u}")
        problems += copies_across_parts(pages)
        for p in problems:
            print(p)
        by_part = {part: sum(1 for p in pages if p.part == part) for part in ("dev", "test")}
        print(f"{len(pages)} pages ({by_part}), {sum(len(p.labels) for p in pages)} labelled sentences, "
              f"{len(problems)} problems")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
