"""The copy checker on pass 10c's reading cases (issue 10): a misuse reputation the copy states, and where a reported
reputation's scope ends. Every sentence here is invented (none is copied from a page); each test fails without the
change it names, and each has a negative example beside it."""
from __future__ import annotations

from flagged import flags, claim_ids  # tests/indexer/flagged.py


def _stances(engine, text, claim):
    return {stance for sentence, cid, stance in flags(engine, text) if cid == claim}


def test_known_as_a_party_drug_asserts_the_misuse(real_engine):
    """"commonly known as a party drug" is the copy saying the drug is misused (labelling decisions round 2 rule 7,
    round 7 rule 12): abuse-potential is asserted, not only reported; hearing of it as one still only reports it."""
    for text in ("Ketamine, widely known as a club drug, is now offered in clinics.",
                 "The anaesthetic ketamine is best known as a “party drug”."):
        assert _stances(real_engine, text, "abuse-potential") == {"asserts"}, text
    assert "abuse-potential" not in claim_ids(real_engine, "Most readers have heard of ketamine as a club drug.")


def test_a_reported_reputation_ends_at_a_second_predicate(real_engine):
    """"X, while not thought of as addictive, has the potential to cause dependence": the reputation's scope ends at
    the comma before the second predicate, which is the copy's own claim; inside the reputation nothing is flagged."""
    text = "Ketamine, while not usually thought of as addictive, has the potential to cause strong dependence."
    assert _stances(real_engine, text, "abuse-potential") == {"asserts"}, text
    assert "abuse-potential" not in claim_ids(real_engine, "Ketamine is usually thought of as a drug that causes strong dependence.")
