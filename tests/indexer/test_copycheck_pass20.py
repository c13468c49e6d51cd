"""Pass 20: three claims curated from frequent uncovered slugs (docs/uncovered-claims.md): the two zuranolone claims from
studies the KB already held, bladder damage from two PubMed records. Every sentence here is invented, not copied from any
page; each test has negatives beside it where the new frames could take another claim's sentence."""
from __future__ import annotations

from flagged import flags, sentence_ids  # tests/indexer/flagged.py


def test_zuranolone_benefit_and_speed_are_its_efficacy(real_engine):
    for text, sentence in (
        ("Zurzuvae for new mothers\nIn the trial, women on the pill improved far more than those given a placebo.",
         "In the trial, women on the pill improved far more than those given a placebo."),
        ("Zuranolone works in as little as three days.", "Zuranolone works in as little as three days."),
        ("Many doctors call zuranolone a game-changer for mothers with postpartum depression.",
         "Many doctors call zuranolone a game-changer for mothers with postpartum depression."),
    ):
        assert (sentence, "zuranolone-efficacy", "asserts") in flags(real_engine, text), sentence


def test_zuranolone_approval_launch_and_other_indications_are_not_its_efficacy(real_engine):
    """Approval sentences take the approval claim only (docs/labelling-decisions.md); a trial in another illness is not
    the benefit in postpartum depression; side effects that ease in days are side effects."""
    for sentence in ("The fast-acting pill zuranolone was approved by the FDA in 2023.",
                     "Zurzuvae, a rapid-acting capsule, is expected to launch later this year.",
                     "Zuranolone showed positive results in a trial in major depressive disorder.",
                     "Brexanolone relieved postpartum depression within 60 hours in clinical trials."):
        assert "zuranolone-efficacy" not in sentence_ids(real_engine, sentence, sentence), sentence
    text = "Zurzuvae can make you dizzy. These effects usually ease within a few days as your body gets used to it."
    assert "zuranolone-efficacy" not in {cid for _, cid, _ in flags(real_engine, text)}


def test_zuranolone_sleepiness_and_driving_warning_are_its_sedation_risk(real_engine):
    for sentence in ("Zurzuvae often makes people sleepy and dizzy.",
                     "Because zuranolone impairs driving, you should not drive after taking a dose."):
        assert (sentence, "zuranolone-sedation-risk", "asserts") in flags(real_engine, sentence), sentence
    # brexanolone's infusion risk and ketamine's side effects stay theirs
    for sentence in ("Brexanolone can cause excessive sedation and loss of consciousness during the infusion.",
                     "Ketamine can cause dizziness and nausea."):
        assert "zuranolone-sedation-risk" not in sentence_ids(real_engine, sentence, sentence), sentence


def test_ketamine_bladder_damage_is_its_own_claim_and_a_bare_heading_states_nothing(real_engine):
    """Curated from two PubMed records (a Hong Kong review and a poison-centre case series); copy states the harm with or
    without naming the abuse."""
    for sentence in ("Heavy ketamine use can cause serious bladder damage.",
                     "Long-term recreational use of ketamine has been linked to cystitis and incontinence."):
        assert (sentence, "ketamine-bladder-damage", "asserts") in flags(real_engine, sentence), sentence
    # a heading that only names the organ, another drug's urinary effects and a urine test are not the harm
    for text, sentence in (("Ketamine\nBladder and Urinary Tract Issues", "Bladder and Urinary Tract Issues"),
                           ("Alcohol can irritate the bladder.", "Alcohol can irritate the bladder."),
                           ("Ketamine shows up in a urine test for two days.", "Ketamine shows up in a urine test for two days.")):
        assert "ketamine-bladder-damage" not in sentence_ids(real_engine, text, sentence), sentence
