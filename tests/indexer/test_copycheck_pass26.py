"""Pass 26: a lead-in that ends on the verb its list completes, and the label's "used along with an antidepressant ... to
treat" (docs/labelling-decisions.md, "Session 26"). Every sentence here is invented, not copied from any page; each test
has the neighbouring case beside it. The frames alone are tested (the claim model has its own tests)."""
from __future__ import annotations

import pytest

from flagged import sentence_ids  # tests/indexer/flagged.py

pytestmark = pytest.mark.frames_only


def test_a_long_lead_in_ending_on_to_treat_is_completed_by_its_items(real_engine):
    text = ("About the spray\n\nOur nasal spray is a prescription medicine that we give in the office, alongside your usual "
            "tablets, to treat:\n\n- adults with treatment-resistant depression\n- adults who are at risk of self-harm")
    assert "trd-effective" in sentence_ids(real_engine, text, "adults with treatment-resistant depression")
    # a long lead-in that states its own claim before the list stays a sentence of its own ("... works for many people:")
    text = ("About the spray\n\nOur nasal spray is a prescription medicine that we give in the office and it works well for "
            "many people:\n\n- adults with treatment-resistant depression\n- adults who are at risk of self-harm")
    assert "trd-effective" not in sentence_ids(real_engine, text, "adults with treatment-resistant depression")


def test_the_labels_use_with_an_antidepressant_to_treat_depression_is_no_efficacy_claim(real_engine):
    text = ("About the spray\n\nEsketamine nasal spray is a prescription medicine, used along with an antidepressant taken by mouth to "
            "treat:\n\n- adults with treatment-resistant depression\n- depressive symptoms in adults with major depressive "
            "disorder")
    assert "trd-effective" in sentence_ids(real_engine, text, "adults with treatment-resistant depression")
    assert "ketamine-effective-depression" not in sentence_ids(
        real_engine, text, "depressive symptoms in adults with major depressive disorder")
    # a plain statement that it treats depression is the efficacy claim
    text = "Esketamine is a prescription medicine that treats depression in adults quickly and effectively."
    assert "ketamine-effective-depression" in sentence_ids(real_engine, text, text)
