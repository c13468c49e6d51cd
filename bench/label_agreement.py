"""How far two labellers agree, scored with the real-copy benchmark's own scorer.

Two blind relabellings of development (tuning) pages are kept beside the corpus:

- bench/data/realcopy_second_labels/: the 23 pages of round 5's tuning half, labelled once more by two other helpers
  who saw only the page text, the labelling guide and docs/labelling-decisions.md;
- bench/data/realcopy_guide_only_labels/ and realcopy_guide_only_labels_b/: 60 tuning pages (one a site, drawn by
  kind, sixty-first pass), each labelled twice, by two sets of six helpers who saw only the page text, the labelling
  guide and the catalog's 37 claims: no decisions, no claim records, no checker, not each other's labels.
  Acceptance data is labelled by the guide, so this is the nearest a tuning page gets to an acceptance label. They
  carry catalog ids only, so the corpus labels and the checker are read with those ids (as `realcopy.py --ids
  catalog` reads them).

Reading one labelling as if it were the checker's report gives the agreement a checker could hope to reach:

    .venv/bin/python bench/label_agreement.py              # corpus labels vs the second labelling
    .venv/bin/python bench/label_agreement.py --checker    # and this tree's checker against each
    .venv/bin/python bench/label_agreement.py --diff       # the sentences the two labellings disagree on
    .venv/bin/python bench/label_agreement.py --labels guide-only --checker --by-claim

Only development (tuning) pages are labelled twice; no held-aside or test page is read.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import realcopy  # noqa: E402

SECOND = ROOT / "bench" / "data" / "realcopy_second_labels"
GUIDE_ONLY = ROOT / "bench" / "data" / "realcopy_guide_only_labels"
GUIDE_ONLY_B = ROOT / "bench" / "data" / "realcopy_guide_only_labels_b"
LABELLINGS = {"second": SECOND, "guide-only": GUIDE_ONLY, "guide-only-b": GUIDE_ONLY_B}


def pairs(folder: Path = SECOND) -> list[tuple[realcopy.Page, realcopy.Page]]:
    """(corpus page, the same page as the other labelling has it). Against the guide-only labelling the corpus page
    keeps only catalog ids, the only ids those labellers had."""
    catalog = realcopy.catalog_claim_ids() if folder in (GUIDE_ONLY, GUIDE_ONLY_B) else None
    out = []
    for path in sorted(folder.glob("*.yaml")):
        corpus = realcopy.load_page(ROOT / "tests" / "data" / "realcopy" / "dev" / path.name)
        # The second labelling lives outside the corpus folders on purpose (it is not corpus data), so the
        # loader's folder-versus-split complaint does not apply to it.
        second = realcopy.load_page(path, [], claim_ids=catalog)
        if catalog is not None:
            [corpus], _ = realcopy.restricted([corpus], None, catalog, flags_too=False)
        if second.text != corpus.text:
            raise SystemExit(f"{path}: the page text differs from the corpus copy")
        out.append((corpus, second))
    return out


def as_report(page: realcopy.Page) -> dict:
    """A labelling in the checker's JSON shape: claims per labelled sentence, `checkworthy` for the
    check-worthy sentences no claim covers."""
    return {"sentences": [{"start": lab.start, "end": lab.end, "text": lab.text,
                           "checkworthy": bool(lab.checkworthy and not lab.claims),
                           "claims": [{"id": c, "stance": s} for c, s in lab.claims]} for lab in page.labels]}


def line(name: str, d: dict) -> str:
    s = d["sentence"]
    return (f"{name:30} pages {d['pages']}  page P/R/F1 {d['page']['precision']}/{d['page']['recall']}/"
            f"{d['page']['f1']}  sentence {s['precision']}/{s['recall']}/{s['f1']} ({s['tp']}/{s['fp']}/{s['fn']})"
            f"  stance {d['stance_accuracy']}  uncovered {d['uncovered_recall']} of {d['uncovered_sentences']}"
            f"  others marked {d['others_marked']} of {d['other_sentences']}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--checker", action="store_true", help="also score this tree's checker against each labelling")
    ap.add_argument("--tree", type=Path, default=ROOT, help="the tree whose checker is scored (default: this one)")
    ap.add_argument("--diff", action="store_true", help="print the labelled sentences the two labellings disagree on")
    ap.add_argument("--labels", choices=sorted(LABELLINGS), default="second",
                    help="which blind relabelling to compare with the corpus (default: second)")
    ap.add_argument("--by-claim", action="store_true",
                    help="count, claim by claim, the labels only one labelling gives (and the checker's flags the "
                         "other labelling lacks, with --checker)")
    args = ap.parse_args(argv)
    both = pairs(LABELLINGS[args.labels])
    corpus = [a for a, _ in both]
    second = [b for _, b in both]
    by_text_second = {b.text: as_report(b) for b in second}
    by_text_corpus = {a.text: as_report(a) for a in corpus}
    print(line("second read against corpus", realcopy.score(corpus, by_text_second.__getitem__)))
    print(line("corpus read against second", realcopy.score(second, by_text_corpus.__getitem__)))
    tables = {"corpus only / second only": realcopy.score(corpus, by_text_second.__getitem__)["errors"]}
    if args.checker:
        check = realcopy.engine_checker(args.tree)
        reports: dict[str, dict] = {}

        def cached(text: str) -> dict:
            if text not in reports:
                reports[text] = check(text)
            return json.loads(json.dumps(reports[text]))  # a catalog reading edits the report it is given
        if args.labels.startswith("guide-only"):  # the checker's flags of added claims only mark their sentence
            _, cached = realcopy.restricted([], cached, realcopy.catalog_claim_ids(), flags_too=True)
        print(line("checker against corpus", against_corpus := realcopy.score(corpus, cached)))
        print(line("checker against second", against_second := realcopy.score(second, cached)))
        tables["checker: missed / wrong, by the corpus"] = against_corpus["errors"]
        tables["checker: missed / wrong, by the second"] = against_second["errors"]
    if args.by_claim:
        for title, errors in tables.items():
            counts = Counter((e["kind"], e["claim"]) for e in errors if e["kind"] in ("fn", "fp"))
            print(f"\n{title}")
            for cid in sorted({c for _, c in counts}, key=lambda c: (-counts["fn", c] - counts["fp", c], c)):
                print(f"  {cid:40} {counts['fn', cid]:4} {counts['fp', cid]:4}")
    if args.diff:
        for a, b in both:
            for la in a.labels:
                got = {c for lb in b.labels if realcopy._overlaps(la.start, la.end, lb.start, lb.end) for c, _ in lb.claims}
                if set(dict(la.claims)) != got:
                    print(f"{a.path.stem[:30]:30} corpus {sorted(dict(la.claims))} second {sorted(got)}\n    {la.text[:200]!r}")
            for lb in b.labels:
                if lb.claims and not any(realcopy._overlaps(la.start, la.end, lb.start, lb.end) for la in a.labels):
                    print(f"{b.path.stem[:30]:30} corpus [] second {sorted(dict(lb.claims))}\n    {lb.text[:200]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
