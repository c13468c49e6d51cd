"""Pass 37: a superlative by exclusion ("no drug works as fast as ketamine") asserts what it compares, and a nasal
spray approved for depression is the esketamine spray even where the page leaves its name to the headline. Every
sentence here is invented, not copied from any page; each test has the neighbouring case beside it. The frames alone
are tested (the claim model has its own tests)."""
from __future__ import annotations

import pytest

from flagged import flags, claim_ids  # tests/indexer/flagged.py

pytestmark = pytest.mark.frames_only


def _stances(engine, text, claim):
    return {stance for _, cid, stance in flags(engine, text) if cid == claim}


@pytest.mark.parametrize("text", [
    "There is no other drug that relieves depression as fast as ketamine does.",
    "No existing antidepressant has such a rapid effect as ketamine.",
    "Nothing works as fast as ketamine for severe depression.",
])
def test_no_drug_as_fast_as_ketamine_asserts_its_speed(real_engine, text):
    assert _stances(real_engine, text, "ketamine-rapid-onset") == {"asserts"}, text


def test_ketamine_itself_denied_speed_is_still_a_denial(real_engine):
    text = "Ketamine does not lift depression any faster than other antidepressants."
    assert _stances(real_engine, text, "ketamine-rapid-onset") <= {"denies"}


@pytest.mark.parametrize("text", [
    "The FDA has approved a nasal spray to treat certain kinds of depression.",
    "Regulators in the US approved a new nasal spray drug for hard-to-treat depression this week.",
])
def test_a_nasal_spray_approved_for_depression_is_esketamine(real_engine, text):
    assert "esketamine-fda-approved" in claim_ids(real_engine, text), text


@pytest.mark.parametrize("text", [
    "The FDA has approved a nasal spray for migraine, and depression often comes with migraine.",
    "The FDA has not approved any compounded nasal spray for depression.",
    "An advisory committee recommended approval of a nasal spray for depression.",
])
def test_another_spray_or_an_approval_not_given_is_not_esketamine_s(real_engine, text):
    assert "esketamine-fda-approved" not in claim_ids(real_engine, text), text


@pytest.mark.parametrize("text", [
    "Our clinic is an approved provider of the esketamine nasal spray for depression.",
    "Approval of the new indication was supported by data showing the nasal spray eased depression.",
])
def test_a_clinic_approved_or_what_an_approval_rests_on_is_not_a_new_approval_claim(real_engine, text):
    assert "esketamine-fda-approved" not in claim_ids(real_engine, text), text


AUSTRALIAN_PAGE = "Spravato in Australia\nThe TGA registered esketamine nasal spray in 2021.\n"


@pytest.mark.parametrize("text", [
    "Spravato is approved for adults with treatment-resistant depression.",
    "It is the first nasal spray approved to treat depression that has not responded to other medicines.",
])
def test_on_a_page_set_in_another_market_the_approval_is_that_market_s(real_engine, text):
    found = {cid for s, cid, _ in flags(real_engine, AUSTRALIAN_PAGE + text) if s == text}
    assert "esketamine-approved-outside-us" in found and "esketamine-fda-approved" not in found, found


@pytest.mark.parametrize("page", [
    # the page names the FDA or the US too: an approval it does not place is read as before
    "Spravato in Australia\nThe TGA registered esketamine nasal spray in 2021, two years after the FDA.\n",
    "Spravato in Europe\nThe European Commission authorised the spray in 2019, months after its U.S. approval.\n",
    # a page naming no other market
    "Spravato at our clinic\nWe offer esketamine nasal spray.\n",
])
def test_a_page_naming_the_us_or_no_other_market_keeps_the_fda_s_approval(real_engine, page):
    text = "Spravato is approved for adults with treatment-resistant depression."
    found = {cid for s, cid, _ in flags(real_engine, page + text) if s == text}
    assert "esketamine-fda-approved" in found and "esketamine-approved-outside-us" not in found, found


def test_a_dotted_abbreviation_is_found_as_written():
    from indexer.copycheck.concepts import compile_term

    term = compile_term("=u.s.", lambda text: text.split())
    assert term.phrase.search("It won U.S. approval in 2019.") and term.phrase.search("the U. S. market")
    assert not term.phrase.search("it helps us") and not term.phrase.search("u, s")


@pytest.mark.parametrize("text", [
    "Recent studies show ketamine therapy has proven beneficial for depression, anxiety, and PTSD.",
    "Ketamine acts on glutamate, leading to clinically-proven reductions in anxiety, depression and PTSD.",
])
def test_efficacy_said_of_depression_and_other_conditions_is_the_other_indications_claim(real_engine, text):
    """(labelling decisions, round 2 rule 3: the general efficacy yields to ketamine-other-indications)"""
    found = {cid for _, cid, _ in flags(real_engine, text)}
    assert "ketamine-other-indications" in found and "ketamine-effective-depression" not in found, found


@pytest.mark.parametrize("text", [
    "Ketamine has proven beneficial for depression, although it may cause anxiety.",  # a side effect (the claim's unless)
    "Ketamine has proven beneficial for depression. Anxiety is common in new mothers.",  # another sentence
])
def test_another_condition_outside_the_reading_or_as_a_side_effect_is_no_other_indication(real_engine, text):
    assert "ketamine-other-indications" not in claim_ids(real_engine, text), text
