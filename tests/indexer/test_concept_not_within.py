"""A concept's `not_within` words: its terms found inside them do not count ("treat" inside "difficult to treat" names an
illness that is hard to help, not a benefit; docs/checker.md, the concept lexicon). Every sentence here is invented."""
from __future__ import annotations

import pytest

from flagged import ids_on
from indexer.analysis import analyse
from indexer.copycheck import concepts


def _index():
    treat = concepts.compile_term("treat", analyse)
    guard = concepts.compile_term("=difficult to treat", analyse)
    return concepts.TermIndex({"concept:benefit": (treat,), "concept:benefit/not_within": (guard,)},
                              {"concept:benefit": "concept:benefit/not_within"})


def _read(text):
    from indexer.analysis import text_analyzer
    return concepts.SentenceTokens.of(text, text_analyzer(), _index())


def test_a_term_inside_the_guard_words_does_not_count():
    assert _read("Depression can be difficult to treat.").reading().get("concept:benefit") is None


def test_the_same_term_outside_them_still_counts():
    st = _read("It is difficult to treat, but ketamine may treat it.")
    assert [st.text[a:b] for a, b, _ in st.reading()["concept:benefit"]] == ["treat"]
    assert st.text.index("may treat") + 4 == st.reading()["concept:benefit"][0][0]


@pytest.mark.frames_only
def test_an_illness_difficult_to_treat_is_no_claim_that_ketamine_treats_it(real_engine):
    text = "Ketamine therapy at our clinic\n\nDepression in older adults can be hard to treat.\n"
    assert "trd-effective" not in ids_on(real_engine, text, "Depression in older adults can be hard to treat.")


@pytest.mark.frames_only
def test_treating_a_hard_to_treat_depression_still_is(real_engine):
    text = "Ketamine therapy at our clinic\n\nKetamine can treat hard-to-treat depression.\n"
    assert "trd-effective" in ids_on(real_engine, text, "Ketamine can treat hard-to-treat depression.")
