"""Every claim recognises its own phrasings, and no unrelated claim does (the per-claim self-test).

A claim's `phrasings` are how copy states it. Each non-question phrasing, read as a line under a
"Ketamine" heading (the page it would appear on), must be flagged as asserting its claim; another
claim flagged on it must be one the claim lists in `related_claims` (or that lists it), since one
wording can make two related claims. Phrasings meant for search only, or not yet recognised, are
listed in the claim's `phrasing_only` and skipped, so every exception is visible in the record.
"""
from __future__ import annotations

import pytest

from indexer.copycheck.stance import is_question
from kb.loader import load

KB = load()
CLAIM_IDS = sorted(KB.claims)


def related(kb, a: str, b: str) -> bool:
    ca, cb = kb.claims.get(a), kb.claims.get(b)
    return bool(ca and b in ca.related_claims) or bool(cb and a in cb.related_claims)


@pytest.mark.parametrize("claim_id", CLAIM_IDS)
@pytest.mark.frames_only
def test_claim_matches_its_own_phrasings_and_no_unrelated_claim(real_engine, claim_id):
    kb = real_engine.snapshot().kb
    claim = kb.claims[claim_id]
    assert claim.frames, f"{claim_id} has no frames, so the checker cannot recognise it"
    missed, unrelated = [], []
    for text in claim.phrasings:
        if is_question(text) or text in claim.phrasing_only:
            continue
        report = real_engine.check(f"Ketamine\n{text}")
        asserted = {c.id for s in report.sentences for c in s.claims if c.stance == "asserts"}
        if claim_id not in asserted:
            missed.append(text)
        unrelated += [(text, other) for other in sorted(asserted - {claim_id}) if not related(kb, claim_id, other)]
    assert not missed, f"{claim_id}: phrasings the checker does not match (fix the frames or list them in phrasing_only): {missed}"
    assert not unrelated, f"{claim_id}: phrasings that also make unrelated claims: {unrelated}"


def test_phrasing_only_is_the_exception():
    """The opt-out stays small: most phrasings of the catalog are matched."""
    total = sum(1 for c in KB.claims.values() for p in c.phrasings if not is_question(p))
    skipped = sum(len(c.phrasing_only) for c in KB.claims.values())
    assert skipped <= 0.25 * total, f"{skipped} of {total} phrasings are opted out"
