"""Pass 11 (helper M11d): mechanism, protocol, lactation, prevention-trial and duration claims read on copy the checker had
not seen. Every sentence here is invented, not copied from any page; each test fails without the change it names, and
each has a negative example beside it where the wording could misfire."""
from __future__ import annotations

import pytest

from flagged import claim_ids, flags, unmarked  # tests/indexer/flagged.py


def test_these_receptors_blocked_are_the_nmda_receptors_named_before(real_engine):
    """"By blocking these receptors" after a sentence naming NMDA/glutamate receptors is the glutamate mechanism: the
    glutamate words are carried through the demonstrative (nmda-glutamate-mechanism's third frame)."""
    text = ("Esketamine binds to NMDA receptors on nerve cells. By blocking these receptors, the drug sets off a cascade "
            "of signals in mood circuits.")
    assert ("By blocking these receptors, the drug sets off a cascade of signals in mood circuits.",
            "nmda-glutamate-mechanism", "asserts") in flags(real_engine, text)
    text = ("Ketamine acts on the brain's glutamate receptors. By targeting these receptors, it may lift mood quickly.")
    assert ("By targeting these receptors, it may lift mood quickly.", "nmda-glutamate-mechanism", "asserts") in flags(real_engine, text)
    # receptors of another system named before are not the glutamate ones
    text = ("Most antidepressants act on serotonin receptors. By blocking these receptors, they change mood over weeks.")
    assert "nmda-glutamate-mechanism" not in claim_ids(real_engine, text)
    # a blocker named without a demonstrative that points back is no glutamate claim either
    text = "Ketamine is given in a clinic. Beta blockers act on other receptors in the heart."
    assert "nmda-glutamate-mechanism" not in claim_ids(real_engine, text)


def test_signalling_raised_is_no_growth_of_connections(real_engine):
    """"Strengthens communication between brain cells" and "increases synaptic/neural activity" raise signalling, not new
    synapses: no neuroplasticity-synaptogenesis (labelling decisions, round 3 rule 1); growth words still make it."""
    for sentence in ("Ketamine raises glutamate, which strengthens communication between brain cells.",
                     "Esketamine acts on glutamate and can quickly increase synaptic activity in mood circuits.",
                     "Ketamine boosts neural activity in the prefrontal cortex within minutes."):
        assert "neuroplasticity-synaptogenesis" not in claim_ids(real_engine, sentence), sentence
    for sentence in ("Ketamine strengthens the connections between brain cells that depression has weakened.",
                     "Ketamine helps neurons grow new synapses within a day."):
        assert "neuroplasticity-synaptogenesis" in claim_ids(real_engine, sentence), sentence


def test_discharge_is_the_end_of_the_session_for_the_driving_rule(real_engine):
    """"Before discharge ... driving is not permitted the same day": discharge after the session fills the session slot
    of no-driving-after-treatment, as "released" does, where the sentence before lends no session."""
    lead = "Spravato is an esketamine nasal spray for depression. Many patients rest quietly in a recliner. "
    for sentence in ("Before discharge, a nurse checks your blood pressure, and driving is not permitted the same day.",
                     "Patients are discharged after two hours and must not drive until the next day."):
        assert (sentence, "no-driving-after-treatment", "asserts") in flags(real_engine, lead + sentence), sentence
    # discharge without any driving rule is no such claim
    sentence = "Before discharge, the nurse reviews your plan for the rest of the day."
    assert "no-driving-after-treatment" not in claim_ids(real_engine, lead + sentence)


def test_the_postpartum_trial_result_as_a_relative_cut(real_engine):
    """The post-birth esketamine trial's result as a relative change ("cut postnatal depression by three quarters",
    about 74% from 25.4% to 6.7%) is postpartum-single-dose-esketamine; other relative changes are not."""
    lead = "Esketamine was given to women in the trial. "
    for sentence in ("The jabs reduced major depressive episodes in new mothers by three quarters.",
                     "The shots cut major depression among new mothers by 74 percent."):
        assert (sentence, "postpartum-single-dose-esketamine", "asserts") in flags(real_engine, lead + sentence), sentence
    for sentence in ("Ketamine reduced depression scores by 75% in adults with treatment-resistant depression.",
                     "In mothers with postpartum depression, ketamine improved symptoms in 75% of patients."):
        assert "postpartum-single-dose-esketamine" not in claim_ids(real_engine, sentence), sentence


def test_ketamine_making_therapy_work_better_is_the_combination_claim(real_engine):
    """Ketamine said to enhance therapy or make it more effective states the combination's added benefit
    (ketamine-plus-psychotherapy); the drug's own "ketamine therapy is more effective" and another therapy do not."""
    for sentence in ("For many clients, ketamine is a tool to enhance therapy.",
                     "Ketamine can make therapy more effective by quieting self-criticism.",
                     "Low-dose ketamine may enhance the therapeutic process in the weeks after a session."):
        assert (sentence, "ketamine-plus-psychotherapy", "asserts") in flags(real_engine, sentence), sentence
    for sentence in ("Ketamine therapy is more effective than placebo, a new study finds.",
                     "Ketamine infusion therapy can enhance mood within hours for some patients.",
                     "Ketamine makes TMS therapy more effective, one small study suggests."):
        assert "ketamine-plus-psychotherapy" not in claim_ids(real_engine, sentence), sentence


def test_what_patients_need_more_of_is_no_greater_benefit_of_the_combination(real_engine):
    """"Some patients need more care, which is why doctors recommend KAP" names a need, not more benefit from
    combining ketamine with psychotherapy; more benefit said of the combination still is."""
    sentence = "Some mothers need more support, which is why doctors now recommend ketamine-assisted psychotherapy for them."
    assert "ketamine-plus-psychotherapy" not in claim_ids(real_engine, sentence)
    sentence = "Ketamine-assisted psychotherapy gives more lasting relief than ketamine alone."
    assert (sentence, "ketamine-plus-psychotherapy", "asserts") in flags(real_engine, sentence)


def test_serial_dosing_and_kept_benefits_are_the_series_claim(real_engine):
    """Serial dosing that extends durability, a series of treatments to maintain the benefits, and a lasting effect as the
    aim of a course stated by its rhythm ("two to three times per week for several weeks") are repeated-infusions-prolong;
    research into sustaining the effect is an aim without a finding."""
    for sentence in ("Relief from one infusion fades within days; serial dosing extends durability.",
                     "We usually recommend a series of treatments to maintain the benefits of ketamine.",
                     "To produce lasting effects, ketamine is given two or three times per week for several weeks."):
        assert (sentence, "repeated-infusions-prolong", "asserts") in flags(real_engine, sentence), sentence
    for sentence in ("The early results have spurred investigations into repeated infusions to sustain the response.",
                     "Regular exercise helps you maintain the benefits of ketamine.",
                     "Ketamine is given three times per week for two weeks in our clinic."):
        assert "repeated-infusions-prolong" not in claim_ids(real_engine, sentence), sentence


def test_six_as_a_span_counts_no_sessions(real_engine):
    """"Over the course of the next six weeks" is a span, not six infusions (six-infusions-course's count slot);
    six sessions named still are."""
    sentence = "Over the course of the next six weeks, my mood slowly got worse."
    assert "six-infusions-course" not in claim_ids(real_engine, sentence)
    for sentence in ("A standard course is six ketamine infusions over two to three weeks.",
                     "The first course consists of six ketamine sessions."):
        assert (sentence, "six-infusions-course", "asserts") in flags(real_engine, sentence), sentence


def test_up_to_a_week_after_a_rapid_effect_is_durability_not_the_short_lived_limit(real_engine):
    """A single dose's effect "can last up to a week" after a rapid effect is a reported span (effects-last-long, labelling
    consistency rule 3), not single-infusion-short-lived; set against a series, or alone, it is the limit."""
    sentence = ("Researchers found that ketamine can ease depression in a matter of hours, and that the effects of a single "
                "dose can last up to a week.")
    assert "single-infusion-short-lived" not in claim_ids(real_engine, sentence)
    for sentence in ("One infusion can help for a few days, up to a week, but a series of sessions makes the benefit last longer.",
                     "The relief from a single infusion lasts up to a week."):
        assert (sentence, "single-infusion-short-lived", "asserts") in flags(real_engine, sentence), sentence


def test_the_treatment_called_short_term_is_the_short_lived_claim(real_engine):
    """Ketamine called "a short-term treatment", its antidepressant effects "temporary" (labelling decisions l18 rule 14):
    single-infusion-short-lived; temporary side effects are side-effects-mild-transient's, not this claim."""
    for sentence in ("Ketamine can ease suicidal thoughts, but it is a short-term treatment.",
                     "The antidepressant effects of ketamine are temporary, so most patients return for boosters."):
        assert (sentence, "single-infusion-short-lived", "asserts") in flags(real_engine, sentence), sentence
    for sentence in ("The side effects of ketamine are temporary and fade within hours.",
                     "Ketamine's dissociative effects are short-lived."):
        assert "single-infusion-short-lived" not in claim_ids(real_engine, sentence), sentence


def test_pain_management_is_no_mild_side_effect(real_engine):
    """"Manageable" side effects are mild (side-effects-mild-transient), but the stem no longer finds "pain management"
    or "sedation management", which name a use."""
    sentence = "Low doses of ketamine are also used for chronic pain management and sedation in intensive care."
    assert "side-effects-mild-transient" not in claim_ids(real_engine, sentence)
    for sentence in ("Ketamine's side effects are usually manageable.",
                     "Nausea after the infusion is easily managed with medication."):
        assert (sentence, "side-effects-mild-transient", "asserts") in flags(real_engine, sentence), sentence


NOT_MECHANISM = [
    "The mechanism of action of ketamine differs from person to person, researchers say.",
    "The price of ketamine differs from that of conventional antidepressants.",
]


def test_the_mechanism_of_the_named_drug_differing_from_antidepressants(real_engine):
    """"The mechanism of action of ketamine differs from conventional antidepressants" names the mechanism with the drug
    inside the phrase (nmda-glutamate-mechanism's contrast frame); something else of ketamine differing does not (below)."""
    sentence = "The mechanism of action of esketamine differs from that of older antidepressants."
    assert (sentence, "nmda-glutamate-mechanism", "asserts") in flags(real_engine, sentence)


@pytest.mark.parametrize("sentence", NOT_MECHANISM)
def test_something_else_of_the_drug_differing_is_no_mechanism(real_engine, sentence):
    assert "nmda-glutamate-mechanism" not in claim_ids(real_engine, sentence), sentence


@pytest.mark.frames_only
@pytest.mark.parametrize("sentence", unmarked(NOT_MECHANISM))
def test_something_else_differing_is_no_mechanism_for_the_frames_alone(real_engine, sentence):
    assert "nmda-glutamate-mechanism" not in claim_ids(real_engine, sentence), sentence


def test_how_long_the_illness_lasted_is_no_span_of_relief(real_engine):
    """"Struggled with depression for years" is the illness's span, not durable relief (effects-last-long's lasting slot);
    relief said to last for months beside it still is."""
    sentence = "Patients who have struggled with depression for years often see a marked improvement within hours of ketamine."
    assert "effects-last-long" not in claim_ids(real_engine, sentence)
    sentence = "Patients who had depression for years report relief that lasts for months after ketamine."
    assert (sentence, "effects-last-long", "asserts") in flags(real_engine, sentence)
