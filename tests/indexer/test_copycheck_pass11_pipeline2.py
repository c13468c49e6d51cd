"""The copy checker's pipeline mechanisms, pass 11 (helper P11): how far a denial reaches when a reason clause says the
claim, a drug described by its class, and a treatment named as failing. Every sentence here is invented (none is copied
from a page); each test fails without the change it names, and each has a negative example beside it."""
from __future__ import annotations

import pytest

from flagged import claim_ids, flags  # tests/indexer/flagged.py


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


@pytest.mark.frames_only
def test_a_drug_described_by_its_class_is_not_another_drug(real_engine):
    """"... offer it as a rapid-onset, highly effective antidepressant": the class word names what the page's drug is, not
    another treatment, so the drug is still carried into the clause; an antidepressant named as a drug of its own (or an
    SSRI given "as an antidepressant") is still another treatment."""
    page = "Ketamine is a new option for depression. "
    assert "ketamine-rapid-onset" in claim_ids(real_engine, page + "Pharmacists can also offer it as a rapid-onset, highly-effective antidepressant.")
    assert "onset-within-hours" in claim_ids(real_engine, page + "It works within hours as a fast-acting antidepressant.")
    for text in (page + "Most doctors still start patients on an antidepressant that works within weeks.",
                 page + "Doctors may offer an SSRI as a rapid-onset antidepressant."):
        ids = claim_ids(real_engine, text)
        assert "ketamine-rapid-onset" not in ids and "onset-within-hours" not in ids, text


@pytest.mark.frames_only
def test_a_treatment_named_as_failing_to_bring_relief_does_not_block_the_drug(real_engine):
    """"For people who haven't found relief with standard treatments, it works within hours": the treatments are named as
    what failed (as "who have not responded to SSRIs" was), so the page's drug is still carried into the clause; one named
    as bringing relief is still the clause's own treatment."""
    page = "Ketamine is a new option. "
    for text in (page + "For people who haven't found relief with standard treatments, it works within hours.",
                 page + "It is a breakthrough for people who haven't found relief with antidepressants and works within hours.",
                 page + "For people who haven't found relief with SSRIs, it can lift depression within hours."):
        assert "onset-within-hours" in claim_ids(real_engine, text), text
    for text in (page + "Many people find relief with SSRIs within hours.",):
        assert "onset-within-hours" not in claim_ids(real_engine, text), text


def test_a_concessions_not_stays_in_it_and_the_main_clauses_it_is_its_drug(real_engine):
    """"Although doctors do not fully understand how ketamine works, it is effective for depression": the concession's "not"
    is its own, and the main clause's "it" is the drug the concession names, so the main clause asserts the claim; a denial
    in the main clause still denies, and a concession naming another drug gives "it" none of the knowledge base's drugs."""
    for text in ("Although doctors do not fully understand how ketamine works, it is effective for depression in most patients.",
                 "Though scientists don't yet know exactly why ketamine helps, it is effective for depression in many patients."):
        assert _stances(real_engine, text, "ketamine-effective-depression") == {"asserts"}, text
    assert _stances(real_engine, "Although ketamine is used widely, it does not relieve depression in most patients.",
                    "ketamine-effective-depression") == {"denies"}
    # a concession about another drug gives "it" no drug of the knowledge base's
    text = "Although doctors do not fully understand how SSRIs work, it is effective for depression in most patients."
    assert "asserts" not in _stances(real_engine, text, "ketamine-effective-depression"), text
