"""Pass 30: a drug level peaking is pharmacokinetics, not relief (docs/labelling-decisions.md, "Session 30", rule 1).
Every sentence here is invented, not copied from any page; each test has the neighbouring case beside it. The frames
alone are tested (the claim model has its own tests)."""
from __future__ import annotations

import pytest

from flagged import claim_ids  # tests/indexer/flagged.py

pytestmark = pytest.mark.frames_only

ONSET = {"iv-acts-immediately", "onset-within-hours", "ketamine-rapid-onset"}


@pytest.mark.parametrize("text", [
    "After an IV dose, plasma concentrations of ketamine peak almost immediately.",
    "Peak blood levels of esketamine are reached within minutes of the spray.",
    "With an infusion, ketamine reaches its peak plasma level within minutes, far faster than by mouth.",
])
def test_a_drug_level_peaking_is_no_onset_claim(real_engine, text):
    assert not claim_ids(real_engine, text) & ONSET, text


@pytest.mark.parametrize("claim,text", [
    ("iv-acts-immediately", "Because the infusion goes straight into the bloodstream, ketamine works immediately."),
    ("onset-within-hours", "Many patients feel relief within hours of their first infusion."),
])
def test_relief_at_once_or_within_hours_stays_the_claim(real_engine, claim, text):
    assert claim in claim_ids(real_engine, text), text
