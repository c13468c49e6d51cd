"""Two claims as the labelling guide alone reads them (sixty-first pass; docs/labelling-decisions.md, "Guide-only
reading"): blind labellers who had only the guide and the catalog gave them to fewer sentences than the corpus did.

- `ketamine-plus-psychotherapy` needs a benefit beyond either part (more, deeper or longer-lasting than ketamine or
  therapy alone, or one part making the other work better); KAP's own benefit in a practice's words, or an approach
  defined as combining the two "to help", is not it.
- `effects-last-long` is the effect outlasting a course: relief kept up only while dosing continues, or named as an aim,
  is not it.

Every sentence tested here is invented, not copied from any page. The frames alone are tested."""
from __future__ import annotations

import pytest

from flagged import ids_on

pytestmark = pytest.mark.frames_only

MADE = [
    ("Patients who add psychotherapy to their ketamine infusions stay well longer than those who get infusions alone.",
     "ketamine-plus-psychotherapy"),
    ("Unlike traditional talk therapy, KAP can bring lasting relief within weeks.", "ketamine-plus-psychotherapy"),
    ("After a course of six infusions, the relief can last for months.", "effects-last-long"),
]

NOT_MADE = [
    ("Ketamine-assisted psychotherapy can be a catalyst for personal growth.", "ketamine-plus-psychotherapy"),
    ("KAP helps clients process trauma and find new perspectives.", "ketamine-plus-psychotherapy"),
    ("Ketamine-assisted therapy combines ketamine with talk therapy to support healing.", "ketamine-plus-psychotherapy"),
    ("Continued treatment with esketamine reduces the risk of relapse.", "effects-last-long"),
    ("The goal is lasting relief, not just a good week.", "effects-last-long"),
]


@pytest.mark.parametrize("sentence, claim_id", MADE)
def test_the_wording_makes_the_claim(real_engine, sentence, claim_id):
    assert claim_id in ids_on(real_engine, sentence + "\n", sentence)


@pytest.mark.parametrize("sentence, claim_id", NOT_MADE)
def test_the_wording_does_not_make_the_claim(real_engine, sentence, claim_id):
    assert claim_id not in ids_on(real_engine, sentence + "\n", sentence)
