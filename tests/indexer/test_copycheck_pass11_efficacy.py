"""Pass 11 cases of the copy checker's efficacy family (trd-effective, ketamine-effective-depression and the claims
beside them): wording found on the tuning pages, read by general words in the claims' frames. Every sentence here
is invented; each test fails without the change it names, and the negatives guard what must still be read."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_hope_offered_to_those_other_drugs_failed_is_not_relief_in_trd(real_engine):
    """'offering hope to those who have not found relief' names a hope, not relief (labelling: hope is not relief);
    the sentence's general efficacy still stands."""
    text = ("Infusion therapy with ketamine is a promising treatment for many mental health conditions, "
            "offering hope to people who have not found relief from standard medicines.")
    ids = claim_ids(real_engine, text)
    assert "trd-effective" not in ids
    assert "ketamine-effective-depression" in ids
    # relief stated for the same people is still the claim
    text = "Ketamine infusions bring relief to patients who have not responded to two or more antidepressants."
    assert "trd-effective" in claim_ids(real_engine, text)


def test_the_search_for_treatments_that_work_in_trd_is_no_treatment_working(real_engine):
    text = "Ketamine clinic notes. For people with treatment-resistant depression, finding medications that work can take years."
    found = flags(real_engine, text)
    assert not any(cid == "trd-effective" for _, cid, _ in found)
    # the drug itself said to work for TRD still asserts
    text = "Ketamine works for many people with treatment-resistant depression."
    assert "trd-effective" in claim_ids(real_engine, text)


def test_the_fields_treatments_for_trd_in_general_are_not_this_drugs(real_engine):
    text = ("Ketamine infusions at our clinic. "
            "Learning which alternative treatments for treatment-resistant depression exist is worth the effort.")
    found = flags(real_engine, text)
    assert not any(cid == "trd-effective" for _, cid, _ in found)
    # the drug named as a therapy for TRD still is
    text = "Ketamine is a fast-acting therapy for treatment-resistant depression."
    assert "trd-effective" in claim_ids(real_engine, text)


def test_how_the_drug_helps_rebuild_the_brain_is_mechanism_not_relief_in_trd(real_engine):
    text = "Esketamine is believed to help repair synapses in patients with treatment-resistant depression."
    assert "trd-effective" not in claim_ids(real_engine, text)
    # a mechanism beside relief stated for the same patients is still the claim
    text = ("Esketamine is believed to help repair synapses, and it brings relief to patients with treatment-resistant"
            " depression.")
    assert "trd-effective" in claim_ids(real_engine, text)


def test_the_drug_taken_to_treat_depression_is_a_use_not_efficacy(real_engine):
    """'uses ketamine to treat her depression', 'the use of ketamine to treat depression' state a use, as 'used to
    treat' does (labelling decisions, fresh clinic rule 5); efficacy beside the use is still read."""
    for text in ("The singer said she uses ketamine to treat her depression, a magazine reported.",
                 "Rising use of ketamine to treat depression worries some regulators."):
        assert "ketamine-effective-depression" not in claim_ids(real_engine, text), text
    text = "Doctors prescribe ketamine to treat depression because it relieves symptoms of depression in many patients."
    assert "ketamine-effective-depression" in claim_ids(real_engine, text)


def test_how_ketamine_helps_rebuild_the_brain_in_depression_is_mechanism(real_engine):
    """A guard (the sentence is silenced elsewhere too): the mechanism verb is no efficacy; help for people still is."""
    text = "Ketamine may help rebuild synapses that depression has weakened."
    assert "ketamine-effective-depression" not in claim_ids(real_engine, text)
    text = "Ketamine may help people with depression feel better."
    assert "ketamine-effective-depression" in claim_ids(real_engine, text)


def test_rapid_antidepressant_effects_named_as_its_own_are_the_onset_claim_not_general_efficacy(real_engine):
    """'its rapid antidepressant effects' presupposes speed (ketamine-rapid-onset), not general efficacy (round 8 rule 8)."""
    text = "Ketamine is best known for its rapid antidepressant effects."
    ids = claim_ids(real_engine, text)
    assert "ketamine-effective-depression" not in ids
    assert "ketamine-rapid-onset" in ids
    # also where the onset claim itself is not read (its frame steps aside for "as an anesthetic")
    text = "Long used as an anesthetic, ketamine has lately drawn interest for its rapid antidepressant effects."
    assert "ketamine-effective-depression" not in claim_ids(real_engine, text)
    # without the speed it is the efficacy claim
    assert "ketamine-effective-depression" in claim_ids(real_engine, "Ketamine is best known for its antidepressant effects.")


def test_a_filing_for_approval_with_its_indication_is_no_efficacy(real_engine):
    text = "The drugmaker filed a new drug application for esketamine with the FDA for treating depression."
    assert "ketamine-effective-depression" not in claim_ids(real_engine, text)


def test_a_lost_promise_of_ketamine_for_depression_is_no_efficacy(real_engine):
    text = "The lost promise of ketamine treatment for depression"
    assert "ketamine-effective-depression" not in claim_ids(real_engine, text)
    text = "The promise of ketamine treatment for depression is real, trials show."
    assert "ketamine-effective-depression" in claim_ids(real_engine, text)


def test_the_count_that_defines_resistance_or_eligibility_is_not_how_often_antidepressants_fail(real_engine):
    """'characterized by the failure of at least two antidepressants', 'must have tried two or more', 'people for whom
    standard antidepressants did not work' say who a treatment is for, not ssri-often-fail."""
    for text in ("Resistant depression is characterized by an inadequate response to at least two antidepressants.",
                 "To qualify, patients must have a record of two or more failed antidepressants.",
                 "The clinic offers infusions to adults for whom standard antidepressants did not work."):
        assert "ssri-often-fail" not in claim_ids(real_engine, text), text
    # the drugs' failure stated for its own sake, or as a share, still is
    for text in ("Antidepressants often fail to provide adequate relief.",
                 "At least a third of patients will not respond to two or more antidepressants."):
        assert "ssri-often-fail" in claim_ids(real_engine, text), text


def test_acute_and_chronic_pain_still_names_chronic_pain_treated(real_engine):
    """'acute pain' (an emergency analgesic) is no other use, but 'acute and chronic pain' names chronic pain too."""
    text = "Ketamine is also prescribed for acute and chronic pain conditions."
    assert "ketamine-other-indications" in claim_ids(real_engine, text)
    text = "Ketamine is also given in the emergency room for acute pain."
    assert "ketamine-other-indications" not in claim_ids(real_engine, text)


def test_worries_before_a_session_and_the_fields_treatments_are_no_other_use(real_engine):
    for text in ("Knowing what happens during a ketamine session can help calm pre-infusion anxieties.",
                 "Ketamine clinics explain that while there are many available treatments for anxiety, not all of them suit everyone.",
                 "Ketamine is now being touted for its potential use in treating PTSD."):
        assert "ketamine-other-indications" not in claim_ids(real_engine, text), text
    # a use of ketamine for anxiety itself still is
    assert "ketamine-other-indications" in claim_ids(real_engine, "Ketamine is also used to treat anxiety and PTSD.")


def test_non_response_to_the_current_treatments_is_not_ketamines_response_rate(real_engine):
    """'30% don't respond to current therapies' is the standard treatments' failure; about 70% must be ketamine's."""
    for text in ("Ketamine clinics point out that roughly 30% of people do not respond to current therapies for depression.",
                 "About a third of patients do not respond to currently available treatments, which is why ketamine matters."):
        assert "response-rate-70pct" not in claim_ids(real_engine, text), text
    text = "Ketamine infusions are not effective for about 30% of patients."
    assert "response-rate-70pct" in claim_ids(real_engine, text)


def test_a_maintenance_regimen_after_the_first_phase_or_dosing_kept_up_is_maintenance(real_engine):
    for text in ("Patients usually come in three times a week for two weeks, then adopt a maintenance plan if it helped them.",
                 "The relief is not permanent, so you need to keep up with the dosing schedule of ketamine infusions."):
        assert "maintenance-may-be-needed" in claim_ids(real_engine, text), text
    # a maintenance word without a need, a later phase or a schedule is not
    assert "maintenance-may-be-needed" not in claim_ids(real_engine, "Ketamine infusions: maintenance of the equipment is our job.")


def test_how_fast_a_route_takes_the_drug_into_the_blood_is_not_rapid_relief(real_engine):
    """Absorption speed ('rapidly enter the bloodstream', 'fast absorption') and what may change the speed are
    pharmacokinetics, not ketamine-rapid-onset; a speed of effect beside the absorption still is."""
    for text in ("Given by injection, ketamine can rapidly enter the bloodstream and produce its effects.",
                 "The nasal route offers fast absorption of ketamine and a convenient dose.",
                 "The route chosen can affect the speed at which ketamine takes effect."):
        assert "ketamine-rapid-onset" not in claim_ids(real_engine, text), text
    text = "Ketamine is absorbed rapidly and relieves depression quickly."
    assert "ketamine-rapid-onset" in claim_ids(real_engine, text)


def test_evidence_said_to_support_its_use_is_efficacy(real_engine):
    """'research supports the use of ketamine as an antidepressant', 'supported by numerous studies': evidence, not
    popularity (labelling decisions, round 8 rule 8); support denied is a gap, and a list's lead-in is its items'."""
    for text in ("Since then, a growing body of research has come to support the use of ketamine as an antidepressant.",
                 "Ketamine's off-label use in depression has been supported by numerous studies."):
        assert "ketamine-effective-depression" in claim_ids(real_engine, text), text
    for text in ("Ketamine clinics are spreading, and some of their protocols may not be supported by rigorous research.",
                 "Ketamine is used at our clinic for the following conditions, all of which have research to support its use:"):
        assert "ketamine-effective-depression" not in claim_ids(real_engine, text), text


def test_its_potential_in_treating_depression_and_a_trial_that_tested_its_efficacy_state_no_efficacy(real_engine):
    """The noun 'its potential in treating depression' is interest (the verb 'has the potential to relieve' would
    be hedged efficacy); a trial that 'tested ketamine's efficacy' without its finding states none."""
    for text in ("Ketamine has drawn interest lately for its potential in treating depression.",
                 "A small trial in 2021 tested ketamine's efficacy in emergency rooms."):
        assert "ketamine-effective-depression" not in claim_ids(real_engine, text), text
    text = "A small trial in 2021 found that ketamine relieves depression in emergency rooms."
    assert "ketamine-effective-depression" in claim_ids(real_engine, text)


def test_how_it_works_or_how_it_is_given_is_not_relief_in_trd(real_engine):
    for text in ("Esketamine works differently from traditional antidepressants in treatment-resistant depression.",
                 "For treatment-resistant depression, ketamine is delivered as an intravenous infusion over forty minutes."):
        assert "trd-effective" not in claim_ids(real_engine, text), text
    text = "Esketamine works differently, and it helps people with treatment-resistant depression."
    assert "trd-effective" in claim_ids(real_engine, text)


def test_the_acute_effects_felt_within_minutes_are_not_relief_within_hours(real_engine):
    text = "The dissociative effects of a ketamine dose are usually felt within 20 minutes."
    assert "onset-within-hours" not in claim_ids(real_engine, text)
    text = "The antidepressant effects of a ketamine dose are often felt within hours."
    assert "onset-within-hours" in claim_ids(real_engine, text)


def test_the_mood_said_to_improve_after_ketamine_is_efficacy(real_engine):
    text = "After a course of ketamine infusions, the mood improves for most people with depression."
    assert "ketamine-effective-depression" in claim_ids(real_engine, text)
    text = "After receiving ketamine, the mood improves, sometimes within a single week."
    assert "ketamine-effective-depression" in claim_ids(real_engine, text)
