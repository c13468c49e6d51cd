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


def test_hard_exclusions_overrule_the_model():
    """A crisis-line referral and a trial's methods without a finding are not check-worthy even where the
    learned model would mark them (checkworthy.yaml `hard_exclude`); a finding beside the methods is."""
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
