"""Pass 23: first-contact errors of round 13 read as kinds of sentence (docs/labelling-decisions.md, "Session 23"):
relief at once is the onset claim unless the route is given as the reason, a definition of treatment resistance is no
claim that something helps it, a side-effect comparison names no side effect, painful thoughts are no pain condition,
and relief not found with antidepressants is their failing. Every sentence here is invented, not copied from any page;
each test has the neighbouring claim's sentence beside it."""
from __future__ import annotations

from flagged import flags, sentence_ids  # tests/indexer/flagged.py


def test_instant_relief_from_infusions_is_the_onset_claim(real_engine):
    for sentence in ("Ketamine infusions can bring near-instant relief from dark moods.",
                     "For many patients, the infusion gives almost instant effects."):
        ids = sentence_ids(real_engine, sentence, sentence)
        assert "iv-acts-immediately" not in ids and "onset-within-hours" in ids, (sentence, ids)


def test_the_route_named_as_the_reason_is_still_iv_acts_immediately(real_engine):
    for sentence in ("IV ketamine works immediately.",
                     "Because it goes straight into the bloodstream, intravenous ketamine acts instantly.",
                     "Unlike pills that must be digested, IV ketamine starts working right away."):
        assert (sentence, "iv-acts-immediately", "asserts") in flags(real_engine, sentence), sentence


def test_a_definition_of_treatment_resistance_is_no_efficacy_claim(real_engine):
    text = ("Ketamine is offered at our clinic. Treatment-resistant depression is often defined as depression that has "
            "not improved after two antidepressants.")
    sentence = "Treatment-resistant depression is often defined as depression that has not improved after two antidepressants."
    assert "trd-effective" not in sentence_ids(real_engine, text, sentence)
    sentence = "Ketamine has shown strong results in patients who were previously considered treatment-resistant."
    assert (sentence, "trd-effective", "asserts") in flags(real_engine, sentence)


def test_a_side_effect_comparison_is_safer_than_approved_drugs(real_engine):
    text = "Ketamine is used for depression. It also carries a lower risk of side effects than other treatments."
    sentence = "It also carries a lower risk of side effects than other treatments."
    ids = sentence_ids(real_engine, text, sentence)
    assert "safer-than-approved-drugs" in ids and "ketamine-common-side-effects" not in ids, ids
    sentence = "Common side effects of ketamine include nausea, dizziness and a rise in blood pressure."
    assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, sentence)


def test_painful_thoughts_are_not_a_pain_condition(real_engine):
    sentence = "Ketamine treatment can quiet painful thoughts and lift your mood."
    assert "ketamine-other-indications" not in sentence_ids(real_engine, sentence, sentence)
    sentence = "Ketamine is also used to treat chronic pain."
    assert (sentence, "ketamine-other-indications", "asserts") in flags(real_engine, sentence)


def test_relief_not_found_with_antidepressants_is_their_failing(real_engine):
    for sentence in ("Even so, some people still don't find relief with antidepressants.",
                     "Many people need to try several antidepressants before one fits."):
        assert (sentence, "ssri-often-fail", "asserts") in flags(real_engine, sentence), sentence
    for sentence in ("Ketamine helps those who don't find relief with antidepressants.",
                     "Ketamine helps people who have not seen improvement with standard antidepressants."):
        ids = sentence_ids(real_engine, sentence, sentence)
        assert "trd-effective" in ids, (sentence, ids)


def test_the_sessions_altered_states_told_as_what_people_have_are_side_effects(real_engine):
    """KAP FAQs tell the dissociative state as an effect people have ("most people will experience them"), not with
    "side effect"; the same verbs about relief or the illness stay unflagged."""
    for text, sentence in (
        ("Ketamine therapy FAQ. One of its effects is an altered state of consciousness with changes in perception.",
         "One of its effects is an altered state of consciousness with changes in perception."),
        ("What is a ketamine session like? These non-ordinary states are normal, and most people will experience them.",
         "These non-ordinary states are normal, and most people will experience them."),
    ):
        assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, text), sentence
    for sentence in ("Some people have found lasting relief with ketamine.",
                     "Most people experience postpartum depression as a deep sadness."):
        assert "ketamine-common-side-effects" not in sentence_ids(real_engine, sentence, sentence), sentence


def test_missing_supervision_named_as_a_lack_is_the_home_use_risk(real_engine):
    for sentence in ("The absence of on-site monitoring raises the risk of sedation when ketamine is taken at home.",
                     "Compounded ketamine used without monitoring by a clinician carries risks of serious harm."):
        assert (sentence, "ketamine-at-home-risk", "asserts") in flags(real_engine, sentence), sentence
    sentence = "Our staff monitor every ketamine infusion from start to finish."
    assert "ketamine-at-home-risk" not in sentence_ids(real_engine, sentence, sentence)


def test_the_party_setting_named_for_its_use_is_abuse_potential(real_engine):
    sentence = "Ketamine, once best known from raves and partying, is now studied for depression."
    assert (sentence, "abuse-potential", "asserts") in flags(real_engine, sentence)
    sentence = "The rave scene of the 1990s changed dance music."
    assert "abuse-potential" not in sentence_ids(real_engine, sentence, sentence)


# Second batch: round 14's first-contact errors (docs/labelling-decisions.md, "Session 23", rules 9-14).

def test_an_efficacy_finding_in_animals_is_not_the_claim_about_people(real_engine):
    for sentence in ("A new study shows ketamine is effective against depression in a mouse model.",
                     "In rats, ketamine relieved depression-like behaviour within hours of a single dose."):
        ids = sentence_ids(real_engine, sentence, sentence)
        assert "ketamine-effective-depression" not in ids and "trd-effective" not in ids, (sentence, ids)
    sentence = "Ketamine is effective against depression in adults."
    assert (sentence, "ketamine-effective-depression", "asserts") in flags(real_engine, sentence)


def test_a_drug_in_development_or_designed_for_trd_is_no_efficacy_claim(real_engine):
    for sentence in ("Esketamine is in development as a nasal spray for treatment-resistant depression.",
                     "The spray, designed to treat treatment-resistant depression, is the only approved form."):
        ids = sentence_ids(real_engine, sentence, sentence)
        assert "trd-effective" not in ids and "ketamine-effective-depression" not in ids, (sentence, ids)
    sentence = "Ketamine works for people with treatment-resistant depression."
    assert (sentence, "trd-effective", "asserts") in flags(real_engine, sentence)


def test_a_licence_as_the_condition_is_pending_not_granted(real_engine):
    text = "Esketamine is under review. If licensed, esketamine may be an effective option for hard-to-treat depression."
    sentence = "If licensed, esketamine may be an effective option for hard-to-treat depression."
    ids = sentence_ids(real_engine, text, sentence)
    assert "esketamine-fda-approved" not in ids and "esketamine-approved-outside-us" not in ids, ids
    assert "trd-effective" in ids, ids  # what the main clause says still stands, hedged
    sentence = "Esketamine was licensed in Europe in 2019."
    assert (sentence, "esketamine-approved-outside-us", "asserts") in flags(real_engine, sentence)


def test_uses_that_remain_unauthorized_are_off_label(real_engine):
    sentence = "Every other psychiatric use of ketamine remains unauthorized by the FDA."
    assert (sentence, "ketamine-off-label-depression", "asserts") in flags(real_engine, sentence)


def test_what_is_lacking_is_an_evidence_gap(real_engine):
    sentence = "Safe and effective dosing of ketamine for psychiatric conditions is still lacking."
    assert "ketamine-safe-well-tolerated" not in sentence_ids(real_engine, sentence, sentence)
    sentence = "Ketamine is safe and well tolerated at low doses."
    assert (sentence, "ketamine-safe-well-tolerated", "asserts") in flags(real_engine, sentence)


def test_the_drug_derived_from_ketamine_on_a_spravato_page_is_esketamine(real_engine):
    text = ("FDA clears Spravato as a standalone treatment. The drug, derived from ketamine, must be given in certified "
            "healthcare settings because of its side effects.")
    sentence = ("The drug, derived from ketamine, must be given in certified healthcare settings because of its side "
                "effects.")
    assert "esketamine-rems-monitoring" in sentence_ids(real_engine, text, sentence)


def test_a_risk_named_for_a_group_is_a_contraindication(real_engine):
    sentence = "Ketamine raises blood pressure, which could pose a risk for people with hypertension."
    assert (sentence, "ketamine-contraindications", "asserts") in flags(real_engine, sentence)
    sentence = "Ketamine raises blood pressure for a short while."
    assert "ketamine-contraindications" not in sentence_ids(real_engine, sentence, sentence)


def test_the_ketamine_like_nasal_spray_is_esketamine(real_engine):
    sentence = "On Tuesday the FDA approved a ketamine-like nasal spray for people with treatment-resistant depression."
    assert (sentence, "esketamine-fda-approved", "asserts") in flags(real_engine, sentence)


def test_a_colour_is_not_the_blues(real_engine):
    """"blue" is the stem of "blues": the bare word is matched as written."""
    sentence = "A brief imbalance between GABA signalling (yellow) and glutamate signalling (blue) appears in the brain."
    assert "baby-blues-resolve-2-weeks" not in sentence_ids(real_engine, sentence, sentence)
    sentence = "The blues usually go away within two weeks."
    assert (sentence, "baby-blues-resolve-2-weeks", "asserts") in flags(real_engine, sentence)
