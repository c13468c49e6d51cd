"""What the copy checker flags in a text, as the wording tests compare it (test_copycheck_*.py)."""
from __future__ import annotations

import pytest


def flags(engine, text):
    """(sentence text, claim id, stance) for every flagged claim."""
    return {(s.text.strip(), c.id, c.stance) for s in engine.check(text).sentences for c in s.claims}


def claim_ids(engine, text):
    """The ids of every claim flagged anywhere in the text."""
    return {cid for _, cid, _ in flags(engine, text)}


def sentence_ids(engine, text, sentence):
    """The claim ids flagged on one sentence of a text."""
    return {cid for s, cid, _ in flags(engine, text) if s == sentence}


def ids_on(engine, text, sentence):
    """The claim ids on one sentence of a text, the sentence checked to be there: a case expecting no flag on a sentence
    the splitter cut differently would otherwise pass for the wrong reason."""
    found = [s for s in engine.check(text).sentences if s.text.strip() == sentence]
    assert found, f"no sentence {sentence!r}"
    return {c.id for s in found for c in s.claims}


def unmarked(cases):
    """The texts of parametrize cases without their marks: a case a retrained model moved (a strict xfail beside it) is
    still checked where that model is off (frames_only)."""
    return [getattr(case, "values", [case])[0] for case in cases]


def with_and_without_model(cases):
    """Each parametrize case twice: read with the claim model, and again by the frames alone (marked frames_only)."""
    return [*cases, *(pytest.param(*(c if isinstance(c, tuple) else (c,)), marks=pytest.mark.frames_only) for c in cases)]


def line_claims(engine, line, heading="Ketamine for depression"):
    """{claim id: stance} flagged on one line checked under a heading that names the page's drug."""
    return {cid: stance for s, cid, stance in flags(engine, f"{heading}\n{line}\n") if s == line}
