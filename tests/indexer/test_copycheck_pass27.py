"""Pass 27: a course of infusions read whole, and a link to read more about a claim (docs/labelling-decisions.md,
"Session 27", rules 2-3). Every sentence here is invented, not copied from any page; each test has the neighbouring
case beside it. The frames alone are tested (the claim model has its own tests)."""
from __future__ import annotations

import pytest

from flagged import claim_ids  # tests/indexer/flagged.py

pytestmark = pytest.mark.frames_only


# rule 1: a course reaching outside about six is another protocol; rule 3: ketamine's use as an anaesthetic and painkiller
# is no other condition treated
@pytest.mark.parametrize("claim,text", [
    ("six-infusions-course", "Most people start with three to six ketamine infusions spread over a few weeks."),
    ("six-infusions-course", "Our protocol calls for 3-6 infusions."),
    ("six-infusions-course", "Guidelines suggest anywhere from 4 to 8 infusions to stabilise mood."),
    ("ketamine-other-indications", "Ketamine has been used for decades in hospitals for anesthesia and pain management."),
    ("ketamine-other-indications", "It is an anaesthetic for pain control in emergency rooms."),
    ("ketamine-other-indications", "Vets use it widely in veterinary surgery."),
])
def test_these_sentences_do_not_make_the_claim(real_engine, claim, text):
    assert claim not in claim_ids(real_engine, text), text


@pytest.mark.parametrize("text", [
    "Most people start with six ketamine infusions spread over two to three weeks.",
    "Most people receive 6 to 8 ketamine infusions in the first weeks.",
    "A typical course is six infusions.",
])
def test_a_course_of_about_six_infusions_is_the_claim(real_engine, text):
    assert "six-infusions-course" in claim_ids(real_engine, text), text


def test_a_link_to_read_more_about_a_treatment_states_nothing_about_it(real_engine):
    assert claim_ids(real_engine, "Read more about how ketamine-assisted psychotherapy works.") == set()
    # the claim said outright stays
    assert "ketamine-plus-psychotherapy" in claim_ids(real_engine, "Combining ketamine with talk therapy extends the benefits of your infusions.")


def test_chronic_pain_treated_is_still_another_condition(real_engine):
    assert "ketamine-other-indications" in claim_ids(real_engine, "Ketamine also treats chronic pain, PTSD and anxiety.")
    assert "ketamine-other-indications" in claim_ids(real_engine, "Ketamine is used for anesthesia and chronic pain.")
