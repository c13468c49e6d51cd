"""The claim curated in session 47 from the uncovered slug of the same name (docs/uncovered-claims.md):
`dissociation-linked-efficacy`, ketamine's dissociative or psychedelic state as part of how it relieves depression.
A sentence that ties the altered state to the benefit is flagged with it, asserted or denied; the altered state as a
side effect, its duration, its monitoring or ketamine's drug class is not. Every sentence here is invented, not copied
from any page; each test has the neighbouring case beside it. The frames alone are tested (the claim model has its own
tests)."""
from __future__ import annotations

import pytest

from flagged import flags  # tests/indexer/flagged.py

pytestmark = pytest.mark.frames_only

CLAIM = "dissociation-linked-efficacy"
PAGE = "Ketamine infusions for depression\n{}\n"


def found(real_engine, line):
    return {(cid, stance) for s, cid, stance in flags(real_engine, PAGE.format(line)) if s == line}


@pytest.mark.parametrize("line", [
    "Patients who feel more dissociated during the infusion tend to have a stronger antidepressant response.",
    "The dreamlike state ketamine produces is part of how the treatment heals.",
    "Many of our clients find the psychedelic experience itself is therapeutic.",
])
def test_the_altered_state_tied_to_the_benefit_is_the_claim(real_engine, line):
    assert (CLAIM, "asserts") in found(real_engine, line)


@pytest.mark.parametrize("line", [
    "The dissociative effects are not necessary for ketamine's antidepressant benefit.",
    "Relief does not depend on the psychedelic effects: they are not required for benefit.",
])
def test_the_altered_state_said_to_be_unneeded_denies_the_claim(real_engine, line):
    assert (CLAIM, "denies") in found(real_engine, line)


@pytest.mark.parametrize("line", [
    # the state as a side effect, how long it lasts, how it is watched, or the drug's class
    "Dissociation usually wears off within an hour of the infusion.",
    "You will be monitored for sedation and dissociation for two hours after each dose.",
    "Ketamine is a dissociative anesthetic that has been used in surgery for decades.",
    # psychedelics as a field, not ketamine's state doing the healing
    "Psychedelic medicines have been used to heal for centuries.",
])
def test_the_state_as_a_side_effect_or_a_class_is_not_the_claim(real_engine, line):
    assert not any(cid == CLAIM for cid, _ in found(real_engine, line))


def test_the_claim_reports_its_verdict_and_is_check_worthy(real_engine):
    line = "Research links stronger dissociation with better outcomes for depression."
    report = real_engine.check(PAGE.format(line))
    (sentence,) = [s for s in report.sentences if s.text == line]
    (claim,) = [c for c in sentence.claims if c.id == CLAIM]
    assert claim.verdict == "unsupported" and claim.certainty == "low"
    assert sentence.checkworthy is True and sentence.uncovered is False
