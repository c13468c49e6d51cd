"""Rules of session 52, each with its neighbouring case beside it.

- The standard care named by kind ("these drugs", "medication and therapy"), in a sentence naming no other treatment,
  failing some patients is `ssri-often-fail`; ketamine's own limit is not.
- A treatment named by what it is for, for depression the other treatments failed ("for the treatment of depression
  which has not responded to other treatments"), is `trd-effective`; an option or hope offered to those patients is not.
- Negations that deny nothing (stance_rules.yaml, pseudo): a wait denied of the drug and given to the drug it is set
  against ("in hours, not weeks like most antidepressants"), who will respond unforeseen beside a figure that stands, and
  a drug that "does not replace" the one it is taken with; an opening concession keeps its negation to itself after an
  FAQ's answer label too ("A: Although results cannot be guaranteed, ...").
- Later doses spaced to hold the gain are maintenance; side effects that needed no further treatment are not.
- A benefit that outlives the drug in the body lasts; side effects that come back down are transient, a watch that
  lasts two hours is not.

Every sentence here is invented, not copied from any page. The frames alone are tested (the claim model has its own
tests)."""
from __future__ import annotations

import pytest

from flagged import line_claims as claims_on

pytestmark = pytest.mark.frames_only


@pytest.mark.parametrize("line", [
    "Several medications can help with depression, but these drugs do not help everyone.",
    "For some people, medication and therapy are not sufficient to ease their symptoms.",
])
def test_standard_care_named_by_kind_failing_some_patients(real_engine, line):
    assert claims_on(real_engine, line).get("ssri-often-fail") == "asserts"


def test_the_drugs_own_limit_is_not_standard_care_failing(real_engine):
    line = "Ketamine is a medication for depression, but it may not work for everyone."
    assert "ssri-often-fail" not in claims_on(real_engine, line)


def test_a_slower_route_is_not_standard_care_failing(real_engine):
    line = "Some research suggests the spray is not as effective as the infusion."
    assert "ssri-often-fail" not in claims_on(real_engine, line)


def test_a_treatment_for_depression_other_treatments_failed(real_engine):
    line = "Ketamine is now offered for the treatment of depression which has not responded to other treatments."
    assert claims_on(real_engine, line).get("trd-effective") == "asserts"


def test_an_option_offered_those_other_treatments_failed_is_no_treatment_that_works(real_engine):
    line = "Ketamine can be a valuable treatment option for those who have not found relief from other treatments."
    assert "trd-effective" not in claims_on(real_engine, line)


@pytest.mark.parametrize("line", [
    "The infusion can lift mood in just hours, not weeks like most antidepressants.",
    "Ketamine acts in hours, not days or weeks like traditional medications.",
])
def test_a_wait_denied_of_the_drug_is_the_other_drugs_wait(real_engine, line):
    assert claims_on(real_engine, line).get("ssri-onset-weeks") == "asserts"


def test_a_wait_denied_of_every_drug_stays_denied(real_engine):
    line = "Ketamine does not take weeks to work."
    assert claims_on(real_engine, line).get("ssri-onset-weeks") != "asserts"


def test_responses_that_cannot_be_foreseen_leave_the_figure_standing(real_engine):
    line = "We cannot predict who will respond to ketamine, but statistically 2 out of 3 patients show a dramatic improvement."
    assert claims_on(real_engine, line).get("response-rate-70pct") == "asserts"


def test_an_opening_concession_after_an_answer_label_keeps_its_negation_to_itself(real_engine):
    line = "A: Although results cannot be guaranteed, over 70% of patients with treatment-resistant depression improve."
    assert claims_on(real_engine, line).get("response-rate-70pct") == "asserts"


def test_a_drug_that_does_not_replace_the_antidepressant_is_taken_with_it(real_engine):
    line = "Spravato does not replace your oral antidepressant, instead it is used along with your oral antidepressant."
    assert claims_on(real_engine, line, heading="Spravato").get("esketamine-with-oral-antidepressant") == "asserts"


def test_later_doses_spaced_to_hold_the_gain_are_maintenance(real_engine):
    line = "Once patients respond, the interval between infusions is gradually extended to maintain the improvement."
    assert claims_on(real_engine, line).get("maintenance-may-be-needed") == "asserts"


def test_side_effects_that_needed_no_further_treatment_are_no_maintenance(real_engine):
    line = "Most of these side effects lasted less than a day and did not require additional treatments."
    assert "maintenance-may-be-needed" not in claims_on(real_engine, line)


def test_a_benefit_that_outlives_the_drug_lasts(real_engine):
    line = "Many patients continue feeling better even after ketamine has left their system."
    assert claims_on(real_engine, line).get("effects-last-long") == "asserts"


def test_side_effects_that_come_back_down_are_transient(real_engine):
    line = "Blood pressure may go up during the treatment but comes back down as the ketamine wears off."
    assert claims_on(real_engine, line).get("side-effects-mild-transient") == "asserts"


def test_a_two_hour_watch_is_not_a_short_side_effect(real_engine):
    line = "After the infusion, patients are monitored for up to two hours to manage side effects such as dizziness or nausea."
    assert "side-effects-mild-transient" not in claims_on(real_engine, line)
