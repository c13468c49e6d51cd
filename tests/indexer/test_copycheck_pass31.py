"""Pass 31 (docs/labelling-decisions.md, "Session 31"): the spray licensed abroad is not the FDA's approval, whichever
regulator or country is named (rule 1); a vital-sign check is monitoring, not a side effect reported (rule 2); onset "in
a day or two" is rapid, not within hours (rule 3); effects that subside completely within hours time their ending (rule
4). Every sentence here is invented, not copied from any page; each test has the neighbouring case beside it. The frames
alone are tested (the claim model has its own tests)."""
from __future__ import annotations

import pytest

from flagged import claim_ids  # tests/indexer/flagged.py

pytestmark = pytest.mark.frames_only


@pytest.mark.parametrize("text", [
    "Esketamine nasal spray was approved in Germany in 2019 for adults with resistant depression.",
    "Spravato has been licensed in India for treatment-resistant depression.",
    "The esketamine spray was approved by the Health Sciences Authority for depression.",
    "Esketamine is accepted for use within NHS Scotland for treatment-resistant depression.",
])
def test_the_spray_licensed_abroad_is_the_outside_us_claim(real_engine, text):
    found = claim_ids(real_engine, text)
    assert "esketamine-approved-outside-us" in found, text
    assert "esketamine-fda-approved" not in found, text


def test_the_fdas_approval_stays_the_fda_claim(real_engine):
    found = claim_ids(real_engine, "The FDA approved the esketamine nasal spray for treatment-resistant depression in 2019.")
    assert "esketamine-fda-approved" in found
    assert "esketamine-approved-outside-us" not in found


@pytest.mark.parametrize("text", [
    "Before each esketamine dose, patients have their blood pressure, heart rate and oxygen levels checked.",
    "Esketamine patients will have their blood pressure and oxygen saturation checked before the dose.",
    "Our nurses measure your blood pressure, pulse and oxygen saturation throughout the ketamine session.",
])
def test_a_vital_sign_check_is_no_side_effect_claim(real_engine, text):
    assert "ketamine-common-side-effects" not in claim_ids(real_engine, text), text


def test_a_rise_in_blood_pressure_stays_a_side_effect(real_engine):
    assert "ketamine-common-side-effects" in claim_ids(
        real_engine, "Ketamine can raise your blood pressure for an hour or so after the infusion.")


@pytest.mark.parametrize("text", [
    "Most of our ketamine patients see results in a day or two.",
    "With esketamine, many people notice their mood lift within one or two days.",
])
def test_a_day_or_two_is_rapid_not_within_hours(real_engine, text):
    found = claim_ids(real_engine, text)
    assert "onset-within-hours" not in found, text
    assert "ketamine-rapid-onset" in found, text


@pytest.mark.parametrize("text", [
    "Many patients feel better within a day of their first ketamine infusion.",
    "Ketamine can lift depression within 2 to 4 hours.",
])
def test_within_a_day_or_hours_stays_within_hours(real_engine, text):
    assert "onset-within-hours" in claim_ids(real_engine, text), text


def test_effects_that_subside_completely_within_hours_are_no_onset(real_engine):
    text = ("Dizziness and dissociation are common after a ketamine dose. These effects peak soon after the dose and "
            "usually subside completely within two hours.")
    assert "onset-within-hours" not in claim_ids(real_engine, text)
