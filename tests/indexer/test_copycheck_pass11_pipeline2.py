"""The copy checker's pipeline mechanisms, pass 11 (helper P11): how far a denial reaches when a reason clause says the
claim. Every sentence here is invented (none is copied from a page); each test fails without the change it names, and
each has a negative example beside it."""
from __future__ import annotations

from flagged import flags  # tests/indexer/flagged.py


def _stances(engine, text, claim):
    """The stances the claim is flagged with in the text's last sentence."""
    last = engine.check(text).sentences[-1].text.strip()
    return {stance for sentence, cid, stance in flags(engine, text) if cid == claim and sentence == last}


def test_a_denial_of_advice_naming_the_drug_does_not_deny_the_reason_given_for_it(real_engine):
    """"Don't eat before your Spravato dose, because nausea is a common side effect": the "don't" is the advice's, its
    scope holds only the drug's name and ends at "because"; the reason says the side effect as the copy's own."""
    for text in ("Don't eat for two hours before your Spravato dose, because nausea is a common side effect.",
                 "Do not drive after your ketamine session, because dizziness is a common side effect."):
        assert _stances(real_engine, text, "ketamine-common-side-effects") == {"asserts"}, text
    # a denial that covers the claim's own words still denies it, a reason after it or not
    for text in ("Nausea is not a common side effect of Spravato, because the dose is small.",
                 "Don't worry: nausea is not a common side effect of ketamine."):
        assert _stances(real_engine, text, "ketamine-common-side-effects") == {"denies"}, text
