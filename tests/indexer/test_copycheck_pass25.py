"""Pass 25: first-contact errors of rounds 17 and 18 read as kinds of sentence (docs/labelling-decisions.md, "Session
25"). Every sentence here is invented, not copied from any page; each test has the neighbouring case beside it."""
from __future__ import annotations

from flagged import flags, sentence_ids  # tests/indexer/flagged.py


def test_a_lead_in_whose_own_words_state_a_claim_makes_it(real_engine):
    text = "Esketamine is approved by the FDA for:\n\n- adults with treatment-resistant depression\n- adults with suicidal thoughts"
    assert "esketamine-fda-approved" in sentence_ids(real_engine, text, "Esketamine is approved by the FDA for:")
    text = ("Ketamine for depression.\n\nAlthough ketamine has been proven to be an effective treatment, some worries remain, "
            "including:\n\n- cost\n- access")
    sentence = "Although ketamine has been proven to be an effective treatment, some worries remain, including:"
    assert (sentence, "ketamine-effective-depression", "asserts") in flags(real_engine, text)


def test_a_lead_in_that_is_a_label_or_needs_its_context_states_nothing(real_engine):
    text = "Ketamine infusions for depression.\n\nFast Onset of Action:\n\n- relief within hours for many patients"
    assert not sentence_ids(real_engine, text, "Fast Onset of Action:")
    text = ("Ketamine has helped many people with depression.\n\nThe outcomes were remarkable:\n\n"
            "- most felt better within a day")
    assert not sentence_ids(real_engine, text, "The outcomes were remarkable:")
