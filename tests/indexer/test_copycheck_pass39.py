"""Pass 39: a meal taken within hours of a dose is the fasting rule, not relief within hours; a clause whose subject is
ECT is not about the page's ketamine; "does not work by ..." names a way of working, not a denial that it works; "not
without risks" asserts the risks; a drug "known as" an NMDA antagonist is classified, not given a reputation; conditions
"beyond depression" are other uses; what glutamate is explains the brain, not the drug; relief that "lasts weeks" is no
wait of weeks; relief "within hours to days" of the first infusion times its start; how treatment resistance is
diagnosed is no claim that anything treats it; an immediate effect said to be on the illness is the hours claim.
Every sentence here is invented, not copied from any page; each test has the neighbouring case beside it. The frames
alone are tested (the claim model has its own tests)."""
from __future__ import annotations

import pytest

from flagged import flags, sentence_ids  # tests/indexer/flagged.py

pytestmark = pytest.mark.frames_only

INFUSIONS = "Ketamine infusions at our clinic\n{}\n"


@pytest.mark.parametrize("line", [
    "If you have eaten within six hours of your appointment, we will have to reschedule your infusion.",
    "Patients who have had liquids within two hours of the session cannot be treated that day.",
])
def test_a_meal_within_hours_of_the_dose_is_the_fasting_rule(real_engine, line):
    found = {(cid, stance) for s, cid, stance in flags(real_engine, INFUSIONS.format(line)) if s == line}
    assert ("pre-dose-fasting", "asserts") in found, found
    assert not any(cid == "onset-within-hours" for cid, _ in found), found


def test_relief_within_hours_of_the_infusion_is_still_the_hours_claim(real_engine):
    line = "Many patients feel lighter within four hours of their first infusion."
    assert "onset-within-hours" in sentence_ids(real_engine, INFUSIONS.format(line), line)


ECT_PAGE = ("Ketamine or ECT?\n"
            "Electroconvulsive therapy is prescribed for severe depression, treatment-resistant depression and catatonia.\n"
            "Although ECT works quickly, many patients fear its effect on memory.\n"
            "In the head-to-head trial, ketamine worked as well as ECT for treatment-resistant depression.\n")


@pytest.mark.parametrize("line, claim", [
    ("Electroconvulsive therapy is prescribed for severe depression, treatment-resistant depression and catatonia.",
     "trd-effective"),
    ("Although ECT works quickly, many patients fear its effect on memory.", "ketamine-rapid-onset"),
])
def test_a_clause_about_ect_is_not_about_the_page_s_ketamine(real_engine, line, claim):
    assert claim not in sentence_ids(real_engine, ECT_PAGE, line)


def test_ketamine_compared_with_ect_keeps_its_claim(real_engine):
    line = "In the head-to-head trial, ketamine worked as well as ECT for treatment-resistant depression."
    assert "trd-effective" in sentence_ids(real_engine, ECT_PAGE, line)


@pytest.mark.parametrize("text, claim", [
    ("Ketamine does not work by raising serotonin levels, and offers relief within a few hours of the first dose.",
     "onset-within-hours"),
    ("Esketamine doesn't act like SSRIs and starts easing depression within hours.", "onset-within-hours"),
    ("Ketamine is not without risks and side effects, including nausea and raised blood pressure.", "ketamine-common-side-effects"),
])
def test_a_way_of_working_or_a_double_negative_is_asserted(real_engine, text, claim):
    assert (text, claim, "asserts") in flags(real_engine, text)


def test_a_plain_denial_still_denies(real_engine):
    text = "Ketamine does not ease depression within hours for most people, the trial found."
    assert (text, "onset-within-hours", "denies") in flags(real_engine, text)


@pytest.mark.parametrize("text, expected", [
    ("Ketamine is known as a noncompetitive NMDA receptor antagonist.", True),
    ("Ketamine is known as a party drug, but at low doses it blocks NMDA receptors.", True),
])
def test_a_drug_known_as_an_nmda_antagonist_is_classified(real_engine, text, expected):
    assert ("nmda-glutamate-mechanism" in sentence_ids(real_engine, text, text)) is expected


def test_conditions_beyond_depression_are_other_uses(real_engine):
    text = "Ketamine has helped patients with several psychiatric conditions beyond depression."
    assert "ketamine-other-indications" in sentence_ids(real_engine, text, text)


def test_depression_alone_is_no_other_use(real_engine):
    text = "Ketamine has helped many patients whose depression lasted for years."
    assert "ketamine-other-indications" not in sentence_ids(real_engine, text, text)


GLUTAMATE = ("How ketamine works\n{}\n")


@pytest.mark.parametrize("line, expected", [
    ("Glutamate is the brain's main excitatory messenger, carrying signals from one neuron to the next.", False),
    ("Most of the brain's signalling runs on GABA and glutamate.", False),
    ("Ketamine blocks NMDA receptors, which sets off a burst of glutamate release.", True),
])
def test_what_glutamate_is_explains_the_brain_not_the_drug(real_engine, line, expected):
    assert ("nmda-glutamate-mechanism" in sentence_ids(real_engine, GLUTAMATE.format(line), line)) is expected


@pytest.mark.parametrize("text, absent, present", [
    ("Unlike daily pills, a short course of ketamine can give relief that lasts for months.",
     "ssri-onset-weeks", "effects-last-long"),
    ("Most patients notice their mood lifting within hours to days of the first ketamine infusion.",
     "single-infusion-short-lived", "onset-within-hours"),
])
def test_a_span_of_relief_is_not_a_wait_nor_an_end(real_engine, text, absent, present):
    found = sentence_ids(real_engine, text, text)
    assert absent not in found and present in found, found


def test_antidepressants_taking_weeks_is_still_the_wait(real_engine):
    text = "Unlike daily pills, which take weeks to start working, ketamine can act within hours."
    assert "ssri-onset-weeks" in sentence_ids(real_engine, text, text)


TRD_PAGE = "Spravato for treatment-resistant depression\n{}\n"


@pytest.mark.parametrize("line", [
    "Treatment-resistant depression is when two or more antidepressants have not brought enough relief.",
    "People whose symptoms don't get better with treatment may have treatment-resistant depression and should ask about "
    "relief options.",
])
def test_how_resistance_is_diagnosed_is_no_claim_that_anything_treats_it(real_engine, line):
    assert "trd-effective" not in sentence_ids(real_engine, TRD_PAGE.format(line), line)


def test_the_drug_said_to_help_the_resistant_still_is(real_engine):
    line = "Spravato helps many adults whose depression has not improved on two antidepressants."
    assert "trd-effective" in sentence_ids(real_engine, TRD_PAGE.format(line), line)


@pytest.mark.parametrize("text, expected", [
    ("Ketamine can have an immediate effect on depressive symptoms such as hopelessness.", True),
    ("Ketamine has an immediate effect on consciousness that wears off within the hour.", False),
])
def test_an_immediate_effect_on_the_illness_is_the_hours_claim(real_engine, text, expected):
    assert ("onset-within-hours" in sentence_ids(real_engine, text, text)) is expected
