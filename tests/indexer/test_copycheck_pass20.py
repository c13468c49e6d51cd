"""Pass 20: two claims curated from the most frequent uncovered zuranolone slugs (docs/uncovered-claims.md), from studies
the KB already held. Every sentence here is invented, not copied from any page; each test has negatives beside it where
the new frames could take another claim's sentence."""
from __future__ import annotations

from flagged import flags  # tests/indexer/flagged.py


def sentence_ids(engine, text, sentence):
    return {cid for s, cid, _ in flags(engine, text) if s == sentence}


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
