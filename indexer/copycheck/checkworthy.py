"""Sentences that make a check-worthy health claim the knowledge base does not cover.

Rules as data (checkworthy.yaml), after the labelling guide: a check-worthy sentence is about
health (a treatment, an illness, an outcome... named or carried from context) and states something
checkable (efficacy, safety, timing, mechanism, dosing, approval, prevalence or risk, or a figure);
questions, calls to action, logistics, symptom lists, bare definitions and stories are not.

`learned` in checkworthy.yaml says whether a learned classifier (checkworthy_model.py, trained on
the real-copy development part by bench/train_checkworthy.py) decides instead of, or beside, the
rules: `off` (rules only), `model`, `either` (rules or model), `both` (rules and model). Whoever
decides, `hard_exclude` has the last word on what the guide rules out outright (generic advice, a
crisis-line referral, a study's methods without a finding).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

RULES_FILE = Path(__file__).with_name("checkworthy.yaml")


@dataclass(frozen=True)
class CheckworthyRules:
    topic_categories: frozenset[str]
    min_words: int
    predicates: dict[str, re.Pattern]
    exclude: dict[str, re.Pattern]
    learned: str = "off"
    # exclusions that decide even when the learned model would mark the sentence:
    # (pattern, a pattern that lets the sentence through after all or None)
    hard_exclude: tuple[tuple[re.Pattern, re.Pattern | None], ...] = ()
    # patterns the learned model weighs but the rules do not use (hedges, person, citations...)
    model_features: dict[str, re.Pattern] = field(default_factory=dict)


@lru_cache(maxsize=1)
def rules() -> CheckworthyRules:
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    return CheckworthyRules(frozenset(data["topic_categories"]), int(data["min_words"]),
                            {k: re.compile(v, re.I) for k, v in data["predicates"].items()},
                            {k: re.compile(v, re.I) for k, v in data["exclude"].items()},
                            str(data.get("learned", "off")),
                            tuple(_hard_exclusion(name, spec or {}, data["exclude"])
                                  for name, spec in (data.get("hard_exclude") or {}).items()),
                            {k: re.compile(v, re.I) for k, v in (data.get("model_features") or {}).items()})


def _hard_exclusion(name: str, spec: dict, exclude: dict) -> tuple[re.Pattern, re.Pattern | None]:
    match = spec.get("match") or exclude.get(name)
    if not match:
        raise ValueError(f"{RULES_FILE}: hard_exclude {name!r} has no `match` and names no exclude group")
    unless = spec.get("unless")
    if isinstance(unless, list):  # alternatives, so entries can share one anchored tail (checkworthy.yaml)
        unless = "|".join(unless)
    return re.compile(match, re.I), re.compile(unless, re.I) if unless else None


def checkworthy(text: str, *, has_topic: bool, has_figure: bool, is_question: bool, is_heading: bool,
                silent: bool = False, block_kind: str = "paragraph") -> bool:
    """`silent`: the stance rules found an evidence gap, an open question or a pending outcome.
    `block_kind`: the kind of block the sentence stands in (blocks.Block.kind: paragraph, heading,
    list-item...); the learned model weighs it (a claim is mostly made in running prose)."""
    mode = rules().learned
    if is_question or hard_excluded(text):
        return False
    if mode != "model":
        rule = by_rules(text, has_topic=has_topic, has_figure=has_figure, is_question=is_question,
                        is_heading=is_heading, silent=silent)
        if mode == "off" or (mode == "both" and not rule) or (mode == "either" and rule):
            return rule
    from indexer.copycheck import checkworthy_model  # only when configured: it loads the weights file
    return checkworthy_model.predict(text, {"has_topic": has_topic, "has_figure": has_figure,
                                            "is_heading": is_heading, "silent": silent, "block_kind": block_kind})


def hard_excluded(text: str) -> bool:
    """An exclusion no classifier overrules ("call 988 ...", a trial's methods without its finding)."""
    r = rules()
    return any(match.search(text) and not (unless and unless.search(text)) for match, unless in r.hard_exclude)


def by_rules(text: str, *, has_topic: bool, has_figure: bool, is_question: bool, is_heading: bool,
             silent: bool = False) -> bool:
    """The hand-set rules of checkworthy.yaml alone."""
    r = rules()
    if is_question or silent or len(text.split()) < r.min_words:
        return False
    if is_heading and not text.rstrip().endswith((".", "!")):
        return False
    if any(p.search(text) for p in r.exclude.values()):
        return False
    if not has_topic:
        return False
    return has_figure or any(p.search(text) for p in r.predicates.values())
