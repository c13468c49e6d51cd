"""A claim whose frames give a figure's range is about that figure. Copy that states a figure of a binding measure
(figure_measures.yaml `binds`: the number of sessions) outside every range the claim's figure slots give
makes another claim, even where a frame's words alone fill it (or the claim model, which the same figure overrules): "a series of 10 infusions over two weeks" is not the course
of about six. A figure named only to compare is the other side's. Durations do not bind: copy gives them for the other
side of a comparison as often as for its own subject.

Every sentence tested here is invented, not copied from any page."""
from __future__ import annotations

import pytest

from flagged import ids_on, with_and_without_model
from indexer.copycheck.figures import binding_measures


@pytest.mark.parametrize("sentence", with_and_without_model([
    "Most clinics give a series of 10 infusions over two weeks.",
    "Patients usually receive 4 sessions over two weeks.",
    "The first course is 12 treatments spread over three weeks.",
]))
def test_a_session_count_outside_the_claims_range_is_another_course(real_engine, sentence):
    assert "six-infusions-course" not in ids_on(real_engine, sentence, sentence)


@pytest.mark.frames_only
@pytest.mark.parametrize("sentence", [
    "Most clinics give a series of six infusions over two weeks.",
    "Most clinics give a series of 6 infusions over two weeks.",
    # the other treatment's count is named to compare
    "Instead of 30 sessions of TMS, a ketamine course is six infusions over two to three weeks.",
    # a count per week is a rate, not the course
    "Over a three-week course, patients receive two treatments per week.",
    "The course runs over three weeks, with two infusions a week.",
])
def test_the_claims_own_count_still_makes_it(real_engine, sentence):
    assert "six-infusions-course" in ids_on(real_engine, sentence, sentence)


@pytest.mark.frames_only
def test_a_duration_given_for_the_other_side_does_not_rule_the_claim_out(real_engine):
    sentence = "While SSRIs can take 4-6 weeks to work, ketamine can lift depression within hours."
    assert "onset-within-hours" in ids_on(real_engine, sentence, sentence)


def test_the_binding_measures_are_counts_not_durations():
    from indexer.copycheck.figures import measure_table
    _, table = measure_table()
    assert binding_measures() and binding_measures() <= set(table)
    assert not any("duration" in table[m][0] for m in binding_measures())
