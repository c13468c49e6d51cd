"""The copy checker's context, pass 11 (helper C11a): the illness a sentence leaves to the sentence before. Every
sentence here is invented (none is copied from a page); each test fails without the change it names, and each has a
negative example beside it."""
from __future__ import annotations

from flagged import flags  # tests/indexer/flagged.py


def _last(engine, text):
    """The claims flagged in the text's last sentence."""
    last = engine.check(text).sentences[-1].text.strip()
    return {cid for sentence, cid, _ in flags(engine, text) if sentence == last}


def test_what_only_an_illness_has_refers_to_the_illness_before(real_engine):
    """"Its causes are thought to include ...": a cause, pathogenesis or risk factors are an illness's, so "its" is the
    illness the sentence before names, not only a treatment."""
    text = ("Postpartum depression is a serious illness. "
            "Its causes are thought to include a sharp fall in hormone levels and a lack of sleep.")
    assert "ppd-hormonal-trigger" in _last(real_engine, text)
    # a drug's "its" (its side effects) still lends only the drug
    text = ("Ketamine is sometimes used for postpartum depression. "
            "Its side effects are thought to include a sharp fall in hormone levels.")
    assert "ppd-hormonal-trigger" not in _last(real_engine, text)

