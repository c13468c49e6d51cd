"""A sentence that names no drug is about the treatment the copy last named: on a page about another treatment (TMS,
ECT, zuranolone), or in a section about one on a ketamine page, "Each session lasts about 20 minutes" is that
treatment's, not ketamine's. A claim whose statement names only the knowledge base's own drugs (a ketamine session's
length, ketamine's side effects) is then not given to it, by the frames or by the claim model. The section reaches back
to its heading or question, and a list item does not take its treatment from the items beside it. A sentence naming only
another treatment as its own ("maintenance ECT every few weeks") does not get such a claim from the frames either; a drug
named only to liken ketamine to it ("similar to LSD") is not the sentence's own.

A frame that carried the suicidal thoughts from the sentence before into a sentence about speed or relief is gone: on
the tuning pages all of its flags were wrong, since copy names the thoughts there as whom the clinic treats.

Every sentence tested here is invented, not copied from any page."""
from __future__ import annotations

import pytest

from flagged import ids_on, with_and_without_model

COMPARISON = """Ketamine or TMS: which fits you?

Ketamine infusions can ease depression within hours.

TMS Therapy

TMS sends magnetic pulses through a coil held against the scalp. Each session lasts about 20 minutes. \
Side effects are usually mild, such as a headache, and fade after the first week.

What to expect from ketamine

Each session lasts about 40 minutes, and side effects are mild and pass within hours.
"""


@pytest.mark.parametrize("sentence, claim", with_and_without_model([
    ("Each session lasts about 20 minutes.", "infusion-40-60-min"),
    ("Side effects are usually mild, such as a headache, and fade after the first week.", "side-effects-mild-transient"),
]))
def test_a_section_about_another_treatment_gives_its_sentences_no_ketamine_claim(real_engine, sentence, claim):
    assert claim not in ids_on(real_engine, COMPARISON, sentence)


@pytest.mark.frames_only
def test_the_next_heading_returns_the_sentences_to_the_page_drug(real_engine):
    found = ids_on(real_engine, COMPARISON, "Each session lasts about 40 minutes, and side effects are mild and pass within hours.")
    assert {"infusion-40-60-min", "side-effects-mild-transient"} <= found


@pytest.mark.frames_only
def test_a_page_about_another_treatment_gives_no_ketamine_claim(real_engine):
    text = ("Electroconvulsive therapy for severe depression\n\n"
            "ECT is given under general anaesthesia by a team of doctors. Side effects are mild and short-lived for most "
            "patients, who go home the same day.\n")
    assert "side-effects-mild-transient" not in ids_on(
        real_engine, text, "Side effects are mild and short-lived for most patients, who go home the same day.")


@pytest.mark.frames_only
def test_a_list_item_does_not_take_its_treatment_from_the_item_before(real_engine):
    item = "Nursing mothers: watch the infant for drowsiness after each dose."
    text = ("Esketamine nasal spray and pregnancy\n\n"
            "What to know before starting esketamine:\n\n"
            "- Talk to your doctor about options such as TMS.\n"
            f"- {item}\n")
    assert "breastfed-infant-monitoring" in ids_on(real_engine, text, item)


@pytest.mark.frames_only
def test_suicidal_thoughts_in_the_sentence_before_are_not_carried_into_a_claim_of_speed(real_engine):
    # the speed itself is still the onset claim
    sentence = "The effects of an infusion can be felt within the hour."
    text = ("Ketamine clinic\n\n"
            f"Many of the people who call us have lived with suicidal thoughts for years. {sentence}\n")
    found = ids_on(real_engine, text, sentence)
    assert "reduces-suicidal-ideation" not in found and "onset-within-hours" in found


@pytest.mark.frames_only
def test_a_question_opens_a_section_of_its_own(real_engine):
    answer = "There is no need to fast before your treatment."
    text = ("Ketamine infusions at our clinic\n\n"
            "Many of our patients come to us after TMS did not help them.\n\n"
            f"What happens at my first visit?\n\n{answer}\n")
    assert "pre-dose-fasting" in ids_on(real_engine, text, answer)


@pytest.mark.frames_only
@pytest.mark.parametrize("sentence, claim", [
    ("Some patients need maintenance ECT every few weeks to stay well.", "maintenance-may-be-needed"),
    ("With TMS, each session lasts about 40 minutes.", "infusion-40-60-min"),
])
def test_a_sentence_naming_only_another_treatment_as_its_own_is_about_that_treatment(real_engine, sentence, claim):
    text = f"Ketamine infusions at our clinic\n\nKetamine can ease depression within hours. {sentence}\n"
    assert claim not in ids_on(real_engine, text, sentence)


@pytest.mark.frames_only
def test_a_sentence_naming_ketamine_beside_another_treatment_keeps_the_claim(real_engine):
    sentence = "Unlike TMS, a ketamine session lasts about 40 minutes."
    text = f"Ketamine infusions at our clinic\n\n{sentence}\n"
    assert "infusion-40-60-min" in ids_on(real_engine, text, sentence)


@pytest.mark.frames_only
@pytest.mark.parametrize("heading, opening, sentence, claims", [
    # another psychedelic named by the drug
    ("Psilocybin therapy", "Psilocybin comes from magic mushrooms.",
     "Each session lasts six to eight hours, and side effects such as nausea are usually mild and short-lived.",
     {"ketamine-common-side-effects", "side-effects-mild-transient", "six-infusions-course"}),
    # what else a ketamine clinic offers
    ("Lidocaine infusions", "Lidocaine is a numbing medicine given by IV.", "Each infusion lasts about an hour.",
     {"infusion-40-60-min"}),
])
def test_a_section_about_a_treatment_the_lexicon_names_is_another_treatments(real_engine, heading, opening, sentence,
                                                                             claims):
    text = f"Our ketamine clinic\n\n{heading}\n\n{opening} {sentence}\n"
    assert not ids_on(real_engine, text, sentence) & claims


@pytest.mark.frames_only
def test_a_drug_likened_to_is_named_only_to_compare(real_engine):
    sentence = "It has been misused as a club drug, with effects said to be similar to those of LSD."
    text = f"Ketamine at our clinic\n\nKetamine is safe in a clinic. {sentence}\n"
    assert "abuse-potential" in ids_on(real_engine, text, sentence)
