"""Pass 32 (docs/labelling-decisions.md, "Session 32"): an opening "when" of the manner of use is no condition, so the
claims inside it are asserted (rule 1); an opening story moment still keeps its words to itself. Every sentence here is invented, not copied from any page; each test has the neighbouring case beside it.
The frames alone are tested (the claim model has its own tests)."""
from __future__ import annotations

import pytest

from flagged import claim_ids  # tests/indexer/flagged.py

pytestmark = pytest.mark.frames_only


@pytest.mark.parametrize("text", [
    "When given as an infusion over 45 minutes, ketamine helps many patients.",
    "When administered slowly over about 40 minutes, the infusion is well tolerated by most people.",
    "When delivered as a ketamine infusion over 45-60 minutes, it can ease symptoms quickly.",
])
def test_an_opening_manner_of_use_is_asserted(real_engine, text):
    assert "infusion-40-60-min" in claim_ids(real_engine, text), text


def test_an_opening_story_moment_keeps_its_words(real_engine):
    text = "When she heard that each ketamine infusion lasts 45 minutes, she booked a session."
    assert "infusion-40-60-min" not in claim_ids(real_engine, text)


def test_the_same_manner_of_use_after_the_clause_is_asserted(real_engine):
    assert "infusion-40-60-min" in claim_ids(real_engine, "Ketamine helps many patients when given as an infusion over 45 minutes.")
