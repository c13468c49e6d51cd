"""The copy checker on the efficacy, onset, mechanism, approval and protocol claims, residual misses of pass 10
(issue 10): general ways any page words these claims that the checker missed on the 256 tuning pages. Every sentence
here is invented (none is copied from a page); each test fails without the wording it names, and each wording has a
negative example beside it."""
from __future__ import annotations

import pytest

from flagged import claim_ids, unmarked  # tests/indexer/flagged.py


def test_twice_weekly_for_the_first_four_weeks_is_the_spray_schedule(real_engine):
    """The induction phase given with its span ("for the first four weeks", "in weeks 1-4") or its frequency written
    "each week" / "two times per week" states the spray's schedule, as "twice a week for the first month" does."""
    for text in ("Spravato is given twice a week for the first four weeks.",
                 "Spravato: two sessions a week in weeks 1-4.",
                 "During the induction phase, Spravato is given twice each week.",
                 "Esketamine is usually given two times per week during the first month."):
        assert "esketamine-dosing-schedule" in claim_ids(real_engine, text), text
    # the span alone is no frequency ("the first four weeks after delivery"), an infusion course given "two to three
    # times per week" is not twice, and a lozenge or infusion schedule is not the spray's
    for text in ("Spravato is a nasal spray. Most cases begin within the first four weeks after delivery.",
                 "Spravato is given two to three times per week for the first four weeks.",
                 "Our ketamine infusions are given twice a week for the first two weeks.",
                 "Treatment with ketamine lozenges is twice a week for the first four weeks."):
        assert "esketamine-dosing-schedule" not in claim_ids(real_engine, text), text


# frames alone: the claim model's veto (session 32, docs/checker.md) drops the claim in a terse invented sentence here
@pytest.mark.frames_only
def test_a_medicine_for_treatment_resistant_depression_presents_it_as_treating_it(real_engine):
    """The drug named by what it is for, right before the illness ("a nasal spray medication for TRD", "a therapy for
    treatment-resistant depression") is "a treatment for TRD" (labelling decisions, round 7 rule 11)."""
    for text in ("Spravato: The Newest Nasal Spray Medication for Treatment-Resistant Depression",
                 "Esketamine is a prescription drug for treatment-resistant depression in adults.",
                 "Ketamine infusions are a newer therapy for TRD."):
        assert "trd-effective" in claim_ids(real_engine, text), text
    # the drugs tried before ("tried other medications for depression"), a withheld recommendation, the label's quoted
    # indication and a hospital's credential to give it are no treatment of TRD
    for text in ("Our clinic offers ketamine. Many patients tried other medications for treatment-resistant depression before coming to us.",
                 "Nasal spray medication for treatment-resistant depression not recommended by the health service",
                 "Spravato is \u201ca nasal spray for treatment-resistant depression in adults, in conjunction with an oral antidepressant.\u201d",
                 "Our hospital is one of few in the region qualified to supply this medicine for treatment-resistant depression."):
        assert "trd-effective" not in claim_ids(real_engine, text), text


def test_a_share_not_responding_to_the_current_treatments_is_how_often_antidepressants_fail(real_engine):
    """The standard drugs named as the current ones ("currently available treatments", "current therapies", "standard
    care") with a share that does not respond are the claim, as "antidepressants" would be (labelling decisions, clinic
    rule 16, round 7 rule 20)."""
    for text in ("Around a third of people with depression do not respond to currently available treatments.",
                 "Roughly 30% of patients don\u2019t respond to existing therapies.",
                 "Many options exist for depression, yet not everyone will respond to standard care."):
        assert "ssri-often-fail" in claim_ids(real_engine, text), text
    # a share that responds is no failure, and "current treatments" that help a group name whom ketamine is for
    for text in ("About 30% of patients respond well to current therapies within two months.",
                 "Ketamine infusions can help when current treatments have not worked."):
        assert "ssri-often-fail" not in claim_ids(real_engine, text), text


# the claim model retrained on 1,208 pages vetoes the spray's effects "right away"; the frames alone find them
# (test_immediate_relief_is_within_hours_for_the_frames_alone)
RETRAINED_1208_VETO = pytest.mark.xfail(strict=True, reason="vetoed by the claim model retrained on 1,208 pages (session 39)")
IMMEDIATE_RELIEF = [
    "Ketamine can show immediate efficacy after one infusion.",
    "Ketamine is a tool for immediately alleviating the weight of severe depression.",
    pytest.param("The nasal spray shows effects right away.", marks=RETRAINED_1208_VETO),
    "Spravato showed benefits 24 hours post-dose.",
]


@pytest.mark.parametrize("text", IMMEDIATE_RELIEF)
def test_relief_called_immediate_or_timed_in_hours_post_dose_is_within_hours(real_engine, text):
    """Relief called immediate in other words ("immediate efficacy", "immediately alleviating", "shows effects right
    away") and hours "post-dose" (= after the dose) are onset within hours (labelling decisions, clinic rule 11, round 7
    rule 18)."""
    assert "onset-within-hours" in claim_ids(real_engine, text), text


@pytest.mark.frames_only
@pytest.mark.parametrize("text", unmarked(IMMEDIATE_RELIEF))
def test_immediate_relief_is_within_hours_for_the_frames_alone(real_engine, text):
    assert "onset-within-hours" in claim_ids(real_engine, text), text


def test_no_relief_is_timed_by_the_dose_after_birth_an_effect_noticed_or_monitoring(real_engine):
    # the dose given right after birth, side effects noticed right away and a monitoring time are no relief
    for text in ("Esketamine given immediately after childbirth lowered depression in new mothers.",
                 "Ketamine is given in our clinic. You might not notice symptoms right away, but bladder damage is a serious concern for frequent users.",
                 "Ketamine is given in our clinic. Patients are monitored for two hours post-dose for side effects."):
        assert "onset-within-hours" not in claim_ids(real_engine, text), text


def test_brexanolone_taking_effect_or_called_revolutionary_is_its_efficacy(real_engine):
    """Brexanolone "takes effect quickly" / "maintains its effectiveness for 30 days", a "quick treatment" for mothers,
    or "a revolutionary development" (labelling decisions, round 7 rule 22) states its efficacy."""
    for text in ("Zulresso takes effect quickly, often within a day of starting the infusion.",
                 "Brexanolone maintained its effectiveness for 30 days in the trials.",
                 "Brexanolone could offer quick treatment for mothers with severe postpartum depression.",
                 "Brexanolone is a revolutionary development for women with postpartum depression."):
        assert "brexanolone-efficacy" in claim_ids(real_engine, text), text
    # the sedation it causes taking effect quickly is the sedation risk, not the benefit
    text = "Zulresso can cause sudden sedation that takes effect quickly, so patients stay in hospital for the 60 hours of the infusion."
    assert "brexanolone-efficacy" not in claim_ids(real_engine, text)


def test_a_course_over_four_to_eight_weeks_or_of_lozenges_is_not_six_infusions(real_engine):
    """Six infusions in two to three weeks is the claim; six or eight sessions spread over four to eight weeks, or
    sublingual/lozenge doses, are another protocol (labelling decisions, round 7 rule 14)."""
    for text in ("Most plans are six lozenge sessions spread over four to six weeks.",
                 "We recommend 6-8 treatments over a course of 6-8 weeks."):
        assert "six-infusions-course" not in claim_ids(real_engine, text), text
    # the claim's own course still counts
    for text in ("Most patients receive six infusions over two weeks.",
                 "A standard course is 6 to 8 sessions over a few weeks."):
        assert "six-infusions-course" in claim_ids(real_engine, text), text


def test_an_approvals_population_and_other_non_effects_are_not_trd_efficacy(real_engine):
    """The population an approval is for ("approved for adults whose depression has not improved on two
    antidepressants"), an insurer's "covered benefit", a cost-effectiveness appraisal, other drugs tried "with no
    benefit" and a use restricted to a group ("used only for people who have tried other treatments", round 7 rule 3)
    state no effect on treatment-resistant depression."""
    for text in ("Spravato is approved for adults whose depression has not improved despite two different antidepressants.",
                 "Esketamine is approved for specific indications, treatment-resistant depression among them, so insurers list it as a covered benefit.",
                 "The spray may not be funded for treatment-resistant depression because of doubts about its cost effectiveness.",
                 "Ketamine is available to people who have tried other antidepressants with no benefit.",
                 "Esketamine is used only for people who have tried several other treatments with limited to no success."):
        assert "trd-effective" not in claim_ids(real_engine, text), text
    # a benefit stated for the group still is the claim
    assert "trd-effective" in claim_ids(real_engine, "Ketamine brings relief to people whose depression has not responded to other antidepressants.")


def test_a_licence_abroad_or_an_approval_denied_is_no_general_efficacy(real_engine):
    """Another country's licence with its indication ("received marketing approval in Japan to treat depressive
    symptoms", "approved in Europe for treating MDD", round 7 rule 16) and "not approved in treating" (approval
    status) state no efficacy, as the FDA's approval headline does not."""
    for text in ("The company received marketing approval in Japan for its esketamine spray to treat depressive symptoms in adults.",
                 "Esketamine is approved in Europe for treating major depressive disorder.",
                 "Ketamine is not FDA-approved in treating mood disorders, but clinics offer it off-label."):
        found = claim_ids(real_engine, text)
        assert "ketamine-effective-depression" not in found, (text, found)
    # efficacy said beside an approval still is
    assert "ketamine-effective-depression" in claim_ids(real_engine, "Esketamine, approved in 2019, is effective against depression.")


def test_a_series_needed_for_the_best_result_is_repeated_infusions_prolonging_it(real_engine):
    """The series in other words ("multiple sessions", "repeated administrations", "a series of ketamine treatments")
    with the result it builds ("required for optimal results", "cumulative", "lasting success") is the claim
    (labelling decisions, round 7 rule 19)."""
    for text in ("Multiple sessions are usually needed for optimal results with ketamine.",
                 "Ketamine's benefit tends to be cumulative, requiring repeated administrations.",
                 "Most clients find lasting success through a series of ketamine therapies."):
        assert "repeated-infusions-prolong" in claim_ids(real_engine, text), text
    # a session's own length is no durable effect
    assert "repeated-infusions-prolong" not in claim_ids(real_engine, "Ketamine therapy involves multiple sessions lasting about an hour each.")


def test_its_antidepressant_effect_named_as_a_thing_it_has_is_efficacy(real_engine):
    """Ketamine's antidepressant effect named as a thing it has ("the promising antidepressant effects of ketamine",
    "the way ketamine exerts its antidepressant effects", "ketamine's effectiveness") presupposes efficacy (labelling
    decisions, round 6 rule 21, round 7 rules 10 and 17)."""
    for text in ("Studies keep pointing to the antidepressant effects of low-dose ketamine.",
                 "Scientists still debate how ketamine produces its antidepressant effects.",
                 "Ketamine may produce its therapeutic effects through several pathways.",
                 "Nobody is sure of the source of ketamine's effectiveness."):
        assert "ketamine-effective-depression" in claim_ids(real_engine, text), text
    # how long the effects last is effects-last-long's, and side effects named beside it are their own topic
    for text in ("The antidepressant effects of ketamine often persist for a week or more.",
                 "How to prolong the antidepressant effects of ketamine is still unknown.",
                 "These side effects of ketamine may even matter for ketamine's effectiveness."):
        assert "ketamine-effective-depression" not in claim_ids(real_engine, text), text


def test_fast_or_sudden_results_are_rapid_onset(real_engine):
    """Results that come "really fast" or are "sudden and dramatic" say it works fast without a time frame
    (ketamine-rapid-onset, labelling decisions, clinic rule 1)."""
    for text in ("With ketamine, many patients get results really fast.",
                 "The results of ketamine can be sudden and dramatic."):
        assert "ketamine-rapid-onset" in claim_ids(real_engine, text), text
    # results of something else coming quickly are not its speed
    for text in ("Ketamine is given at our clinic. Results of your lab tests come back quickly.",
                 "Ketamine is given at our clinic. You can book quickly online and see results on your account."):
        assert "ketamine-rapid-onset" not in claim_ids(real_engine, text), text


def test_a_course_from_four_sessions_up_is_not_six_infusions(real_engine):
    """"4-6 sessions over a few weeks" is a course that may stop at four (clinic rule 19: a course of four is another
    protocol), not the six-infusion course."""
    for text in ("We usually plan 4-6 sessions spread over a few weeks.",
                 "Most clients need four to six infusions over a few weeks."):
        assert "six-infusions-course" not in claim_ids(real_engine, text), text
    assert "six-infusions-course" in claim_ids(real_engine, "Most clients need six infusions over a few weeks.")


def test_regaining_consciousness_within_hours_is_no_relief(real_engine):
    """Coming round from the drug ("patients regain normal consciousness within a few hours") is recovery from it,
    not relief within hours."""
    text = "After a high dose the effects fade and users regain normal consciousness within a few hours."
    found = claim_ids(real_engine, text)
    assert "onset-within-hours" not in found and "ketamine-rapid-onset" not in found, found
    assert "onset-within-hours" in claim_ids(real_engine, "After a dose, patients often feel relief within a few hours.")


def test_a_drop_in_symptoms_among_patients_with_trd_is_trd_efficacy(real_engine):
    """A trial's drop or decrease in depression scores or symptoms among patients with treatment-resistant depression
    after ketamine is its result in TRD (labelling decisions, news rule 3, round 5 rule 15)."""
    for text in ("In one trial, about half of patients with treatment-resistant depression had a drop in depression scores after ketamine infusions.",
                 "Patients with treatment-resistant depression showed a clear decrease in symptoms after four ketamine sessions."):
        assert "trd-effective" in claim_ids(real_engine, text), text
    # a drop in blood pressure is a side effect, not a benefit
    text = "Patients with treatment-resistant depression may feel a drop in blood pressure during ketamine infusions."
    assert "trd-effective" not in claim_ids(real_engine, text)


def test_the_other_drugs_approval_is_not_the_sprays(real_engine):
    """"Works differently from other approved drug treatments" / "other FDA-approved antidepressants" names the other
    drugs' approval, not the spray's (round 7 rule 17: uncovered esketamine-first-new-mechanism)."""
    for text in ("Esketamine works differently from other FDA-approved antidepressants.",
                 "Esketamine is a new approach, since it acts unlike other approved drug treatments."):
        assert "esketamine-fda-approved" not in claim_ids(real_engine, text), text
    # the spray's own approval beside them still is
    assert "esketamine-fda-approved" in claim_ids(real_engine, "Spravato is FDA-approved and works differently from other approved drugs.")
