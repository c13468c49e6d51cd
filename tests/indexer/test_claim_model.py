"""The claim model (indexer/copycheck/claim_model.py): reproducible from the repo, trained on tuning pages only, and
asked by the pipeline after the frames under the same stance rules.

The model must be what `bench/train_claim_model.py train` makes from the stored examples, and the examples what
`extract` makes from the tuning pages as they stand (a label changed or a round released means: extract, train).
"""
from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import train_claim_model  # noqa: E402

from indexer.copycheck import claim_model  # noqa: E402


def claims_of(engine, text: str) -> list[tuple[str, str]]:
    return [(c["id"], c["stance"]) for s in engine.check(text).to_dict()["sentences"] for c in s["claims"]]


def test_the_stored_examples_are_the_tuning_pages_as_they_stand(tmp_path):
    out = tmp_path / "examples.jsonl"
    train_claim_model.extract(out)
    assert out.read_text(encoding="utf-8") == train_claim_model.EXAMPLES.read_text(encoding="utf-8")


def test_the_examples_hold_no_held_aside_or_test_page():
    rows = train_claim_model.load_examples()
    pages = {r["page"] for r in rows}
    assert pages and all(p.startswith("tests/data/realcopy/dev/") for p in pages)
    assert not pages & train_claim_model.realcopy.held_aside()
    assert sum(bool(r["claims"]) for r in rows) > 1000


def test_released_pairs_are_scored_and_held_aside_rounds_refused():
    """`train_claim_model.py pairs` reads released rounds only: a held-aside round's errors stay unread."""
    assert train_claim_model.released_pairs(41, 44) == [(41, 42), (43, 44)]
    aside = train_claim_model.realcopy.held_aside()
    rounds = (ROOT / "bench" / "data").glob("realcopy_round*.txt")
    held_round = min(int(f.stem.removeprefix("realcopy_round")) for f in rounds if aside & set(f.read_text().split()))
    with pytest.raises(SystemExit, match="held aside"):
        train_claim_model.released_pairs(held_round, held_round + 1)


def test_a_model_in_use_is_put_back_after_the_block(monkeypatch, tmp_path):
    monkeypatch.delenv(claim_model.MODEL_ENV, raising=False)
    with train_claim_model.model_in_use(tmp_path / "absent.json"):
        assert claim_model.load() is None
    assert claim_model.MODEL_ENV not in os.environ and claim_model.load() is not None


def test_the_stored_model_is_what_training_produces(tmp_path):
    out = tmp_path / "model.json"
    train_claim_model.train(train_claim_model.EXAMPLES, out, set())
    fresh, stored = json.loads(out.read_text()), json.loads(claim_model.MODEL_FILE.read_text())
    assert fresh["claims"] == stored["claims"] and fresh["idf"] == stored["idf"]
    assert fresh["options"] == stored["options"] and fresh["training_rows"] == stored["training_rows"]
    # L-BFGS is deterministic, but another machine's BLAS may round differently: the answers must agree
    a, b = claim_model.from_dict(fresh), claim_model.from_dict(stored)
    rows = train_claim_model.load_examples()[::7]
    worst = max(abs(pa - pb) for r in rows
                for pa, pb in zip(a.probabilities(r["text"], r["prev"]).values(), b.probabilities(r["text"], r["prev"]).values()))
    assert worst < 0.01


def test_every_claim_the_model_knows_is_a_claim_of_the_kb():
    known = {p.stem for p in (ROOT / "kb" / "claims").glob("*.yaml")}
    assert set(claim_model.load().claims) <= known


def test_features_are_unit_length_with_the_sentence_before_at_its_weight():
    idf = {"w": {"ketamine": 2.0, "works": 3.0}, "p": {"ketamine": 1.5}}
    f = claim_model.features("Ketamine works, ketamine WORKS!", "ketamine", idf, 0.5)
    own = [v for k, v in f.items() if k.startswith("w:")]
    assert math.isclose(math.sqrt(sum(v * v for v in own)), 1.0)
    assert f["p:ketamine"] == pytest.approx(0.5)
    assert claim_model.features("unknown words only", "", idf, 0.5) == {}


def test_a_model_probability_is_a_probability_of_each_claim():
    model = claim_model.load()
    p = model.probabilities("Untreated postpartum depression harms the children of the mothers who have it.")
    assert set(p) == set(model.claims) and all(0.0 <= v <= 1.0 for v in p.values())


def test_the_sentence_vector_is_the_mean_of_its_word_embeddings_at_unit_length():
    import numpy as np
    v = claim_model.sentence_vectors(["Ketamine is safe while nursing.", "Ketamine is safe while breastfeeding.",
                                      "Parking is free on weekends.", ""])
    assert v.shape == (4, 384) and np.allclose(np.linalg.norm(v[:3], axis=1), 1.0, atol=1e-5)
    assert not v[3].any()  # no word, no vector
    assert v[0] @ v[1] > v[0] @ v[2] + 0.1  # a paraphrase sits nearer than another topic


def test_the_stored_model_reads_the_vector_beside_the_words():
    model = claim_model.load()
    assert model.vector_weights is not None and model.vector_weights.shape == (384, len(model.claims))
    assert model.vector_weight == claim_model.DEFAULTS["vector_weight"] > 0
    text = "Ketamine is safe while nursing."
    without = claim_model.ClaimModel(model.claims, model.idf, model.columns, model.weights, model.bias,
                                     model.context_weight, model.threshold)
    assert model.probabilities(text) != without.probabilities(text)


def test_without_the_encoders_weights_the_frames_stand_alone(monkeypatch):
    from indexer.copycheck.sentence_encoder import EncoderUnavailable

    def unavailable(texts):
        raise EncoderUnavailable("not installed")
    monkeypatch.setattr(claim_model, "sentence_vectors", unavailable)
    claim_model.load.cache_clear()
    try:
        with pytest.warns(UserWarning, match="frames' claims stand alone"):
            assert claim_model.load() is None
    finally:
        claim_model.load.cache_clear()


# Invented copy whose words the frames do not know, and the same words asked, conditioned, or denied by a reported view
ADDED = "Untreated PPD changes the lives of children too"
TIMED = "Symptoms typically begin within the first few weeks after giving birth."


@pytest.mark.frames_only  # tests/conftest.py: the checker without the claim model
def test_the_frames_alone_miss_the_invented_copy(real_engine):
    assert claims_of(real_engine, ADDED) == [] and claims_of(real_engine, TIMED) == []


def test_the_model_adds_its_confident_claims_to_the_report(real_engine):
    assert claims_of(real_engine, ADDED) == [("ppd-harms-mother-baby", "asserts")]
    assert claims_of(real_engine, TIMED) == [("ppd-onset-timing", "asserts")]
    sentence = real_engine.check(TIMED).to_dict()["sentences"][0]
    assert 0.6 <= sentence["claims"][0]["score"] < 1.0  # the model's probability, not a frame's score


def test_a_claim_about_esketamine_is_not_added_to_a_sentence_about_ketamine(real_engine):
    # The REMS is esketamine's (its claim's bottom line says infusion clinics have no such programme); the claim's second
    # frame takes "the treatment", which ketamine fills, so the other-drug exclusion reads the frames' drugs first.
    text = "Because of its potential for abuse, ketamine should only ever be given in a supervised clinical setting."
    model = claim_model.load()
    assert model.probabilities(text)["esketamine-rems-monitoring"] >= model.threshold
    assert "esketamine-rems-monitoring" not in [cid for cid, _ in claims_of(real_engine, text)]


@pytest.mark.parametrize("text", [
    "Do symptoms typically begin within the first few weeks after giving birth?",
    "If symptoms typically begin within the first few weeks after giving birth, screening should start early.",
    "The study aims to find out whether symptoms typically begin within the first few weeks after giving birth.",
])
def test_an_asked_conditional_or_aimed_sentence_gets_nothing_from_the_model(real_engine, text):
    assert claims_of(real_engine, text) == []


def test_every_rendering_says_which_claims_only_the_model_found(real_engine):
    from indexer.copycheck.docx_report import comment_text
    from indexer.copycheck.report import MODEL_FOUND_NOTE, render_markdown, render_text

    report = real_engine.check(f"{TIMED} Ketamine barely passes into breast milk.").to_dict()
    learned, framed = report["sentences"]
    assert [c["found_by"] for c in learned["claims"]] == ["model"]
    assert framed["claims"] and {c["found_by"] for c in framed["claims"]} == {"frames"}
    assert render_markdown(report).count(MODEL_FOUND_NOTE) == 1
    assert render_text(report).count(MODEL_FOUND_NOTE) == 1
    assert MODEL_FOUND_NOTE in comment_text(learned, report["claims"])
    assert MODEL_FOUND_NOTE not in comment_text(framed, report["claims"])


# -- the veto (session 32): a frame's claim the model all but rules out is dropped ---------------------------------------
# (the sixtieth pass's `search-for-relief` veto now keeps the frames from "the search for effective treatments becomes an
# endless pursuit", the sentence this used to be; "the hunt for" is not among its words, so the model's veto is still needed)
PURSUIT = "Ketamine treatment for resistant depression. For these patients, the hunt for effective treatments becomes an endless task."


def test_the_model_doubts_only_well_learned_claims_under_its_veto():
    model = claim_model.ClaimModel(("known", "rare", "likely"), {"w": {}, "p": {}}, {}, np.zeros((0, 3)),
                                   np.array([-9.0, -9.0, 3.0]), 0.5, 0.6, veto=0.003, vetoing=frozenset({"known", "likely"}))
    confident, doubted = model.read("anything")
    assert [c for c, _ in confident] == ["likely"]
    assert doubted == {"known"}  # "rare" is as improbable, but the model saw too few of its sentences to veto it


def test_the_stored_model_vetoes_claims_with_enough_labelled_sentences():
    model = claim_model.load()
    data = json.loads(claim_model.MODEL_FILE.read_text(encoding="utf-8"))
    assert model.veto == data["options"]["veto"] > 0
    assert model.vetoing == {c for c, n in data["positives"].items() if n >= data["options"]["veto_min_positives"]}
    assert "trd-effective" in model.vetoing and "breastfeeding-compatible" not in model.vetoing


@pytest.mark.frames_only
def test_the_frames_alone_read_the_search_for_treatments_under_the_heading_as_efficacy(real_engine):
    sentences = real_engine.check(PURSUIT).to_dict()["sentences"]
    assert [c["id"] for c in sentences[1]["claims"]] == ["trd-effective"]  # the heading's subject carried


def test_the_veto_drops_the_frames_claim_the_model_rules_out(real_engine):
    sentences = real_engine.check(PURSUIT).to_dict()["sentences"]
    assert [c["id"] for c in sentences[0]["claims"]] == ["trd-effective"]  # the heading keeps its claim
    assert sentences[1]["claims"] == []


# -- the carried veto (session 33): a claim a carried subject brought, under a higher bar ------------------------------
EMERGENCIES = ("Ketamine works differently from the usual antidepressants. While regular antidepressants can take weeks to "
               "work, ketamine acts fast. This makes it especially helpful in emergencies, such as when someone is at high "
               "risk of self-harm.")


def test_a_carried_subject_raises_the_bar_for_the_claims_the_model_may_veto():
    model = claim_model.ClaimModel(("known", "rare", "likely", "middling"), {"w": {}, "p": {}}, {}, np.zeros((0, 4)),
                                   np.array([-9.0, -9.0, 3.0, -5.15]), 0.5, 0.6, veto=0.003,
                                   vetoing=frozenset({"known", "likely", "middling"}), veto_carried=0.01)
    assert model.read("anything")[1] == {"known"}  # p("middling") = 0.0058: above the veto
    assert model.read("anything", carried=True)[1] == {"known", "middling"}  # "rare": too few sentences, never


def test_the_stored_model_has_a_carried_veto_above_its_veto():
    model = claim_model.load()
    assert model.veto_carried > model.veto > 0


@pytest.mark.frames_only
def test_the_frames_alone_carry_the_sentence_befores_subject_into_the_emergencies(real_engine):
    sentences = real_engine.check(EMERGENCIES).to_dict()["sentences"]
    assert [c["id"] for c in sentences[2]["claims"]] == ["reduces-suicidal-ideation"]
    assert sentences[2]["context"].startswith("While regular antidepressants")


# The claim models retrained on 1,319 and 1,330 pages (sessions 44 and 45) gave the carried sentence's claim a probability
# over the carried veto's bar and kept it; the one retrained on 1,349 pages (session 46) drops it again. A labeller reads a
# use in emergencies as who it is for, not a claim it reduces suicidal thoughts (labelling decisions, rounds 61/62).
def test_the_carried_veto_drops_the_carried_claim_and_the_sentence_is_asked_whether_it_is_check_worthy(real_engine):
    sentences = real_engine.check(EMERGENCIES).to_dict()["sentences"]
    assert {c["id"] for c in sentences[1]["claims"]} == {"ketamine-rapid-onset", "ssri-onset-weeks"}
    assert sentences[2]["claims"] == []  # p 0.006: kept under the veto (0.003), dropped under the carried veto (0.01)
    assert sentences[2]["checkworthy"] is True  # a use in emergencies: a claim to verify, outside the KB
    assert "context" not in sentences[2]  # no carried subject is shown for claims it no longer has


def test_a_bare_yes_keeps_the_claims_of_its_question(real_engine):
    sentences = real_engine.check("## Is ketamine safe while breastfeeding?\n\nYes, it is.").to_dict()["sentences"]
    assert [(c["id"], c["stance"]) for c in sentences[-1]["claims"]] == [("breastfeeding-compatible", "asserts")]


def test_a_bare_answer_is_never_vetoed(real_engine):
    report = real_engine.check("Is ketamine addictive? No.").to_dict()
    assert ("abuse-potential", "denies") in [(c["id"], c["stance"]) for c in report["sentences"][-1]["claims"]]
