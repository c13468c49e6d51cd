"""Residual misses on the tuning pages, pass 9 (issue 10): general wordings of the safety, misuse, side-effect,
other-use and failed-drug claims that real copy uses and the checker missed (or flagged wrongly). Every sentence
here is invented, not copied from any page; each test fails without the change it names."""
from __future__ import annotations

import pytest

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_recreational_use_named_is_the_misuse_claim_whatever_harm_follows(real_engine):
    """Naming ketamine's recreational use asserts abuse-potential (labelling decisions, round 2 rule 7), also when the
    sentence goes on to a harm of that use (round 5, open case 8 decided): the bladder words no longer hide it."""
    for sentence in ("Bladder damage is a known complication of recreational use of ketamine.",
                     "Cystitis has mostly been described in people who take ketamine recreationally.",
                     "Urinary problems were reported among frequent recreational users of ketamine."):
        assert (sentence, "abuse-potential", "asserts") in flags(real_engine, sentence), sentence
    # a harm of "chronic misuse" with no recreational use named stays the harms claim (older rule, kept)
    assert "abuse-potential" not in claim_ids(real_engine, "Chronic misuse of ketamine has been linked to bladder damage.")
    # a wait before nursing after recreational use is the breastfeeding pause, not the misuse claim
    assert "abuse-potential" not in claim_ids(
        real_engine, "Ketamine\nMothers should wait twelve hours to breastfeed after recreational use.")
    # another drug's recreational use is not ketamine's
    assert "abuse-potential" not in claim_ids(
        real_engine, "Ketamine\nPatients who use cannabis recreationally should tell their doctor.")
    # a topic heading that only announces the comparison states nothing
    assert "abuse-potential" not in claim_ids(
        real_engine, "Ketamine therapy\nUnderstanding Medical and Recreational Use\nDoses differ by a factor of ten.")


def test_the_share_of_depression_that_is_treatment_resistant_is_how_often_antidepressants_fail(real_engine):
    """'About 30% of cases are treatment-resistant' states how often the standard drugs fail (labelling decisions,
    round 5 rule 26: "over 30 percent of people with depression have TRD" -> ssri-often-fail)."""
    for sentence in ("About a third of people with major depression turn out to have treatment-resistant depression.",
                     "Roughly 30 percent of depressed patients have a treatment-resistant form of the illness.",
                     "Depression that is resistant to treatment affects about one in three patients."):
        assert (sentence, "ssri-often-fail", "asserts") in flags(real_engine, sentence), sentence
    # a share of treatment-resistant patients helped by a treatment is that treatment's result
    for sentence in ("A third of patients with treatment-resistant depression responded to ketamine.",
                     "In the study, 35% of people with treatment-resistant depression reached remission."):
        assert "ssri-often-fail" not in claim_ids(real_engine, sentence), sentence


def test_the_standard_drugs_described_rather_than_named_still_fail(real_engine):
    """'Drugs prescribed for depression do not always help': the antidepressants named by what they are for."""
    for sentence in ("Medications for depression often fall short for new mothers.",
                     "Depression medications do not always work.",
                     "Drugs commonly prescribed for depression do not always help."):
        assert (sentence, "ssri-often-fail", "asserts") in flags(real_engine, sentence), sentence
    # ketamine's own limit, or the failure as who ketamine is for, is not this claim
    for sentence in ("Ketamine is a medication for depression, but it does not work for everyone.",
                     "Ketamine can help when medications for depression have not worked."):
        assert "ssri-often-fail" not in claim_ids(real_engine, sentence), sentence


def test_pain_relief_beside_anaesthesia_is_no_other_condition_treated(real_engine):
    """'Used for anaesthesia and pain relief' is the drug's analgesic property (labelling decisions, round 5 rule 13:
    uncovered ketamine-analgesic-properties), not chronic pain treated."""
    for sentence in ("Ketamine is used for anesthesia and pain relief in hospitals.",
                     "Doctors have long relied on ketamine for anaesthesia and pain relief in emergencies."):
        assert "ketamine-other-indications" not in claim_ids(real_engine, sentence), sentence
    # a chronic pain condition beside anaesthesia still is one
    for sentence in ("Ketamine is used for anesthesia and chronic pain.",
                     "Besides anaesthesia, ketamine is used for depression, anxiety and chronic pain relief."):
        assert (sentence, "ketamine-other-indications", "asserts") in flags(real_engine, sentence), sentence


def test_records_to_bring_and_misuse_name_no_use_of_ketamine(real_engine):
    """The disorders named in the medical records a clinic asks for are admission logistics (labelling decisions,
    round 5 rule 24); misuse "in treating anxiety" is the misuse claim, not a use."""
    for sentence in ("Please bring your medical records showing a diagnosis for one of the disorders we treat, such as PTSD or anxiety.",
                     "Without a referral, bring a documented diagnosis for one of the conditions we treat, like OCD or PTSD.",
                     "Loose online prescribing of ketamine invites misuse in treating anxiety and PTSD."):
        assert "ketamine-other-indications" not in claim_ids(real_engine, "Ketamine clinic\n" + sentence), sentence
    sentence = "Our ketamine infusions also treat PTSD and anxiety."
    assert (sentence, "ketamine-other-indications", "asserts") in flags(real_engine, "Ketamine clinic\n" + sentence)


def test_use_no_one_controls_set_against_supervised_use_is_the_at_home_risk(real_engine):
    """'Dangerous DIY usage', 'uncontrolled usage' named in a regulator's alert, a respiratory failure after 'unguided
    home use': the risk of ketamine used outside supervision (labelling decisions, round 5 open case 7 decided)."""
    for sentence in ("Regulators warn that DIY ketamine kits are dangerous.",
                     "The agency alert separates clinic infusions from uncontrolled use of ketamine ordered online.",
                     "One woman developed respiratory failure after unguided home use of ketamine."):
        assert (sentence, "ketamine-at-home-risk", "asserts") in flags(real_engine, sentence), sentence
    # an alert patient, or uncontrolled blood pressure, is no such risk
    for sentence in ("Patients stay alert during the at-home session.",
                     "Uncontrolled high blood pressure rules out ketamine treatment."):
        assert "ketamine-at-home-risk" not in claim_ids(real_engine, sentence), sentence


def test_a_trials_conclusion_in_the_past_tense_calls_the_drug_safe(real_engine):
    """'The authors concluded that esketamine was relatively safe' (labelling decisions, round 5 open case 4 decided)."""
    for sentence in ("The authors concluded that esketamine was relatively safe.",
                     "Investigators found that ketamine was safe for most patients."):
        assert (sentence, "ketamine-safe-well-tolerated", "asserts") in flags(real_engine, "Ketamine\n" + sentence), sentence
    # another drug found safe is not ketamine's safety
    assert "ketamine-safe-well-tolerated" not in claim_ids(
        real_engine, "Ketamine\nIn three trials, brexanolone was safe and well tolerated.")


def test_the_patients_at_risk_of_suicide_a_drug_is_for_are_no_antidepressant_warning(real_engine):
    """'A new antidepressant option for people at high risk of suicide' names whom the drug is for, and the REMS's
    'Risk Evaluation' is a programme's name: neither is the boxed warning that antidepressants raise suicidality."""
    for sentence in ("New Antidepressant Spray Approved For People At High Risk of Suicide",
                     "Spravato is given under a Risk Evaluation and Mitigation Strategy with an oral antidepressant "
                     "to adults with suicidal thoughts."):
        assert "antidepressant-suicidality-warning" not in claim_ids(real_engine, sentence), sentence
    # the warning itself still is the claim
    sentence = "Antidepressants may raise the risk of suicidal thoughts in people under 25."
    assert (sentence, "antidepressant-suicidality-warning", "asserts") in flags(real_engine, sentence)


def test_off_label_defined_is_no_claim_and_no_ketamine_product_approved_is(real_engine):
    """A definition of off-label use states nothing checkable (guide); 'no ketamine products are approved yet for
    psychiatric use' states ketamine's off-label status."""
    sentence = "Off-label use refers to prescribing a medicine for a condition the FDA has not approved it for."
    assert "ketamine-off-label-depression" not in claim_ids(real_engine, "Ketamine for depression\n" + sentence)
    for sentence in ("Only the esketamine spray is approved, and no ketamine products are approved for depression.",
                     "No ketamine formulation is approved by the FDA for psychiatric use."):
        assert (sentence, "ketamine-off-label-depression", "asserts") in flags(real_engine, sentence), sentence


def test_brief_said_of_another_effect_is_not_brief_dissociation(real_engine):
    """'Dissociation and short-lived sedation', 'transient increases in blood pressure, mild dissociation': the
    transience belongs to the other effect it qualifies, so dissociation is not called short-lived."""
    for sentence in ("Acute effects can include dissociation and short-lived sedation.",
                     "Transient increases in blood pressure, mild dissociation, or nausea can occur."):
        assert "dissociation-brief" not in claim_ids(real_engine, "Ketamine\n" + sentence), sentence
    # dissociation itself called brief still is, also beside another effect's transience
    for sentence in ("A temporary feeling of dissociation and a transient rise in blood pressure are common.",
                     "The dissociation is brief, and a temporary increase in blood pressure may occur."):
        assert (sentence, "dissociation-brief", "asserts") in flags(real_engine, "Ketamine\n" + sentence), sentence


def test_driving_under_the_influence_of_the_treatment_is_the_no_driving_rule(real_engine):
    """'Driving under the influence would be illegal' (labelling decisions, round 5 rule 14) states the driving rule;
    a drink-driving arrest in a patient's past does not."""
    sentence = "Driving under the influence of ketamine is a crime."
    assert (sentence, "no-driving-after-treatment", "asserts") in flags(real_engine, "Ketamine clinic\n" + sentence)
    sentence = "Many of our patients were arrested for driving under the influence of alcohol before they sought help."
    assert "no-driving-after-treatment" not in claim_ids(real_engine, "Ketamine clinic\n" + sentence)


def test_copy_that_names_no_drug_is_about_the_pages_subject_for_misuse_and_safety(real_engine):
    """Copy pasted without its title names no drug ("It is well tolerated", "the potential for abuse"): the
    lexicon's `subject` (ketamine) is what it is about, as for the generic treatment words (kb/concepts.yaml)."""
    for sentence, claim in (("Its long record of medical use shows it is well-tolerated under professional care.",
                             "ketamine-safe-well-tolerated"),
                            ("It is considered safe when given under medical supervision.", "ketamine-safe-well-tolerated"),
                            ("Psychiatrists warn patients about the potential for abuse.", "abuse-potential"),
                            ("It is sometimes used recreationally as a party drug.", "abuse-potential"),
                            ("Staff will not let you take it home because of the risk of using it recreationally.",
                             "abuse-potential")):
        assert (sentence, claim, "asserts") in flags(real_engine, sentence), sentence
    # a text naming another drug is about that drug
    for sentence in ("Alcohol is a party drug for many young people.",
                     "Zuranolone carries a potential for abuse.",
                     "Sertraline is well-tolerated by most nursing mothers."):
        assert not claim_ids(real_engine, sentence) & {"abuse-potential", "ketamine-safe-well-tolerated"}, sentence


def test_challenges_of_home_use_and_a_disorder_it_may_lead_to(real_engine):
    """At-home use said to present clinical, ethical or safety challenges is its risk; a potential for developing a
    substance use disorder is the misuse claim."""
    sentence = "Ketamine prescribed online for use at home raises serious clinical and ethical challenges."
    assert (sentence, "ketamine-at-home-risk", "asserts") in flags(real_engine, sentence)
    assert "ketamine-at-home-risk" not in claim_ids(
        real_engine, "At-home ketamine removes the practical challenges of travelling to a clinic.")
    sentence = "Doctors still worry about its potential for developing substance use disorders."
    assert (sentence, "abuse-potential", "asserts") in flags(real_engine, "Ketamine\n" + sentence)
    # the patient's own history stays excluded
    assert "abuse-potential" not in claim_ids(
        real_engine, "Ketamine\nPeople with a history of substance use disorders have a higher risk of developing a substance use problem.")
    # a disorder it may lead to is no other condition it treats
    assert "ketamine-other-indications" not in claim_ids(real_engine, "Ketamine\n" + sentence)
    sentence = "Ketamine can help people recovering from substance use disorders."
    assert (sentence, "ketamine-other-indications", "asserts") in flags(real_engine, sentence)


@pytest.mark.xfail(strict=True, reason="vetoed by the claim model retrained on 1,330 pages (session 45)")
def test_diverted_prescriptions_are_the_misuse_claim(real_engine):
    """Prescriptions diverted to misuse (labelling decisions, round 5 rule 14: "diverted prescriptions" ->
    abuse-potential)."""
    sentence = "Diverted prescriptions feed a growing black market."
    assert (sentence, "abuse-potential", "asserts") in flags(real_engine, "Ketamine\n" + sentence)


def test_another_drugs_diverted_prescriptions_are_not_ketamines_misuse(real_engine):
    assert "abuse-potential" not in claim_ids(
        real_engine, "Ketamine\nOpioids from diverted prescriptions kill thousands each year.")


def test_side_effects_only_called_possible_or_diverse_are_not_the_common_ones(real_engine):
    """Unnamed side effects called possible or diverse ("the risk of overdose and diverse side effects") are the
    generic side effects the labelling leaves unlabelled, like "may cause side effects"; named ones still count."""
    for sentence in ("The risk of overdose and diverse side effects complicates ketamine treatment.",
                     "Its drawbacks include the risk of possible side effects of ketamine."):
        assert "ketamine-common-side-effects" not in claim_ids(real_engine, sentence), sentence
    sentence = "Possible side effects include nausea and dizziness."
    assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, "Ketamine\n" + sentence)
