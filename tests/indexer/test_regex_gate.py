"""indexer/copycheck/regex_gate.py may skip a pattern only where it cannot match."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

from indexer.copycheck.regex_gate import Gate, fold, required_literals

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("pattern, literals", [
    (r"\bnot\b", {"not"}),
    (r"\b(?:is|are) (?:still )?needed to (?:confirm|establish)\b", {"needed to "}),
    (r"(?:foo)?barbaz", {"barbaz"}),
    (r"\b(?:never|seldom)\s+\d", {"never", "seldom"}),
    (r"\b(?:don't|do not)\s+(?:work|help)", {"work", "help"}),  # re shares the prefix: "do" + ("n't" | " not")
    (r"(?<!no )need for\b", {"need for"}),  # a look-behind takes no characters: the words either side stay one run
    (r"(?:ab){2,}x", {"ab"}),
    (r"Kelvin", {"kelvin"}),
])
def test_the_literals_a_pattern_needs(pattern, literals):
    assert required_literals(re.compile(pattern, re.I)) == literals


@pytest.mark.parametrize("pattern", [
    r"a|bc",  # a one-letter alternative is in nearly every sentence
    r"[abc]+\d",  # classes only
    r"(?:not)?",  # optional
    r"\d\s*%|\bpercent\b",  # one branch without a literal
])
def test_no_gate_where_no_literal_is_needed(pattern):
    assert required_literals(re.compile(pattern, re.I)) is None
    assert Gate.of(re.compile(pattern, re.I)).open("")


def test_a_pattern_re_cannot_parse_goes_ungated(monkeypatch):
    from indexer.copycheck import regex_gate

    def broken(*args, **kwargs):
        raise RuntimeError("a later Python's parser")
    pattern = re.compile(r"\bnot\b", re.I)  # compiled before the parser breaks
    monkeypatch.setattr(regex_gate.sre_parse, "parse", broken)
    assert required_literals(pattern) is None


def test_fold_covers_every_character_ignorecase_matches_to_an_ascii_letter():
    letter = re.compile("[a-z]", re.I)
    matched = {chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))}
    assert matched, "re matches some non-ASCII characters to letters (the Kelvin sign at least)"
    for ch in matched:
        assert re.fullmatch(fold(ch), ch, re.I) and fold(ch).isascii(), ch


def test_a_skipped_pattern_never_matches_real_copy():
    """Every stance and check-worthiness pattern over real sentences and odd casing: where it matches, its gate is
    open (a gate that shut on a match would silently drop a trigger or a feature)."""
    from indexer.copycheck.checkworthy import rules
    from indexer.copycheck.stance import load_rules

    sys.path.insert(0, str(REPO / "bench"))
    from realcopy import load_corpus

    texts = [line for page in load_corpus(("dev",))[:150] for line in page.text.splitlines() if line.strip()]
    texts += [item["text"] for item in
              yaml.safe_load((REPO / "tests" / "data" / "check_labelled.yaml").read_text(encoding="utf-8"))["items"]]
    texts += [t.upper() for t in texts[:300]] + ["\u212aetamine is NOT addictive; ſide effects are rare."]
    _, stance_rules = load_rules()
    gated = [(r.pattern, r.gate) for r in stance_rules] + list(rules().gates.items())
    assert sum(g.literals is not None for _, g in gated) > 0.6 * len(gated)
    matches = skipped = 0
    for text in texts:
        folded = fold(text)
        for pattern, gate in gated:
            if pattern.search(text):
                matches += 1
                assert gate.open(folded), (pattern.pattern, text)
            elif not gate.open(folded):
                skipped += 1
    assert matches > 1000 and skipped > 10 * matches  # both sides of the gate are exercised


def test_stance_triggers_are_the_same_with_and_without_gates(monkeypatch):
    from indexer.copycheck import stance

    sys.path.insert(0, str(REPO / "bench"))
    from realcopy import load_corpus

    items = yaml.safe_load((REPO / "tests" / "data" / "check_labelled.yaml").read_text(encoding="utf-8"))["items"]
    texts = [item["text"] for item in items]
    texts += [line for page in load_corpus(("dev",))[:60] for line in page.text.splitlines() if line.strip()]
    gated = [stance._triggers.__wrapped__(t, ()) for t in texts]
    terminators, rules = stance.load_rules()
    ungated = tuple(stance.Rule(r.category, r.pattern, r.direction, r.scope, r.until) for r in rules)
    monkeypatch.setattr(stance, "load_rules", lambda: (terminators, ungated))
    assert [stance._triggers.__wrapped__(t, ()) for t in texts] == gated
    assert sum(map(len, gated)) > len(texts) / 3  # triggers are found: the comparison is not of empty results
