"""Rules of session 53, each with its neighbouring case beside it.

- A lead-in whose subject the items' verbs complete ("may be a good option if you:") is read with each item, as one
  ending "for:" is; "Benefits of KAP include:" is a lead-in, not a paper's title, and an item saying which benefit fills
  the slot the lead-in's "Benefits" took.
- The state the drug puts one in ("puts patients in a dissociative state") and what there may be in a session ("Sometimes
  there are hallucinations") are its common effects; a bare class line is not.
- Antidepressant action named as a property the drug has is its efficacy; its speed is the onset claim's.
- A trial's result at a week count against placebo, and the spray's course taken with the oral drug, are no standard
  drug's delay.
- A treatment named as what the drug has an advantage over is named only to compare: the page's drug is carried.
- A 24-hour time point and the first day are within hours; a call to a doctor "right away" is no onset.
- The drug triggering glutamate is the mechanism claim; what glutamate is, is not.
- People "who have chronic suicidal ideation" are whom a treatment is for, not thoughts relieved.
- The REMS rule as a clinic's practice ("Always take Spravato in a monitored, medical setting").
- A just-approved PPD drug about to be sold ("will be marketed as Zulresso") keeps the availability claim.
- The ride home and the day off after a session are the driving rule; approval "not yet received" is the off-label claim.

Every sentence here is invented, not copied from any page. The frames alone are tested (the claim model has its own
tests)."""
from __future__ import annotations

import pytest

from flagged import flags, ids_on, line_claims as claims_on

pytestmark = pytest.mark.frames_only


def test_a_lead_in_the_items_verbs_complete_is_read_with_each_item(real_engine):
    text = "Ketamine therapy\n\nKetamine therapy may be a good option if you:\n\n- Live with PTSD or chronic pain\n"
    assert "ketamine-other-indications" in ids_on(real_engine, text, "Live with PTSD or chronic pain")


def test_an_eligibility_lead_in_names_no_use(real_engine):
    text = "Ketamine therapy\n\nKetamine therapy may be considered for:\n\n- Obsessive-compulsive disorder\n"
    assert "ketamine-other-indications" not in ids_on(real_engine, text, "Obsessive-compulsive disorder")


def test_cluster_headaches_are_a_condition_treated(real_engine):
    text = "Ketamine therapy\n\nKetamine has been effective in the treatment of:\n\n- Cluster headaches\n"
    assert "ketamine-other-indications" in ids_on(real_engine, text, "Cluster headaches")


def test_an_item_saying_which_benefit_of_kap(real_engine):
    text = "Ketamine-assisted psychotherapy\n\nBenefits of KAP include:\n\n- Reduced relapse rates\n"
    assert "ketamine-plus-psychotherapy" in ids_on(real_engine, text, "Reduced relapse rates")


def test_a_risk_of_kap_is_no_benefit_of_it(real_engine):
    text = "Ketamine-assisted psychotherapy\n\nRisks of KAP include:\n\n- Raised blood pressure\n"
    assert "ketamine-plus-psychotherapy" not in ids_on(real_engine, text, "Raised blood pressure")


@pytest.mark.parametrize("line", [
    "Ketamine puts patients in a dissociative state for a short while.",
    "Sometimes there are vivid hallucinations during a session.",
])
def test_the_state_it_puts_one_in_is_a_common_effect(real_engine, line):
    assert claims_on(real_engine, line).get("ketamine-common-side-effects") == "asserts"


def test_a_bare_class_line_states_no_effect(real_engine):
    assert "ketamine-common-side-effects" not in claims_on(real_engine, "Ketamine is classified as a dissociative anesthetic.")


def test_antidepressant_action_named_as_a_property_is_efficacy(real_engine):
    line = "Studies show that ketamine has antidepressant properties."
    assert claims_on(real_engine, line).get("ketamine-effective-depression") == "asserts"


def test_its_speed_is_the_onset_claim_not_a_property(real_engine):
    assert "ketamine-effective-depression" not in claims_on(real_engine, "Ketamine has rapid antidepressant effects.")


@pytest.mark.parametrize("line", [
    "Those who used the spray and an oral antidepressant had greater reductions of depression symptoms at four weeks "
    "compared to those who received a placebo.",
    "You will take Spravato twice a week for four weeks, along with an oral antidepressant.",
])
def test_a_trial_result_or_a_course_at_a_week_count_is_no_standard_delay(real_engine, line):
    assert "ssri-onset-weeks" not in claims_on(real_engine, line, heading="Spravato for depression")


def test_the_standard_delay_still_stands(real_engine):
    line = "Oral antidepressants can take four to six weeks to work."
    assert claims_on(real_engine, line).get("ssri-onset-weeks") == "asserts"


def test_a_treatment_it_has_an_advantage_over_is_named_only_to_compare(real_engine):
    text = ("Ketamine therapy\n\nKetamine is given as an infusion in our clinic. Its main advantage over conventional "
            "antidepressants is the rapid improvement in mood.\n")
    assert "ketamine-rapid-onset" in ids_on(
        real_engine, text, "Its main advantage over conventional antidepressants is the rapid improvement in mood.")


def test_a_rapid_response_is_the_speed_of_its_effect(real_engine):
    text = "Ketamine therapy\n\nKetamine is given as an infusion. This rapid response can be life-changing.\n"
    assert "ketamine-rapid-onset" in ids_on(real_engine, text, "This rapid response can be life-changing.")


@pytest.mark.parametrize("line", [
    "Its benefits are often felt within the first day of treatment.",
    "Most of the drop in depressive symptoms was seen at 24 hours.",
])
def test_the_first_day_and_a_24_hour_time_point_are_within_hours(real_engine, line):
    assert claims_on(real_engine, line).get("onset-within-hours") == "asserts"


def test_a_call_to_a_doctor_right_away_is_no_onset(real_engine):
    line = "Tell your doctor right away if you feel faint after ketamine treatment."
    assert "onset-within-hours" not in claims_on(real_engine, line)


def test_triggering_glutamate_is_the_mechanism(real_engine):
    line = "Ketamine triggers glutamate production in the brain."
    assert claims_on(real_engine, line).get("nmda-glutamate-mechanism") == "asserts"


def test_what_glutamate_is_is_no_mechanism_of_the_drug(real_engine):
    line = "Glutamate is the brain's main excitatory neurotransmitter."
    assert "nmda-glutamate-mechanism" not in claims_on(real_engine, line)


def test_people_who_have_suicidal_ideation_are_whom_it_is_for(real_engine):
    line = "The spray is used to treat adults with depression who have chronic suicidal ideation."
    assert "reduces-suicidal-ideation" not in claims_on(real_engine, line, heading="Spravato for depression")


def test_suicidal_thoughts_relieved_stay_the_claim(real_engine):
    line = "Ketamine can relieve suicidal thoughts within hours."
    assert claims_on(real_engine, line).get("reduces-suicidal-ideation") == "asserts"


def test_the_rems_rule_as_a_clinics_practice(real_engine):
    line = "Always take Spravato in a monitored, medical setting."
    assert claims_on(real_engine, line, heading="Spravato treatment").get("esketamine-rems-monitoring") == "asserts"


def test_a_just_approved_ppd_drug_about_to_be_sold(real_engine):
    text = "New pill for postpartum depression\n\nThe pill, which will be marketed as Zurzuvae, is taken for 14 days.\n"
    assert ("The pill, which will be marketed as Zurzuvae, is taken for 14 days.", "fda-approved-ppd-drugs", "asserts") \
        in flags(real_engine, text)


def test_a_brand_name_alone_is_no_approval(real_engine):
    text = "Zuranolone explained\n\nZurzuvae is the brand name for zuranolone.\n"
    assert "fda-approved-ppd-drugs" not in ids_on(real_engine, text, "Zurzuvae is the brand name for zuranolone.")


@pytest.mark.parametrize("line", [
    "You may not be able to drive yourself home.",
    "It is not safe to drive on the day of your infusion.",
    "Reliable transportation to and from each ketamine appointment is required.",
    "We do not recommend that you return to work on the day of your ketamine infusion.",
])
def test_the_ride_home_and_the_day_off_are_the_driving_rule(real_engine, line):
    assert claims_on(real_engine, line).get("no-driving-after-treatment") == "asserts"


def test_a_ride_offered_as_an_option_is_no_rule(real_engine):
    line = "Parking is free for anyone who comes to our ketamine clinic."
    assert "no-driving-after-treatment" not in claims_on(real_engine, line)


def test_approval_not_yet_received_is_the_off_label_claim(real_engine):
    line = "Doctors can prescribe ketamine, but the drug has not yet received approval from the FDA for depression."
    assert claims_on(real_engine, line).get("ketamine-off-label-depression") == "asserts"
