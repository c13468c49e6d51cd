"""Two rules of session 51 about which drug a sentence names as its own, each with its neighbouring case beside it.

A wait set against the drug's speed names the slow drug only to compare, even when the wait stands several words before
it ("within hours rather than the six or eight weeks usually required for SSRIs"): pipeline.TIME_COMPARED_RE,
read further back than the comparison words just before a drug (COMPARED_RE). The page's drug can then still be carried
into the sentence.

The drug called "this new antidepressant" or "a rapid-acting antidepressant" is the page's drug described by its class,
not a standard antidepressant (pipeline.CATEGORY_OF_RE); "a new antidepressant" a doctor switches to stays another drug.

Every sentence here is invented, not copied from any page. The frames alone are tested (the claim model has its own
tests)."""
from __future__ import annotations

import pytest

from flagged import line_claims as claims_on

pytestmark = pytest.mark.frames_only


@pytest.mark.parametrize("line", [
    "The infusion can lift mood within hours, not weeks like most antidepressants.",
    "Relief often comes within hours rather than the six or eight weeks usually required for SSRIs.",
])
def test_a_wait_set_against_the_drugs_speed_names_the_slow_drug_only_to_compare(real_engine, line):
    assert claims_on(real_engine, line).get("onset-within-hours") == "asserts"


def test_the_slow_drug_as_the_sentences_own_subject_keeps_the_sentence(real_engine):
    line = "Standard antidepressants can take weeks to work, and a few patients feel better within hours of a first dose."
    assert "onset-within-hours" not in claims_on(real_engine, line)


@pytest.mark.parametrize("line", [
    "This new antidepressant can lift mood within hours.",
    "The rapid-acting antidepressant can ease symptoms within hours.",
])
def test_the_drug_described_by_its_class_is_the_pages_drug(real_engine, line):
    assert claims_on(real_engine, line).get("onset-within-hours") == "asserts"


def test_a_new_antidepressant_a_doctor_switches_to_stays_another_drug(real_engine):
    line = "Switching to a new antidepressant can lift mood within hours for a few patients."
    assert "onset-within-hours" not in claims_on(real_engine, line)
