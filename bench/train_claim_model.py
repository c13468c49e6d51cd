"""Train the claim model (indexer/copycheck/claim_model.py) on the real-copy tuning pages only.

    .venv/bin/python bench/train_claim_model.py extract   # tuning pages -> bench/data/claim_model_examples.jsonl
    .venv/bin/python bench/train_claim_model.py train     # examples -> indexer/copycheck/claim_model.json

`extract` splits every tuning page (the development part without bench/data/realcopy_held_aside.txt) into the
checker's sentences and keeps, for each, its text and the claim ids of the labelled
sentences it stands for (the scorer's overlap rule, bench/realcopy.py). It reads no claim rule, so the examples
change only with the pages, their labels or the sentence splitter. `train` is then a function of that file alone
(fixed order, no random state); tests/indexer/test_claim_model.py checks the stored model is what it produces.

    .venv/bin/python bench/train_claim_model.py train --exclude bench/data/realcopy_round19.txt --out /tmp/m.json
    .venv/bin/python bench/train_claim_model.py train --exclude bench/data/realcopy_round25.txt \
        --exclude bench/data/realcopy_round26.txt --vector-weight 0 --out /tmp/m0.json   # a pair out, words alone

    .venv/bin/python bench/train_claim_model.py cv        # the tuning pages scored with the model out of fold
    .venv/bin/python bench/train_claim_model.py pairs --rounds 41-52 --options '{"C": 40}'  # released pairs, unseen

trains without the pages a list names, so that a round can be scored by a model that never saw it
(`EVIDENCE_KB_CLAIM_MODEL=/tmp/m.json bench/realcopy.py evaluate --round ...`). `cv` deals the tuning pages' sites to five
folds and scores each fold's pages with a model fitted on the other four: the tuning pages' figure with the model
not fitted on them (the stored model has seen them all, so `realcopy.py evaluate --part dev` flatters it), beside
the frames alone. `pairs` scores each released pair of rounds (two at a time from FIRST) with a model trained without
it, with the options given: how a change to the model reads on pages it never saw; it refuses held-aside rounds. The
test part is never read here.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import realcopy  # noqa: E402

EXAMPLES = ROOT / "bench" / "data" / "claim_model_examples.jsonl"


def extract(out: Path = EXAMPLES) -> int:
    from indexer.copycheck.blocks import split_blocks
    from indexer.copycheck.normalize import normalize
    from indexer.copycheck.sentences import split_sentences

    rows = []
    for page in realcopy.tuning_pages():
        norm = normalize(page.text)
        for block in split_blocks(norm, None):
            for sp in split_sentences(norm.text, block.start, block.end):
                a, b = norm.to_original(sp.start, sp.end)
                text = page.text[a:b]
                claims = sorted({c for lab in page.labels if realcopy._overlaps(a, b, lab.start, lab.end)
                                 for c, _ in lab.claims})
                rows.append({"page": str(page.path.relative_to(ROOT)), "text": text, "claims": claims})
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} sentences of {len({r['page'] for r in rows})} pages -> {out}")
    return 0


def load_examples(path: Path = EXAMPLES, exclude: set[str] = frozenset()) -> list[dict]:
    """The examples in page order, each with `prev`: the sentence before it on its page (not stored twice)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for before, row in zip([None, *rows], rows):
        row["prev"] = before["text"] if before is not None and before["page"] == row["page"] else ""
    return [r for r in rows if r["page"] not in exclude and Path(r["page"]).name not in exclude]


def train(examples: Path, out: Path, exclude: set[str], **options) -> int:
    import sklearn.linear_model  # noqa: F401  loaded first, so that its OpenMP runtime is among the pools limited below
    from threadpoolctl import threadpool_limits  # scikit-learn's own dependency

    from indexer.copycheck import claim_model
    rows = load_examples(examples, exclude)
    # One thread (BLAS and OpenMP): the loss's sums then come out the same on a machine with any number of cores
    # (with two threads the stored model's probabilities differed from a one-thread run's by up to 0.012), so the
    # stored model is what training produces anywhere (tests/indexer/test_claim_model.py)
    with threadpool_limits(limits=1):
        model = claim_model.fit(rows, **options)
    out.write_text(claim_model.dumps(model), encoding="utf-8")
    print(f"{len(model['claims'])} claims, {sum(model['words_weighted'])} words weighted, from {len(rows)} sentences -> {out}")
    return 0


@contextmanager
def model_in_use(path: Path):
    """The checker reads the claim model at `path` inside the block (absent: the frames alone), then the stored one."""
    from indexer.copycheck import claim_model
    saved = os.environ.get(claim_model.MODEL_ENV)
    os.environ[claim_model.MODEL_ENV] = str(path)
    claim_model.load.cache_clear()
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(claim_model.MODEL_ENV, None)
        else:
            os.environ[claim_model.MODEL_ENV] = saved
        claim_model.load.cache_clear()


def _summary(label: str, parts: list[dict]) -> str:
    tp, fp, fn = (sum(s["sentence"][k] for s in parts) for k in ("tp", "fp", "fn"))
    p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"{label:28s} sentence P {p:.3f} R {r:.3f} F1 {f1:.3f} ({tp} / {fp} / {fn})"


def cross_validate(examples: Path, folds: int = 5, baseline: bool = True, **options) -> int:
    """The tuning pages scored with fold models (five folds by site) fitted with `options`; `baseline` scores the frames
    alone on the same folds too (the same for every option, so a sweep can leave it out)."""
    import hashlib

    from indexer.copycheck import claim_model, sentence_encoder
    rows = load_examples(examples)
    sentence_encoder.CACHE_SIZE = 2 * len(rows)  # each sentence's vector computed once, for the fits and the scoring
    pages = {str(p.path.relative_to(ROOT)): p for p in realcopy.tuning_pages()}
    fold_of = {path: int(hashlib.sha256(realcopy.site_of(p.url).encode()).hexdigest(), 16) % folds
               for path, p in pages.items()}
    check = realcopy.engine_checker()
    scores = {**({"frames only": []} if baseline else {}), "with the model out of fold": []}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            held = [pages[path] for path in sorted(pages) if fold_of[path] == k]
            model_file = Path(tmp) / f"fold{k}.json"
            fold_model = claim_model.fit([r for r in rows if fold_of.get(r["page"]) != k], **options)
            model_file.write_text(claim_model.dumps(fold_model))
            for label, path in (("frames only", Path(tmp) / "absent.json"), ("with the model out of fold", model_file)):
                if label not in scores:
                    continue
                with model_in_use(path):
                    scores[label].append(realcopy.score(held, check))
    for label, parts in scores.items():
        print(_summary(label, parts))
    return 0


def round_pages(number: int) -> list[str]:
    """The pages a round's list names (bench/data/realcopy_round<N>.txt), as the examples name them."""
    listed = ROOT / "bench" / "data" / f"realcopy_round{number}.txt"
    if not listed.exists():
        raise SystemExit(f"{listed.relative_to(ROOT)}: no such round")
    return [line.strip() for line in listed.read_text().splitlines() if line.strip()]


def released_pairs(first: int, last: int) -> list[tuple[int, int]]:
    """The round pairs first..last, each (a, a + 1); refused if a page of them is held aside (its errors are unread)."""
    pairs = [(a, a + 1) for a in range(first, last, 2)]
    aside = realcopy.held_aside()
    for r in (r for pair in pairs for r in pair):
        if aside & set(round_pages(r)):
            raise SystemExit(f"round {r} is held aside: score it with bench/realcopy.py evaluate --part held-aside")
    return pairs


def score_pairs(examples: Path, first: int, last: int, **options) -> int:
    """Each released pair of rounds scored by a model trained on the tuning pages without it: how a change to the
    model's options reads on pages it never saw (the frames have been tuned on them since their release)."""
    from indexer.copycheck import claim_model
    rows = load_examples(examples)
    check = realcopy.engine_checker()
    parts = []
    with tempfile.TemporaryDirectory() as tmp:
        for a, b in released_pairs(first, last):
            listed = round_pages(a) + round_pages(b)
            left_out = set(listed)
            model_file = Path(tmp) / f"without{a}.json"
            model = claim_model.fit([r for r in rows if r["page"] not in left_out], **options)
            model_file.write_text(claim_model.dumps(model))
            with model_in_use(model_file):
                parts.append(realcopy.score([realcopy.load_page(ROOT / path) for path in listed], check))
            print(_summary(f"rounds {a} and {b}", parts[-1:]), flush=True)
    print(_summary(f"rounds {first} to {last}", parts))
    return 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="train_claim_model.py")
    ap.add_argument("step", choices=["extract", "train", "cv", "pairs"])
    ap.add_argument("--examples", type=Path, default=EXAMPLES)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="a list of pages (one path per line) to leave out of training")
    ap.add_argument("--vector-weight", type=float,
                    help="the word-embedding mean's weight (0: the words alone, as before the twenty-ninth pass)")
    ap.add_argument("--options", type=json.loads, default={},
                    help='other fit options as JSON, e.g. \'{"C": 40}\' (claim_model.DEFAULTS)')
    ap.add_argument("--no-baseline", action="store_true", help="cv: leave out the frames alone (the same for any --options)")
    ap.add_argument("--rounds", default="41-52", help="pairs: the released rounds FIRST-LAST, scored two at a time")
    args = ap.parse_args(argv)
    if args.step == "extract":
        return extract(args.out or args.examples)
    options = {**args.options, **({} if args.vector_weight is None else {"vector_weight": args.vector_weight})}
    if args.step == "cv":
        return cross_validate(args.examples, baseline=not args.no_baseline, **options)
    if args.step == "pairs":
        first, _, last = args.rounds.partition("-")
        return score_pairs(args.examples, int(first), int(last), **options)
    exclude = {line.strip() for f in args.exclude for line in f.read_text().splitlines() if line.strip()}
    from indexer.copycheck import claim_model
    return train(args.examples, args.out or claim_model.MODEL_FILE, exclude, **options)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
