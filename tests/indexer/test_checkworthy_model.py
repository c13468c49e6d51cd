"""The learned check-worthiness classifier: reproducible from the repo, and sensible on fixtures.

The stored model (indexer/copycheck/checkworthy_model.json) must be exactly what
`bench/train_checkworthy.py train` makes from the stored development examples; the examples come
from the development part of the real-copy corpus only.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import train_checkworthy  # noqa: E402

from indexer.copycheck import checkworthy_model as cwm  # noqa: E402
from indexer.copycheck.checkworthy import by_rules, checkworthy, rules  # noqa: E402

TOPIC = {"has_topic": True, "has_figure": False, "is_heading": False, "silent": False}


def test_stored_model_is_what_the_training_script_produces(tmp_path):
    out = tmp_path / "model.json"
    train_checkworthy.train(train_checkworthy.EXAMPLES, out)
    assert out.read_text(encoding="utf-8") == cwm.MODEL_FILE.read_text(encoding="utf-8")


def test_training_examples_come_from_the_development_part_only():
    examples, pages = train_checkworthy.load_examples()
    dev = {p.name for p in (ROOT / "tests" / "data" / "realcopy" / "dev").glob("*.yaml")}
    test = {p.name for p in (ROOT / "tests" / "data" / "realcopy" / "test").glob("*.yaml")}
    used = {e["page"] for e in examples} | set(pages)
    assert used and used <= dev
    assert not used & test
    assert sum(e["label"] for e in examples) > 100 and sum(not e["label"] for e in examples) > 100


def test_the_model_file_is_plain_reviewable_weights():
    model = cwm.load()
    assert 0 < model["threshold"] < 1
    assert all(isinstance(v, float) for v in model["weights"].values())
    assert set(model["options"]) >= set(cwm.DEFAULTS)


@pytest.mark.parametrize("text, flags, expected", [
    ("Ketamine is FDA approved for treatment-resistant depression and works within hours.", TOPIC, True),
    ("About 1 in 7 new mothers develop postpartum depression in the year after birth.",
     {**TOPIC, "has_figure": True}, True),
    ("Esketamine can raise blood pressure, so patients are monitored for two hours.", TOPIC, True),
    ("Call our office today to book your free consultation with our team.", TOPIC, False),
    ("Ketamine for depression", {**TOPIC, "is_heading": True}, False),
    ("We love seeing our patients smile again.", {**TOPIC, "has_topic": False}, False),
    ("Participants were randomized to esketamine or placebo and assessments were performed weekly.",
     TOPIC, False),
])
def test_model_decisions_on_fixture_sentences(text, flags, expected):
    assert cwm.predict(text, flags) is expected


def test_probability_rises_with_checkable_content():
    plain = cwm.probability(cwm.load(), "Ketamine clinics are opening in many cities.", TOPIC)
    claim = cwm.probability(cwm.load(), "Ketamine is safe and works within hours for most patients.", TOPIC)
    assert claim > plain


def test_the_pipeline_step_follows_the_configured_mode():
    sentence = "Esketamine works within hours and its effects last for weeks."
    flags = dict(has_topic=True, has_figure=False, is_question=False, is_heading=False, silent=False)
    mode = rules().learned
    assert mode in {"off", "model", "either", "both"}
    rule = by_rules(sentence, **flags)
    model = cwm.predict(sentence, {k: flags[k] for k in cwm.FLAGS})
    expected = {"off": rule, "model": model, "either": rule or model, "both": rule and model}[mode]
    assert checkworthy(sentence, **flags) is expected
    # A question is never check-worthy, whatever decides.
    assert checkworthy("Does esketamine work within hours?", **{**flags, "is_question": True}) is False


def test_hard_exclusions_overrule_the_model(monkeypatch):
    """A crisis-line referral and a trial's methods without a finding are not check-worthy even where the
    learned model would mark them (checkworthy.yaml `hard_exclude`); a finding beside the methods is. The
    stored model runs with its threshold at 0, so it marks every sentence it is asked about."""
    eager = {**cwm.load(), "threshold": 0.0}
    monkeypatch.setattr(cwm, "load", lambda: eager)
    flags = dict(has_topic=True, has_figure=False, is_question=False, is_heading=False, silent=False)
    crisis = "If you or someone you know is having thoughts of suicide, call or text 988 for the Suicide & Crisis Lifeline."
    methods = "Participants were randomly assigned to receive 0.2 mg/kg esketamine or placebo over 40 minutes after delivery."
    finding = "Participants were randomly assigned to esketamine or placebo, and esketamine reduced depressive symptoms at 6 weeks."
    with_figure = {**flags, "has_figure": True}
    assert cwm.predict(crisis, {k: flags[k] for k in cwm.FLAGS})
    assert cwm.predict(methods, {k: with_figure[k] for k in cwm.FLAGS})
    assert checkworthy(crisis, **flags) is False
    assert checkworthy(methods, **with_figure) is False
    assert checkworthy(finding, **with_figure) is True
    # a study's aim, without its finding, likewise; with it, it is a claim to check
    aim = "These studies evaluated the efficacy and safety of esketamine for up to one year in treatment-resistant depression."
    aim_and_finding = ("These studies evaluated the efficacy of esketamine and showed it reduced depressive symptoms for "
                       "up to one year.")
    assert cwm.predict(aim, {k: flags[k] for k in cwm.FLAGS})
    assert checkworthy(aim, **flags) is False
    assert checkworthy(aim_and_finding, **flags) is True
    # a trial that met its endpoint reports a finding; symptoms that using a drug brings on are side effects,
    # not a list of an illness's symptoms
    endpoint = "In a phase 3 trial, participants were randomized to the new pill or placebo, and the pill met its primary endpoint."
    side_effects = "If you take it every week, you may notice symptoms such as headaches and a racing heart."
    illness = "Symptoms of postpartum depression include sadness, anxiety and trouble sleeping."
    assert checkworthy(endpoint, **flags) is True
    assert checkworthy(side_effects, **flags) is True
    assert checkworthy(illness, **flags) is False


def test_training_examples_are_the_pinned_tuning_pages():
    """`extract` reads the pages bench/data/checkworthy_pages.txt lists, none held aside: pages that join
    the dev part during a session change nothing until the list does."""
    examples, pages = train_checkworthy.load_examples()
    listed = [line.strip() for line in train_checkworthy.PAGES.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert set(pages) == {Path(p).name for p in listed}
    assert {e["page"] for e in examples} <= set(pages)
    assert not set(listed) & train_checkworthy.realcopy.held_aside()
    assert all(p.startswith("tests/data/realcopy/dev/") for p in listed)


def test_the_model_weighs_the_block_kind():
    """The same words weigh differently in running prose and as a list item (which way is learned: on the 163
    tuning pages of round 5 prose counted for a claim, on the 256 of round 7, with drug-reference lists, against)."""
    text = "Esketamine can raise blood pressure for a few hours after each dose."
    in_prose = cwm.probability(cwm.load(), text, {**TOPIC, "block_kind": "paragraph"})
    as_item = cwm.probability(cwm.load(), text, {**TOPIC, "block_kind": "list-item"})
    assert abs(in_prose - as_item) > 0.01


def test_the_pipeline_passes_each_sentence_its_block_kind(real_engine, monkeypatch):
    from indexer.copycheck import pipeline
    seen = {}
    step = pipeline.deferred

    def recording_step(text, **flags):
        seen[text] = flags.get("block_kind")
        return step(text, **flags)

    monkeypatch.setattr(pipeline, "deferred", recording_step)
    real_engine.check("Life with a newborn\n\nMany new mothers report feeling tired and short of sleep for months "
                      "after the birth.\n\nWhat our rooms offer:\n• Calm rooms with soft lighting and a recliner for "
                      "every visit\n")
    assert seen == {"Life with a newborn": "heading",
                    "Many new mothers report feeling tired and short of sleep for months after the birth.": "paragraph",
                    "Calm rooms with soft lighting and a recliner for every visit": "list-item"}


def test_unknown_feature_names_are_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="unknown context 'nope'"):
        cwm.fit([], context=["nope"])
    with pytest.raises(ValueError, match="model_features 'nope'"):
        cwm.fit([], model_features=["nope"])
    # cv may try any recorded context, but a stored model may use only what the pipeline passes
    stored = cwm.load()
    path = tmp_path / "model.json"
    path.write_text(cwm.dumps({**stored, "options": {**stored["options"], "context": ["prev_claims"]}}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"model\.json: unknown context 'prev_claims'"):
        cwm.load.__wrapped__(path)
