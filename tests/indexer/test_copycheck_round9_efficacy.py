"""The copy checker on the efficacy, onset, mechanism, approval and protocol claims, round 9 tuning pages (issue 10):
general ways unseen copy words these claims (or seems to) that the checker misread. Every sentence here is invented
(none is copied from a page); each test fails without the wording it names, and each wording has a negative example
beside it."""
from __future__ import annotations

from flagged import claim_ids  # tests/indexer/flagged.py


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
    # a share of side effects, a share said of ketamine, a trial arm's response and an add-on arm against placebo are not it
    for text in ("Only 30% of patients taking antidepressants report weight gain.",
                 "Ketamine helped 45% of patients who had not found lasting relief with antidepressants.",
                 "In the trial, only 40% of patients given ketamine plus an SSRI responded.",
                 "Esketamine plus an oral antidepressant was no better than placebo plus an oral antidepressant in one trial."):
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
