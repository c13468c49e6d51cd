"""The analyzer: compounds, synonyms from the KB vocabulary, negations kept, accents folded."""
from __future__ import annotations

import pytest

from indexer.analysis import analyse, text_analyzer

SYNONYMS = [
    ["caesarean", "cesarean", "c-section", "c section", "csection", "caesarean section", "cesarean section"],
    ["esketamine", "s-ketamine", "spravato"],
    ["postpartum depression", "postnatal depression", "ppd"],
]


@pytest.fixture(scope="module")
def analyzer():
    return text_analyzer(SYNONYMS)


def query_tokens(analyzer, text):
    return [t.text for t in analyzer(text, mode="query")]


def index_tokens(analyzer, text):
    return [t.text for t in analyzer(text, mode="index", positions=True)]


@pytest.mark.parametrize("spelling", ["C-section", "c section", "csection", "Caesarean", "cesarean section", "CAESAREAN SECTION"])
def test_every_spelling_of_caesarean_meets_the_others(analyzer, spelling):
    group = query_tokens(analyzer, "C-section")
    assert len(group) == 1
    assert query_tokens(analyzer, spelling) == group
    assert group[0] in index_tokens(analyzer, f"Rates after {spelling} delivery")


def test_brand_and_enantiomer_names_map_to_one_term(analyzer):
    assert query_tokens(analyzer, "Spravato") == query_tokens(analyzer, "S-ketamine") == query_tokens(analyzer, "esketamine")


def test_multiword_synonym_in_text_is_indexed_for_the_abbreviation(analyzer):
    ppd = query_tokens(analyzer, "PPD")[0]
    toks = index_tokens(analyzer, "Women with postnatal depression were enrolled")
    assert ppd in toks
    # the surface words stay searchable too
    assert "depress" in toks and "postnat" in toks


def test_hyphenated_words_are_split_into_their_parts(analyzer):
    toks = index_tokens(analyzer, "treatment-resistant depression")
    assert toks[:3] == ["treatment", "resist", "depress"]


def test_negations_are_not_stop_words():
    assert analyse("was not effective") == ["not", "effect"]
    assert "no" in analyse("no evidence")


def test_accents_and_case_fold():
    assert analyse("Méta-Analysis") == analyse("meta-analysis")


def test_phrase_positions_stay_adjacent_across_a_compound(analyzer):
    toks = list(analyzer("C-section rates", mode="index", positions=True))
    pos = {t.text: t.pos for t in toks}
    assert pos["section"] == pos["c"] + 1 and pos["rate"] == pos["section"] + 1
