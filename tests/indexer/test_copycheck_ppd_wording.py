"""The copy checker on the postpartum, breastfeeding and pregnancy claims, in wordings that real copy uses and
the corpora show rarely: each case stands for a general cause of a missed or false claim in this family, fixed
as claim data (frames, `unless`, `yields_to`) rather than for one sentence (issue 10, tuning round 2). The
sentences are invented, not copied from the corpus pages."""
from __future__ import annotations


def flags(engine, text):
    """(sentence text, claim id, stance) for every flagged claim."""
    return {(s.text.strip(), c.id, c.stance) for s in engine.check(text).sentences for c in s.claims}


def claims_of(engine, text, sentence):
    return {cid for t, cid, _ in flags(engine, text) if t == sentence}


# --- the single dose after childbirth, as news copy words it -------------------------------------------------

def test_news_calls_the_trials_single_esketamine_dose_one_ketamine_injection(real_engine):
    """Headlines name the trial's esketamine 'ketamine' and its one infusion 'one injection' or 'a single shot'."""
    for sentence in ("A single shot of ketamine may lower the risk of postnatal depression, researchers report.",
                     "One ketamine injection after birth could cut postpartum depression, a new study says."):
        assert "postpartum-single-dose-esketamine" in claims_of(real_engine, sentence, sentence), sentence
    # a single dose for depression outside childbirth is not the postpartum trial
    trd = "A single low dose of ketamine reduced depressive symptoms in adults with treatment-resistant depression."
    assert "postpartum-single-dose-esketamine" not in claims_of(real_engine, trd, trd)
    # nor is a single dose at a caesarean, which is the caesarean claim
    caesarean = "A single dose of esketamine during a caesarean lowered the rate of postnatal depression."
    found = claims_of(real_engine, caesarean, caesarean)
    assert "postpartum-single-dose-esketamine" not in found
    assert "csection-ketamine-prevents-ppd" in found


def test_a_prevention_trial_at_birth_is_not_also_a_treatment_claim(real_engine):
    """ketamine-treats-ppd yields to the prevention claims at birth (labelling decisions, round 2, 15)."""
    sentence = "One low dose of esketamine right after birth proved safe and effective for mothers with prenatal depression."
    found = claims_of(real_engine, sentence, sentence)
    assert "postpartum-single-dose-esketamine" in found
    assert "ketamine-treats-ppd" not in found


# --- ketamine-treats-ppd: words that look like benefit but are not -------------------------------------------

def test_results_as_a_consequence_or_a_report_is_not_a_promised_result(real_engine):
    text = "Ketamine for postpartum depression\n"
    for sentence in ("For many women, a traumatic birth results in postpartum depression.",
                     "Results showed that fewer mothers in the ketamine arm developed postpartum depression."):
        assert "ketamine-treats-ppd" not in claims_of(real_engine, text + sentence, sentence), sentence
    # "proven results" for new mothers still is the claim
    promised = "Our ketamine infusions deliver proven results for new mothers with postpartum depression."
    assert "ketamine-treats-ppd" in claims_of(real_engine, text + promised, promised)


def test_how_a_treatment_works_is_mechanism_not_efficacy(real_engine):
    text = "Ketamine for postpartum depression\n"
    for sentence in ("Ketamine works differently from the antidepressants most new mothers are offered.",
                     "New mothers with postpartum depression often ask how it works."):
        assert "ketamine-treats-ppd" not in claims_of(real_engine, text + sentence, sentence), sentence


# --- ppd-hormonal-trigger ------------------------------------------------------------------------------------

def test_a_hormone_drop_or_hormones_as_a_key_player_is_the_hormonal_trigger(real_engine):
    text = "What causes postpartum depression?\n"
    for sentence in ("After delivery, estrogen and progesterone levels plummet within a day or two.",
                     "Many things feed into postpartum depression, and a key player is the shift in hormones."):
        assert "ppd-hormonal-trigger" in claims_of(real_engine, text + sentence, sentence), sentence


def test_sleep_loss_alone_or_a_hormonal_cause_of_the_baby_blues_is_not_the_hormonal_trigger(real_engine):
    """The hormone change is the claim's core; the baby blues are not postpartum depression (labelling decisions)."""
    text = "Postpartum depression\n"
    for sentence in ("Sleep deprivation and the emotional toll of caring for a newborn can contribute to postpartum depression.",
                     "The sudden drop in hormones after birth causes the baby blues in most new mothers.",
                     "The link between postpartum depression and falling hormone levels is not clear yet."):
        assert "ppd-hormonal-trigger" not in claims_of(real_engine, text + sentence, sentence), sentence


# --- breastfeeding-compatible --------------------------------------------------------------------------------

def test_no_harm_seen_in_nursing_infants_is_compatibility(real_engine):
    text = "Ketamine and breastfeeding\n"
    sentence = "No adverse effects have been reported in nursing infants whose mothers received ketamine."
    assert "breastfeeding-compatible" in claims_of(real_engine, text + sentence, sentence)
    # babies exposed in pregnancy are another question
    womb = "No problems were seen in babies born to mothers given ketamine during pregnancy."
    assert "breastfeeding-compatible" not in claims_of(real_engine, text + womb, womb)
