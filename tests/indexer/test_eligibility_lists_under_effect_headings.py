"""A lead-in naming whom a treatment is considered for states eligibility, unless the heading or question right above it
says what the treatment does ("Who May Benefit?", "What Can Ketamine Treat?"): then each item is what the treatment may
treat (labelling decisions, review of l15 rule 2). A heading saying its conditions are treated ("Commonly Treated
Conditions") is a use lead-in over its condition menu, where plain depression carries no efficacy (labelling decisions,
use lead-ins and condition menus). Each rule beside its neighbouring case.

Every sentence here is invented, not copied from any page. The frames alone are tested."""
from __future__ import annotations

import pytest

from flagged import ids_on

pytestmark = pytest.mark.frames_only


def _page(above: str, lead_in: str, item: str) -> str:
    return f"Ketamine therapy at our clinic\n\n{above}\n\n{lead_in}\n\n- {item}\n"


@pytest.mark.parametrize("above", ["What Can Ketamine Treat?", "Who May Benefit From Ketamine?",
                                   "Symptoms Ketamine Therapy May Address"])
def test_an_eligibility_list_under_a_heading_naming_the_effect_is_an_indication_list(real_engine, above):
    text = _page(above, "Ketamine therapy may be considered for:", "Obsessive-compulsive disorder")
    assert "ketamine-other-indications" in ids_on(real_engine, text, "Obsessive-compulsive disorder")


def test_the_items_take_the_claim_their_condition_names(real_engine):
    text = _page("Who Can Benefit?", "Ketamine infusions are considered for adults living with:",
                 "Treatment-resistant depression")
    assert "trd-effective" in ids_on(real_engine, text, "Treatment-resistant depression")


@pytest.mark.parametrize("above", ["Who May Be a Candidate?", "Eligibility", "Ketamine therapy"])
def test_under_a_heading_naming_no_effect_it_stays_eligibility(real_engine, above):
    text = _page(above, "Ketamine therapy may be considered for:", "Obsessive-compulsive disorder")
    assert "ketamine-other-indications" not in ids_on(real_engine, text, "Obsessive-compulsive disorder")


def test_only_the_heading_right_above_the_lead_in_counts(real_engine):
    text = ("What Can Ketamine Treat?\n\nOur team reviews every referral before a first visit.\n\n"
            "Ketamine therapy may be considered for:\n\n- Obsessive-compulsive disorder\n")
    assert "ketamine-other-indications" not in ids_on(real_engine, text, "Obsessive-compulsive disorder")


def test_a_lead_in_that_is_no_eligibility_keeps_its_own_words(real_engine):
    text = _page("What Can Ketamine Treat?", "Before a first session, patients are asked about:", "Past medications")
    assert ids_on(real_engine, text, "Past medications") == set()


def _menu(heading: str, item: str) -> str:
    return f"Ketamine therapy at our clinic\n\nOur clinic offers ketamine infusions.\n\n{heading}\n\n- {item}\n- Bipolar depression\n"


@pytest.mark.parametrize("heading", ["Commonly Treated Conditions", "Conditions We Treat", "What We Treat"])
def test_a_heading_saying_its_conditions_are_treated_is_a_use_lead_in(real_engine, heading):
    assert "ketamine-other-indications" in ids_on(real_engine, _menu(heading, "Obsessive-compulsive disorder"),
                                                  "Obsessive-compulsive disorder")
    assert "trd-effective" in ids_on(real_engine, _menu(heading, "Treatment-resistant depression"),
                                     "Treatment-resistant depression")


def test_plain_depression_under_a_use_lead_in_carries_no_efficacy(real_engine):
    assert "ketamine-effective-depression" not in ids_on(
        real_engine, _menu("Commonly Treated Conditions", "Major depressive disorder"), "Major depressive disorder")


@pytest.mark.parametrize("heading", ["Conditions", "Our Locations"])
def test_a_bare_topic_heading_over_conditions_states_nothing(real_engine, heading):
    assert "ketamine-other-indications" not in ids_on(real_engine, _menu(heading, "Obsessive-compulsive disorder"),
                                                      "Obsessive-compulsive disorder")
