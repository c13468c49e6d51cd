"""The copy checker on real sentences mined claim by claim from many published pages
(tests/data/realcopy/mined, scored by bench/realcopy_mined.py). Each family file records its first
measurement, taken before any change its sentences prompted, and a floor a little below the figure
measured after; this test holds the floor."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import realcopy_mined  # noqa: E402

FAMILIES = realcopy_mined.load_all()


def test_every_mined_sentence_is_well_formed():
    problems: list[str] = []
    families = realcopy_mined.load_all(problems)
    assert problems == []
    assert families, "no mined sentence files"
    for family in families:
        assert family.floor > 0, f"{family.path.name}: floor missing"
        assert any(s.claims for s in family.sentences) and any(s.not_claims for s in family.sentences), \
            f"{family.path.name}: a family needs positives and negatives"


@pytest.mark.parametrize("family", FAMILIES, ids=[f.path.stem for f in FAMILIES])
def test_the_checker_reads_mined_sentences_at_least_at_the_floor(real_engine, family):
    result = realcopy_mined.score(family, lambda text: real_engine.check(text).to_dict())
    wrong = "\n".join(f"{m['where']}: want {m['want']} not {m['not']} got {m['got']}: {m['text'][:90]}"
                      for m in result["misses"])
    assert result["accuracy"] >= family.floor, f"{result['right']}/{result['sentences']} right\n{wrong}"


def test_the_held_aside_mined_set_is_well_formed():
    """tests/data/realcopy/mined_held_aside/ measures whether mined vocabulary carries over to other sites:
    checked for form here (no reserved or test-split site), scored only by the benchmark."""
    held = sorted((realcopy_mined.realcopy.CORPUS / "mined_held_aside").glob("*.yaml"))
    problems: list[str] = []
    families = realcopy_mined.load_all(problems, held)
    assert held and problems == []
    assert sum(len(f.sentences) for f in families) >= 100
