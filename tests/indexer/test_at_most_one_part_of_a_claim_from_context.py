"""A sentence takes at most one part of a claim from its context (the heading, the sentence before, the subject of the
page): one holding a single part of a three-part claim, the other two taken from there, does not make the claim. On the
tuning pages most such flags were wrong ("Many people experience relief within hours or days." under a heading naming
treatment-resistant depression). More parts come from the context only from one sentence: into a sentence opening "It"
(the labelling guide's paragraph that "only says 'it'" under its heading), or into the answer to a question (the guide's
FAQ answer, which takes its subject from the question). A slot a frame fills from its section on purpose
(`section: true`) does not count.

Every sentence tested here is invented, not copied from any page. The frames alone are tested."""
from __future__ import annotations

import pytest

from flagged import ids_on

pytestmark = pytest.mark.frames_only


def _page(heading: str, sentence: str, before: str = "") -> str:
    return f"Ketamine therapy at our clinic\n\n{heading}\n\n{before + ' ' if before else ''}{sentence}\n"


@pytest.mark.parametrize("sentence", ["Patients often report real relief.", "Many patients find real relief."])
def test_only_the_benefit_in_the_sentence_is_not_the_claim_of_the_heading(real_engine, sentence):
    text = _page("Treatment-resistant depression", sentence)
    assert "trd-effective" not in ids_on(real_engine, text, sentence)


@pytest.mark.parametrize("sentence", ["Ketamine brings relief to many of these patients.",
                                      "Most patients improve after an infusion."])
def test_the_treatment_in_the_sentence_and_the_illness_from_the_heading_still_make_it(real_engine, sentence):
    text = _page("Treatment-resistant depression", sentence)
    assert "trd-effective" in ids_on(real_engine, text, sentence)


def test_help_offered_under_a_heading_naming_suicidal_thoughts_claims_no_relief(real_engine):
    text = _page("Suicidal thoughts", "Help is available around the clock.")
    assert "reduces-suicidal-ideation" not in ids_on(real_engine, text, "Help is available around the clock.")


def test_a_slot_filled_from_the_section_on_purpose_does_not_count(real_engine):
    sentence = "This unique mechanism is why it acts so fast."
    text = _page("How ketamine works", sentence, before="Ketamine blocks NMDA receptors in the brain.")
    assert "nmda-glutamate-mechanism" in ids_on(real_engine, text, sentence)


def test_a_sentence_saying_only_it_takes_the_claim_of_the_heading_it_stands_under(real_engine):
    text = "Ketamine for treatment-resistant depression\n\nIt works for most patients.\n"
    assert "trd-effective" in ids_on(real_engine, text, "It works for most patients.")


def test_but_not_its_parts_from_two_places(real_engine):
    # the drug from the page's title, the illness from the heading under it
    text = "Ketamine therapy at our clinic\n\nHard-to-treat depression\n\nIt brings real relief.\n"
    assert "trd-effective" not in ids_on(real_engine, text, "It brings real relief.")
    text = "Ketamine for hard-to-treat depression\n\nIt brings real relief.\n"
    assert "trd-effective" in ids_on(real_engine, text, "It brings real relief.")


def test_an_answer_takes_every_part_from_its_question(real_engine):
    text = "Ketamine\n\nCan you do TMS and ketamine at the same time? Combined treatment may boost results.\n"
    assert "tms-ketamine-combined" in ids_on(real_engine, text, "Combined treatment may boost results.")
