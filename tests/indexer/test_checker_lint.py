"""`kb validate` rejects checker vocabulary that could never match, with file and line."""
from __future__ import annotations

import shutil

from kb.cli import main


def copy_kb(real_engine, tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(real_engine.kb_dir, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_term_without_a_word_is_an_error(real_engine, tmp_path, capsys):
    root = copy_kb(real_engine, tmp_path)
    edit(root / "concepts.yaml", "terms: [esketamine,", 'terms: ["—", esketamine,')
    assert main(["--kb-dir", str(root), "validate", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "kb/concepts.yaml" in err and "'—' has no word in it" in err


def test_unknown_concept_and_malformed_figure_slot_are_errors(real_engine, tmp_path, capsys):
    root = copy_kb(real_engine, tmp_path)
    claim = root / "claims" / "onset-within-hours.yaml"
    edit(claim, "{concept: rapid-onset-hours, figure: duration,", "{concept: rapid-onset-in-hours, figure: duration,")
    assert main(["--kb-dir", str(root), "validate", "--quiet"]) == 1
    assert "no concept 'rapid-onset-in-hours' in kb/concepts.yaml" in capsys.readouterr().err
    edit(claim, "{concept: rapid-onset-in-hours, figure: duration, measure: time-to-onset, range: [1, 1440],",
         "{concept: rapid-onset-hours, figure: duration, measure: time-to-onset, range: [1440, 1],")
    assert main(["--kb-dir", str(root), "validate", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "onset-within-hours.yaml" in err and "low is above high" in err


def test_slot_whose_terms_are_all_stop_words_still_matches(real_engine):
    """The silent failure of the old cues: [while, during] compiled to nothing. Such terms are matched as written."""
    from indexer.copycheck.concepts import compile_term

    checker = real_engine.checker(real_engine.snapshot())
    for word in ("while", "during", "after", "most"):
        term = compile_term(word, checker.analyse)
        assert term is not None and term.phrase is not None and term.phrase.search(f"x {word} y")


def test_a_subject_that_names_no_concept_is_an_error(real_engine, tmp_path, capsys):
    root = copy_kb(real_engine, tmp_path)
    edit(root / "concepts.yaml", "\nsubject: ketamine\n", "\nsubject: ketamin\n")
    assert main(["--kb-dir", str(root), "validate", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "concepts.yaml" in err and "subject: 'ketamin' is not a concept" in err


def test_an_at_entry_that_names_no_concept_is_an_error(real_engine, tmp_path, capsys):
    root = copy_kb(real_engine, tmp_path)
    edit(root / "claims" / "fda-approved-ppd-drugs.yaml", '"@other-regulator"', '"@other-regulators"')
    assert main(["--kb-dir", str(root), "validate", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "fda-approved-ppd-drugs.yaml" in err and "'@other-regulators' names no concept" in err


def test_a_concept_cannot_take_another_with_an_at_entry(real_engine, tmp_path, capsys):
    root = copy_kb(real_engine, tmp_path)
    edit(root / "concepts.yaml", "terms: [esketamine,", 'terms: ["@ketamine", esketamine,')
    assert main(["--kb-dir", str(root), "validate", "--quiet"]) == 1
    assert "a concept includes another with `include`" in capsys.readouterr().err
