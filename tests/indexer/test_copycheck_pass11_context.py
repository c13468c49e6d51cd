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


def test_the_usual_treatments_are_those_of_the_illness_before(real_engine):
    """"Standard treatments combine therapy and medication", "doctors recommend talk therapy and antidepressant
    medication": the usual treatments, and what is prescribed or recommended, are for the illness the sentence before
    names when the sentence names none of its own."""
    for text in ("Many new mothers develop postpartum depression. Standard treatments for most patients combine therapy and medication.",
                 "Postpartum depression is a treatable illness. In most cases, doctors recommend talk therapy and antidepressant "
                 "medication as a first step."):
        assert "ppd-standard-treatment" in _last(real_engine, text), text
    # a sentence naming an illness of its own keeps it
    text = "Postpartum depression is common. Doctors may prescribe antidepressant medications for anxiety and panic attacks as well."
    assert "ppd-standard-treatment" not in _last(real_engine, text)
    # a sentence about the page's own drug says its own illness: the treatments that failed lend none
    text = ("Thoughts of suicide call for urgent care. "
            "Esketamine offers fast relief to patients who haven't responded to traditional treatments.")
    assert "reduces-suicidal-ideation" not in _last(real_engine, text)
