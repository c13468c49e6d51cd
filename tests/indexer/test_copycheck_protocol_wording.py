"""The copy checker on the wordings real copy uses for the treatment protocol, supervision, misuse and
approvals (issue 10, round 3). Each case stands for a general cause of a miss or a false flag on unseen
pages, fixed as concept or frame data; the sentences are invented, not copied from any page."""
from __future__ import annotations

import pytest

from flagged import claim_ids  # tests/indexer/flagged.py


# --- esketamine's supervised use (REMS) ---------------------------------------------------------------

def test_dosing_yourself_under_supervision_is_the_rems_requirement(real_engine):
    for text in ("About Spravato\nYou self-administer the spray while a nurse observes you.",
                 "About Spravato\nEach dose is self-administered under the supervision of our staff.",
                 "Esketamine is a nasal spray that patients administer themselves under supervision.",
                 "About Spravato\nIt is taken under the direct observation of a clinician."):
        assert "esketamine-rems-monitoring" in claim_ids(real_engine, text), text
    # the self-dosed nasal spray under watch is esketamine's, whatever the sentence before carries
    assert "esketamine-rems-monitoring" in claim_ids(
        real_engine, "Your doctor explains how Spravato works. Questions are answered before therapy starts.\n\n"
                     "At each visit you self-administer the nasal spray while staff observe you.")
    # an IV infusion given under an anaesthetist's supervision is no esketamine programme
    assert "esketamine-rems-monitoring" not in claim_ids(
        real_engine, "Ketamine infusions\nThe infusion is administered under the supervision of an anesthesiologist.")


def test_resting_two_hours_after_the_spray_is_the_post_dose_observation(real_engine):
    assert "esketamine-rems-monitoring" in claim_ids(
        real_engine, "Your Spravato visit\nAfterwards you relax in a recliner for two hours.")
    # fasting two hours before the dose is another instruction
    assert "esketamine-rems-monitoring" not in claim_ids(
        real_engine, "Your Spravato visit\nAvoid eating for 2 hours before treatment and rest well the night before.")


# --- the esketamine schedule: induction, then fewer sessions --------------------------------------------

def test_two_treatments_a_week_then_a_taper_is_the_esketamine_schedule(real_engine):
    found = claim_ids(real_engine, "Spravato\nPatients come in for two sessions per week over the first month, then a tapering schedule follows.")
    assert {"esketamine-dosing-schedule", "maintenance-may-be-needed"} <= found
    # the spray's four-week induction is no six-infusion IV course
    assert "six-infusions-course" not in found
    assert "six-infusions-course" not in claim_ids(
        real_engine, "Spravato\nIn the study, esketamine was given over a four-week induction period.")
    # an IV series over three weeks still is
    assert "six-infusions-course" in claim_ids(real_engine, "Ketamine infusions\nThe initial series runs over 3 weeks.")


def test_a_course_of_four_or_five_infusions_is_another_protocol(real_engine):
    """Clinic rule 19 (labelling decisions): a course of four or five is not about six infusions, by its count or by its
    weeks (session 35)."""
    for text in ("Ketamine infusions\nWe recommend that clients complete five infusions over a 3-4 week period.",
                 "Ketamine infusions\nMost patients receive a series of 5 ketamine infusions over two weeks.",
                 "Ketamine infusions\nIf you respond, we suggest 4 additional infusions over the next two weeks."):
        assert "six-infusions-course" not in claim_ids(real_engine, text), text
    for text in ("Ketamine infusions\nMost patients receive a series of 6 ketamine infusions over two weeks.",
                 "Ketamine infusions\nA typical course is six to eight infusions."):
        assert "six-infusions-course" in claim_ids(real_engine, text), text


def test_six_studies_behind_a_treatment_are_no_course_of_six(real_engine):
    """"six" counts sessions only when it counts them, not the trials a treatment was tested in (session 36, round 39)."""
    text = ("Ketamine infusions\nThis treatment has been safety evaluated in over 1700 adults across six studies: "
            "five phase 3 studies and one phase 2 study.")
    assert "six-infusions-course" not in claim_ids(real_engine, text)
    assert "six-infusions-course" in claim_ids(real_engine, "Ketamine infusions\nThe treatment is six infusions in total.")


def test_two_treatments_a_week_alone_is_no_taper(real_engine):
    """"weekly" must not find the "a week" of the induction rate itself."""
    assert "esketamine-dosing-schedule" not in claim_ids(
        real_engine, "Ketamine infusions\nAt first, patients usually receive two treatments a week.")


def test_twice_a_week_for_the_first_month_is_the_esketamine_induction(real_engine):
    assert "esketamine-dosing-schedule" in claim_ids(
        real_engine, "Spravato\nMost patients use the spray twice a week for the first month.")


# --- misuse: a leaflet's warning about "this medicine" -----------------------------------------------------

# Frames alone: the claim model retrained on 1,034 pages (session 34) gives "Scrolling is addictive" under a ketamine
# heading abuse-potential at p 0.6003, a hair over its threshold (0.6); the subject rule tested here is the frames'.
@pytest.mark.frames_only
def test_habit_forming_said_of_the_pages_drug_is_abuse_potential(real_engine):
    for text in ("Esketamine nasal spray\nThis medication may be habit-forming.",
                 "Ketamine\nOutside medicine, it is sold as a recreational drug.",
                 "About Spravato\nThe drug can lead to addiction if misused."):
        assert "abuse-potential" in claim_ids(real_engine, text), text
    # another drug's leaflet, or another substance named as the subject, is not ketamine's misuse
    assert "abuse-potential" not in claim_ids(real_engine, "Zuranolone\nThis medication may be habit-forming.")
    assert "abuse-potential" not in claim_ids(real_engine, "Ketamine\nNicotine is addictive and harms new mothers.")
    assert "abuse-potential" not in claim_ids(real_engine, "Ketamine\nScrolling is addictive, and it harms sleep.")


def test_treating_someones_addiction_is_no_misuse_of_ketamine(real_engine):
    found = claim_ids(real_engine, "Ketamine may help people with alcohol addiction stay sober.")
    assert "abuse-potential" not in found


# --- approvals: a review, an application or an insurer's approval is not the FDA's approval ----------------

def test_a_priority_review_or_an_application_is_no_approval(real_engine):
    for text in ("Zuranolone\nThe FDA granted zuranolone priority review last spring.",
                 "Zurzuvae\nThe company's application for FDA approval rested on two trials."):
        assert "fda-approved-ppd-drugs" not in claim_ids(real_engine, text), text
    assert "fda-approved-ppd-drugs" in claim_ids(real_engine, "Zurzuvae\nThe FDA approved zuranolone for postpartum depression.")


def test_an_insurers_approval_period_is_no_fda_approval(real_engine):
    assert "esketamine-fda-approved" not in claim_ids(
        real_engine, "Spravato coverage policy\nThe initial approval duration is 6 months for treatment-resistant depression.")
    assert "esketamine-fda-approved" in claim_ids(
        real_engine, "Spravato coverage policy\nSpravato is approved for treatment-resistant depression.")


# --- other indications: presented as a treatment for another condition ------------------------------------

def test_offered_as_a_treatment_for_another_condition_is_another_indication(real_engine):
    for text in ("Clinics now offer ketamine widely as a treatment for OCD and anxiety.",
                 "Ketamine\nIt is thought to matter in the treatment of chronic pain."):
        assert "ketamine-other-indications" in claim_ids(real_engine, text), text


def test_pain_relievers_a_pain_specialist_or_ketamine_addiction_are_no_other_indication(real_engine):
    for text in ("Spravato leaflet\nTell your doctor if you take sleep aids or pain relievers.",
                 "Is ketamine safe?\nA board-certified anesthesiologist, Dr. Rivera has years of experience in chronic pain care.",
                 "Ketamine\nWe also offer treatment for ketamine addiction.",
                 "Spravato leaflet\nAvoid using with alcohol or other medicines that can worsen anxiety.",
                 "Ketamine clinic\nMany people feel some anxiety before their first ketamine treatment for depression."):
        assert "ketamine-other-indications" not in claim_ids(real_engine, text), text


# --- driving: the restriction stated by itself -----------------------------------------------------------

def test_arranging_transport_or_an_inability_to_drive_is_the_driving_restriction(real_engine):
    for text in ("Before your Spravato visit\nArrange for transportation. Eat lightly the evening before.",
                 "Esketamine warnings\nA temporary inability to drive safely.",
                 "Ketamine sessions end with a check of vital signs and activity restrictions for the rest of the day."):
        assert "no-driving-after-treatment" in claim_ids(real_engine, text), text
    # another drug's leaflet is that drug's restriction
    assert "no-driving-after-treatment" not in claim_ids(
        real_engine, "Zuranolone leaflet\nDecreased ability to drive or do other dangerous activities.")


# --- side effects: a named one called mild or temporary still happens -------------------------------------

def test_a_named_side_effect_called_mild_or_temporary_is_a_side_effect_it_causes(real_engine):
    for text in ("Ketamine infusions\nSome patients notice slight dizziness that wears off within the hour.",
                 "Possible effects of ketamine:\n- Temporary rise in heart rate\n- Mild headache",
                 "About Spravato\nBrief sedation is normal after the dose."):
        found = claim_ids(real_engine, text)
        assert {"ketamine-common-side-effects", "side-effects-mild-transient"} <= found, text


NO_SIDE_EFFECT_NAMED = [
    # the generic "side effects are mild" says nothing of which occur; rare or uncommon ones are not common ones (the
    # claim model retrained on 1,208 pages added the common side effects to the first; retrained on 1,235 it no longer does)
    "Ketamine FAQ\nSide effects are mild and temporary.",
    "Ketamine FAQ\nMild nausea is uncommon with our protocol.",
    # nor is the baby blues' mild tiredness a side effect
    "Ketamine for new mothers\nThe baby blues bring mild sadness and tiredness that pass within two weeks.",
]


@pytest.mark.parametrize("text", NO_SIDE_EFFECT_NAMED)
def test_mild_side_effects_named_by_no_effect_are_no_common_one(real_engine, text):
    assert "ketamine-common-side-effects" not in claim_ids(real_engine, text), text


@pytest.mark.frames_only
@pytest.mark.parametrize("text", NO_SIDE_EFFECT_NAMED)
def test_no_side_effect_named_for_the_frames_alone(real_engine, text):
    assert "ketamine-common-side-effects" not in claim_ids(real_engine, text), text


def test_effects_of_other_medicines_misuse_or_the_rems_rationale_are_no_common_side_effects(real_engine):
    for text in ("Spravato leaflet\nDo not combine it with other medicines that can cause drowsiness.",
                 "Ketamine\nAt high doses it can cause users to feel detached from their bodies.",
                 "Spravato\nBecause of the risk of sedation and dissociation, it is distributed only under a risk evaluation and mitigation strategy."):
        assert "ketamine-common-side-effects" not in claim_ids(real_engine, text), text
    # its dissociative effects named as what the drug is sold for are its effects stated as properties (labelling
    # decisions, round 7 rule 13; round 9, review of l14, rule 4): that sentence moved to the misuse tests' side


def test_dissociative_effects_it_is_sold_for_are_its_effects_and_its_misuse(real_engine):
    ids = claim_ids(real_engine, "Ketamine\nIt is sold for its dissociative effects under street names such as Special K.")
    assert {"ketamine-common-side-effects", "abuse-potential"} <= ids


# --- safety: said outright, after a condition, or as a safety record -------------------------------------

def test_safe_after_a_condition_or_a_strong_safety_record_is_safe_and_well_tolerated(real_engine):
    for text in ("Is ketamine safe?\nIn short, ketamine treatment, when given by trained staff in a clinic, is safe.",
                 "Ketamine\nAt these doses it has a solid safety record across many studies."):
        assert "ketamine-safe-well-tolerated" in claim_ids(real_engine, text), text


def test_a_clinics_aim_to_keep_sessions_safe_or_a_comparison_is_not_the_safety_claim(real_engine):
    for text in ("Spravato visits\nOur nurses stay with you to ensure each session is safe and calm.",
                 "Ketamine\nUnlike older antidepressants, ketamine is safe and quick."):
        assert "ketamine-safe-well-tolerated" not in claim_ids(real_engine, text), text


# --- at-home use: telehealth ketamine is taken at home ------------------------------------------------------

def test_dangers_of_telehealth_ketamine_are_the_at_home_risk(real_engine):
    assert "ketamine-at-home-risk" in claim_ids(
        real_engine, "Ketamine online\nThe risks of ketamine prescribed through telehealth are real.")
    # booking by telehealth, or the industry's regulation, is not a danger of taking it at home
    for text in ("Ketamine online\nTelehealth appointments make it easier to book your first consultation.",
                 "Ketamine online\nMy concern today is the lack of regulation among telehealth companies.",
                 "Ketamine online\nTelehealth visits reduce the risk of missed appointments."):
        assert "ketamine-at-home-risk" not in claim_ids(real_engine, text), text


def test_a_dropped_antidepressant_requirement_is_the_monotherapy_approval(real_engine):
    assert "esketamine-monotherapy-approved" in claim_ids(
        real_engine, "Spravato news\nSince the new approval, concurrent use of an oral antidepressant with Spravato is no longer required.")


# --- the course of treatment: regular sessions to keep the benefit; the drip's length -----------------------

def test_needing_regular_treatments_to_keep_the_benefit_is_maintenance(real_engine):
    assert "maintenance-may-be-needed" in claim_ids(
        real_engine, "How long does ketamine last?\nRelief varies, and some people need regular sessions to keep it going.")


def test_a_dose_infused_over_forty_minutes_is_the_infusions_length(real_engine):
    assert "infusion-40-60-min" in claim_ids(
        real_engine, "Ketamine infusions\nThe usual dose, 0.5 mg/kg, is administered over 40 minutes.")
    # improvement measured over an hour after the drip is no infusion length
    assert "infusion-40-60-min" not in claim_ids(
        real_engine, "Ketamine infusions\nMood scores rose over 60 minutes after the infusion.")


def test_one_potential_side_effect_or_short_term_effects_patients_experience_are_side_effects(real_engine):
    for text in ("Ketamine infusions\nOne possible side effect of the infusion is a headache.",
                 "About Spravato\nMost people experience some short-term effects right after a dose."):
        assert "ketamine-common-side-effects" in claim_ids(real_engine, text), text


@pytest.mark.frames_only  # the rule, without the claim model: retrained on 793 pages it reads "Parking is safe" under a ketamine heading as safety (session 27)
def test_something_else_called_safe_on_a_ketamine_page_is_not_the_treatments_safety(real_engine):
    for text in ("Ketamine clinic\nYour personal information is safe with us.",
                 "Ketamine clinic\nParking is safe and free for all patients."):
        assert "ketamine-safe-well-tolerated" not in claim_ids(real_engine, text), text


# --- approvals, tuning round 4: unapproved uses, what an approval follows, another country's licence ----------

def test_uses_said_to_be_unapproved_are_not_the_approval_claim(real_engine):
    """A list of unapproved uses is another claim (labels: esketamine-unapproved-uses), not a denial of approval."""
    for text in ("Spravato can help some forms of depression, but it is not approved for the following uses:",
                 "These conditions are not listed as approved uses for Spravato."):
        assert "esketamine-fda-approved" not in claim_ids(real_engine, text), text


def test_what_the_approval_follows_or_another_countrys_licence_is_no_fda_approval(real_engine):
    for text in ("Spravato news\nThe approval follows a priority review of the company's trial data.",
                 "In the UK, esketamine nasal spray is only licensed for treatment-resistant depression."):
        assert "esketamine-fda-approved" not in claim_ids(real_engine, text), text


def test_approval_with_its_indication_is_the_approval_claim_only(real_engine):
    """'an FDA-approved nasal spray used to treat TRD' (labelling decisions, consistency 2); efficacy stated
    beside the approval ('has been shown to be more effective in treating TRD') is still trd-effective."""
    found = claim_ids(real_engine, "Spravato is an FDA-approved nasal spray used to treat treatment-resistant depression.")
    assert "esketamine-fda-approved" in found and "trd-effective" not in found
    found = claim_ids(real_engine, "Spravato is FDA-approved and has been shown to be more effective in treating "
                                   "treatment-resistant depression than oral antidepressants alone.")
    assert {"esketamine-fda-approved", "trd-effective"} <= found
    assert "esketamine-monotherapy-approved" not in found  # "alone" is said of the comparator


def test_deciding_whether_boosters_are_needed_states_no_need(real_engine):
    assert "maintenance-may-be-needed" not in claim_ids(
        real_engine, "Ketamine clinic\nAt your review we help you determine if boosters are needed in your case.")
    assert "maintenance-may-be-needed" in claim_ids(
        real_engine, "Ketamine clinic\nSome patients need boosters every few months to keep the benefit.")


def test_the_programme_named_by_its_own_words_is_the_rems_without_naming_the_drug(real_engine):
    """A news story names Spravato in its headline only; 'a restricted distribution system' or 'a Risk Evaluation and
    Mitigation Strategy program' is still the spray's REMS. Brexanolone's programme around its infusion is not."""
    for text in ("FDA news\nThe drug will only be available through a restricted distribution system.",
                 "FDA news\nIt will be available through a restricted Risk Evaluation and Mitigation Strategy program."):
        assert "esketamine-rems-monitoring" in claim_ids(real_engine, text), text
    assert "esketamine-rems-monitoring" not in claim_ids(
        real_engine, "Zulresso news\nThe drug is only available through a restricted distribution program during the 60-hour infusion.")


def test_not_a_cure_says_nothing_about_the_length_of_a_course(real_engine):
    assert "short-course-no-maintenance" not in claim_ids(
        real_engine, "Spravato is not a cure, but it can be part of a larger treatment plan.")
