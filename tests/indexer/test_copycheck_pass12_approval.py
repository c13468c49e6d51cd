"""Pass 12, helper A12 (esketamine approval and protocol claims). Every sentence here is invented (none is copied from a
page); the positive tests fail without the change, and the negatives show where it must not reach."""
from __future__ import annotations

import pytest

FILLER = ("Depression can make every day feel heavy. Sleep and appetite often change. "
          "Friends may not notice at first.\n\n")
SPRAVATO_PAGE = ("A Different Kind of Care\n\nSpravato is a nasal spray for adults with depression. "
                 "Spravato is used together with an oral antidepressant.\n\n" + FILLER)


def _last(engine, text):
    """The claim ids flagged in the text's last sentence."""
    return {c.id for c in engine.check(text).sentences[-1].claims}


# -- the page about esketamine: its generic words are esketamine for esketamine's own slots -----------------------------
def test_generic_words_on_a_page_about_esketamine_are_esketamine(real_engine):
    for tail in ("The medication is given in a certified office under supervision.",
                 "Each treatment requires monitoring in the clinic afterwards."):
        assert "esketamine-rems-monitoring" in _last(real_engine, SPRAVATO_PAGE + tail), tail
    # a page naming esketamine once and no other treatment is about it
    once = "How to Use It\n\nEsketamine comes as a spray for the nose.\n\n" + FILLER
    assert "esketamine-rems-monitoring" in _last(real_engine, once + "You will need to take this medicine under supervision in a medical office.")


@pytest.mark.frames_only
def test_no_page_drug_where_racemic_ketamine_shares_the_page(real_engine):
    shared = ("A Different Kind of Care\n\nSpravato is a nasal spray. Ketamine infusions are given through a vein. "
              "Ketamine is used off-label. Ketamine clinics are everywhere. Spravato is newer.\n\n" + FILLER)
    assert "esketamine-rems-monitoring" not in _last(real_engine, shared + "The medication is given in a certified office under supervision.")
    # a sentence without a word for a drug says nothing of it
    assert "esketamine-rems-monitoring" not in _last(real_engine, SPRAVATO_PAGE + "Our office is certified and we must keep records.")
    # a sentence naming another treatment is that treatment's
    assert "esketamine-rems-monitoring" not in _last(real_engine, SPRAVATO_PAGE + "Lithium must be monitored with blood tests in the clinic.")


# -- "X, unlike Y, ...": the clause break leaves "unlike" before Y, which is still named only to compare -----------------
def test_a_drug_named_after_a_mid_sentence_unlike_is_only_compared(real_engine):
    assert "esketamine-fda-approved" in _last(real_engine, "Spravato, unlike generic ketamine, is FDA-approved for depression.")
    assert "onset-within-hours" in _last(real_engine, "Ketamine, unlike SSRIs, can relieve depression within hours.")
    # the drug the sentence is about is still the first one: the compared drug lends it nothing
    ids = _last(real_engine, "Zoloft, unlike ketamine, takes weeks to work.")
    assert "onset-within-hours" not in ids and "ketamine-rapid-onset" not in ids


# -- Spravato's REMS told in other words: strict rules, the spray staying at the clinic, who must give it --------------
# frames alone: the claim model's veto (session 32, docs/checker.md) drops the claim in a terse invented sentence here
@pytest.mark.frames_only
def test_the_rems_told_as_rules_place_and_who_gives_it(real_engine):
    for text in ("Spravato is bound by strict safety rules.",
                 "Esketamine is heavily regulated.",
                 "Spravato is a nasal spray. The medicine stays in the office.",
                 "Spravato is a nasal spray. It is not something you take home.",
                 "Esketamine can only be given by a healthcare provider."):
        assert "esketamine-rems-monitoring" in _last(real_engine, text), text


@pytest.mark.frames_only
def test_rules_place_and_giver_words_of_other_drugs_are_not_the_rems(real_engine):
    for text in ("Ketamine clinics have no strict rules.",
                 "Ketamine infusions must be administered by a trained anesthesiologist.",
                 "Lithium levels must be checked by a doctor.",
                 "The clinic follows strict hygiene rules."):
        assert "esketamine-rems-monitoring" not in _last(real_engine, text), text


# -- ketamine's approval limited: to anaesthesia, or to its esketamine form -----------------------------------------------
def test_approval_limited_to_anaesthesia_or_to_esketamine_is_off_label_use(real_engine):
    for text in ("Ketamine, which is approved only as an anesthetic, is now offered in many clinics.",
                 "Generic ketamine is only approved for anesthesia in the US.",
                 "Spravato is the only FDA-approved form of ketamine for depression.",
                 "Spravato is the only approved ketamine treatment for depression."):
        assert "ketamine-off-label-depression" in _last(real_engine, text), text


def test_approval_words_without_the_limit_are_not_off_label_use(real_engine):
    for text in ("Spravato is the only FDA-approved nasal spray for depression.",
                 "Zurzuvae is the only approved pill for postpartum depression.",
                 "Ketamine has been approved as an anesthetic for decades and is also studied for depression."):
        assert "ketamine-off-label-depression" not in _last(real_engine, text), text


# -- the standalone approval referred back to, or told as availability -------------------------------------------------
def test_the_standalone_approval_referred_back_to_or_told_as_availability(real_engine):
    for text in ("The approval rested on a study in which Spravato alone beat placebo.",
                 "This decision followed a trial where esketamine alone lifted mood more than placebo did.",
                 "Spravato is now available as a monotherapy for adults with hard-to-treat depression."):
        assert "esketamine-monotherapy-approved" in _last(real_engine, text), text


def test_availability_or_decisions_without_standalone_use_are_not_the_monotherapy_approval(real_engine):
    for text in ("Spravato is now available as a nasal spray in our clinic.",
                 "The decision to start Spravato is made with your doctor.",
                 "Spravato works better with an oral antidepressant than the antidepressant alone."):
        assert "esketamine-monotherapy-approved" not in _last(real_engine, text), text


# -- "designed to treat": a drug's purpose, not a study's aim ------------------------------------------------------------
def test_a_drug_designed_to_treat_is_its_purpose_not_a_study_aim(real_engine):
    assert "fda-approved-ppd-drugs" in _last(real_engine, "The FDA approved the first pill designed to treat postpartum depression.")
    # a study designed to test something still states no finding
    assert not _last(real_engine, "The new trial is designed to test whether ketamine relieves depression within hours.")


# -- the drip's pace: "delivered slowly over 40-60 minutes" is the session's length, not a course -----------------------
def test_a_drip_delivered_slowly_over_minutes_is_the_session_length(real_engine):
    assert "infusion-40-60-min" in _last(real_engine, "Each ketamine dose is dripped slowly over 45 to 60 minutes.")
    # a course spread over weeks stays a course
    assert "infusion-40-60-min" not in _last(real_engine, "Ketamine is given over 2 to 3 weeks in six sessions.")


# -- a registered sign glued to the brand ("SPRAVATO®") is dropped like "™", so phrases read across it -------------------
def test_a_registered_sign_does_not_split_a_phrase(real_engine):
    from indexer.copycheck.normalize import normalize
    norm = normalize("SPRAVATO® Treatment Center")
    assert norm.text == "SPRAVATO Treatment Center"
    assert norm.to_original(0, len(norm.text)) == (0, len("SPRAVATO® Treatment Center"))
    # a clinic approved to give the spray is no approval of the drug, with or without the sign
    assert "esketamine-fda-approved" not in _last(real_engine, "We are an approved SPRAVATO® Treatment Center in Ohio.")
