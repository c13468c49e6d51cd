"""How far two labellers agree, scored with the real-copy benchmark's own scorer.

The 23 pages of round 5's tuning half were labelled twice: once for the corpus
(tests/data/realcopy/dev/) and once more, blind, by two other helpers who saw only the page text, the
labelling guide and docs/labelling-decisions.md (bench/data/realcopy_second_labels/). Reading one labelling
as if it were the checker's report gives the agreement a checker could hope to reach on these rules:

    .venv/bin/python bench/label_agreement.py              # corpus labels vs the second labelling
    .venv/bin/python bench/label_agreement.py --checker    # and this tree's checker against each
    .venv/bin/python bench/label_agreement.py --diff       # the sentences the two labellings disagree on

Only development (tuning) pages are labelled twice; no held-aside or test page is read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import realcopy  # noqa: E402

SECOND = ROOT / "bench" / "data" / "realcopy_second_labels"


def pairs() -> list[tuple[realcopy.Page, realcopy.Page]]:
    out = []
    for path in sorted(SECOND.glob("*.yaml")):
        corpus = realcopy.load_page(ROOT / "tests" / "data" / "realcopy" / "dev" / path.name)
        # The second labelling lives outside the corpus folders on purpose (it is not corpus data), so the
        # loader's folder-versus-split complaint does not apply to it.
        second = realcopy.load_page(path, [])
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
            f"  stance {d['stance_accuracy']}  uncovered {d['uncovered_recall']} of {d['uncovered_sentences']}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--checker", action="store_true", help="also score this tree's checker against each labelling")
    ap.add_argument("--tree", type=Path, default=ROOT, help="the tree whose checker is scored (default: this one)")
    ap.add_argument("--diff", action="store_true", help="print the labelled sentences the two labellings disagree on")
    args = ap.parse_args(argv)
    both = pairs()
    corpus = [a for a, _ in both]
    second = [b for _, b in both]
    by_text_second = {b.text: as_report(b) for b in second}
    by_text_corpus = {a.text: as_report(a) for a in corpus}
    print(line("second read against corpus", realcopy.score(corpus, by_text_second.__getitem__)))
    print(line("corpus read against second", realcopy.score(second, by_text_corpus.__getitem__)))
    if args.checker:
        check = realcopy.engine_checker(args.tree)
        reports: dict[str, dict] = {}

        def cached(text: str) -> dict:
            if text not in reports:
                reports[text] = check(text)
            return reports[text]
        print(line("checker against corpus", realcopy.score(corpus, cached)))
        print(line("checker against second", realcopy.score(second, cached)))
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
