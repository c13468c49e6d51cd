"""Residual misses on the tuning pages, round 6 (issue 10): general wordings of the postpartum-illness and PPD-drug
claims that real copy uses and the checker missed (or flagged wrongly). Every sentence here is invented, not copied
from any page; each test fails without the change it names."""
from __future__ import annotations

import pytest

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_an_episode_lasting_weeks_to_months_is_the_course_of_the_illness(real_engine):
    """'can last for weeks to months' is how long postpartum depression lasts (ppd-duration-course)."""
    for sentence in ("Postpartum depression can last for weeks to months.",
                     "Without help, postnatal depression may last weeks or months."):
        assert (sentence, "ppd-duration-course", "asserts") in flags(real_engine, sentence), sentence
    # the delay of the standard pills is their onset, not the illness's course
    assert "ppd-duration-course" not in claim_ids(
        real_engine, "For postpartum depression, antidepressants can take weeks to months to work.")


def test_the_blues_called_not_unusual_or_milder_than_ppd_is_how_common_they_are(real_engine):
    """baby-blues-common: 'not unusual' denies rarity; PPD 'more severe and lasts longer than the baby blues' makes the
    blues the common, milder state (labelling decisions, round 5, 25)."""
    sentence = "It is not unusual to have the baby blues in the days after giving birth."
    assert (sentence, "baby-blues-common", "asserts") in flags(real_engine, sentence)
    sentence = "Postnatal depression is more severe and lasts longer than the baby blues."
    found = flags(real_engine, sentence)
    assert (sentence, "baby-blues-common", "asserts") in found
    assert (sentence, "ppd-duration-course", "asserts") in found
    sentence = "The baby blues are less severe than postpartum depression."
    assert (sentence, "baby-blues-common", "asserts") in flags(real_engine, sentence)
    # severity compared with no blues named or carried is not the blues' claim
    assert "baby-blues-common" not in claim_ids(
        real_engine, "Postpartum psychosis is more severe than postpartum depression.")


def test_what_mothers_are_usually_offered_and_therapy_as_part_of_treatment_is_the_standard(real_engine):
    """ppd-standard-treatment: 'were usually offered antidepressants'; 'treatment may include therapy ... medication'."""
    for sentence in ("Mothers with postpartum depression are typically offered an antidepressant.",
                     "For postnatal depression, treatment can include therapy, peer support and sometimes medication."):
        assert (sentence, "ppd-standard-treatment", "asserts") in flags(real_engine, sentence), sentence
    # a newer drug offered or included is that drug's use, not the standard
    for sentence in ("Ketamine is usually offered to mothers with postpartum depression after antidepressants failed.",
                     "Care for postpartum depression can include therapy, medication and brexanolone."):
        assert "ppd-standard-treatment" not in claim_ids(real_engine, sentence), sentence


def test_the_mother_and_newborn_and_her_own_care_are_who_ppd_harms(real_engine):
    """ppd-harms-mother-baby: the pair named as 'mother and newborn' / 'mother and her infant'; 'care for themselves'."""
    for sentence in ("Postpartum depression can put a mother and newborn at risk.",
                     "Untreated postnatal depression may affect a mother and her infant for years.",
                     "Postpartum depression can make it hard for women to care for themselves."):
        assert (sentence, "ppd-harms-mother-baby", "asserts") in flags(real_engine, sentence), sentence
    # the pair named without any harm
    assert "ppd-harms-mother-baby" not in claim_ids(
        real_engine, "Our postpartum depression program sees mother and newborn together at each visit.")


def test_a_group_more_often_affected_and_the_risk_of_developing_ppd_are_risk_factors(real_engine):
    """ppd-risk-factors: a racial group 'more likely to experience PPD' (labelling decisions, round 5, 25); a history
    of depression and 'your risk of developing postpartum depression'."""
    for sentence in ("Black mothers are more likely to develop postpartum depression than white mothers.",
                     "With a history of depression, ask your doctor about your risk of developing postnatal depression."):
        assert (sentence, "ppd-risk-factors", "asserts") in flags(real_engine, sentence), sentence
    # a group named with no risk word
    assert "ppd-risk-factors" not in claim_ids(
        real_engine, "Postpartum depression support groups welcome women of color.")


# the claim model with word embeddings (session 29) reads "hormonal changes ... are normal, yet PPD is an illness" as the trigger
@pytest.mark.frames_only
def test_hormones_associated_with_ppd_are_the_hormonal_trigger(real_engine):
    """ppd-hormonal-trigger: 'the hormonal side associated with PPD'; not the changes 'associated with pregnancy'."""
    for sentence in ("Standard pills may miss the hormonal side associated with postpartum depression.",
                     "Postnatal depression is associated with the hormone shifts that follow delivery."):
        assert (sentence, "ppd-hormonal-trigger", "asserts") in flags(real_engine, sentence), sentence
    assert "ppd-hormonal-trigger" not in claim_ids(
        real_engine, "Hormonal changes associated with pregnancy are normal, yet postpartum depression is an illness.")


def test_brexanolone_called_a_breakthrough_or_bringing_fast_relief_is_its_efficacy(real_engine):
    """brexanolone-efficacy: 'a breakthrough', 'very promising', 'a big step forward' (labelling decisions, round 5, 27);
    'fast relief' and 'feel better quickly' as its speed. The Breakthrough Therapy designation is no efficacy."""
    for sentence in ("Brexanolone is a real breakthrough for women with postpartum depression.",
                     "Brexanolone is a big step forward in maternal mental health.",
                     "In trials, brexanolone gave fast relief to mothers with postpartum depression.",
                     "With Zulresso, many mothers began to feel better quickly."):
        assert (sentence, "brexanolone-efficacy", "asserts") in flags(real_engine, sentence), sentence
    for sentence in ("Brexanolone received the FDA's Breakthrough Therapy designation.",
                     "The maker withdrew brexanolone, once hailed as a breakthrough, from the market."):
        assert "brexanolone-efficacy" not in claim_ids(real_engine, sentence), sentence


def test_words_whose_stem_reaches_another_meaning_are_matched_as_written(real_engine):
    """'undetectable' (a drug level) is not 'undetected' PPD; 'pull off' (manage) is not 'pulled' from the market."""
    sentence = "In nursing mothers with postpartum depression, infant sertraline levels were undetectable in most cases."
    assert "ppd-underdiagnosed" not in claim_ids(real_engine, sentence)
    sentence = "Postpartum depression often goes undetected."
    assert (sentence, "ppd-underdiagnosed", "asserts") in flags(real_engine, sentence)
    sentence = "A 60-hour brexanolone infusion away from the baby is hard for many mothers to pull off."
    assert "brexanolone-withdrawn" not in claim_ids(real_engine, sentence)
    sentence = "Brexanolone was pulled from the US market."
    assert (sentence, "brexanolone-withdrawn", "asserts") in flags(real_engine, sentence)


def test_effects_on_the_breastfed_infant_are_not_the_mothers_ssri_side_effects(real_engine):
    """ssri-side-effects is the mother's long list; what reaches the breastfed baby through milk is another claim, and
    a drug 'less likely to make people drowsy' than another compares."""
    for sentence in ("Sertraline caused no notable side effects in breastfed infants.",
                     "Some SSRIs can build up in infants and lead to side effects such as fussiness.",
                     "Esketamine is a stronger antidepressant and less likely to make people drowsy."):
        assert "ssri-side-effects" not in claim_ids(real_engine, sentence), sentence
    sentence = "SSRIs can cause weight gain, nausea and sexual side effects."
    assert (sentence, "ssri-side-effects", "asserts") in flags(real_engine, sentence)


def test_a_drug_transfer_rate_in_percent_is_no_prevalence(real_engine):
    """A percentage of the mother's dose reaching the milk is not a share of mothers with PPD."""
    sentence = "Paroxetine, an SSRI often used for PPD, has a transfer rate of 1-9%, yet it is considered safe."
    assert "ppd-prevalence-1-in-10" not in claim_ids(real_engine, sentence)
    sentence = "About 10% of new mothers develop postpartum depression."
    assert (sentence, "ppd-prevalence-1-in-10", "asserts") in flags(real_engine, sentence)


@pytest.mark.frames_only
def test_a_sentence_opening_with_its_continues_the_sentence_before_as_it_is_does(real_engine):
    """Context (indexer/copycheck/context.py): "It's usually caused by ..." takes the illness of the sentence before,
    as "It is usually caused by ..." does; "It's a serious condition" refers to the illness only; an empty "It's
    important/clear ..." carries nothing."""
    for opener in ("It's", "It’s"):
        text = f"Postpartum depression is common after birth. {opener} usually caused by hormonal changes and fatigue."
        assert any(c == "ppd-hormonal-trigger" and st == "asserts" for _, c, st in flags(real_engine, text)), opener
        text = (f"Postnatal depression is a mood disorder. {opener} a condition that can interfere with your ability "
                "to care for yourself and your new baby.")
        assert "ppd-harms-mother-baby" in claim_ids(real_engine, text), opener
    # the illness named as a condition takes only the illness, not the blues the sentence before set it apart from
    text = "Postpartum depression is not simply the baby blues. It's a serious mental health condition that can affect new mothers."
    assert "baby-blues-common" not in claim_ids(real_engine, text)
    # an empty "it" stands for nothing
    text = "Postpartum depression is common after birth. It's clear that hormonal changes deserve more research."
    assert "ppd-hormonal-trigger" not in claim_ids(real_engine, text)


def test_conventional_names_the_standard_only_as_the_standard_for_the_illness(real_engine):
    """ppd-standard-treatment: 'conventional medications' is the antidepressant itself; the same word cannot also be the
    claim's 'standard' wording, so a sentence merely naming conventional drugs states no standard treatment."""
    for sentence in ("For postpartum depression, the conventional medications take weeks.",
                     "Many mothers with postpartum depression do not want to expose their infants to conventional "
                     "treatments such as antidepressants."):
        assert "ppd-standard-treatment" not in claim_ids(real_engine, sentence), sentence
    sentence = "The conventional treatment for postpartum depression is an SSRI."
    assert (sentence, "ppd-standard-treatment", "asserts") in flags(real_engine, sentence)


def test_the_usual_time_given_without_an_onset_verb_is_the_onset_window(real_engine):
    """ppd-onset-timing: '... depression after birth, usually within the first six weeks' gives when it starts; a usual
    time for relief, or the blues fading 'typically within two weeks', does not."""
    sentence = "Many women have postpartum depression, usually within the first six weeks after the birth."
    assert (sentence, "ppd-onset-timing", "asserts") in flags(real_engine, sentence)
    for sentence in ("With treatment, relief from postpartum depression typically comes within a month.",
                     "The baby blues typically fade within two weeks, while postpartum depression can linger for months."):
        assert "ppd-onset-timing" not in claim_ids(real_engine, sentence), sentence


def test_a_family_history_is_a_risk_factor_not_the_family_harmed(real_engine):
    """'families' in ppd-harms-mother-baby shares its stem with 'family history': a risk-factor sentence is not a harm."""
    sentence = "Mothers with a family history of depression are at greater risk of postnatal depression."
    found = claim_ids(real_engine, sentence)
    assert "ppd-harms-mother-baby" not in found and "ppd-risk-factors" in found
    sentence = "Postnatal depression can put a strain on the whole family."
    assert (sentence, "ppd-harms-mother-baby", "asserts") in flags(real_engine, sentence)


def test_the_maker_discontinuing_zulresso_is_its_withdrawal_and_advice_to_stop_an_infusion_is_not(real_engine):
    """brexanolone-withdrawn: the stemmed 'discontinue zulresso' (advice to stop a patient's infusion) also hid 'the
    company discontinued Zulresso'; it is matched as written now."""
    sentence = "The manufacturer discontinued Zulresso at the end of 2024."
    assert (sentence, "brexanolone-withdrawn", "asserts") in flags(real_engine, sentence)
    sentence = "Doctors should consider discontinuing Zulresso if depression gets worse."
    assert "brexanolone-withdrawn" not in claim_ids(real_engine, sentence)


def test_ppd_more_intense_than_the_blues_makes_the_blues_the_milder_common_state(real_engine):
    """baby-blues-common (labelling decisions, round 5, 25), however the comparison is ordered."""
    sentence = "Postnatal depression lasts longer and is more intense than the baby blues."
    assert (sentence, "baby-blues-common", "asserts") in flags(real_engine, sentence)
    assert "baby-blues-common" not in claim_ids(real_engine, "Postpartum psychosis is more intense than postpartum depression.")


def test_side_effects_the_sentence_gives_to_ketamine_are_not_the_antidepressants(real_engine):
    """ssri-side-effects: an antidepressant named beside 'side effects from ketamine' does not own those side effects."""
    sentence = "If you get side effects from ketamine, your psychiatrist may adjust your antidepressant."
    assert "ssri-side-effects" not in claim_ids(real_engine, sentence)
    sentence = "Antidepressants can cause weight gain, while the side effects of ketamine pass within hours."
    assert (sentence, "ssri-side-effects", "asserts") in flags(real_engine, sentence)


def test_a_small_share_that_seeks_help_is_underdiagnosis(real_engine):
    """ppd-underdiagnosed: 'only 15% of affected women seek professional help' says the rest go without; a trial's
    share that responded to a drug is not that."""
    sentence = "Only about 15% of mothers with postnatal depression ever receive professional treatment."
    assert (sentence, "ppd-underdiagnosed", "asserts") in flags(real_engine, sentence)
    sentence = "In the trial, 40% of women with postpartum depression who received esketamine responded."
    assert "ppd-underdiagnosed" not in claim_ids(real_engine, sentence)


def test_ppd_resolving_within_months_is_its_course_even_beside_the_treatments_that_resolve_it(real_engine):
    """ppd-duration-course: 'most cases resolve within a few months with therapy, antidepressants or ketamine' gives
    the illness's course; ketamine's relief lasting months is the drug's, not the illness's."""
    sentence = "Most cases of postnatal depression resolve within a few months with therapy, antidepressants or ketamine."
    assert (sentence, "ppd-duration-course", "asserts") in flags(real_engine, sentence)
    sentence = "For postpartum depression, the relief from ketamine can last a matter of months."
    assert "ppd-duration-course" not in claim_ids(real_engine, sentence)
