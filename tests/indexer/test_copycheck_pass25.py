"""Pass 25: first-contact errors of rounds 17 and 18 read as kinds of sentence (docs/labelling-decisions.md, "Session
25"). Every sentence here is invented, not copied from any page; each test has the neighbouring case beside it."""
from __future__ import annotations

import pytest

from flagged import flags, sentence_ids  # tests/indexer/flagged.py


def test_a_lead_in_whose_own_words_state_a_claim_makes_it(real_engine):
    text = "Esketamine is approved by the FDA for:\n\n- adults with treatment-resistant depression\n- adults with suicidal thoughts"
    assert "esketamine-fda-approved" in sentence_ids(real_engine, text, "Esketamine is approved by the FDA for:")
    text = ("Ketamine for depression.\n\nAlthough ketamine has been proven to be an effective treatment, some worries remain, "
            "including:\n\n- cost\n- access")
    sentence = "Although ketamine has been proven to be an effective treatment, some worries remain, including:"
    assert (sentence, "ketamine-effective-depression", "asserts") in flags(real_engine, text)


def test_a_lead_in_that_is_a_label_or_needs_its_context_states_nothing(real_engine):
    text = "Ketamine infusions for depression.\n\nFast Onset of Action:\n\n- relief within hours for many patients"
    assert not sentence_ids(real_engine, text, "Fast Onset of Action:")
    text = ("Ketamine has helped many people with depression.\n\nThe outcomes were remarkable:\n\n"
            "- most felt better within a day")
    assert not sentence_ids(real_engine, text, "The outcomes were remarkable:")


def test_ketamine_called_a_powerful_anesthetic_is_no_operation(real_engine):
    sentence = "Esketamine, cleared by the FDA, is a low dose of ketamine, a powerful anesthetic, shown to reduce symptoms of depression."
    ids = sentence_ids(real_engine, sentence, sentence)
    assert "csection-ketamine-prevents-ppd" not in ids and "ketamine-effective-depression" in ids, ids
    sentence = "Ketamine given during the caesarean section reduced postpartum depression in the trial."
    assert "csection-ketamine-prevents-ppd" in sentence_ids(real_engine, sentence, sentence)


def test_what_the_drug_can_lead_to_is_a_side_effect_not_what_the_illness_can(real_engine):
    text = "Ketamine infusions can cause dissociation. This may lead to feelings of drowsiness and dizziness."
    assert "ketamine-common-side-effects" in sentence_ids(real_engine, text, "This may lead to feelings of drowsiness and dizziness.")
    text = "Ketamine infusions for new mothers. PPD can lead to fatigue, anxiety and trouble bonding with the baby."
    assert "ketamine-common-side-effects" not in sentence_ids(real_engine, text,
                                                              "PPD can lead to fatigue, anxiety and trouble bonding with the baby.")


@pytest.mark.frames_only
def test_a_comparison_after_a_comma_leaves_the_main_clause_to_the_pages_drug(real_engine):
    text = ("Esketamine nasal spray for depression. Relief is felt almost immediately, compared with the weeks "
            "it can take to feel better on antidepressant tablets.")
    ids = sentence_ids(real_engine, text, "Relief is felt almost immediately, compared with the weeks it can take to feel "
                                          "better on antidepressant tablets.")
    assert "onset-within-hours" in ids, ids
    text = "Esketamine nasal spray for depression. Antidepressant tablets can bring relief within hours for a few people."
    assert "onset-within-hours" not in sentence_ids(real_engine, text,
                                                    "Antidepressant tablets can bring relief within hours for a few people.")


def test_a_licence_limited_to_anaesthesia_is_the_off_label_claim(real_engine):
    for sentence in ("The FDA has endorsed racemic ketamine solely as an anaesthetic.",
                     "Ketamine is only approved by the Food and Drug Administration for anesthesia."):
        ids = sentence_ids(real_engine, sentence, sentence)
        assert {"ketamine-off-label-depression", "ketamine-fda-anesthetic-approval"} <= ids, (sentence, ids)
    sentence = "Ketamine is a scheduled drug only approved for use in hospital settings as an anesthetic."
    assert "ketamine-off-label-depression" not in sentence_ids(real_engine, sentence, sentence)


def test_authorized_is_a_verb_of_the_anaesthetic_licence(real_engine):
    sentence = "US regulators authorized the use of ketamine in the 1970s to anesthetize patients in operating rooms."
    assert "ketamine-fda-anesthetic-approval" in sentence_ids(real_engine, sentence, sentence)


def test_how_a_drug_is_designed_to_be_taken_is_no_aim(real_engine):
    text = "Zuranolone for postpartum depression. In the trial the pill, designed to be taken daily, reduced symptoms."
    assert "zuranolone-efficacy" in sentence_ids(real_engine, text,
                                                 "In the trial the pill, designed to be taken daily, reduced symptoms.")
    text = "Zuranolone for postpartum depression. The new trial is designed to test whether the pill reduces symptoms."
    assert "zuranolone-efficacy" not in sentence_ids(real_engine, text,
                                                     "The new trial is designed to test whether the pill reduces symptoms.")


def test_fewer_symptoms_after_the_drug_is_its_benefit(real_engine):
    text = "Zurzuvae for postpartum depression. In two studies, mothers given zuranolone had fewer symptoms of depression by day 15."
    assert "zuranolone-efficacy" in sentence_ids(real_engine, text,
                                                 "In two studies, mothers given zuranolone had fewer symptoms of depression by day 15.")


def test_one_in_nine_is_not_the_one_in_ten_figure(real_engine):
    sentence = "Health officials say roughly one in nine new mothers has postpartum depression."
    assert "ppd-prevalence-1-in-10" not in sentence_ids(real_engine, sentence, sentence)
    sentence = "Health officials say roughly one in ten new mothers has postpartum depression."
    assert "ppd-prevalence-1-in-10" in sentence_ids(real_engine, sentence, sentence)


def test_intention_to_treat_is_an_analysis_not_a_treatment(real_engine):
    text = ("Ketamine for postpartum depression. "
            "The outcome was measured on the Edinburgh Postnatal Depression Scale in an intention-to-treat analysis.")
    assert "ketamine-treats-ppd" not in sentence_ids(
        real_engine, text, "The outcome was measured on the Edinburgh Postnatal Depression Scale in an intention-to-treat analysis.")


def test_how_long_a_session_lasts_is_no_lasting_effect(real_engine):
    text = "Spravato for depression. Sessions typically last about 30 minutes, and the medication effects are watched by staff."
    assert "effects-last-long" not in sentence_ids(
        real_engine, text, "Sessions typically last about 30 minutes, and the medication effects are watched by staff.")
    text = "Spravato for depression. For many patients the effects of treatment last for months."
    assert "effects-last-long" in sentence_ids(real_engine, text, "For many patients the effects of treatment last for months.")


def test_the_other_treatments_failure_denies_no_efficacy_claim(real_engine):
    text = ("Ketamine infusions for treatment-resistant depression.\n\n"
            "Sadly, many people are still living with little to no relief after years of antidepressants.\n\n"
            "A regulator recommended that esketamine not be used for treatment-resistant depression.")
    for sentence in ("Sadly, many people are still living with little to no relief after years of antidepressants.",
                     "A regulator recommended that esketamine not be used for treatment-resistant depression."):
        assert ("trd-effective", "denies") not in {(c, s) for t, c, s in flags(real_engine, text) if t == sentence}, sentence


def test_a_finding_or_the_drug_said_not_to_work_still_denies_efficacy(real_engine):
    for sentence in ("Esketamine was no better than placebo for treatment-resistant depression in the trial.",
                     "Ketamine is not an effective treatment for treatment-resistant depression."):
        assert (sentence, "trd-effective", "denies") in flags(real_engine, sentence), sentence


def test_help_to_understand_or_a_warning_about_treating_is_no_benefit(real_engine):
    text = ("Ketamine for depression.\n\nReading about ketamine treatment for depression can help you better understand "
            "what to expect at a first visit.\n\nRegulators issued warnings about the risks of treating depression with "
            "compounded ketamine.")
    found = flags(real_engine, text)
    assert not any(cid == "ketamine-effective-depression" for _, cid, _ in found), found
    text = "Ketamine for depression.\n\nKetamine treatment can help you feel better when depression has not lifted."
    assert "ketamine-effective-depression" in {cid for _, cid, _ in flags(real_engine, text)}


def test_an_insurers_approval_and_the_other_drugs_failure_are_no_claims(real_engine):
    sentence = ("Spravato may be approved for coverage by insurance in patients who tried two antidepressants and have not "
                "experienced symptom improvement.")
    ids = sentence_ids(real_engine, sentence, sentence)
    assert not {"esketamine-fda-approved", "trd-effective"} & ids, ids
    sentence = "Spravato brought symptom improvement to patients with treatment-resistant depression in the trials."
    assert "trd-effective" in sentence_ids(real_engine, sentence, sentence)


def test_a_study_that_sought_to_examine_states_an_aim(real_engine):
    sentence = "A recent trial sought to examine the immediate effects of intravenous ketamine on suicidal thoughts."
    assert not sentence_ids(real_engine, sentence, sentence) & {"iv-acts-immediately", "reduces-suicidal-ideation"}


def test_a_trials_opioid_outcome_is_not_its_depression_outcome(real_engine):
    text = ("Esketamine at caesarean section and postpartum depression.\n\n"
            "Opioid consumption after surgery was lower in the esketamine group than in the control group.")
    ids = sentence_ids(real_engine, text, "Opioid consumption after surgery was lower in the esketamine group than in the control group.")
    assert not ids & {"csection-ketamine-prevents-ppd", "postpartum-single-dose-esketamine"}, ids


@pytest.mark.frames_only
def test_the_sprays_own_rules_on_a_spravato_page_need_no_drug_word(real_engine):
    page = ("Your first Spravato (esketamine) session.\n\nSpravato is a nasal spray for treatment-resistant depression. "
            "Spravato is given at a certified center. Spravato is taken with an oral antidepressant.\n\n"
            "Plan your day.\n\nBring a book and a snack for later.\n\nYou will be relaxing in a quiet room for about two hours.")
    assert "esketamine-rems-monitoring" in sentence_ids(real_engine, page,
                                                        "You will be relaxing in a quiet room for about two hours.")
    # on a page about another drug the same words are not the spray's
    page = page.replace("Spravato (esketamine)", "brexanolone").replace("Spravato", "Brexanolone")
    assert "esketamine-rems-monitoring" not in sentence_ids(real_engine, page,
                                                            "You will be relaxing in a quiet room for about two hours.")


def test_effects_reported_as_observed_are_side_effects(real_engine):
    for sentence in ("Ketamine infusions: headache and nausea have been observed after the dose.",
                     "After a ketamine infusion, some patients will have blurred vision for an hour."):
        assert "ketamine-common-side-effects" in sentence_ids(real_engine, sentence, sentence), sentence
    sentence = "Ketamine infusions: improvements in mood have been observed within a day."
    assert "ketamine-common-side-effects" not in sentence_ids(real_engine, sentence, sentence)


def test_the_experience_called_pleasant_is_mild_effects(real_engine):
    text = "Ketamine infusions for depression.\n\nMost clients find the experience relaxing and pleasant."
    assert "side-effects-mild-transient" in sentence_ids(real_engine, text, "Most clients find the experience relaxing and pleasant.")
    text = "Ketamine infusions for depression.\n\nA few clients recall the experience as unpleasant."
    assert "side-effects-mild-transient" not in sentence_ids(real_engine, text, "A few clients recall the experience as unpleasant.")


# the claim model with word embeddings (session 29) adds the approval to "If approved, zuranolone would give new mothers a pill"
@pytest.mark.frames_only
def test_an_approval_still_to_come_is_no_approval(real_engine):
    text = "Zuranolone for postpartum depression.\n\nIf approved, zuranolone would give new mothers a pill to take at home."
    assert "fda-approved-ppd-drugs" not in sentence_ids(real_engine, text,
                                                        "If approved, zuranolone would give new mothers a pill to take at home.")
    text = "Zuranolone for postpartum depression.\n\nThe FDA approved zuranolone for postpartum depression in 2023."
    assert "fda-approved-ppd-drugs" in sentence_ids(real_engine, text, "The FDA approved zuranolone for postpartum depression in 2023.")


def test_not_working_the_same_way_is_no_failure(real_engine):
    text = "Ketamine for depression.\n\nSSRIs don't work the same way as ketamine in the brain."
    assert "ssri-often-fail" not in sentence_ids(real_engine, text, "SSRIs don't work the same way as ketamine in the brain.")
    text = "Ketamine for depression.\n\nFor many people SSRIs don't work."
    assert "ssri-often-fail" in sentence_ids(real_engine, text, "For many people SSRIs don't work.")


def test_when_to_arrive_is_not_the_sessions_length(real_engine):
    text = "Ketamine infusions for depression.\n\nPlease arrive 30-45 minutes before your infusion session."
    assert "infusion-40-60-min" not in sentence_ids(real_engine, text, "Please arrive 30-45 minutes before your infusion session.")
    text = "Ketamine infusions for depression.\n\nEach infusion session lasts 40-45 minutes."
    assert "infusion-40-60-min" in sentence_ids(real_engine, text, "Each infusion session lasts 40-45 minutes.")


def test_within_days_or_sooner_is_the_rapid_onset_claim(real_engine):
    for sentence in ("Antidepressants can take six weeks, but Spravato may work in a matter of days.",
                     "Compared with SSRIs, ketamine infusions often start working sooner."):
        assert "ketamine-rapid-onset" in sentence_ids(real_engine, sentence, sentence), sentence
    sentence = "Side effects of ketamine usually settle within a day or two."
    assert "ketamine-rapid-onset" not in sentence_ids(real_engine, sentence, sentence)
