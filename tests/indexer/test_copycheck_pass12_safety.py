"""Pass 12 (helper S12): side-effect and safety claims read on copy the checker met first on the 167 pages released in
session 12. Every sentence here is invented, not copied from any page; each test fails without the change it names, and
each has a negative example beside it where the wording could misfire."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_named_serious_side_effects_are_the_common_side_effects_claim(real_engine):
    """Side effects called serious or severe and named ("serious side effects including dissociation") are the side-effect
    claim (labelling decisions round 5 rule 13, round 8 rule 7): "serious" no longer rules the frame out; it only keeps
    the unnamed "serious side effects" from filling the effect slot."""
    for sentence in ("Esketamine nasal spray can bring serious side effects, including sedation and dissociation.",
                     "Possible serious side effects of ketamine include a rise in blood pressure and bladder problems.",
                     "Severe side effects seen with Spravato include dizziness and nausea."):
        assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, sentence), sentence
    # unnamed serious side effects, or serious ones called rare, or warning signs to act on, are not the claim
    for sentence in ("Ketamine can cause serious side effects.",
                     "Serious side effects of ketamine infusions are rare.",
                     "Ketamine infusions have few serious side effects.",
                     "Call your doctor right away if you have serious side effects such as chest pain after your Spravato dose."):
        assert "ketamine-common-side-effects" not in claim_ids(real_engine, sentence), sentence


def test_what_stopping_the_drug_brings_is_withdrawal_not_a_side_effect_of_the_dose(real_engine):
    """Effects on stopping use ("no severe physical side effects like vomiting when use is stopped") are withdrawal's, not
    the effects of a dose, asserted or denied."""
    for sentence in ("Cravings for ketamine can happen, but there are no severe physical side effects like nausea when you stop using it.",
                     "Withdrawal from ketamine may cause side effects such as nausea and dizziness.",
                     "People who stop using ketamine after heavy use may get nausea and feel dizzy."):
        assert "ketamine-common-side-effects" not in claim_ids(real_engine, sentence), sentence
    sentence = "Ketamine may cause side effects such as nausea and dizziness during the infusion."
    assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, sentence)
