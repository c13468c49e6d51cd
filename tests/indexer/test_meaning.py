"""Of the records a query's words match, those closer to it in meaning rank higher (indexer/meaning.py)."""
from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from indexer.engine import Engine
from indexer.meaning import MEANING_WEIGHT, MIN_WORDS, VECTORS_FILE, CloserFirst, record_texts
from indexer.query import words_query


def _scored(searcher, q):
    matcher = q.matcher(searcher)
    while matcher.is_active():
        yield matcher.id(), matcher.score()
        matcher.next()


def test_a_build_keeps_a_vector_for_every_text_of_every_claim(real_engine):
    snap = real_engine.snapshot()
    with np.load(snap.path / VECTORS_FILE) as data:
        kept = set(zip(data["types"].tolist(), data["ids"].tolist()))
        assert data["vectors"].shape == (sum(1 + len(c.phrasings) for c in snap.kb.claims.values()), 384)
    assert kept == {("claim", c) for c in snap.kb.claims}


def test_the_lens_reorders_and_never_changes_what_matches(real_engine):
    """The same documents as the words' query; a claim's score times 1 + weight x its closeness, over that factor's
    mean over all claims; a study's unchanged."""
    snap = real_engine.snapshot()
    text = "Is it safe to nurse my baby after a treatment?"
    q = snap.builder.build(text)
    assert isinstance(q, CloserFirst)
    closeness = snap.builder.meaning.closeness(text)
    with snap.ix.searcher() as s:
        plain = dict(_scored(s, words_query(q)))
        closer = dict(_scored(s, q))
        scaled_by_subject = dict(_scored(s, q.child))
    assert set(plain) == set(closer) and len(plain) > 20
    assert len(closeness) == len(snap.kb.claims)
    mean = sum(1 + MEANING_WEIGHT * max(0.0, c) for c in closeness.values()) / len(closeness)
    for d, score in closer.items():
        factor = (1 + MEANING_WEIGHT * max(0.0, closeness[d])) / mean if d in closeness else 1.0
        assert score == pytest.approx(scaled_by_subject[d] * factor)
    assert any(d not in closeness for d in closer)  # studies match too, unscaled
    # the search's totals and facets are the words' own
    found = real_engine.search(text)
    assert found.total == len(plain)


@pytest.mark.parametrize("question, first", [
    ("What is a KAP session like?", "ketamine-plus-psychotherapy"),
    ("How is Postpartum Depression Treated?", "ppd-standard-treatment"),
    ("What to expect during the infusion?", "ketamine-common-side-effects"),
])
def test_a_question_in_its_own_words_finds_the_claim_that_answers_it(real_engine, question, first):
    """Development questions (tests/data/search_questions.yaml) the words alone ranked second or third."""
    assert real_engine.search(question, type="claim", per_page=3).results[0].id == first


@pytest.mark.parametrize("text", ["What is Spravato?", "ketamine breast milk", "Who qualifies?"])
def test_a_keyword_search_ranks_by_its_words_alone(real_engine, text):
    """Under MIN_WORDS words a query's vector is mostly the names it holds ("What is Spravato?" read closest to the
    approval outside the US)."""
    q = real_engine.snapshot().builder.build(text)
    assert not isinstance(q, CloserFirst) and len(text.split()) < MIN_WORDS


def test_a_rebuild_encodes_only_the_texts_that_changed(kbdir, tmp_path, monkeypatch):
    from indexer.copycheck.sentence_encoder import shared

    encoder = shared()
    encoded: list[str] = []
    real_encode = encoder.encode

    def counting(texts):
        encoded.extend(texts)
        return real_encode(texts)

    monkeypatch.setattr(encoder, "encode", counting)
    engine = Engine(kbdir, tmp_path / "index", auto_refresh=False)
    engine.rebuild()
    first = set(encoded)
    assert "minimal transfer into milk" in first
    claim = kbdir / "claims" / "fixture-claim.yaml"
    claim.write_text(claim.read_text().replace('  - "tiny amounts in human milk"\n',
                                               '  - "tiny amounts in human milk"\n  - "the baby takes in almost none"\n'))
    encoded.clear()
    engine.rebuild()
    assert encoded == ["the baby takes in almost none"]
    snap = engine.snapshot()
    assert snap.builder.meaning.vectors.shape[0] == len(record_texts(snap.kb))
    assert engine.search("does the baby take in any of it").results[0].id == "fixture-claim"


def test_a_build_made_without_the_encoder_searches_by_words_alone(kbdir, tmp_path, repo_root):
    """Where the encoder is not installed the build still succeeds; its searches rank as the words do."""
    index = tmp_path / "index"
    env = dict(os.environ, KB_ENCODER_DIR=str(tmp_path / "no-encoder-here"))
    proc = subprocess.run([sys.executable, "-m", "kb.cli", "--kb-dir", str(kbdir), "--index-dir", str(index), "build"],
                          cwd=repo_root, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    engine = Engine(kbdir, index, auto_refresh=False)
    snap = engine.snapshot()
    assert not (snap.path / VECTORS_FILE).exists()
    assert snap.builder.meaning.vectors is None
    q = snap.builder.build("is there minimal transfer into milk")
    assert not isinstance(q, CloserFirst)
    assert engine.search("is there minimal transfer into milk").results[0].id == "fixture-claim"


def test_a_damaged_vectors_file_costs_the_ordering_by_meaning_never_the_search(kbdir, tmp_path, caplog):
    engine = Engine(kbdir, tmp_path / "index", auto_refresh=False)
    engine.rebuild()
    path = engine.snapshot().path
    (path / VECTORS_FILE).write_bytes(b"PK\x03\x04 not a zip at all")
    reopened = Engine(kbdir, tmp_path / "index", auto_refresh=False)
    snap = reopened.snapshot()
    assert snap.builder.meaning.vectors is None
    assert "unreadable" in caplog.text
    assert not isinstance(snap.builder.build("is there minimal transfer into milk"), CloserFirst)
    assert reopened.search("is there minimal transfer into milk").results[0].id == "fixture-claim"
