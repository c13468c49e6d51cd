"""Matching cases of the copy checker (issue 10, pass 8): general causes in how terms and frames are matched
(concepts.py, frames.py), not vocabulary. Every sentence here is invented; each test fails without the change
it names."""
from __future__ import annotations

import pytest

from flagged import flags  # tests/indexer/flagged.py


def _spans(engine, concept, text):
    """The words of one concept of kb/concepts.yaml found in a sentence, as written."""
    from indexer.copycheck.concepts import SentenceTokens

    checker = engine.checker(engine.snapshot())
    st = SentenceTokens.of(text, checker.analyzer, checker.term_index)
    return [text[a:b] for a, b, _ in st.find_all(f"concept:{concept}", checker.lexicon.terms[concept])]


# frames alone: the claim model retrained on 1,067 pages (session 35) reads "you may experience a new calm" after ketamine
# treatment as an acute effect (p 0.73), as a reviewer labelled a calm felt in session on a round 44 page; the rule here
# is the synonym's span
@pytest.mark.frames_only
def test_a_synonym_phrase_does_not_span_a_clause_break(real_engine):
    """The analyzer lays a synonym group's token ("out-of-body experience") over words that stop words
    separate, and knew no punctuation: "your body; you may experience" was a dissociation."""
    assert _spans(real_engine, "dissociation", "Listen to your body; you may experience a new calm.") == []
    assert "out-of-body experience" in _spans(real_engine, "dissociation", "Some describe an out-of-body experience.")
    for text in ("After ketamine treatment, listen to your body; you may experience a new calm.",
                 "Ketamine care respects your body (you may experience the session as a reset).",
                 "Every mother knows her own body, and you will experience recovery at your own pace."):
        assert "ketamine-common-side-effects" not in {c for _, c, _ in flags(real_engine, text)}, text
    text = "During a ketamine session, some patients experience an out-of-body experience."
    assert (text, "ketamine-common-side-effects", "asserts") in flags(real_engine, text)


def test_a_multi_word_term_does_not_span_a_dash(real_engine):
    """"within weeks – hours after each session" is not "within hours"; a dash before a number is a range
    ("within 15–30 minutes") and stays inside the term."""
    assert _spans(real_engine, "rapid-onset-hours", "Mood lifts within weeks – hours after a session you may feel tired.") \
        == ["hours after"]
    assert _spans(real_engine, "rapid-onset-hours", "Mood lifts within weeks — hours after a session you may feel tired.") \
        == ["hours after"]
    assert _spans(real_engine, "rapid-onset-hours", "Mood lifted within hours.") == ["within hours"]
    text = "With ketamine, mood improves within weeks – hours after each session patients may feel tired."
    assert "side-effects-mild-transient" not in {c for _, c, _ in flags(real_engine, text)}


def test_what_a_comparison_sets_the_treatment_against_is_not_who_the_claim_is_about(real_engine):
    """"outperformed other antidepressants" is no population other antidepressants failed (trd-effective);
    "lasts longer than in bipolar depression" no claim about bipolar depression. The failure still is."""
    for text in ("In trials, ketamine outperformed other antidepressants in relieving symptoms.",
                 "Ketamine is more effective than conventional drugs for many patients."):
        assert "trd-effective" not in {c for _, c, _ in flags(real_engine, text)}, text
    text = "With ketamine, improvement in major depression tends to last longer than in bipolar depression."
    assert "ketamine-other-indications" not in {c for _, c, _ in flags(real_engine, text)}
    text = "Ketamine can help when other antidepressants have failed."
    assert (text, "trd-effective", "asserts") in flags(real_engine, text)
    text = "Ketamine also helps people with bipolar depression."
    assert (text, "ketamine-other-indications", "asserts") in flags(real_engine, text)
