"""Claim matching measured on labelled sets of copy written for the purpose.

tests/data/check_labelled.yaml drove the design of the earlier matcher (a development set, not a
measure of generalisation); tests/data/heldout/check_heldout.yaml was written later by someone who
saw neither. Both must not regress: the floors sit a little below the values measured with the
copycheck pipeline (docs/benchmarks.md, "Copy checker"). Real published copy is measured separately
(tests/indexer/test_realcopy_quality.py).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

LABELLED = Path(__file__).resolve().parents[1] / "data" / "check_labelled.yaml"
MIN_PRECISION = 0.91  # measured 0.932 (2026-12-01 afternoon, 0a78d05; 0.903 before the real-copy tuning)
MIN_RECALL = 0.92  # measured 0.942 (0.832 before)


def evaluate(engine, items):
    """Precision and recall of the claims each item's text asserts (denials are not assertions)."""
    tp = fp = fn = 0
    errors = []
    for item in items:
        report = engine.check(item["text"])
        predicted = {c.id for s in report.sentences for c in s.claims if c.stance == "asserts"}
        gold = set(item["claims"])
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        if predicted != gold:
            errors.append((item["text"], sorted(gold), sorted(predicted)))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, errors


@pytest.fixture(scope="module")
def labelled():
    return yaml.safe_load(LABELLED.read_text())["items"]


def test_every_claim_has_labelled_sentences_twice(labelled, real_engine):
    """Each claim is measured on at least two labelled sentences: written ones in check_labelled.yaml
    (the catalog's 37) or real published ones in the real-copy corpus (claims curated from it)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    import realcopy

    counts: dict[str, int] = {}
    for item in labelled:
        for cid in item["claims"]:
            counts[cid] = counts.get(cid, 0) + 1
    claims = set(real_engine.snapshot().kb.claims)
    assert set(counts) <= claims, f"labelled ids not in the KB: {sorted(set(counts) - claims)}"
    for page in realcopy.load_corpus():
        for label in page.labels:
            for cid, _stance in label.claims:
                counts[cid] = counts.get(cid, 0) + 1
    thin = sorted(cid for cid in claims if counts.get(cid, 0) < 2)
    assert not thin, f"claims with fewer than two labelled sentences: {thin}"
    assert sum(1 for i in labelled if not i["claims"]) >= 40


def test_claim_precision_and_recall(labelled, real_engine, report_metric):
    precision, recall, errors = evaluate(real_engine, labelled)
    print(f"\nclaim-level precision {precision:.3f}, recall {recall:.3f} on {len(labelled)} labelled sentences")
    report_metric(f"copy checking: claim-level precision {precision:.3f}, recall {recall:.3f} on {len(labelled)} "
                  f"labelled sentences (minimum {MIN_PRECISION} / {MIN_RECALL})")
    for text, gold, got in errors[:40]:
        print(f"  {text!r}\n    gold {gold} got {got}")
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL


def test_negated_sentences_do_not_assert_claims(labelled, real_engine):
    negated = [i for i in labelled if i.get("note") == "negated" and not i["claims"]]
    wrongly = [i["text"] for i in negated
               if any(c.stance == "asserts" for s in real_engine.check(i["text"]).sentences for c in s.claims)]
    print(f"\n{len(wrongly)} of {len(negated)} negated sentences flagged: {wrongly}")
    assert len(wrongly) <= max(1, len(negated) // 10)


HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout" / "check_heldout.yaml"


@pytest.mark.frames_only
def test_heldout_precision_and_recall(real_engine, report_metric):
    """A second set, written later by someone who saw neither the KB nor the first set.

    Its bar is lower than the development set's: it guards against overfitting the cues to the
    development set (a regression here with the development set still passing is the warning sign).
    """
    items = yaml.safe_load(HELDOUT.read_text())["items"]
    precision, recall, _ = evaluate(real_engine, items)
    report_metric(f"copy checking, held-out set: precision {precision:.3f}, recall {recall:.3f} on {len(items)} sentences")
    assert precision >= 0.90 and recall >= 0.84  # measured 0.932 / 0.860 (2026-12-01 afternoon, 0a78d05; 0.907 / 0.818 before)
