"""The check-worthiness step's second stage: the sentence encoder, its stored weights, and how the pipeline asks it."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import train_checkworthy  # noqa: E402

from indexer.copycheck import checkworthy, checkworthy_encoder, checkworthy_model, sentence_encoder  # noqa: E402
from indexer.copycheck.checkworthy import Pending, resolve  # noqa: E402

FLAGS = {"has_topic": True, "has_figure": False, "is_heading": False, "silent": False, "block_kind": "paragraph"}


def test_weights_that_are_not_the_pinned_release_are_refused(tmp_path):
    (tmp_path / "model.safetensors").write_bytes(b"not the model")
    (tmp_path / "tokenizer.json").write_text("{}")
    with pytest.raises(sentence_encoder.EncoderUnavailable, match="SHA-256"):
        sentence_encoder.SentenceEncoder(tmp_path)
    with pytest.raises(sentence_encoder.EncoderUnavailable, match="missing"):
        sentence_encoder.SentenceEncoder(tmp_path / "nowhere")


def test_vectors_are_unit_length_deterministic_and_mean_something():
    encoder = sentence_encoder.shared()
    texts = ["Ketamine can relieve depression within hours.",
             "Relief from depression may come within a few hours of a ketamine infusion.",
             "Our office is closed on public holidays."]
    first = encoder._forward(texts)
    assert first.shape == (3, sentence_encoder.DIM)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(first, encoder._forward(texts))
    # a batch of one gives the vector the batch gave (padding never leaks into a sentence)
    assert np.allclose(encoder._forward(texts[2:]), first[2:], atol=1e-5)
    similarity = first @ first.T
    assert similarity[0, 1] > similarity[0, 2] + 0.2


def test_the_vector_cache_is_bounded(monkeypatch):
    encoder = sentence_encoder.SentenceEncoder()
    monkeypatch.setattr(sentence_encoder, "CACHE_SIZE", 3)
    vectors = encoder.encode([f"Sentence number {n} about ketamine." for n in range(5)])
    assert len(encoder._cache) == 3
    assert np.allclose(encoder.encode(["Sentence number 4 about ketamine."])[0], vectors[4])


def test_stored_stage_is_what_training_produces(tmp_path):
    out = tmp_path / "stage.json"
    stored = json.loads(checkworthy_encoder.STAGE_FILE.read_text(encoding="utf-8"))
    options = {k: stored["options"][k] for k in ("band", "threshold", "max_sentences", "l2", "iterations")}
    train_checkworthy.train_encoder(train_checkworthy.ENCODER_EXAMPLES, out, **options)
    made = json.loads(out.read_text(encoding="utf-8"))
    # Newton's method in NumPy: the same file up to the last rounded digit that BLAS summation order may move
    assert {k: v for k, v in made.items() if "weights" not in k and k != "bias"} == \
        {k: v for k, v in stored.items() if "weights" not in k and k != "bias"}
    assert made["weights"].keys() == stored["weights"].keys()
    assert max(abs(made["weights"][k] - stored["weights"][k]) for k in made["weights"]) < 1e-3
    assert np.allclose(made["vector_weights"], stored["vector_weights"], atol=1e-3)
    assert abs(made["bias"] - stored["bias"]) < 1e-3


def test_the_stage_trains_on_the_development_part_only():
    examples, _ = train_checkworthy.load_examples(train_checkworthy.ENCODER_EXAMPLES)
    aside = {Path(p).name for p in (ROOT / "bench" / "data" / "realcopy_held_aside.txt").read_text().split()}
    dev = {p.name for p in (ROOT / "tests" / "data" / "realcopy" / "dev").glob("*.yaml")}
    used = {e["page"] for e in examples}
    assert used and used <= dev and not used & aside


def _pending(n: int) -> list[Pending]:
    threshold = checkworthy_model.load()["threshold"]
    return [Pending(f"Ketamine sentence {i} of the page.", FLAGS, threshold + 0.01 * (i + 1)) for i in range(n)]


def test_only_the_budget_of_most_unsure_sentences_is_encoded(monkeypatch):
    stage = checkworthy_encoder.load()
    asked = []
    real = sentence_encoder.shared()
    monkeypatch.setattr(real, "encode", lambda texts: asked.append(list(texts)) or
                        np.zeros((len(texts), sentence_encoder.DIM), np.float32))
    pending = _pending(stage["max_sentences"] + 3)
    answers = resolve(pending)
    assert len(asked) == 1  # one batch
    assert asked[0] == [p.text for p in pending[:stage["max_sentences"]]]  # nearest the first model's threshold
    # past the budget the first model's answer stands (these are just above its threshold: marked)
    assert answers[stage["max_sentences"]:] == [True] * 3


def test_without_the_weights_the_first_model_answers_and_says_so(monkeypatch, caplog):
    def unavailable():
        raise sentence_encoder.EncoderUnavailable("weights not installed")
    monkeypatch.setattr(checkworthy, "_warned", set())
    monkeypatch.setattr(sentence_encoder, "shared", unavailable)
    threshold = checkworthy_model.load()["threshold"]
    pending = [Pending("a", FLAGS, threshold + 0.05), Pending("b", FLAGS, threshold - 0.05)]
    with caplog.at_level(logging.WARNING):
        assert resolve(pending) == [True, False]
    assert "without its second stage" in caplog.text


def test_the_pipeline_settles_a_page_in_one_batch(real_engine, monkeypatch):
    batches = []
    real = sentence_encoder.shared()
    encode = real.encode
    monkeypatch.setattr(real, "encode", lambda texts: batches.append(len(texts)) or encode(texts))
    real_engine.check("Ketamine clinics are opening in many cities across the country this year.\n\n"
                      "Patients often travel a long way for an infusion and stay for the afternoon.\n\n"
                      "Many people with depression say that their mood lifted after treatment.")
    assert len(batches) <= 1
