"""The copy checker on round 9's reading cases (issue 10, pass 10b): how unseen copy reports a trial's null result and
writes a Spravato schedule as counted treatments. Every sentence here is invented (none is copied from a page); each
test fails without the change it names, and each has a negative example beside it."""
from __future__ import annotations

import pytest

from flagged import claim_ids, flags, unmarked  # tests/indexer/flagged.py


def _stance(engine, text, claim):
    """The stances the claim is flagged with in the text's last sentence."""
    last = engine.check(text).sentences[-1].text.strip()
    return {stance for sentence, cid, stance in flags(engine, text) if cid == claim and sentence == last}


LEAD = "Researchers gave ketamine infusions to older adults in hospital for depression. "
NULL_OUTCOMES = [
    LEAD + "No difference emerged on the primary depression rating scale after three weeks.",
    LEAD + "Depressive symptoms did not differ between groups at the end of the study.",
    "In that trial, ketamine infusions offered no added benefit over placebo.",
]


# the claim model retrained on 1,362 pages (session 47) vetoes the first report's carried claim; the frames alone still
# deny it (test_a_null_outcome_is_denied_by_the_frames_alone)
RETRAINED_1362_VETO = pytest.mark.xfail(strict=True, reason="vetoed by the claim model retrained on 1,362 pages (session 47)")


@pytest.mark.parametrize("text", [pytest.param(NULL_OUTCOMES[0], marks=RETRAINED_1362_VETO), *NULL_OUTCOMES[1:]])
def test_a_trials_null_depression_outcome_denies_the_efficacy_it_tested(real_engine, text):
    """A trial's depression outcome reported as no difference between the groups names no benefit word ("No difference
    emerged on the primary rating scale", "scores did not differ between groups", "offered no added benefit"): the null
    result denies `ketamine-effective-depression` (labelling decisions, round 6 rule 1), the drug carried from the report."""
    assert _stance(real_engine, text, "ketamine-effective-depression") == {"denies"}, text


@pytest.mark.frames_only
@pytest.mark.parametrize("text", unmarked(NULL_OUTCOMES))
def test_a_null_outcome_is_denied_by_the_frames_alone(real_engine, text):
    assert _stance(real_engine, text, "ketamine-effective-depression") == {"denies"}, text


def test_a_null_result_of_harms_or_of_two_active_arms_is_not_the_efficacy_claim(real_engine):
    lead = LEAD
    # a difference in harms, or two active arms alike (ketamine with and without therapy), is not the efficacy claim's
    for text in (lead + "Blood pressure did not differ between groups after three weeks.",
                 lead + "Rates of side effects did not differ from placebo.",
                 lead + "Both treatments brought large symptom improvements, and no difference was found between groups."):
        assert "ketamine-effective-depression" not in claim_ids(real_engine, text), text


@pytest.mark.frames_only
def test_a_spravato_schedule_counted_in_treatments_each_week_is_the_dosing_schedule(real_engine):
    """Spravato's phases written with counted treatments ("2 treatments each week", "1 treatment each week") are the
    twice- and once-weekly schedule of `esketamine-dosing-schedule`."""
    lead = "Your Spravato schedule. "
    for text in (lead + "Induction: 2 treatments each week for the first four weeks, at our office.",
                 lead + "After that, 1 treatment each week in the second month, at our office."):
        assert "esketamine-dosing-schedule" in claim_ids(real_engine, text), text
    # "2 to 3 treatments each week" (an infusion course's range) and "12 treatments" are neither count
    for text in (lead + "Induction: 2 to 3 treatments each week for the first four weeks, at our office.",
                 lead + "After that, 12 treatments each week in the second month, at our office."):
        assert "esketamine-dosing-schedule" not in claim_ids(real_engine, text), text
