"""Train the check-worthiness classifier (indexer/copycheck/checkworthy_model.py) on the real-copy
development part only. Two reproducible steps:

    .venv/bin/python bench/train_checkworthy.py extract   # dev pages -> bench/data/checkworthy_dev_examples.jsonl
                                                          # (the pages of bench/data/checkworthy_pages.txt;
                                                          # --pages FILE: another list)
    .venv/bin/python bench/train_checkworthy.py train     # examples -> indexer/copycheck/checkworthy_model.json
    .venv/bin/python bench/train_checkworthy.py cv        # cross-validation grouped by page (--group site: by site;
                                                          # --options '{"l2": 0.01}': other model options)
    .venv/bin/python bench/train_checkworthy.py compare   # rules vs model end to end on dev
                                                          # (--part test --modes off,model: the one final measurement)

Whether to train on more pages is measured on the same folds (pass 12): extract every tuning page to a file of its own,
then score fold models fitted on the pinned pages only against fold models fitted on all:

    .venv/bin/python bench/train_checkworthy.py extract --pages all --out /tmp/all.jsonl
    .venv/bin/python bench/train_checkworthy.py cv --group site --examples /tmp/all.jsonl --train-pages bench/data/checkworthy_pages.txt
    .venv/bin/python bench/train_checkworthy.py cv --group site --examples /tmp/all.jsonl

`extract` runs this tree's checker over tests/data/realcopy/dev/ and keeps, for every sentence the
checker examines, what the check-worthy step sees (the sentence and its flags: names a health topic,
has a figure, is a heading, an evidence-gap trigger), where it stands (its block's kind, its place in the
block, the sentence before it: CONTEXT) and the label (the sentence overlaps a labelled check-worthy
sentence). The corpus grows during a session; `--pages` pins the pages (e.g. the tuning list agreed for
the session), so the examples change only when the list does. It depends on the KB (claims decide which sentences reach the step), so its
output is stored: `train` is then a pure function of that file (fixed order, no randomness), and
tests/indexer/test_checkworthy_model.py checks the stored model is what `train` produces.
The test part (tests/data/realcopy/test/) is never read here.

Retraining from the repo, whole recipe (the model's options and threshold are checkworthy_model.DEFAULTS,
chosen with `cv`; training has no random state, so the same examples give the same file):

    .venv/bin/python bench/train_checkworthy.py extract && .venv/bin/python bench/train_checkworthy.py train

`cv` never scores a page with a model trained on it: pages (or, stricter, whole sites) are dealt to
folds, each fold is scored by a model fitted on the others, and the hard exclusions of
checkworthy.yaml are applied as the pipeline applies them.
"""
from __future__ import annotations

import argparse
import functools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import realcopy  # noqa: E402

from indexer.copycheck import checkworthy_model as cwm  # noqa: E402
from kb.loader import load as load_kb  # noqa: E402
from scratch import scratch_dir  # noqa: E402

EXAMPLES = ROOT / "bench" / "data" / "checkworthy_dev_examples.jsonl"
# The tuning pages the examples come from (repo-relative paths, one a line): pinned, because the corpus's dev
# part grows during a session with pages that are not yet tunable.
PAGES = ROOT / "bench" / "data" / "checkworthy_pages.txt"
# The context recorded beside each sentence (what the pipeline knows around it when it asks the step).
CONTEXT = ("index", "block_kind", "block_pos", "block_len", "answers", "under_lead_in", "prev_same_block",
           "prev_question", "prev_heading", "prev_claims", "prev_rule")


# -- extract ------------------------------------------------------------------------------------
def extract(out: Path = EXAMPLES, pages_file: Path | None = PAGES) -> int:
    """Run the checker over the dev pages, recording the check-worthy step's inputs per sentence.
    `pages_file`: keep only the pages it lists (paths from the repo root, one a line; None: every tuning
    page), so a corpus that grows during a session does not change the examples until the list does."""
    from indexer import engine as engine_mod
    from indexer.copycheck import figures, pipeline
    from indexer.copycheck.checkworthy import by_rules
    from indexer.copycheck.stance import SILENT, find_triggers

    calls: list[dict] = []
    recorded: list[dict] = []
    page_blocks: list = []
    original_checkworthy = pipeline.deferred
    original_flag = pipeline.Checker._flag
    original_split_blocks = pipeline.split_blocks

    def recording_split_blocks(*args, **kwargs):
        page_blocks[:] = original_split_blocks(*args, **kwargs)
        return page_blocks

    def recording_checkworthy(text, **flags):
        calls.append({"text": text, **flags})
        return original_checkworthy(text, **flags)

    def recording_flag(self, i, sentence, tokens, sources, sents, *rest, **options):
        # Instrumentation for training only: the step's inputs as the pipeline computes them. A
        # sentence that flags a claim never reaches the step; its flags are computed the same way.
        # The sentence's result is found by its type: _flag's later arguments change over time.
        calls.clear()
        original_flag(self, i, sentence, tokens, sources, sents, *rest, **options)
        result = next(a for a in (*rest, *options.values()) if isinstance(a, pipeline.SentenceResult))
        if calls:
            row = dict(calls[0])
        else:
            row = {"text": sentence,
                   "has_topic": self._has_topic(tokens[i], sentence, sources, tokens),
                   "has_figure": bool(figures.extract(sentence)), "is_question": sents[i].is_question,
                   "is_heading": sents[i].is_heading,
                   "silent": any(t.category in SILENT for t in find_triggers(sentence))}
        # Where the sentence stands: its block's kind, its place in the block, the sentence before it.
        block = page_blocks[sents[i].block]
        same_block = [j for j, s in enumerate(sents) if s.block == sents[i].block]
        row.update(index=i, block_kind=block.kind, block_pos=same_block.index(i), block_len=len(same_block),
                   answers=block.question is not None, under_lead_in=block.lead_in is not None,
                   prev_same_block=i > 0 and sents[i - 1].block == sents[i].block,
                   prev_question=i > 0 and sents[i - 1].is_question,
                   prev_heading=i > 0 and sents[i - 1].is_heading)
        row.update(start=result.start, end=result.end, claims=sorted(c.id for c in result.claims),
                   rule=by_rules(row["text"], **{k: row[k] for k in (
                       "has_topic", "has_figure", "is_question", "is_heading", "silent")}),
                   concepts=sorted(n for n in self.lexicon.concepts if self._concept_spans(tokens[i], n)))
        recorded.append(row)

    pipeline.deferred = recording_checkworthy
    pipeline.Checker._flag = recording_flag
    pipeline.split_blocks = recording_split_blocks
    wanted = None
    if pages_file is not None:
        wanted = {line.strip() for line in pages_file.read_text(encoding="utf-8").splitlines() if line.strip()}
        tunable = {str(p.path.relative_to(ROOT)) for p in realcopy.tuning_pages()}
        if wanted - tunable:  # a page held aside, in the test part or gone is never trained on
            print(f"{pages_file}: not tuning pages of tests/data/realcopy/dev: {sorted(wanted - tunable)}", file=sys.stderr)
            return 2
    try:
        engine = engine_mod.Engine(ROOT / "kb", scratch_dir("cw-train-index-"))
        rows = []
        for page in realcopy.tuning_pages():
            if wanted is not None and str(page.path.relative_to(ROOT)) not in wanted:
                continue
            recorded.clear()
            report = engine.check(page.text).to_dict()
            sentences = report["sentences"]
            seen = {(r["start"], r["end"]) for r in recorded}
            # Questions and lead-ins never reach the step; the benchmark still counts them as others.
            skipped_others = sum(1 for s in report["sentences"] if (s["start"], s["end"]) not in seen
                                 and not any(realcopy._overlaps(s["start"], s["end"], lab.start, lab.end)
                                             for lab in page.labels))
            site = realcopy.site_of(page.url)
            by_index = {r["index"]: r for r in recorded}
            for r in recorded:
                before = r["index"] - 1
                # what the pipeline knows of the sentence before when it reaches this one
                r["prev_claims"] = before >= 0 and bool(sentences[before]["claims"])
                r["prev_rule"] = before in by_index and bool(by_index[before]["rule"]) and not by_index[before]["claims"]
                hits = [k for k, lab in enumerate(page.labels)
                        if realcopy._overlaps(r["start"], r["end"], lab.start, lab.end)]
                rows.append({
                    "page": page.path.name, "site": site, "text": r["text"],
                    "has_topic": bool(r["has_topic"]), "has_figure": bool(r["has_figure"]),
                    "is_heading": bool(r["is_heading"]), "silent": bool(r["silent"]),
                    "claims": r["claims"], "rule": r["rule"], "concepts": r["concepts"],
                    "labels": hits,
                    "label": any(page.labels[k].checkworthy for k in hits),
                    "uncovered": [k for k in hits if page.labels[k].checkworthy and not page.labels[k].claims],
                    **{k: r[k] for k in CONTEXT},
                })
            # The labelled uncovered sentences of the page, so recall has the benchmark's denominator.
            rows.append({"page": page.path.name, "site": site, "skipped_others": skipped_others, "uncovered_labels":
                         [k for k, lab in enumerate(page.labels) if lab.checkworthy and not lab.claims]})
    finally:
        pipeline.deferred = original_checkworthy
        pipeline.Checker._flag = original_flag
        pipeline.split_blocks = original_split_blocks
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    n = sum(1 for r in rows if "text" in r)
    print(f"{n} sentences from {len({r['page'] for r in rows})} dev pages -> {out}")
    return 0


def load_examples(path: Path = EXAMPLES) -> tuple[list[dict], dict[str, list[int]]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences = [r for r in rows if "text" in r]
    pages = {r["page"]: r for r in rows if "uncovered_labels" in r}
    return sentences, pages


# -- train --------------------------------------------------------------------------------------
def training_rows(examples: list[dict], *, with_claim_sentences: bool = True) -> list[dict]:
    """The sentences the step can be asked about: not questions (never check-worthy by rule). A
    sentence that flags a claim is check-worthy by definition; it teaches what claims look like."""
    rows = [e for e in examples if not e.get("is_question")]
    if not with_claim_sentences:
        rows = [e for e in rows if not e["claims"]]
    return rows


def train(examples_path: Path = EXAMPLES, out: Path = cwm.MODEL_FILE, **options) -> dict:
    examples, _ = load_examples(examples_path)
    model = cwm.fit(training_rows(examples), **options)
    out.write_text(cwm.dumps(model), encoding="utf-8")
    print(f"model: {len(model['weights'])} weights, threshold {model['threshold']} -> {out}")
    return model


# -- cross-validation -----------------------------------------------------------------------------
def folds_by(examples: list[dict], k: int, group: str = "page") -> list[set[str]]:
    """Groups (`page` or `site` names) dealt round-robin in sorted order of size then name:
    deterministic, balanced; every example of a group falls in the same fold."""
    sizes: dict[str, int] = {}
    for e in examples:
        sizes[e[group]] = sizes.get(e[group], 0) + 1
    folds: list[set[str]] = [set() for _ in range(k)]
    for n, name in enumerate(sorted(sizes, key=lambda s: (-sizes[s], s))):
        folds[n % k].add(name)
    return folds


@functools.lru_cache(maxsize=1)
def added_claim_ids() -> frozenset[str]:
    """Claims the KB added beyond the catalog: the report marks their sentences check-worthy (report.SentenceResult)."""
    return frozenset(c.id for c in load_kb(ROOT / "kb").claims.values() if not c.catalog)


def benchmark_scores(examples: list[dict], pages: dict[str, dict], marked) -> dict:
    """Uncovered recall and others marked, as bench/realcopy.py defines them, for `marked(e)`. A sentence the checker
    flagged is marked when a claim it flagged is one the KB added (the report says checkworthy there too)."""
    hit: set[tuple[str, int]] = set()
    others = others_marked = 0
    added = added_claim_ids()
    for e in examples:
        is_marked = marked(e)
        if not e["labels"]:
            others += 1
            others_marked += (bool(is_marked) and not e["claims"]) or any(c in added for c in e["claims"])
        if is_marked or e["claims"]:
            hit |= {(e["page"], k) for k in e["uncovered"]}
    seen = {e["page"] for e in examples}
    total = sum(len(pages[p]["uncovered_labels"]) for p in seen)
    others += sum(pages[p]["skipped_others"] for p in seen)
    return {"uncovered_recall": round(len(hit) / total, 3) if total else None, "uncovered": total,
            "others_marked": round(others_marked / others, 3) if others else None, "others": others}


def cross_validate(k: int = 5, thresholds=None, group: str = "page", examples_path: Path = EXAMPLES,
                   train_pages: set[str] | None = None, **options) -> dict:
    """Out-of-fold scores: each fold's pages (or sites) scored by a model fitted on the other folds.
    Hard exclusions and questions decide as in the pipeline (checkworthy.checkworthy). `train_pages` (page file
    names): fit the fold models on those pages only, e.g. to score a model trained on fewer pages on the same folds."""
    from indexer.copycheck.checkworthy import hard_excluded
    if thresholds is None:
        thresholds = [round(0.40 + 0.01 * i, 2) for i in range(31)]
    examples, pages = load_examples(examples_path)
    excluded = [bool(e.get("is_question")) or hard_excluded(e["text"]) for e in examples]
    predictions: dict[int, float] = {}
    for names in folds_by(examples, k, group):
        model = cwm.fit(training_rows([e for e in examples if e[group] not in names
                                       and (train_pages is None or e["page"] in train_pages)]), **options)
        for n, e in enumerate(examples):
            if e[group] in names and not e["claims"] and not excluded[n]:
                predictions[n] = cwm.probability(model, e["text"], cwm.flags_of(e))
    index = {id(e): n for n, e in enumerate(examples)}

    def by_model(t):
        return lambda e: predictions.get(index[id(e)], -1.0) >= t

    threshold = options.get("threshold", cwm.DEFAULTS["threshold"])
    out: dict = {"group": group, "folds": k, "threshold_in_use": threshold,
                 "rules": benchmark_scores(examples, pages, lambda e: bool(e["rule"]) and not e["claims"]
                                           and not excluded[index[id(e)]]),
                 "model": {t: benchmark_scores(examples, pages, by_model(t)) for t in thresholds}}
    out["model_at_threshold_in_use"] = benchmark_scores(examples, pages, by_model(threshold))
    return out


# -- the second stage (checkworthy_encoder.py) -------------------------------------------------------
ENCODER_EXAMPLES = ROOT / "bench" / "data" / "checkworthy_encoder_examples.jsonl"  # every tuning page (extract --pages all)


def _vectors(rows: list[dict]):
    from indexer.copycheck.sentence_encoder import shared
    return shared().encode([r["text"] for r in rows])


def train_encoder(examples_path: Path = ENCODER_EXAMPLES, out: Path | None = None, **options) -> dict:
    from indexer.copycheck import checkworthy_encoder as cwe
    examples, _ = load_examples(examples_path)
    rows = training_rows(examples)
    stage = cwe.fit(rows, _vectors(rows), cwm.load(), **options)
    out = out or cwe.STAGE_FILE
    out.write_text(cwe.dumps(stage), encoding="utf-8")
    print(f"second stage: {len(stage['weights'])} feature weights + {len(stage['vector_weights'])} vector weights, "
          f"band {stage['band']}, threshold {stage['threshold']} -> {out}")
    return stage


def cross_validate_encoder(k: int = 5, group: str = "site", examples_path: Path = ENCODER_EXAMPLES,
                           thresholds=None, **options) -> dict:
    """Out-of-fold scores of the two stages together: the stored first model gates (it was trained on a subset of
    these pages, so its own scores are not out of fold; it only chooses which sentences the stage sees), the second
    stage is refitted per fold. Beside it, the first model alone at every threshold, on the same sentences."""
    from indexer.copycheck import checkworthy_encoder as cwe
    from indexer.copycheck.checkworthy import hard_excluded
    import numpy as np
    if thresholds is None:
        # up to 0.80: the rule (the lowest threshold marking at most 6.8% of others) has reached 0.70, the old top
        thresholds = [round(0.40 + 0.01 * i, 2) for i in range(41)]
    o = {**cwe.DEFAULTS, **options}
    examples, pages = load_examples(examples_path)
    first = cwm.load()
    asked = [n for n, e in enumerate(examples) if not e["claims"] and not e.get("is_question") and not hard_excluded(e["text"])]
    p_first = {n: cwm.probability(first, examples[n]["text"], cwm.flags_of(examples[n])) for n in asked}
    vectors = _vectors(examples)
    p_stage: dict[int, float] = {}
    for names in folds_by(examples, k, group):
        train_idx = [n for n, e in enumerate(examples) if e[group] not in names and not e.get("is_question")]
        stage = cwe.fit([examples[n] for n in train_idx], vectors[train_idx], first, **o)
        for n in asked:
            if examples[n][group] in names and cwe.in_band(stage, p_first[n]):
                p_stage[n] = cwe.probability(stage, first, examples[n]["text"], cwm.flags_of(examples[n]), vectors[n])
    index = {id(e): n for n, e in enumerate(examples)}

    def first_only(t):
        return lambda e: p_first.get(index[id(e)], -1.0) >= t

    def both(t):
        def marked(e):
            n = index[id(e)]
            if n in p_stage:
                return p_stage[n] >= t
            return p_first.get(n, -1.0) >= first["threshold"]
        return marked
    return {"group": group, "folds": k, "band": o["band"], "stage_sentences": len(p_stage), "asked": len(asked),
            "first_model": {t: benchmark_scores(examples, pages, first_only(t)) for t in thresholds},
            "two_stages": {t: benchmark_scores(examples, pages, both(t)) for t in thresholds}}


# -- rules against the model, end to end -------------------------------------------------------------
def compare(part: str, modes: list[str]) -> dict:
    """Score this tree's checker on one corpus part with each `learned` mode, on one engine (so the
    KB and the rest of the checker are the same for every mode). Only the aggregate is printed."""
    import dataclasses

    from indexer.copycheck import checkworthy as cw
    check = realcopy.engine_checker(ROOT)
    pages = realcopy.tuning_pages() if part == "dev" else realcopy.load_corpus((part,))
    configured = cw.rules
    out = {}
    try:
        for mode in modes:
            chosen = dataclasses.replace(configured(), learned=mode)
            cw.rules = lambda chosen=chosen: chosen
            s = realcopy.score(pages, check)
            s.pop("errors")
            out[mode] = {k: s[k] for k in ("uncovered_recall", "uncovered_sentences", "others_marked",
                                           "other_sentences")}
    finally:
        cw.rules = configured
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="train_checkworthy.py")
    ap.add_argument("step", choices=["extract", "train", "cv", "compare", "train-encoder", "cv-encoder"])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--group", choices=["page", "site"], default="page",
                    help="cv: what a fold holds whole (a page is never scored by a model trained on it)")
    ap.add_argument("--part", choices=["dev", "test"], default="dev",
                    help="compare: the test part is for the one final measurement only")
    ap.add_argument("--modes", default="off,model,either,both")
    ap.add_argument("--pages", type=Path, default=PAGES,
                    help="extract: only the pages this file lists (repo-relative paths, one a line; 'all': every tuning page)")
    ap.add_argument("--out", type=Path, default=EXAMPLES, help="extract: where the examples go")
    ap.add_argument("--examples", type=Path, default=EXAMPLES,
                    help="train, cv: the examples to read (default: the stored ones)")
    ap.add_argument("--train-pages", type=Path, default=None,
                    help="cv: fit the fold models only on the pages this file lists (as --pages)")
    ap.add_argument("--options", type=json.loads, default={},
                    help='cv: model options over checkworthy_model.DEFAULTS, as JSON (e.g. \'{"l2": 0.01}\')')
    args = ap.parse_args(argv)
    if args.step == "extract":
        return extract(args.out, None if str(args.pages) == "all" else args.pages)
    if args.step == "train":
        train(args.examples)
        return 0
    if args.step == "train-encoder":
        train_encoder(ENCODER_EXAMPLES if args.examples == EXAMPLES else args.examples, **args.options)
        return 0
    if args.step == "cv-encoder":
        result = cross_validate_encoder(args.folds, group=args.group,
                                        examples_path=ENCODER_EXAMPLES if args.examples == EXAMPLES else args.examples,
                                        **args.options)
        print(json.dumps(result, indent=1))
        return 0
    if args.step == "compare":
        print(json.dumps(compare(args.part, args.modes.split(",")), indent=1))
        return 0
    train_pages = None
    if args.train_pages is not None:
        train_pages = {Path(line.strip()).name for line in args.train_pages.read_text(encoding="utf-8").splitlines()
                       if line.strip()}
    result = cross_validate(args.folds, group=args.group, examples_path=args.examples, train_pages=train_pages,
                            **args.options)
    print(json.dumps(result, indent=1))
    chosen = result["model_at_threshold_in_use"]
    print(f"grouped by {args.group}, {args.folds} folds, threshold {result['threshold_in_use']}: uncovered recall "
          f"{chosen['uncovered_recall']} of {chosen['uncovered']}, others marked {chosen['others_marked']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
