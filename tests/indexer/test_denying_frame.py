"""Two matching rules added in session 50, each with its neighbouring case beside it.

A frame with `denies: true` states the claim's opposite in words the stance rules cannot read as a denial: "it is not
without risks" (two negations the rules would cancel) denies that ketamine is simply safe (kb/models.py, Frame.denies;
indexer/copycheck/pipeline.py flips the stance of its match).

"or" opening a new predicate ("are not very effective or can take weeks") ends a negation's scope, as "and" opening
one already did (indexer/copycheck/stance_rules.yaml, terminators): the weeks are stated, not denied. A wait told with a
negation ("may not start to work for weeks") states the delay (a pseudo-trigger).

A "when" telling the drug's action ("When ketamine blocks the NMDA receptor, ...") is no condition (stance.DRUG_ACTS),
and the comparison word a clause break leaves behind (", compared to the weeks required for antidepressants") still
marks the drug after it as named only to compare (pipeline.UNLIKE_BREAK_RE).

Every sentence here is invented, not copied from any page. The frames alone are tested (the claim model has its own
tests)."""
from __future__ import annotations

import pytest

from flagged import flags
from indexer.copycheck.stance import find_triggers, stance_of

pytestmark = pytest.mark.frames_only


def stances_on(engine, line, claim):
    return {stance for s, cid, stance in flags(engine, f"Ketamine for depression\n{line}\n") if s == line and cid == claim}


@pytest.mark.parametrize("line", [
    "Ketamine can ease depression quickly, but it is not without risks.",
    "The infusions are not without their downsides, and patients should know them.",
])
def test_risks_said_by_litotes_deny_that_ketamine_is_simply_safe(real_engine, line):
    assert stances_on(real_engine, line, "ketamine-safe-well-tolerated") == {"denies"}


def test_safety_said_beside_the_litotes_keeps_its_own_assertion(real_engine):
    line = "Ketamine treatment is safe but not without some risk."
    assert stances_on(real_engine, line, "ketamine-safe-well-tolerated") == {"asserts"}


def test_a_new_predicate_after_or_ends_a_negation(real_engine):
    line = "Many antidepressants are not very effective or can take weeks to work."
    assert stances_on(real_engine, line, "ssri-onset-weeks") == {"asserts"}


def test_or_joining_words_of_one_predicate_stays_under_the_negation():
    sentence = "Ketamine is not addictive or habit forming."
    start = sentence.index("habit")
    assert stance_of(find_triggers(sentence), [(start, start + len("habit forming"))])[0] == "denies"


@pytest.mark.parametrize("line, claim", [
    ("During a session many people experience an altered state of consciousness.", "ketamine-common-side-effects"),
    ("Older antidepressants take weeks to work, if they work at all.", "ssri-often-fail"),
    ("You take the esketamine spray under supervision at the clinic.", "esketamine-rems-monitoring"),
])
def test_wording_added_in_session_50_is_read(real_engine, line, claim):
    assert stances_on(real_engine, line, claim) == {"asserts"}


def test_a_wait_told_with_a_negation_states_the_delay(real_engine):
    line = "Standard antidepressants may not start to work for weeks."
    assert stances_on(real_engine, line, "ssri-onset-weeks") == {"asserts"}


def test_the_drug_acting_each_time_is_no_condition(real_engine):
    line = "When ketamine blocks the NMDA receptor, it sets off a release of glutamate."
    assert stances_on(real_engine, line, "nmda-glutamate-mechanism") == {"asserts"}
    conditional = "If ketamine blocks the NMDA receptor in young brains, it may set off a release of glutamate."
    assert stances_on(real_engine, conditional, "nmda-glutamate-mechanism") == set()


def test_a_drug_after_a_clause_breaking_comparison_is_named_only_to_compare(real_engine):
    line = ("Some patients notice relief within hours, particularly those with treatment-resistant depression, "
            "compared to the weeks needed for antidepressants.")
    assert stances_on(real_engine, line, "onset-within-hours") == {"asserts"}


def test_the_slow_drugs_may_come_from_the_sentence_before(real_engine):
    text = "Ketamine for depression\nStandard antidepressants raise serotonin. They take weeks to work.\n"
    assert ("They take weeks to work.", "ssri-onset-weeks", "asserts") in flags(real_engine, text)
