"""Pass 36 (frames alone on the 1,103 tuning pages: 14 right flags more, one wrong flag fewer): the REMS said as a
professional's presence or the office the spray is self-given in, a list item that names its kind of effect, the
drug said to be open to misuse, and its safety called settled. Every sentence here is invented, not copied from any
page; each test has the neighbouring case beside it. The frames alone are tested (the claim model has its own tests)."""
from __future__ import annotations

import pytest

from flagged import claim_ids  # tests/indexer/flagged.py

pytestmark = pytest.mark.frames_only

SPRAY_PAGE = "Spravato nasal spray\n"


@pytest.mark.parametrize("text", [
    "Each dose of Spravato is taken in the presence of a healthcare provider.",
    "Patients self-administer the esketamine spray in a physician's office.",
])
def test_the_spray_given_where_it_is_watched_is_the_rems(real_engine, text):
    assert "esketamine-rems-monitoring" in claim_ids(real_engine, SPRAY_PAGE + text), text


def test_another_drug_given_with_a_doctor_present_is_not_the_spray_s_rems(real_engine):
    text = SPRAY_PAGE + "In the old trial, ketamine was given in the presence of a doctor."
    assert "esketamine-rems-monitoring" not in claim_ids(real_engine, text)


def test_a_list_item_that_names_its_kind_of_effect_states_it(real_engine):
    page = ("Ketamine therapy\nAcute side effects (they pass within hours):\n"
            "- Side effects can include dizziness, nausea and headache\n- nausea\n- blurred vision\n")
    report = real_engine.check(page)
    by_text = {s.text.strip(): {c.id for c in s.claims} for s in report.sentences}
    assert "ketamine-common-side-effects" in by_text["Side effects can include dizziness, nausea and headache"]
    assert "ketamine-common-side-effects" not in by_text["blurred vision"]  # a bare item: its lead-in says it


@pytest.mark.parametrize("text", [
    "Outside a clinic, it carries a risk for addiction.",
    "Because of its dissociative effects, it is susceptible to misuse and abuse.",
    "It is prone to abuse when taken at home.",
])
def test_the_drug_open_to_misuse_is_its_abuse_potential(real_engine, text):
    assert "abuse-potential" in claim_ids(real_engine, "Ketamine therapy\n" + text), text


def test_a_patient_s_own_history_of_addiction_is_not_the_drug_s(real_engine):
    text = "Ketamine therapy\nTell us about any history of addiction before your first session."
    assert "abuse-potential" not in claim_ids(real_engine, text)


@pytest.mark.parametrize("text", [
    "Ketamine-assisted therapy has a well-established safety profile.",
    "Used as prescribed, the long-term risks of ketamine treatment are low.",
])
def test_its_safety_called_settled_is_safe_and_well_tolerated(real_engine, text):
    assert "ketamine-safe-well-tolerated" in claim_ids(real_engine, "Ketamine therapy\n" + text), text


def test_a_low_risk_of_one_harm_is_that_harm_s_claim(real_engine):
    text = "Ketamine therapy\nUsed as prescribed, the risk of addiction with ketamine is low."
    ids = claim_ids(real_engine, text)
    assert "ketamine-safe-well-tolerated" not in ids and "abuse-potential" in ids


@pytest.mark.parametrize("text", [
    "FDA Approves Ketamine Nasal Spray for Treatment-Resistant Depression",
    "The clinic now offers the first FDA-approved ketamine nasal spray.",
])
def test_an_approved_ketamine_nasal_spray_is_esketamine(real_engine, text):
    assert "esketamine-fda-approved" in claim_ids(real_engine, "Depression news\n" + text), text


@pytest.mark.parametrize("text", [
    "The FDA has not approved a ketamine nasal spray.",
    "Compounded ketamine nasal spray is not FDA-approved.",
])
def test_a_ketamine_nasal_spray_denied_approval_is_the_racemic_drug(real_engine, text):
    assert "esketamine-fda-approved" not in claim_ids(real_engine, "Depression news\n" + text), text
