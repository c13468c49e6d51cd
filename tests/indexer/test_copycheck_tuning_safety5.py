"""The copy checker on safety wording any site may use (issue 10, tuning round 5, safety family): misuse names,
the driving restriction, the Spravato REMS by its acronym, side effects called rare. Each case stands for a
general cause of a missed or false flag, fixed as concept or frame data; the sentences are invented."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_a_misuse_name_in_a_clause_that_leaves_ketamine_to_the_clause_before(real_engine):
    """'..., but has since been sold as a party drug': the subject is elided, and the name is ketamine's."""
    sentence = ("Ketamine was first made as an anaesthetic for surgery, but has since been sold on the street as an "
                "illegal party drug.")
    assert (sentence, "abuse-potential", "asserts") in flags(real_engine, sentence)
    # another drug called a party drug on a ketamine page is not ketamine's misuse
    other = "Ketamine and PTSD\nMDMA, a popular party drug, is now being tested for PTSD."
    assert "abuse-potential" not in claim_ids(real_engine, other)


def test_a_club_drug_stigma_set_aside_is_no_misuse_claim(real_engine):
    """Rule 7's exception: a reputation the page presents as past or mistaken asserts nothing about misuse."""
    text = "Ketamine history\nIt has broken through its past stigma as a club drug."
    assert "abuse-potential" not in claim_ids(real_engine, text)


def test_rare_side_effects_are_not_called_mild_or_common(real_engine):
    """How often an effect comes is not how mild or brief it is, and 'rare' denies 'common' (labelling decisions)."""
    for sentence in ("Nausea is rare with this treatment.", "Side effects like dizziness are rare."):
        found = claim_ids(real_engine, "Ketamine FAQ\n" + sentence)
        assert "side-effects-mild-transient" not in found, sentence
        assert ("ketamine-common-side-effects", "asserts") not in {
            (cid, stance) for t, cid, stance in flags(real_engine, "Ketamine FAQ\n" + sentence) if t == sentence}
    # a named effect called mild still is
    assert "side-effects-mild-transient" in claim_ids(real_engine, "Ketamine FAQ\nAny nausea is mild and passes quickly.")


def test_untoward_effects_are_side_effects(real_engine):
    """'Untoward effects' is the clinical word for side effects: called mild and brief, they make the claim."""
    sentence = "Untoward effects of the infusion were mild and passed within an hour."
    assert (sentence, "side-effects-mild-transient", "asserts") in flags(real_engine, "Ketamine FAQ\n" + sentence)


def test_the_driving_restriction_in_a_clinic_s_words(real_engine):
    """'X hours post treatment', 'we do not recommend that you drive', 'someone to drive you', 'the same day'."""
    for sentence in ("You should not drive for eight hours post treatment.",
                     "We do not recommend that you drive after your session.",
                     "You will need someone to drive you to and from each appointment.",
                     "Driving is not permitted on the same day as your treatment."):
        assert (sentence, "no-driving-after-treatment", "asserts") in flags(real_engine, "Ketamine FAQ\n" + sentence), sentence


def test_the_spravato_rems_named_by_its_acronym(real_engine):
    """'REMS-certified', 'follows the Spravato REMS' (labelling decisions: REMS wording is the claim)."""
    for sentence in ("Our office is REMS-certified to offer this treatment.",
                     "Every step of your visit follows the Spravato REMS."):
        found = flags(real_engine, "Spravato at our practice\n" + sentence)
        assert (sentence, "esketamine-rems-monitoring", "asserts") in found, sentence
    # brexanolone's own REMS is not the spray's
    other = "Spravato at our practice\nBrexanolone also has a REMS of its own."
    assert "esketamine-rems-monitoring" not in claim_ids(real_engine, other)


def test_minimising_a_risk_is_a_precaution_not_a_mild_effect(real_engine):
    """'minimize' shares the stem of 'minimal': a precaution against nausea does not call side effects mild, nor a
    step to limit the baby's exposure call the exposure minimal."""
    text = "Ketamine FAQ\nWe time the infusion to minimize side effects such as nausea."
    assert "side-effects-mild-transient" not in claim_ids(real_engine, text)
    milk = "Ketamine and breastfeeding\nTo minimize the baby's exposure, pump and discard milk for 12 hours."
    assert "milk-transfer-minimal" not in claim_ids(real_engine, milk)
    # "minimal" itself still is
    assert "side-effects-mild-transient" in claim_ids(real_engine, "Ketamine FAQ\nSide effects are minimal and pass quickly.")
    assert "milk-transfer-minimal" in claim_ids(real_engine,
                                                "Ketamine and breastfeeding\nOnly minimal amounts of ketamine pass into breast milk.")


def test_a_regulator_s_caution_about_home_or_telehealth_ketamine(real_engine):
    """'advised caution', 'warned that': a warning is the danger claim, as 'dangerous' is; 'warning signs' is not."""
    for sentence in ("Regulators warned that ketamine prescribed over telehealth can lead to adverse events.",
                     "The agency advised caution about compounded ketamine obtained through telemedicine platforms."):
        assert (sentence, "ketamine-at-home-risk", "asserts") in flags(real_engine, "Ketamine news\n" + sentence), sentence
    for sentence in ("Telehealth visits let us check on you between sessions, and we warn every patient about driving.",
                     "Our at-home program comes with warning signs to watch for and a nurse on call."):
        assert "ketamine-at-home-risk" not in claim_ids(real_engine, "Ketamine at our clinic\n" + sentence), sentence


def test_the_misuse_risk_with_the_drug_left_to_the_page(real_engine):
    """'warns about the potential for abuse' on a ketamine page is ketamine's; the patient's own history is not."""
    sentence = "The psychiatrists' association warns patients about the potential for abuse and the lack of long-term studies."
    assert "abuse-potential" in claim_ids(real_engine, "Ketamine therapy\n" + sentence)
    history = "Ketamine therapy\nWe screen every patient for a history of substance abuse and the risk of misuse of other medications."
    assert "abuse-potential" not in claim_ids(real_engine, history)


def test_named_dose_effects_said_to_be_reported_with_the_drug_left_to_the_page(real_engine):
    """A leaflet's 'Nausea, dizziness ... have also been reported' lists the drug's effects; the illness's symptoms
    reported by mothers are not side effects."""
    sentence = "Dizziness, nausea and a spinning sensation have also been reported."
    assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, "Spravato\n" + sentence)
    symptoms = "Postpartum depression\nFatigue and headaches have been reported by many new mothers."
    assert "ketamine-common-side-effects" not in claim_ids(real_engine, symptoms)


def test_shortness_of_breath_does_not_make_dissociation_short(real_engine):
    """'short' shares its stem with 'shortness': a warning list naming breathlessness and feeling disconnected says
    nothing about how long dissociation lasts."""
    text = ("Spravato\nTell your doctor right away if you experience any of the following symptoms: extreme tiredness or "
            "sleepiness, dizziness, fainting, or shortness of breath or if you feel anxious or disconnected from your body.")
    assert "dissociation-brief" not in claim_ids(real_engine, text)
    assert "dissociation-brief" in claim_ids(real_engine, "Ketamine\nThe dissociation is short and fades within 20 minutes.")


def test_a_low_risk_of_dependence_is_the_misuse_claim_unless_another_drug_has_it(real_engine):
    """The claim's own phrasing: 'at therapeutic doses the risk of abuse is low'; dependence is the same risk."""
    assert "abuse-potential" in claim_ids(real_engine, "Ketamine\nPublished reviews report a low risk of dependence.")
    for other in ("Benzodiazepines carry a risk of dependence.", "Patients taking opioids have a risk of dependence."):
        assert "abuse-potential" not in claim_ids(real_engine, "Ketamine\n" + other), other


def test_safe_in_a_list_of_the_therapy_s_qualities(real_engine):
    """'a powerful, safe and evidence-based therapy' calls the treatment safe."""
    sentence = "Ketamine therapy is a gentle, safe and evidence-based option for many people with depression."
    assert (sentence, "ketamine-safe-well-tolerated", "asserts") in flags(real_engine, sentence)


def test_a_precaution_against_a_side_effect_in_the_ing_form(real_engine):
    """'helps in minimizing the risk of nausea' is a precaution, as 'minimize the risk of' already was."""
    text = "Ketamine FAQ\nThis step helps in minimizing the risk of nausea."
    assert "ketamine-common-side-effects" not in claim_ids(real_engine, text)
    assert "ketamine-common-side-effects" in claim_ids(real_engine, "Ketamine FAQ\nKetamine carries some risk of nausea.")
