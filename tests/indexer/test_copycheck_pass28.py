"""Pass 28: a list of the conditions a drug treats, the anaesthetic's history told another way, hope in other words, a
course counted whole, KAP's benefit, the other drugs' failure with its verb left out, and the spray kept in a certified
office (docs/labelling-decisions.md, "Session 28", rules 1-7). Every sentence here is invented, not copied
from any page; each test has the neighbouring case beside it. The frames alone are tested (the claim model has its own
tests)."""
from __future__ import annotations

import pytest

from flagged import claim_ids  # tests/indexer/flagged.py

pytestmark = pytest.mark.frames_only


def _items(engine, text: str) -> list[set[str]]:
    return [{c["id"] for c in s["claims"]} for s in engine.check(text).to_dict()["sentences"]]


# rule 1: a long lead-in ending on "the following (...) conditions:" opens its list, so each item is a condition treated
@pytest.mark.parametrize("lead_in", [
    "Beyond mood problems, ketamine has also been used by our doctors to treat the following mental health conditions:",
    "Over the past twenty years clinicians have found ketamine useful for treating the following psychiatric disorders:",
])
def test_the_items_under_a_lead_in_of_the_following_conditions_are_conditions_treated(real_engine, lead_in):
    flags = _items(real_engine, lead_in + "\n- Obsessive-compulsive disorder\n- Chronic pain\n")
    assert all("ketamine-other-indications" in f for f in flags[1:]), flags


def test_a_lead_in_of_the_following_risk_factors_is_still_labelled_once(real_engine):
    flags = _items(real_engine, "Postpartum depression statistics from large cohorts have shown the following risk factors:\n"
                                "- A history of a mood disorder\n- Money worries\n")
    assert not any("ppd-risk-factors" in f for f in flags[1:]), flags


# rule 2: the anaesthetic's pain relief in hospitals, on the battlefield or for injuries is no other condition treated;
# rule 3: hope in other words is not relief; rule 4: a course counted whole, and six of something else than sessions
@pytest.mark.parametrize("claim,text", [
    ("ketamine-other-indications", "Ketamine is a dissociative anaesthetic that has been used for decades in hospitals for pain relief and anaesthesia."),
    ("ketamine-other-indications", "Army doctors have used ketamine on the battlefield for decades to reduce pain in wounded soldiers."),
    ("ketamine-other-indications", "Ketamine has been used in emergency rooms to treat pain from physical trauma and fractures."),
    ("trd-effective", "For people who have found little relief from antidepressants, ketamine therapy offers a beacon of hope."),
    ("ketamine-effective-depression", "KETAMINE INFUSIONS GIVE FRESH HOPE FOR RECOVERY FROM DEPRESSION"),
    ("ketamine-effective-depression", "Ketamine offers a ray of hope for those who have struggled for years to find relief from depression."),
    ("six-infusions-course", "Patients improved after one to six ketamine sessions."),
    ("six-infusions-course", "Before her first ketamine infusion she had already tried six different antidepressants."),
    ("six-infusions-course", "Our ketamine treatment course: twice weekly for 4 weeks."),
])
def test_these_sentences_do_not_make_the_claim(real_engine, claim, text):
    assert claim not in claim_ids(real_engine, text), text


# ...and the neighbouring cases still make it
@pytest.mark.parametrize("claim,text", [
    ("ketamine-other-indications", "Ketamine infusions also treat fibromyalgia and chronic pain."),
    ("trd-effective", "Ketamine relieves treatment-resistant depression when other drugs have failed."),
    ("six-infusions-course", "Most patients receive six ketamine infusions over two weeks."),
])
def test_the_neighbouring_cases_still_make_the_claim(real_engine, claim, text):
    assert claim in claim_ids(real_engine, text), text


# rule 5: ketamine-assisted psychotherapy named whole and said to bring a lasting benefit is the combination's benefit
# (since the sixty-first pass's guide-only reading, only a benefit beyond either part: lasting healing, not insights);
# rule 6: the other drugs' failure with its verb left out ("works when antidepressants don't") is still the failure;
# rule 7: the spray given only in the office, kept at the clinic, or by a clinic certified to give it is the REMS claim
@pytest.mark.parametrize("claim,text", [
    ("ketamine-plus-psychotherapy", "KAP can open the door to lasting healing for people who feel stuck."),
    ("trd-effective", "Ketamine infusions often work when antidepressants don't."),
    ("trd-effective", "Ketamine therapy often helps when traditional treatments haven't."),
    ("esketamine-rems-monitoring", "Spravato is given as a nasal spray for in-office treatment."),
    ("esketamine-rems-monitoring", "Spravato never leaves the facility."),
    ("esketamine-rems-monitoring", "We are one of a few providers in the region certified to offer Spravato."),
])
def test_these_sentences_make_the_claim(real_engine, claim, text):
    assert claim in claim_ids(real_engine, text), text


# ...and their neighbours do not: what KAP is or where it is offered, KAP's own benefit in a practice's words (the
# treatment's efficacy, not a benefit beyond either part: labelling decisions, guide-only reading), other drugs failing
# with no drug said to work, a ketamine clinic's own office visits
@pytest.mark.parametrize("claim,text", [
    ("ketamine-plus-psychotherapy", "Ketamine-assisted psychotherapy is a form of therapy that uses ketamine."),
    ("ketamine-plus-psychotherapy", "Our KAP practice, Harbor Insight Center, opened its doors in 2021."),
    ("ketamine-plus-psychotherapy", "KAP is an innovative approach to healing that our team offers."),
    ("ketamine-plus-psychotherapy", "Ketamine-assisted therapy lets clients reach insights and breakthroughs that had felt out of reach."),
    ("trd-effective", "Ask your doctor what to do when antidepressants don't agree with you."),
    ("esketamine-rems-monitoring", "Ketamine lozenges are taken at home between office visits."),
])
def test_their_neighbours_do_not_make_the_claim(real_engine, claim, text):
    assert claim not in claim_ids(real_engine, text), text
