"""The copy checker on the efficacy and approval claims, pass 10c (issue 10): general wordings left by the last wave.
Every sentence here is invented (none is copied from a page); each test fails without the wording it names, and each
has a negative example beside it."""
from __future__ import annotations

from flagged import claim_ids  # tests/indexer/flagged.py


def test_the_drug_called_an_effective_antidepressant_claims_it_treats_depression(real_engine):
    """"Ketamine may be an effective antidepressant" names no depression word, but calling the drug an antidepressant
    that works is the efficacy claim, as "has shown promise as an antidepressant" is."""
    for text in ("Ketamine may be an effective antidepressant.",
                 "Ketamine Could Be an Effective Antidepressant for Older Adults",
                 "Once an anaesthetic, ketamine is now valued for its powerful antidepressant effects."):
        assert "ketamine-effective-depression" in claim_ids(real_engine, text), text
    # a comparison with another antidepressant's effectiveness and a bare denial are not
    for text in ("Ketamine is less effective than an antidepressant like sertraline.",
                 "Ketamine is not an antidepressant."):
        assert "ketamine-effective-depression" not in claim_ids(real_engine, text), text


def test_a_refused_approval_in_other_words_is_no_ppd_drug_approval(real_engine):
    """A PPD drug refused for another illness ("failed to win approval", "received a complete response letter") is not
    the approval of the PPD drugs; the approval itself still is."""
    for text in ("Shares fell after the company said zuranolone failed to win approval from the FDA for major depressive disorder.",
                 "The makers received a complete response letter from the FDA for zuranolone in major depression."):
        assert "fda-approved-ppd-drugs" not in claim_ids(real_engine, text), text
    for text in ("The FDA approved zuranolone for postpartum depression.",
                 "Zurzuvae won FDA approval for postpartum depression in 2023."):
        assert "fda-approved-ppd-drugs" in claim_ids(real_engine, text), text
