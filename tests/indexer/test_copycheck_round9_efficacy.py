"""The copy checker on the efficacy, onset, mechanism, approval and protocol claims, round 9 tuning pages (issue 10):
general ways unseen copy words these claims (or seems to) that the checker misread. Every sentence here is invented
(none is copied from a page); each test fails without the wording it names, and each wording has a negative example
beside it."""
from __future__ import annotations

import pytest

from flagged import claim_ids, unmarked  # tests/indexer/flagged.py


def test_another_regulators_licence_or_a_clinics_approval_is_not_the_fdas(real_engine):
    """Approval by another country's regulator named only by its name ("listed on the Register of Therapeutic Goods",
    "Health Canada-approved", "cleared by the NMPA"), a clinic approved to give the spray, a fast-tracked review and
    a denied FDA approval are not `esketamine-fda-approved` (labelling decisions, round 7 rule 16, review of l13 rule 1)."""
    for text in ("Spravato is listed on the Register of Therapeutic Goods as an approved medicine for treatment-resistant depression.",
                 "Esketamine nasal spray is Health Canada-approved for adults with treatment-resistant depression.",
                 "Esketamine Spray Approved by NMPA for Major Depression",
                 "Our practice is an approved provider of Spravato (esketamine) for adults with treatment-resistant depression.",
                 "Regulators have fast-tracked their review of esketamine, a nasal spray for treatment-resistant depression.",
                 "Esketamine does not have FDA approval for bipolar depression."):
        assert "esketamine-fda-approved" not in claim_ids(real_engine, text), text
    # the FDA's own approval stays the claim
    for text in ("The FDA approved esketamine nasal spray for treatment-resistant depression in 2019.",
                 "Spravato (esketamine) is FDA-approved for adults with treatment-resistant depression."):
        assert "esketamine-fda-approved" in claim_ids(real_engine, text), text


def test_a_small_success_share_or_placebo_level_result_of_antidepressants_is_their_failure(real_engine):
    """The standard drugs' success given as a small share ("only a 35% success rate"), a share left without relief
    ("about half do not find lasting relief on SSRIs"), a placebo-level result and "low response rates" say that
    antidepressants often fail (`ssri-often-fail`)."""
    for text in ("Antidepressants lift mood for some, but they only have a 35% success rate.",
                 "Although SSRIs help some people, roughly 45% of patients do not find lasting relief with them.",
                 "A large review found that many antidepressant pills work no better than a placebo for mild depression.",
                 "Conventional antidepressants have drawbacks, including low response rates and slow onset."):
        assert "ssri-often-fail" in claim_ids(real_engine, text), text


# the claim model retrained on 1,235 pages adds the failure to a share of side effects; the frames alone do not
# (test_no_failure_of_antidepressants_for_the_frames_alone)
RETRAINED_1235_ADDS = pytest.mark.xfail(strict=True, reason="added by the claim model retrained on 1,235 pages (session 40)")
NO_FAILURE_OF_ANTIDEPRESSANTS = [
    # a share of side effects, a share said of ketamine, a trial arm's response and an add-on arm against placebo are not it
    pytest.param("Only 30% of patients taking antidepressants report weight gain.", marks=RETRAINED_1235_ADDS),
    "Ketamine helped 45% of patients who had not found lasting relief with antidepressants.",
    "In the trial, only 40% of patients given ketamine plus an SSRI responded.",
    "Esketamine plus an oral antidepressant was no better than placebo plus an oral antidepressant in one trial.",
]


@pytest.mark.parametrize("text", NO_FAILURE_OF_ANTIDEPRESSANTS)
def test_a_share_not_of_antidepressants_failing_is_not_their_failure(real_engine, text):
    assert "ssri-often-fail" not in claim_ids(real_engine, text), text


@pytest.mark.frames_only
@pytest.mark.parametrize("text", unmarked(NO_FAILURE_OF_ANTIDEPRESSANTS))
def test_no_failure_of_antidepressants_for_the_frames_alone(real_engine, text):
    assert "ssri-often-fail" not in claim_ids(real_engine, text), text


def test_progress_named_in_superlatives_presupposes_that_it_works(real_engine):
    """"A significant advancement in psychiatry", "the major advance in mental health in decades", "one of the most
    significant developments in depression care" present the drug as working (`ketamine-effective-depression`; labelling
    decisions, round 7 rule 22 and the round 9 review of l14, rule 5)."""
    for text in ("Esketamine spray is a significant advancement in psychiatry.",
                 "Many experts call ketamine the major advance in mental health care in decades.",
                 "Ketamine therapy is one of the most significant developments in depression care."):
        assert "ketamine-effective-depression" in claim_ids(real_engine, text), text
    # progress in how care is delivered or reached, and progress outside mental health, are not it
    for text in ("Online ketamine prescribing is a significant advancement in mental health care delivery.",
                 "The new ketamine clinic is a major development for the town's economy."):
        assert "ketamine-effective-depression" not in claim_ids(real_engine, text), text


def test_suicidal_thoughts_gone_after_ketamine_are_relieved(real_engine):
    """Suicidal thoughts said to be gone ("complete remission of suicidal ideas", "free of suicidal thoughts") after
    ketamine are `reduces-suicidal-ideation`, whatever the verb."""
    for text in ("Patients given ketamine infusions showed complete remission of suicidal ideas within two days.",
                 "After their ketamine infusions, most patients were free of suicidal thoughts."):
        assert "reduces-suicidal-ideation" in claim_ids(real_engine, text), text
    # remission of depression alone, and the population an approval is for, are not it
    for text in ("Patients given ketamine infusions showed complete remission of depression within two days.",
                 "The FDA approves esketamine for depression with acute suicidal ideation."):
        assert "reduces-suicidal-ideation" not in claim_ids(real_engine, text), text


def test_seized_drug_weight_and_oral_trial_dose_ranges_are_no_infusion_protocol(real_engine):
    """Weight-based dosing names the infusion protocol (`infusion-40-60-min`), but the weight of ketamine seized by
    police, and the dose ranges studied across trials of oral ketamine, are no infusion's dose."""
    for text in ("Police seizures of ketamine grew, and the total weight seized rose tenfold, according to the agency.",
                 "Oral ketamine doses have ranged from 0.5 to 3 mg/kg in weight-based dosing sessions across trials."):
        assert "infusion-40-60-min" not in claim_ids(real_engine, text), text
    for text in ("Your ketamine infusion dose is calculated according to your body weight.",):
        assert "infusion-40-60-min" in claim_ids(real_engine, text), text


def test_brexanolone_relief_called_immediate_or_counted_in_hours_is_its_efficacy(real_engine):
    """Relief from brexanolone called immediate or instant, or counted in hours ("felt better in under 24 hours"), is
    `brexanolone-efficacy`: the speed is the claim's point, as "within hours" already is."""
    for text in ("Zulresso brings almost immediate relief for new mothers with postpartum depression.",
                 "In the trials, most women felt better in fewer than 24 hours after brexanolone."):
        assert "brexanolone-efficacy" in claim_ids(real_engine, text), text
    # sedation watched for in the first hours, and an infusion stopped immediately, are the sedation risk
    for text in ("Brexanolone patients must be watched for excessive sedation during the first 24 hours.",
                 "Zulresso is infused continuously, and the infusion is stopped immediately if the patient becomes too sleepy."):
        assert "brexanolone-efficacy" not in claim_ids(real_engine, text), text


def test_the_first_pill_for_postpartum_depression_is_its_availability(real_engine):
    """A drug announced as the first pill or first oral drug for postpartum depression states that such a drug is
    available (`fda-approved-ppd-drugs`; labelling decisions, PPD drugs)."""
    for text in ("Zurzuvae is the first pill made to treat postpartum depression.",
                 "It is the first oral medicine indicated for PPD in adults."):
        assert "fda-approved-ppd-drugs" in claim_ids(real_engine, text), text
    # a first pill for another illness, or one still in development, is not
    for text in ("Zuranolone could become the first pill for postpartum depression if it passes further trials.",
                 "This is the first oral treatment for migraine in children."):
        assert "fda-approved-ppd-drugs" not in claim_ids(real_engine, text), text
