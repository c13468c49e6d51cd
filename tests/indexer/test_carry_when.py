"""A slot's `carry_when` words: treatment resistance named in the sentence before carries into the next sentence only
when that sentence goes on about the same patients or trial ("these patients", "placebo"). A sentence after one naming
treatment-resistant depression mostly says what the drug does in general, which the labelling guide keeps apart from
`trd-effective`. A heading or the page's title still stands over the text under it, and `kb validate` rejects
`carry_when` words that could never match.

Every sentence tested here is invented, not copied from any page. The frames alone are tested."""
from __future__ import annotations

import pytest

from flagged import ids_on
from kb.cli import main
from test_checker_lint import copy_kb, edit

pytestmark = pytest.mark.frames_only

BEFORE = "Esketamine was approved for adults with treatment-resistant depression."


@pytest.mark.parametrize("sentence", [
    "Its main advantage over other conventional treatments is the rapid improvement in symptoms.",
    "The benefits of the spray can be lasting after only a few treatments.",
    "Both ketamine and esketamine offer rapid symptom relief.",
])
def test_general_efficacy_after_a_sentence_naming_resistance_is_not_the_resistance_claim(real_engine, sentence):
    text = f"{BEFORE} {sentence}\n"
    assert "trd-effective" not in ids_on(real_engine, text, sentence)


@pytest.mark.parametrize("sentence", [
    "Many of these patients improved within a week of their first dose.",
    "Patients improved more on esketamine than on placebo.",
])
def test_a_sentence_going_on_about_the_same_patients_or_trial_still_takes_it(real_engine, sentence):
    text = f"{BEFORE} {sentence}\n"
    assert "trd-effective" in ids_on(real_engine, text, sentence)


def test_the_heading_still_stands_over_the_text_under_it(real_engine):
    sentence = "Most patients improve after an infusion."
    text = f"Ketamine therapy at our clinic\n\nTreatment-resistant depression\n\n{sentence}\n"
    assert "trd-effective" in ids_on(real_engine, text, sentence)


def test_carry_when_words_that_analyse_to_nothing_are_an_error(real_engine, tmp_path, capsys):
    root = copy_kb(real_engine, tmp_path)
    edit(root / "claims" / "trd-effective.yaml", 'carry_when: ["@same-people-or-trial"]', 'carry_when: ["—", "@same-people-or-trial"]')
    assert main(["--kb-dir", str(root), "validate", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "trd-effective.yaml" in err and "carry_when" in err and "'—' has no word in it" in err
