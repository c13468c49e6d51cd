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

Where the model is unsure, its second stage (checkworthy_encoder.py) decides from the sentence's vector.
Vectors are cheapest in batches, so the pipeline asks `deferred()` for each sentence and settles the unsure ones
together with `resolve()`; `checkworthy()` does both for one sentence.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from indexer.copycheck.regex_gate import Gate, fold

RULES_FILE = Path(__file__).with_name("checkworthy.yaml")
log = logging.getLogger(__name__)


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
    # what marks a sentence check-worthy whatever the model says (a share of people), unless an `exclude` group rules it out
    hard_include: tuple[re.Pattern, ...] = ()
    gates: dict[re.Pattern, Gate] = field(default_factory=dict)  # each pattern's literals (regex_gate): skip, not scan

    def __post_init__(self):
        patterns = [*self.predicates.values(), *self.exclude.values(), *self.model_features.values(), *self.hard_include,
                    *(p for pair in self.hard_exclude for p in pair if p is not None)]
        self.gates.update((p, Gate.of(p)) for p in patterns if p not in self.gates)

    def search(self, pattern: re.Pattern, text: str, folded: str) -> bool:
        """pattern.search(text), skipped when the text (`folded`, regex_gate.fold of it) lacks what it needs."""
        return self.gates[pattern].open(folded) and pattern.search(text) is not None


@lru_cache(maxsize=1)
def rules() -> CheckworthyRules:
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    return CheckworthyRules(frozenset(data["topic_categories"]), int(data["min_words"]),
                            {k: re.compile(v, re.I) for k, v in data["predicates"].items()},
                            {k: re.compile(v, re.I) for k, v in data["exclude"].items()},
                            str(data.get("learned", "off")),
                            tuple(_hard_exclusion(name, spec or {}, data["exclude"])
                                  for name, spec in (data.get("hard_exclude") or {}).items()),
                            {k: re.compile(v, re.I) for k, v in (data.get("model_features") or {}).items()},
                            hard_include=tuple(re.compile(v, re.I) for v in (data.get("hard_include") or {}).values()))


def _hard_exclusion(name: str, spec: dict, exclude: dict) -> tuple[re.Pattern, re.Pattern | None]:
    match = spec.get("match") or exclude.get(name)
    if not match:
        raise ValueError(f"{RULES_FILE}: hard_exclude {name!r} has no `match` and names no exclude group")
    unless = spec.get("unless")
    if isinstance(unless, list):  # alternatives, so entries can share one anchored tail (checkworthy.yaml)
        unless = "|".join(unless)
    return re.compile(match, re.I), re.compile(unless, re.I) if unless else None


@dataclass(frozen=True)
class Pending:
    """A sentence the first model is unsure of: the second stage decides it (resolve)."""
    text: str
    flags: dict
    first_probability: float


def checkworthy(text: str, *, has_topic: bool, has_figure: bool, is_question: bool, is_heading: bool,
                silent: bool = False, block_kind: str = "paragraph") -> bool:
    """`silent`: the stance rules found an evidence gap, an open question or a pending outcome.
    `block_kind`: the kind of block the sentence stands in (blocks.Block.kind: paragraph, heading,
    list-item...); the learned model weighs it (a claim is mostly made in running prose)."""
    answer = deferred(text, has_topic=has_topic, has_figure=has_figure, is_question=is_question,
                      is_heading=is_heading, silent=silent, block_kind=block_kind)
    return resolve([answer])[0] if isinstance(answer, Pending) else answer


def deferred(text: str, *, has_topic: bool, has_figure: bool, is_question: bool, is_heading: bool,
             silent: bool = False, block_kind: str = "paragraph") -> bool | Pending:
    """checkworthy's answer, or a Pending when the second stage is to decide."""
    mode = rules().learned
    if is_question or hard_excluded(text):
        return False
    if hard_included(text):
        return True
    if mode != "model":
        rule = by_rules(text, has_topic=has_topic, has_figure=has_figure, is_question=is_question,
                        is_heading=is_heading, silent=silent)
        if mode == "off" or (mode == "both" and not rule) or (mode == "either" and rule):
            return rule
    from indexer.copycheck import checkworthy_encoder, checkworthy_model  # only when configured: they load weights
    model = checkworthy_model.load()
    flags = {"has_topic": has_topic, "has_figure": has_figure, "is_heading": is_heading, "silent": silent,
             "block_kind": block_kind}
    p = checkworthy_model.probability(model, text, flags)
    stage = checkworthy_encoder.load()
    if stage is not None and checkworthy_encoder.in_band(stage, p):
        return Pending(text, flags, p)
    return p >= model["threshold"]


def resolve(pending: list[Pending]) -> list[bool]:
    """The second stage's answers, the sentences encoded in one batch. Without the encoder's weights (a
    bare `pip install` skips them) the first model's answer stands, and a warning says so once."""
    if not pending:
        return []
    from indexer.copycheck import checkworthy_encoder, checkworthy_model
    from indexer.copycheck.sentence_encoder import EncoderUnavailable, shared
    model, stage = checkworthy_model.load(), checkworthy_encoder.load()
    answers = [p.first_probability >= model["threshold"] for p in pending]
    # A budget of sentences per check, the most unsure first (a vector costs about 15 ms on two cores): the
    # pages of the corpus stay inside it; a long page keeps the first model's answer for the rest.
    chosen = sorted(range(len(pending)), key=lambda i: (abs(pending[i].first_probability - model["threshold"]), i))
    chosen = sorted(chosen[:stage["max_sentences"]])
    try:
        vectors = shared().encode([pending[i].text for i in chosen])
    except EncoderUnavailable as e:
        _warn_once(str(e))
        return answers
    for i, v in zip(chosen, vectors):
        answers[i] = checkworthy_encoder.probability(stage, model, pending[i].text, pending[i].flags, v) >= stage["threshold"]
    return answers


_warned: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        log.warning("check-worthiness without its second stage: %s", message)


def hard_excluded(text: str) -> bool:
    """An exclusion no classifier overrules ("call 988 ...", a trial's methods without its finding)."""
    r, folded = rules(), fold(text)
    return any(r.search(match, text, folded) and not (unless and r.search(unless, text, folded))
               for match, unless in r.hard_exclude)


def hard_included(text: str) -> bool:
    """A checkable figure about health (a share of people) that no `exclude` group rules out: marked whatever the model
    says, since unseen pages showed the model passing over such figures it had not met."""
    r, folded = rules(), fold(text)
    return any(r.search(p, text, folded) for p in r.hard_include) \
        and not any(r.search(p, text, folded) for p in r.exclude.values())


def by_rules(text: str, *, has_topic: bool, has_figure: bool, is_question: bool, is_heading: bool,
             silent: bool = False) -> bool:
    """The hand-set rules of checkworthy.yaml alone."""
    r = rules()
    if is_question or silent or len(text.split()) < r.min_words:
        return False
    if is_heading and not text.rstrip().endswith((".", "!")):
        return False
    folded = fold(text)
    if any(r.search(p, text, folded) for p in r.exclude.values()):
        return False
    if not has_topic:
        return False
    return has_figure or any(r.search(p, text, folded) for p in r.predicates.values())
