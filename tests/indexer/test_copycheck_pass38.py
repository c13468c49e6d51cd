"""Pass 38: a list the copy flattened into its lead-in's line is read item by item; a short lead-in that says the drug
causes the bare effects under it ("Esketamine may cause:") carries the side-effect claim for them; restrictions on eating
around a dose, stated or denied, are the fasting instruction; the antidepressant a spray is given with ("as adjunct to
oral antidepressant") is not the clause's drug; a monograph's "Avoid in patients with ..." is a contraindication; a
heading naming a kind of use ("FDA-Approved Use") states nothing; relief said to come "immediately" is the hours claim.
Every sentence here is invented, not copied from any page; each test has the neighbouring case beside it. The frames
alone are tested (the claim model has its own tests)."""
from __future__ import annotations

import pytest

from flagged import flags, sentence_ids  # tests/indexer/flagged.py
from indexer.copycheck.blocks import split_blocks
from indexer.copycheck.normalize import normalize

pytestmark = pytest.mark.frames_only

FLATTENED = ("Ketamine at low doses has been found useful in treating several conditions, including: "
             "• Depression that has not responded to two antidepressants • Anxiety disorders • Chronic pain\n")


def test_a_flattened_list_becomes_its_lead_in_and_items():
    blocks = split_blocks(normalize(FLATTENED))
    assert [b.kind for b in blocks] == ["paragraph", "list-item", "list-item", "list-item"]
    assert all(b.lead_in == 0 for b in blocks[1:])
    text = normalize(FLATTENED).text
    assert text[blocks[2].start:blocks[2].end] == "• Anxiety disorders"


@pytest.mark.parametrize("line", [
    "Dr. Jane Roe • May 27, 2025",  # a byline's separator
    "Indication •  Resistant depression (off-label)",  # a table's label and value
    "Some pages use dots • like this • without a lead-in",  # no colon: not a list's lead-in
])
def test_a_dot_between_parts_is_no_flattened_list(line):
    assert len(split_blocks(normalize(line + "\n"))) == 1, line


def test_each_flattened_item_makes_its_own_claim(real_engine):
    found = flags(real_engine, FLATTENED)
    by_sentence: dict[str, set[str]] = {}
    for sentence, cid, _ in found:
        by_sentence.setdefault(sentence, set()).add(cid)
    assert "ketamine-other-indications" in by_sentence.get("Anxiety disorders", set())
    assert "trd-effective" not in by_sentence.get("Anxiety disorders", set())  # the first item's claim stays with it
    assert "trd-effective" not in by_sentence.get("Chronic pain", set())


EFFECTS = "{lead}\n• dizziness\n• nausea and vomiting\n• dissociation\n• raised blood pressure\n"


@pytest.mark.parametrize("lead", ["Esketamine may cause:", "Spravato can cause:"])
def test_a_short_lead_in_saying_the_drug_causes_them_carries_the_claim(real_engine, lead):
    text = EFFECTS.format(lead=lead)
    assert "ketamine-common-side-effects" in sentence_ids(real_engine, text, lead)
    assert "ketamine-common-side-effects" not in sentence_ids(real_engine, text, "dizziness")  # said once, on the lead-in


@pytest.mark.parametrize("lead", ["Zuranolone may cause:", "Side effects:"])
def test_another_drug_or_a_bare_label_does_not_lead_the_list(real_engine, lead):
    assert "ketamine-common-side-effects" not in sentence_ids(real_engine, EFFECTS.format(lead=lead), lead)


@pytest.mark.parametrize("text, stance", [
    ("There are no dietary restrictions for ketamine-assisted therapy.", "denies"),
    ("Our ketamine infusions come with a few food restrictions on the day of treatment.", "asserts"),
    ("You will need to fast for four hours before your ketamine infusion.", "asserts"),
])
def test_restrictions_on_eating_around_a_dose_are_the_fasting_instruction(real_engine, text, stance):
    assert {s for _, cid, s in flags(real_engine, text) if cid == "pre-dose-fasting"} == {stance}, text


@pytest.mark.parametrize("text", [
    "Ketamine works fast for many patients before other treatments have even started to help.",
    "Patients on MAOIs follow dietary restrictions, which matter before any ketamine treatment.",
])
def test_fast_as_speed_or_another_drug_s_diet_is_not_fasting(real_engine, text):
    assert "pre-dose-fasting" not in {cid for _, cid, _ in flags(real_engine, text)}, text


SPRAVATO_INDICATIONS = ("Esketamine (Spravato)\nIndications\n"
                        "Treatment-resistant depression in adults, as adjunct to oral antidepressant (FDA-approved March 2019).\n")


def test_the_drug_it_is_given_with_does_not_take_the_subject(real_engine):
    # the oral antidepressant is what the spray is given with, not the clause's own drug: the page's esketamine is carried
    assert "esketamine-fda-approved" in sentence_ids(
        real_engine, SPRAVATO_INDICATIONS,
        "Treatment-resistant depression in adults, as adjunct to oral antidepressant (FDA-approved March 2019).")


def test_an_antidepressant_approved_on_its_own_stays_its_own(real_engine):
    text = "Esketamine (Spravato)\nSertraline is FDA-approved for postpartum depression in some countries.\n"
    assert "esketamine-fda-approved" not in sentence_ids(
        real_engine, text, "Sertraline is FDA-approved for postpartum depression in some countries.")


@pytest.mark.parametrize("line", [
    "Avoid in patients with uncontrolled hypertension or aneurysmal vascular disease.",
    "Use cautiously in patients with a history of psychosis.",
])
def test_a_monograph_s_imperative_for_a_group_is_a_contraindication(real_engine, line):
    assert "ketamine-contraindications" in sentence_ids(real_engine, f"Esketamine nasal spray\n{line}\n", line)


def test_an_imperative_without_a_condition_ruled_out_is_none(real_engine):
    line = "Avoid in patients who are not able to arrange a ride home."
    assert "ketamine-contraindications" not in sentence_ids(real_engine, f"Esketamine nasal spray\n{line}\n", line)


MONOGRAPH = ("Esketamine (Spravato): what clinicians should know\nEsketamine is a nasal spray given in certified clinics.\n"
             "FDA-Approved Use\nTreatment-resistant depression in adults, with an oral antidepressant.\nOff-Label Use\n"
             "Bipolar depression, in some case reports.\n")


@pytest.mark.parametrize("heading", ["FDA-Approved Use", "Off-Label Use"])
def test_a_heading_naming_a_kind_of_use_states_nothing(real_engine, heading):
    assert sentence_ids(real_engine, MONOGRAPH, heading) == set()


def test_an_approval_for_a_use_stated_in_a_sentence_still_counts(real_engine):
    text = "Spravato is approved by the FDA for this use in adults."
    assert "esketamine-fda-approved" in sentence_ids(real_engine, text, text)


@pytest.mark.parametrize("text", ["Ketamine can immediately relieve depression.",
                                  "For many patients, ketamine infusions immediately lift the heaviest symptoms of depression."])
def test_relief_said_to_act_at_once_is_the_hours_claim(real_engine, text):
    assert "onset-within-hours" in sentence_ids(real_engine, text, text), text


def test_acting_at_once_on_something_else_is_not_relief(real_engine):
    text = "Call our ketamine clinic immediately to reduce your wait for a first appointment."
    assert "onset-within-hours" not in sentence_ids(real_engine, text, text)
