"""Two matching rules added in session 49, each with its neighbouring case beside it.

A background aside (the `background-aside` concept: "Originally developed as an anesthetic, ketamine ...") holds words
that frames' `unless` lists name ("as an anesthetic"), but it says nothing of the claim, so an `unless` word inside
it does not stop a frame (indexer/copycheck/frames.py, ASIDE_CONCEPT). Approval and a safety record stay outside it.

A term that writes a comma between two words ("=side effects, such as") matches the copy with or without that comma
(indexer/copycheck/concepts.py, compile_term); before, such a term never matched at all.

Every sentence here is invented, not copied from any page. The frames alone are tested (the claim model has its own
tests)."""
from __future__ import annotations

import pytest

from flagged import sentence_ids  # tests/indexer/flagged.py
from indexer.copycheck.concepts import compile_term

pytestmark = pytest.mark.frames_only


def flagged_on(engine, line):
    return sentence_ids(engine, f"Ketamine for depression\n{line}\n", line)


@pytest.mark.parametrize("line", [
    "First developed as an anesthetic, ketamine is now valued for its rapid antidepressant effects.",
    "Once known mainly as an anesthetic, ketamine is now seen as a fast-acting option for depression.",
    "Ketamine has a long history as an anesthetic, but it also acts quickly against depressive symptoms.",
])
def test_an_origin_told_as_background_does_not_stop_the_claim(real_engine, line):
    assert "ketamine-rapid-onset" in flagged_on(real_engine, line)


@pytest.mark.parametrize("line, claim", [
    # the anaesthetic's own speed is no antidepressant onset
    ("Ketamine works quickly as an anesthetic.", "ketamine-rapid-onset"),
    # approval as an anaesthetic is not the spray's approval (labelling guide), background or not
    ("Esketamine was first approved as an anesthetic decades ago.", "esketamine-fda-approved"),
])
def test_the_anaesthetic_itself_still_stops_it(real_engine, line, claim):
    assert claim not in flagged_on(real_engine, line)


def test_a_comma_written_in_a_term_may_stand_in_the_copy_or_not():
    term = compile_term("=side effects, such as", lambda text: [])
    assert term.phrase.search("Ketamine has side effects, such as nausea.")
    assert term.phrase.search("Ketamine has side effects such as nausea.")
    assert not term.phrase.search("Side effects. Such as nausea.")
    plain = compile_term("=side effects such as", lambda text: [])
    assert not plain.phrase.search("Ketamine has side effects, such as nausea.")  # no comma written, none allowed


@pytest.mark.parametrize("line, claim", [
    ("Like any medicine, ketamine can have side effects, such as nausea and dizziness.", "ketamine-common-side-effects"),
    ("Esketamine offers a safe, effective option for adults with depression.", "ketamine-safe-well-tolerated"),
    ("Ketamine can bring quick and lasting relief of depressive symptoms.", "effects-last-long"),
])
def test_wording_added_in_session_49_is_read(real_engine, line, claim):
    assert claim in flagged_on(real_engine, line)


@pytest.mark.parametrize("line, claim", [
    # vital signs listed with "such as" are checks, not side effects
    ("During the session, vital signs such as blood pressure and heart rate are checked.", "ketamine-common-side-effects"),
    # a series' longer relief is the repeated-infusions claim, not durability as such
    ("A series of infusions gives longer lasting relief than a single infusion.", "effects-last-long"),
])
def test_neighbours_of_the_session_49_wording_are_not_flagged(real_engine, line, claim):
    assert claim not in flagged_on(real_engine, line)
