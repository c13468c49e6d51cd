"""Sentences that make a check-worthy health claim the knowledge base does not cover.

Rules as data (checkworthy.yaml), after the labelling guide: a check-worthy sentence is about
health (a treatment, an illness, an outcome... named or carried from context) and states something
checkable (efficacy, safety, timing, mechanism, dosing, approval, prevalence or risk, or a figure);
questions, calls to action, logistics, symptom lists, bare definitions and stories are not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
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


@lru_cache(maxsize=1)
def rules() -> CheckworthyRules:
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    return CheckworthyRules(frozenset(data["topic_categories"]), int(data["min_words"]),
                            {k: re.compile(v, re.I) for k, v in data["predicates"].items()},
                            {k: re.compile(v, re.I) for k, v in data["exclude"].items()})


def checkworthy(text: str, *, has_topic: bool, has_figure: bool, is_question: bool, is_heading: bool,
                silent: bool = False) -> bool:
    """`silent`: the stance rules found an evidence gap, an open question or a pending outcome."""
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
