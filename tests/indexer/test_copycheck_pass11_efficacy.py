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
