"""Check-worthiness, pass 23: a share of people is marked whatever the learned model says (checkworthy.yaml
`hard_include`), unless an `exclude` group or a hard exclusion rules the sentence out. The sentences are invented; they
run through the real engine and the stored models, and each names no claim, so the check-worthy step decides."""
from __future__ import annotations

import pytest

from checkworthy_cases import only_sentence  # tests/indexer/checkworthy_cases.py
from indexer.copycheck.checkworthy import deferred, hard_included


@pytest.mark.parametrize("text", [
    "Moreover, 71% of patients needed more than one medication.",
    "Approximately 55% never sought care at all.",
    "About 12 percent of people in the survey stopped treatment early.",
])
def test_a_share_of_people_is_check_worthy(real_engine, text):
    assert hard_included(text)
    assert only_sentence(real_engine, text).checkworthy, text


def test_the_model_alone_would_pass_over_such_a_share():
    """Without the rule the stored first model does not mark it (so the test above fails without `hard_include`)."""
    from indexer.copycheck import checkworthy_model
    text = "Approximately 55% never sought care at all."
    p = checkworthy_model.probability(checkworthy_model.load(), text,
                                      {"has_topic": False, "has_figure": True, "is_heading": False, "silent": False,
                                       "block_kind": "paragraph"})
    assert p < checkworthy_model.load()["threshold"]


@pytest.mark.parametrize("text", [
    "Take 20% off your first visit this month.",                          # no people, no care: a discount
    "Our clinic treated 40% more patients this year than last.",           # the clinic's own story (exclude: story)
    "Spravato sales rose 60% among new patients last quarter.",            # business figures (hard_exclude)
    "Call us today: 95% of our appointments are available within a week.", # a call to action
])
def test_shares_that_are_no_health_claim_stay_unmarked(text):
    answer = deferred(text, has_topic=True, has_figure=True, is_question=False, is_heading=False)
    assert not (hard_included(text) and answer is True), text


def test_suicidal_thoughts_as_the_illnesss_consequence_are_not_feelings_described():
    """"Experience" with feelings is a description (feelings_described); experiencing suicidal thoughts because of the
    illness is its consequence, which the guide calls check-worthy. What suicidal people feel stays a description."""
    from checkworthy_cases import exclusions_taking
    assert "feelings_described" not in exclusions_taking(
        "Mothers with depression can experience suicidal thoughts when their sadness becomes overwhelming.")
    assert "feelings_described" in exclusions_taking("People who are suicidal often feel trapped and hopeless.")
