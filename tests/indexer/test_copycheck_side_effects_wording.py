"""The copy checker on the wordings real copy uses for ketamine's side effects, safety and course of treatment
(issue 10, round 2). Each case stands for a general cause of a miss or a false flag on unseen pages, fixed
as concept or frame data; the sentences are invented, not copied from any page."""
from __future__ import annotations

import pytest

from flagged import claim_ids, flags  # tests/indexer/flagged.py


# --- side effects: how trials and labels report them ----------------------------------------------------

def test_side_effects_that_patients_reported_are_side_effects_it_causes(real_engine):
    assert "ketamine-common-side-effects" in claim_ids(
        real_engine, "In the trial, mothers given esketamine reported headaches and dizziness more often than the others.")
    assert "ketamine-common-side-effects" in claim_ids(
        real_engine, "Drowsiness and nausea have been reported after ketamine treatment.")
    # ...but minimal side effects, reported or not, are not common ones
    found = claim_ids(real_engine, "Patients in our clinic reported minimal side effects from ketamine.")
    assert "ketamine-common-side-effects" not in found
    assert "side-effects-mild-transient" in found


def test_side_effects_patients_experienced_or_affecting_them_are_side_effects_it_causes(real_engine):
    assert "ketamine-common-side-effects" in claim_ids(
        real_engine, "In the study, some patients experienced headaches after the ketamine infusion.")
    assert "ketamine-common-side-effects" in claim_ids(
        real_engine, "About Spravato\nBecause of possible side effects affecting alertness, you cannot drive until the next day.")
    # a mere mention of possible side effects in advice is not the claim
    assert "ketamine-common-side-effects" not in claim_ids(
        real_engine, "Talk to your doctor about possible side effects before starting ketamine.")


def test_a_side_effect_called_common_is_a_side_effect_it_causes(real_engine):
    assert "ketamine-common-side-effects" in claim_ids(real_engine, "Nausea is a common side effect of ketamine.")
    assert "ketamine-common-side-effects" in claim_ids(real_engine, "Common side effects are nausea, dizziness and sedation.")
    # a heading naming the topic states nothing; fatigue as a symptom of the illness is no side effect
    assert not flags(real_engine, "Common Side Effects of Spravato\nSpravato is a nasal spray.")
    assert "ketamine-common-side-effects" not in claim_ids(
        real_engine, "Fatigue is a common symptom of postpartum depression.")


def test_a_temporary_rise_in_blood_pressure_is_a_common_short_lived_side_effect(real_engine):
    found = claim_ids(real_engine, "Ketamine can temporarily raise your heart rate and blood pressure.")
    assert {"ketamine-common-side-effects", "side-effects-mild-transient"} <= found
    assert "ketamine-common-side-effects" in claim_ids(
        real_engine, "A rise in blood pressure is expected during each ketamine session.")


def test_feeling_floaty_or_out_of_body_is_a_side_effect(real_engine):
    assert "ketamine-common-side-effects" in claim_ids(
        real_engine, "Patients often report feeling floaty during the ketamine infusion.")


def test_the_illnesss_symptoms_reported_by_mothers_are_no_side_effects(real_engine):
    """The report verbs also tell the illness's symptoms: there the treatment must be named, not carried."""
    for sentence in ("Mothers with postpartum depression often report fatigue, irritability and poor sleep.",
                     "New mothers commonly experience fatigue and headaches in the first weeks after birth.",
                     "Untreated depression is associated with fatigue and headaches.",
                     "Sleep deprivation can increase fatigue in new parents."):
        assert "ketamine-common-side-effects" not in claim_ids(real_engine, "Ketamine treatment\n" + sentence), sentence


def test_side_effects_associated_with_the_drug_are_side_effects_it_causes(real_engine):
    assert "ketamine-common-side-effects" in claim_ids(
        real_engine, "Headache and nausea are among the side effects associated with a ketamine infusion.")


def test_a_dissociative_drug_leading_to_detachment_names_its_side_effect(real_engine):
    assert "ketamine-common-side-effects" in claim_ids(
        real_engine, "Ketamine is a dissociative medicine, leading to a sense of detachment from your surroundings.")


def test_a_precaution_against_a_side_effect_does_not_report_it(real_engine):
    text = "To reduce the risk of nausea, do not eat for two hours before your ketamine treatment."
    assert "ketamine-common-side-effects" not in claim_ids(real_engine, text)


def test_serious_or_rare_side_effects_are_not_the_common_ones(real_engine):
    # serious side effects left unnamed; named ones ("can cause serious side effects such as ... very high blood pressure")
    # are the claim since labelling decisions round 5 rule 13 and round 6 rule 7 (test_copycheck_pass12_safety.py)
    assert "ketamine-common-side-effects" not in claim_ids(
        real_engine, "Ketamine can cause serious side effects that need a doctor's care.")
    assert "ketamine-common-side-effects" not in claim_ids(
        real_engine, "Rare side effects of ketamine include fainting and allergic reactions.")


def test_a_slight_rise_in_blood_pressure_is_a_mild_side_effect(real_engine):
    assert "side-effects-mild-transient" in claim_ids(
        real_engine, "Ketamine infusions may cause a slight rise in blood pressure.")


def test_mild_dissociation_is_a_mild_side_effect(real_engine):
    assert "side-effects-mild-transient" in claim_ids(
        real_engine, "During the infusion most people stay awake and may feel mildly dissociated.")


# frames alone: the claim model's veto (session 32, docs/checker.md) drops the claim in a terse invented sentence here
@pytest.mark.frames_only
def test_side_effects_that_do_not_last_long_are_short_lived(real_engine):
    assert "side-effects-mild-transient" in claim_ids(real_engine, "Ketamine side effects don't last long.")


def test_side_effects_gone_by_the_time_you_leave_are_short_lived(real_engine):
    assert "side-effects-mild-transient" in claim_ids(
        real_engine, "The side effects of ketamine are usually gone by the time you leave the clinic.")


def test_short_term_side_effects_are_short_lived(real_engine):
    assert "side-effects-mild-transient" in claim_ids(real_engine, "The side effects of a ketamine session are short-term.")


# --- dissociation: its everyday names, and when it starts is not how long it lasts ----------------------------

def test_trance_like_and_dream_like_states_are_dissociation(real_engine):
    assert "dissociation-brief" in claim_ids(
        real_engine, "Some people enter a trance-like state during the infusion, but it is temporary.")
    assert "dissociation-brief" in claim_ids(
        real_engine, "A dream-like feeling is common with ketamine and fades within 30 minutes.")


def test_dissociation_lasting_only_while_the_infusion_runs_is_brief(real_engine):
    text = "Ketamine infusion\nYou may feel a little disconnected, but this feeling only lasts while the medicine is running."
    assert "dissociation-brief" in claim_ids(real_engine, text)


def test_dissociation_shortly_after_the_dose_is_its_onset_not_its_brevity(real_engine):
    text = "Patients may notice dissociation during or shortly after the dose of ketamine."
    assert "dissociation-brief" not in claim_ids(real_engine, text)


# --- safety and misuse -------------------------------------------------------------------------------------

def test_safety_and_efficacy_in_either_order_or_as_adverbs_state_safety(real_engine):
    assert "ketamine-safe-well-tolerated" in claim_ids(
        real_engine, "Our physicians treat depression safely and effectively with ketamine infusions.")
    assert "ketamine-safe-well-tolerated" in claim_ids(
        real_engine, "The review confirms the efficacy and safety of ketamine for adults with depression.")
    assert "ketamine-safe-well-tolerated" in claim_ids(
        real_engine, "Given by an anesthesiologist, ketamine is a safe medication for depression.")


def test_a_good_safety_profile_or_rare_serious_side_effects_state_safety(real_engine):
    assert "ketamine-safe-well-tolerated" in claim_ids(real_engine, "Ketamine has an excellent safety profile.")
    found = claim_ids(real_engine, "Serious side effects are rare with ketamine.")
    assert "ketamine-safe-well-tolerated" in found
    assert "ketamine-common-side-effects" not in found


def test_safe_on_a_condition_is_still_safe(real_engine):
    assert "ketamine-safe-well-tolerated" in claim_ids(
        real_engine, "Ketamine is considered safe when administered in a medical setting.")
    # safe for the nursing baby is the breastfeeding claim, not this one
    found = claim_ids(real_engine, "Ketamine is generally considered safe for use while breastfeeding.")
    assert "ketamine-safe-well-tolerated" not in found


def test_a_controlled_substance_is_a_drug_of_misuse(real_engine):
    assert "abuse-potential" in claim_ids(
        real_engine, "Ketamine is a controlled substance, so every dose is given in the clinic.")
    # another drug's controlled status is not ketamine's
    text = "About ketamine\nBrexanolone is a controlled substance, so hospitals monitor its use closely."
    assert "abuse-potential" not in claim_ids(real_engine, text)


def test_harms_of_heavy_misuse_are_not_side_effects_of_treatment(real_engine):
    """Harm framed on recreational use is uncovered ketamine-abuse-harms, with abuse-potential because recreational
    use is named (labelling decisions: round 2 rule 7, round 5 open 8 and rule 14); never the treatment's side effects."""
    text = "Long-term recreational misuse of ketamine has been linked to bladder damage and cognitive problems."
    found = claim_ids(real_engine, text)
    assert "abuse-potential" in found
    assert "ketamine-common-side-effects" not in found


def test_its_record_as_an_anaesthetic_is_not_its_safety_for_depression(real_engine):
    text = "Ketamine has been used for decades as an anesthetic because of its safety and effectiveness."
    assert "ketamine-safe-well-tolerated" not in claim_ids(real_engine, text)


def test_a_patients_history_of_substance_abuse_is_not_ketamines_misuse(real_engine):
    text = "People with a history of substance abuse may not be good candidates for ketamine."
    assert "abuse-potential" not in claim_ids(real_engine, text)


# --- the Spravato safety programme -------------------------------------------------------------------------

def test_a_certified_office_not_at_home_is_the_rems_setting(real_engine):
    text = "About Spravato\nEach treatment takes place in a certified clinic, not at home."
    assert "esketamine-rems-monitoring" in claim_ids(real_engine, text)


def test_being_watched_during_the_session_is_not_the_rems_programme(real_engine):
    text = "About Spravato\nDuring your session you will be monitored closely by one of our nurses."
    assert "esketamine-rems-monitoring" not in claim_ids(real_engine, text)


def test_staying_in_the_clinic_for_monitoring_is_the_rems_observation(real_engine):
    text = "About Spravato\nAfter you use the spray, you stay in the clinic for monitoring."
    assert "esketamine-rems-monitoring" in claim_ids(real_engine, text)


def test_two_hours_of_checks_after_the_dose_is_the_rems_observation(real_engine):
    text = "About Spravato\nA nurse will check your blood pressure for two hours after you take it."
    assert "esketamine-rems-monitoring" in claim_ids(real_engine, text)
    # two hours of watching the baby, or of fasting, is not the programme
    baby = "About Spravato\nWatch your baby for two hours after breastfeeding and monitor for sleepiness."
    assert "esketamine-rems-monitoring" not in claim_ids(real_engine, baby)


def test_remaining_at_the_clinic_for_two_hours_is_the_rems_observation(real_engine):
    text = "About Spravato\nPatients must remain at the clinic for at least two hours after each dose."
    assert "esketamine-rems-monitoring" in claim_ids(real_engine, text)


def test_someone_taking_you_home_or_driving_not_permitted_is_the_driving_rule(real_engine):
    assert "no-driving-after-treatment" in claim_ids(
        real_engine, "Please arrange for someone to take you home after your ketamine infusion.")
    assert "no-driving-after-treatment" in claim_ids(real_engine, "Driving is not permitted after your ketamine session.")


def test_returning_to_normal_activities_the_next_day_is_the_driving_rule(real_engine):
    assert "no-driving-after-treatment" in claim_ids(
        real_engine, "You can return to normal activities the next day after your ketamine infusion.")


# --- the course of treatment ----------------------------------------------------------------------------------

def test_a_week_at_most_is_a_single_infusions_limit_not_lasting_relief(real_engine):
    text = "The relief from one ketamine infusion tends to last a few days to a week."
    found = claim_ids(real_engine, text)
    assert "single-infusion-short-lived" in found
    assert "effects-last-long" not in found
    figure = "In most studies the relief from a single dose of ketamine lasted about one week."
    assert "effects-last-long" not in claim_ids(real_engine, figure)


def test_a_series_of_treatments_making_results_last_longer_is_the_repeated_course_claim(real_engine):
    assert "repeated-infusions-prolong" in claim_ids(
        real_engine, "The effects of ketamine are cumulative, so results last longer after a series of treatments.")
    assert "repeated-infusions-prolong" in claim_ids(
        real_engine, "Grouping treatments into a series of six sessions can extend the benefit of ketamine.")


def test_three_times_a_week_for_two_weeks_is_the_six_infusion_course(real_engine):
    assert "six-infusions-course" in claim_ids(
        real_engine, "Ketamine infusions are typically given two or three times a week for two to three weeks.")
    assert "six-infusions-course" in claim_ids(real_engine, "You will receive an infusion three times a week over two weeks.")


def test_the_interval_between_boosters_is_not_a_course_length(real_engine):
    text = "Booster infusions may follow the induction series at an interval of 2-4 weeks."
    assert "six-infusions-course" not in claim_ids(real_engine, text)


def test_periodic_treatments_are_maintenance(real_engine):
    assert "maintenance-may-be-needed" in claim_ids(
        real_engine, "Some people need periodic treatments to stay well after their ketamine series.")


def test_benefits_lasting_months_after_the_series_are_not_a_monthly_schedule(real_engine):
    text = "The benefits of ketamine may last for weeks or months after the initial series."
    assert "maintenance-may-be-needed" not in claim_ids(real_engine, text)


def test_the_labels_later_phase_from_week_nine_is_the_dosing_schedule(real_engine):
    text = "About Spravato\nFrom week 9 onward, doses are given every week or every other week."
    assert "esketamine-dosing-schedule" in claim_ids(real_engine, text)


def test_a_schedule_going_on_in_subsequent_months_is_maintenance(real_engine):
    text = "Sessions are twice a week for a month, then every two weeks in subsequent months."
    assert "maintenance-may-be-needed" in claim_ids(real_engine, text)


# --- round 4 tuning: at-home risk, side effects of other drugs, misuse among the drug's risks ------------------

def test_a_death_or_overdose_after_home_use_is_the_at_home_risk(real_engine):
    assert "ketamine-at-home-risk" in claim_ids(
        real_engine, "Last year a patient died after taking ketamine at home without anyone watching.")
    assert "ketamine-at-home-risk" in claim_ids(
        real_engine, "Overdoses have been reported among people using ketamine unsupervised.")
    assert "ketamine-at-home-risk" not in claim_ids(
        real_engine, "Ketamine clinic\nPatients at home can call our nurses any time.")


def test_ketamine_taken_outside_a_medical_setting_is_taken_unsupervised(real_engine):
    assert "ketamine-at-home-risk" in claim_ids(
        real_engine, "Using ketamine outside of a clinical setting carries serious risks.")


# frames alone: under the heading the claim is carried, and the claim model's carried veto (session 33, docs/checker.md)
# drops it from the terse invented cuff sentence
@pytest.mark.frames_only
def test_the_clinics_safeguards_missing_at_home_are_the_at_home_risk(real_engine):
    text = ("Ketamine clinic\nIn our clinic a nurse checks your vital signs throughout. "
            "At home, none of these safeguards are in place.")
    assert "ketamine-at-home-risk" in claim_ids(real_engine, text)
    assert "ketamine-at-home-risk" in claim_ids(
        real_engine, "Ketamine clinic\nA cuff mailed to your house is no substitute for a nurse beside you.")


def test_drug_tolerance_is_not_a_tolerable_side_effect(real_engine):
    text = "Long-term side effects of ketamine\nTolerance can build up with frequent use."
    assert "side-effects-mild-transient" not in claim_ids(real_engine, text)


def test_temporary_dissociation_is_brief_dissociation_not_mild_side_effects_in_general(real_engine):
    found = claim_ids(real_engine, "Because ketamine can cause temporary dissociation and raise blood pressure, "
                                   "patients stay in the clinic afterwards.")
    assert "dissociation-brief" in found
    assert "side-effects-mild-transient" not in found
    # side effects in general called temporary still are
    assert "side-effects-mild-transient" in claim_ids(real_engine, "Nausea and dizziness after ketamine are temporary.")


def test_the_ppd_pills_side_effects_are_not_ketamines(real_engine):
    for sentence in ("Zuranolone's side effects, such as drowsiness and dizziness, are mostly mild.",
                     "Patients report feeling sleepy and dizzy with Zurzuvae use.",
                     "What to know about how Zurzuvae works, how quickly it acts, and its side effects."):
        found = claim_ids(real_engine, sentence)
        assert not found & {"side-effects-mild-transient", "ketamine-common-side-effects"}, sentence


def test_stopping_a_drug_gives_withdrawal_not_mild_side_effects(real_engine):
    text = "Ketamine\nEffects upon discontinuing the medicine may include mild anxiety, headache and nausea."
    assert "side-effects-mild-transient" not in claim_ids(real_engine, text)


def test_side_effects_named_as_the_reason_for_supervision_are_not_said_to_be_common(real_engine):
    text = "Spravato\nEvery dose is given under supervision because of potential side effects like nausea and dizziness."
    assert "ketamine-common-side-effects" not in claim_ids(real_engine, text)
    # outside the rationale, the same effects are
    assert "ketamine-common-side-effects" in claim_ids(real_engine, "Spravato\nSpravato can cause nausea and dizziness.")


def test_warning_signs_to_act_on_at_once_are_not_common_side_effects(real_engine):
    text = "Spravato\nCall your doctor right away if you experience extreme sleepiness, dizziness or fainting."
    assert "ketamine-common-side-effects" not in claim_ids(real_engine, text)


def test_blood_pressure_in_a_medical_history_is_not_a_side_effect(real_engine):
    text = "Your first visit includes:\n\n- Medical history review (blood pressure, heart health)"
    assert "ketamine-common-side-effects" not in claim_ids(real_engine, text)


def test_misuse_given_as_the_reason_for_the_restricted_programme_is_abuse_potential(real_engine):
    text = ("Spravato\nIt is offered only through a Risk Evaluation and Mitigation Strategy programme "
            "because of the risks of sedation and abuse.")
    assert "abuse-potential" in claim_ids(real_engine, text)


def test_misuse_named_among_the_drugs_known_risks_is_abuse_potential(real_engine):
    text = "Ketamine\nKnown safety concerns associated with the drug are misuse, raised blood pressure and bladder problems."
    assert "abuse-potential" in claim_ids(real_engine, text)
    # harms of heavy misuse alone are another claim
    assert "abuse-potential" not in claim_ids(real_engine, "Chronic misuse of ketamine has been linked to bladder damage.")


def test_side_effects_it_only_can_cause_like_any_medicine_are_not_called_common(real_engine):
    for sentence in ("Like every drug, Spravato can cause side effects, most of them mild.",
                     "Since every patient is different, some may experience side effects."):
        assert "ketamine-common-side-effects" not in claim_ids(real_engine, "Ketamine\n" + sentence), sentence
    # named side effects, or unnamed ones called common, many or the main ones, still are
    for sentence in ("Ketamine can cause side effects such as dizziness.",
                     "The main side effects of a ketamine session are sleepiness and nausea.",
                     "Ketamine commonly causes side effects."):
        assert "ketamine-common-side-effects" in claim_ids(real_engine, sentence), sentence
    # a section heading naming them states nothing
    assert "ketamine-common-side-effects" not in claim_ids(
        real_engine, "Common Side Effects of Spravato®\n\nSpravato is a nasal spray used in a clinic.")


def test_effects_named_short_term_in_one_phrase_are_short_lived_side_effects(real_engine):
    found = claim_ids(real_engine, "Ketamine clinic\nMost clients notice some short-term effects during a session.")
    assert "side-effects-mild-transient" in found
    # ...and effects in general called short-term are not brief dissociation
    text = "You may feel mildly dissociated during the infusion. Typical short-term effects include:"
    assert "dissociation-brief" not in claim_ids(real_engine, text)


def test_side_effects_lasting_longer_called_rare_are_short_lived(real_engine):
    assert "side-effects-mild-transient" in claim_ids(
        real_engine, "Ketamine\nSide effects lasting more than a day are uncommon.")


def test_numbness_felt_for_years_is_the_illness_not_a_side_effect(real_engine):
    text = "Ketamine lets patients feel joy again, often after years of feeling numb and detached."
    assert "ketamine-common-side-effects" not in claim_ids(real_engine, text)


def test_risks_of_clinical_use_called_minimal_are_its_safety_not_misuse(real_engine):
    text = "Ketamine\nAny medicine can be unsafe through misuse of medication, but the risks of ketamine given in a clinic are minimal."
    found = claim_ids(real_engine, text)
    assert "ketamine-safe-well-tolerated" in found
    assert "abuse-potential" not in found
    # a low risk of one named harm is that harm's claim, not general safety
    assert "ketamine-safe-well-tolerated" not in claim_ids(
        real_engine, "Ketamine\nThe risk of postpartum depression is very low after ketamine at delivery.")


def test_being_evaluated_for_safety_is_a_review_process_not_its_result(real_engine):
    text = ("FDA cautions about compounded ketamine\n\nRegulators caution patients about compounded ketamine sold online. "
            "Compounded products are not evaluated by the FDA for safety and effectiveness.")
    assert "ketamine-safe-well-tolerated" not in claim_ids(real_engine, text)


def test_a_drug_said_not_to_be_habit_forming_denies_abuse_potential(real_engine):
    # the leaflet frame's subject words ("it can", "this medicine") must not absorb the copy's own "not"
    report = real_engine.check("Esketamine is not addictive, and it is not habit-forming.").to_dict()
    flags = {c["id"]: c["stance"] for s in report["sentences"] for c in s["claims"]}
    assert flags.get("abuse-potential") == "denies"
