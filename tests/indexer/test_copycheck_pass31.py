"""Pass 31 (docs/labelling-decisions.md, "Session 31"): the spray licensed abroad is not the FDA's approval, whichever
regulator or country is named (rule 1); a vital-sign check is monitoring, not a side effect reported (rule 2); onset "in
a day or two" is rapid, not within hours (rule 3); effects that subside completely within hours time their ending (rule
4); the FDA as a warning's source is no approval (rule 5); antidepressants that "haven't worked" or with which depression
"doesn't improve" for many fail them (rule 6); "dependency" on ketamine is dependence (rule 7). Every sentence here is invented, not copied from any page; each test has the neighbouring case beside it. The frames
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


def test_the_fda_as_the_source_of_a_warning_is_no_approval(real_engine):
    text = ("The FDA approved two new medicines for depression last year, brexanolone and esketamine. Each of them now "
            "carries a black box warning, the strongest warning from the FDA.")
    report = real_engine.check(text).to_dict()
    second = {c["id"] for c in report["sentences"][1]["claims"]}
    assert not second & {"esketamine-fda-approved", "fda-approved-ppd-drugs"}, second
    first = {c["id"] for c in report["sentences"][0]["claims"]}
    assert {"esketamine-fda-approved", "fda-approved-ppd-drugs"} <= first, first


def test_an_approval_beside_its_boxed_warning_stays_the_approval(real_engine):
    assert "esketamine-fda-approved" in claim_ids(real_engine, "Spravato is FDA-approved, though it carries a boxed warning.")


@pytest.mark.parametrize("text", [
    "For many patients, low mood simply doesn't improve with standard antidepressants.",
    "It could help the many patients for whom standard antidepressants haven't worked.",
])
def test_antidepressants_failing_many_in_other_tenses_is_the_claim(real_engine, text):
    assert "ssri-often-fail" in claim_ids(real_engine, text), text


@pytest.mark.parametrize("text", [
    "Taking ketamine without a doctor can lead to dependency issues.",
    "We keep ketamine doses low to limit the chance of dependency.",
])
def test_dependency_on_ketamine_is_abuse_potential(real_engine, text):
    assert "abuse-potential" in claim_ids(real_engine, text), text


def test_another_substances_dependency_is_not_ketamines(real_engine):
    assert "abuse-potential" not in claim_ids(real_engine, "Ketamine may help people recovering from alcohol dependency.")
