"""Pass 19: written labelling rules the checker broke, found by invented copy of the kinds real pages publish (clinic
pages, FAQs, news reports of trials, label information). Every sentence here is invented, not copied from any page;
each test fails without the change it names, and has a negative example beside it where the wording could misfire."""
from __future__ import annotations

import pytest

from flagged import claim_ids, flags, sentence_ids  # tests/indexer/flagged.py


def test_a_short_sentence_naming_its_own_drug_and_illness_takes_nothing_from_the_sentence_before(real_engine):
    """Eight words or fewer used to lean on the sentence before for every concept: "Ketamine may increase the risk of
    postpartum psychosis." after a caesarean sentence became the caesarean risk claim."""
    before = "Ketamine given during a caesarean section does not prevent postpartum depression. "
    sentence = "Ketamine may increase the risk of postpartum psychosis."
    assert "cesarean-raises-ppd-risk" not in sentence_ids(real_engine, before + sentence, sentence)
    # a short sentence that names no drug of its own still takes the one before ("It works fast.")
    text = "Ketamine is a treatment for postpartum depression. It works fast."
    assert ("It works fast.", "ketamine-rapid-onset", "asserts") in flags(real_engine, text)


def test_a_use_the_spray_is_not_approved_for_does_not_deny_its_approval(real_engine):
    """"Not FDA-approved for postpartum depression" names an unapproved use (labelling decisions: what Spravato is not
    for), not a denial that it is approved at all."""
    for sentence in ("Spravato is not FDA-approved for postpartum depression.",
                     "Spravato isn't approved by the FDA for use in children."):
        assert "esketamine-fda-approved" not in claim_ids(real_engine, sentence), sentence
    sentence = "Spravato is not FDA-approved."
    assert (sentence, "esketamine-fda-approved", "denies") in flags(real_engine, sentence)
    # ketamine's own unapproved use beside the spray keeps the spray's approval
    sentence = "Unlike esketamine (Spravato), ketamine is not FDA-approved for depression."
    assert (sentence, "esketamine-fda-approved", "asserts") in flags(real_engine, sentence)


def test_especially_at_higher_doses_grades_side_effects_without_making_them_misuse(real_engine):
    """"the potential to cause dissociative and hallucinogenic effects, especially at higher doses" keeps
    ketamine-common-side-effects; harms "when used frequently or in high doses" stay misuse's."""
    sentence = "Ketamine can cause dizziness and nausea, especially at higher doses."
    assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, sentence)
    sentence = "Ketamine can cause dizziness and nausea when used frequently or in high doses."
    assert "ketamine-common-side-effects" not in claim_ids(real_engine, sentence)


# frames alone: the claim model's veto (session 32, docs/checker.md) drops the claim in a terse invented sentence here
@pytest.mark.frames_only
def test_a_denied_wait_says_the_drug_works_sooner(real_engine):
    """"Ketamine doesn't take weeks to work" says it works fast, as the stance rules already read it (no denial)."""
    for sentence in ("Ketamine doesn't take weeks to work.",
                     "With ketamine you don't have to wait weeks for relief.",
                     "You don't need to wait weeks to feel better with ketamine."):
        assert (sentence, "ketamine-rapid-onset", "asserts") in flags(real_engine, sentence), sentence
    sentence = "Antidepressants often take weeks to work."
    assert "ketamine-rapid-onset" not in claim_ids(real_engine, sentence)


def test_a_treatments_lasting_benefit_is_not_the_illnesss_course(real_engine):
    """Benefits that last months, or patients who stay well for months, are durability, not how long PPD lasts."""
    page = "# Ketamine for postpartum depression\n\nKetamine is given as a series of infusions.\n\n"
    for sentence in ("The benefits of a series of infusions can last for months.",
                     "Some patients stay well for months, while others return for maintenance sessions."):
        assert "ppd-duration-course" not in sentence_ids(real_engine, page + sentence, sentence), sentence
    sentence = "Without treatment, postpartum depression can last for months or even years."
    assert (sentence, "ppd-duration-course", "asserts") in flags(real_engine, sentence)


def test_still_opening_a_sentence_concedes_and_is_not_still_breastfeeding(real_engine):
    """"Still, some doctors advise waiting ..." is a concession; "you can still breastfeed" is compatibility."""
    text = ("# Is ketamine safe while breastfeeding?\n\nThe amount of ketamine reaching your baby is extremely small. "
            "Still, some doctors advise waiting a few hours before nursing.")
    ids = sentence_ids(real_engine, text, "Still, some doctors advise waiting a few hours before nursing.")
    assert "breastfeeding-compatible" not in ids and "breastfeeding-pause" in ids
    sentence = "You can still breastfeed after ketamine."
    assert (sentence, "breastfeeding-compatible", "asserts") in flags(real_engine, sentence)


def test_what_researchers_gave_is_a_method_not_a_finding(real_engine):
    """"Researchers in China gave 364 women a low dose of esketamine or a placebo" states the trial's method (guide: study
    methods without a finding); the finding in the next sentence still asserts."""
    text = ("# Single dose of esketamine may protect new mothers from depression, study suggests\n\n"
            "Researchers in China gave 364 women a low dose of esketamine or a placebo right after delivery. "
            "A single low dose of esketamine after childbirth reduced depression in the mothers.")
    found = flags(real_engine, text)
    assert not {c for s, c, _ in found if s.startswith("Researchers in China")}
    assert any(s.startswith("A single low dose") and c == "postpartum-single-dose-esketamine" for s, c, _ in found)


def test_a_sellers_claim_reported_with_distance_is_theirs(real_engine):
    """"Clinics promise that ...", "purported to relieve ..." report a claim with distance (labelling decisions, round 5
    rule 20); a drug said to promise relief is the copy's own claim, and a brand name is no report."""
    for sentence in ("Some clinics claim that ketamine works within hours.",
                     "Ketamine is purported to relieve depression within hours.",
                     "Online platforms advertise ketamine as safe for breastfeeding."):
        assert not claim_ids(real_engine, sentence), sentence
    for sentence in ("Ketamine promises rapid relief within hours.",
                     "Esketamine, marketed as Spravato, works within hours."):
        assert (sentence, "onset-within-hours", "asserts") in flags(real_engine, sentence), sentence


def test_nursing_babies_said_to_show_no_harm_is_compatibility(real_engine):
    """"Babies exposed to ketamine through breast milk have not shown any harmful effects" says it is safe to nurse (the
    negation is the claim's own words); "studies have not shown that it is safe" is an evidence gap."""
    sentence = "Babies exposed to ketamine through breast milk have not shown any harmful effects."
    assert (sentence, "breastfeeding-compatible", "asserts") in flags(real_engine, sentence)
    sentence = "Studies have not shown that ketamine is safe for nursing babies."
    assert "breastfeeding-compatible" not in claim_ids(real_engine, sentence)


def test_feeding_milk_pumped_before_the_dose_is_the_pause(real_engine):
    """Pumping ahead and giving the baby stored milk for the rest of the day is the pause after a dose."""
    sentence = "You can pump before your ketamine appointment and give your baby stored milk for the rest of the day."
    assert (sentence, "breastfeeding-pause", "asserts") in flags(real_engine, sentence)


def test_the_hormone_change_listed_among_what_raises_the_risk_is_the_hormonal_trigger(real_engine):
    """"Hormonal changes ..., lack of sleep and a history of depression all raise the risk" names the hormone change as a
    cause (ppd-hormonal-trigger, whose statement includes sleep loss); hormones taken as birth control are not it."""
    text = ("# Postpartum depression: causes\n\n"
            "Hormonal changes after delivery, lack of sleep and a history of depression all raise the risk.")
    assert "ppd-hormonal-trigger" in claim_ids(real_engine, text)
    sentence = "Hormonal birth control does not increase the risk of postpartum depression."
    assert "ppd-hormonal-trigger" not in claim_ids(real_engine, sentence)


def test_misuse_made_easier_at_home_is_the_home_use_risk(real_engine):
    """Home use that makes it easier to take more than prescribed is a risk of home use; safeguards against misuse are not."""
    text = "Ketamine can be taken at home. Home use makes it easier to take more than prescribed."
    assert "ketamine-at-home-risk" in claim_ids(real_engine, text)
    sentence = "At-home ketamine programs screen patients carefully to reduce misuse."
    assert "ketamine-at-home-risk" not in claim_ids(real_engine, sentence)


def test_side_effects_said_not_to_be_dangerous_are_called_mild(real_engine):
    """"not dangerous" is mild said with a negation: the claim is asserted, not denied."""
    sentence = "The side effects of ketamine are not dangerous and go away quickly."
    assert (sentence, "side-effects-mild-transient", "asserts") in flags(real_engine, sentence)
    sentence = "The side effects of ketamine can be dangerous."
    assert "side-effects-mild-transient" not in claim_ids(real_engine, sentence)


def test_no_harm_to_the_nursing_baby_promised_is_compatibility(real_engine):
    """"Ketamine won't harm your baby through your breast milk" says nursing on it is safe."""
    sentence = "Ketamine won't harm your baby through your breast milk."
    assert (sentence, "breastfeeding-compatible", "asserts") in flags(real_engine, sentence)
    sentence = "Ketamine can harm your baby through your breast milk."
    assert (sentence, "breastfeeding-compatible", "asserts") not in flags(real_engine, sentence)


def test_a_bare_yes_or_no_answers_its_question_as_a_statement(real_engine):
    """The answer takes its subject from the question (guide): "Is Spravato FDA approved? Yes." asserts the approval,
    "Is ketamine addictive? No." denies the misuse claim; a "yes" with more words is read on its own words."""
    text = "## Is Spravato FDA approved?\n\nYes.\n\n## Is ketamine addictive?\n\nNo."
    found = flags(real_engine, text)
    assert ("Yes.", "esketamine-fda-approved", "asserts") in found
    assert ("No.", "abuse-potential", "denies") in found
    text = "## Is ketamine safe while breastfeeding?\n\nYes, it is."
    assert ("Yes, it is.", "breastfeeding-compatible", "asserts") in flags(real_engine, text)
    # the report shows the question the answer's claims come from
    answer = next(s for s in real_engine.check(text).sentences if s.text.strip() == "Yes, it is.")
    assert answer.context.strip().endswith("Is ketamine safe while breastfeeding?")
    # a bare answer with no question before it says nothing
    assert not claim_ids(real_engine, "Ketamine is given in a clinic. Yes.")


def test_patients_coming_back_for_a_booster_are_maintenance_not_a_short_lived_dose(real_engine):
    """"Come back for a single booster" is maintenance; symptoms that come back after a single infusion are short-lived relief."""
    sentence = "Many ketamine patients come back for a single booster every one to three months."
    ids = claim_ids(real_engine, sentence)
    assert "maintenance-may-be-needed" in ids and "single-infusion-short-lived" not in ids
    sentence = "After a single ketamine infusion, symptoms often come back within a week."
    assert "single-infusion-short-lived" in claim_ids(real_engine, sentence)


# frames alone: the claim model retrained on 1,067 pages (session 35) gives the BDNF sentence p 0.007 for the
# neuroplasticity claim, under the carried veto (0.01), and so drops the frames' claim: a miss of the model, written down in
# docs/checker.md (thirty-fifth pass); the rule here is that a mechanism is not PPD efficacy
@pytest.mark.frames_only
def test_a_mechanism_sentence_on_a_ppd_page_is_not_ppd_efficacy(real_engine):
    """How it works ("its antidepressant effects may be linked to boosting BDNF") is the mechanism claim; no development
    label adds ketamine-treats-ppd to one, as none adds general efficacy."""
    text = ("# Esketamine for new mothers: a promising option?\n\n"
            "Some research suggests that the antidepressant effects of ketamine may be linked to its ability to boost BDNF.")
    ids = claim_ids(real_engine, text)
    assert "neuroplasticity-synaptogenesis" in ids and "ketamine-treats-ppd" not in ids
