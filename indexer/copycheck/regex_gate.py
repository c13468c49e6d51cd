"""A cheap test before a regex scan: the literal words a pattern cannot match without.

The stance rules and the check-worthiness rules are some two hundred patterns, each scanned over every sentence,
and on most sentences most of them cannot match: "is needed to confirm" needs the text "needed to ". Reading the
compiled pattern (re's own parser) gives, for each pattern, a set of lower-case strings one of which every match
contains; a sentence holding none of them is skipped without scanning. The test is exact, never approximate: a
pattern without such a set (a class, an optional word) is always scanned, and the text is folded the way
IGNORECASE compares letters, so a skipped pattern is one that could not have matched.
"""
from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from dataclasses import dataclass

# Characters other than ASCII letters that IGNORECASE matches to an ASCII letter (the Kelvin sign, the long s,
# the dotted and dotless i): folded to that letter before lower-casing, so a literal found by the regex is found
# by `in` (tests/indexer/test_regex_gate.py checks the list against re over every code point).
_FOLD = str.maketrans({"\u212a": "k", "\u017f": "s", "\u0130": "i", "\u0131": "i"})
MIN_LITERAL = 2  # a one-letter literal is in nearly every sentence: no gate at all is cheaper
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def fold(text: str) -> str:
    """The text as the gates compare it."""
    return text.translate(_FOLD).lower()


def required_literals(pattern: str | re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of the pattern contains (lower-case), or None when no such set was found."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    if isinstance(source, bytes) or flags & re.VERBOSE:
        return None
    try:
        tree = sre_parse.parse(source, flags)
    except Exception:  # re's parser is internal: should a later Python change it, a pattern goes ungated, not the checker down
        return None
    return _best(_needs(tree))


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    usable = [c for c in candidates if c and min(map(len, c)) >= MIN_LITERAL]
    return max(usable, key=lambda c: (min(map(len, c)), -len(c))) if usable else None


def _needs(seq) -> list[frozenset[str]]:
    """Every set a match of the sequence must contain one of (each an alternative gate)."""
    out: list[frozenset[str]] = []
    run: list[str] = []

    def flush():
        if run:
            out.append(frozenset(["".join(run)]))
            run.clear()
    for op, av in seq:
        if op is sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if op in _ZERO_WIDTH:
            # takes no characters, so the literals either side of it stand next to each other in the text
            if op is sre.ASSERT and (inner := _best(_needs(av[1]))):
                out.append(inner)
            continue
        flush()
        if op is sre.SUBPATTERN:
            if inner := _best(_needs(av[-1])):
                out.append(inner)
        elif op is sre.BRANCH:
            branches = [_best(_needs(b)) for b in av[1]]
            if all(branches):
                out.append(frozenset().union(*branches))
        elif op in _REPEATS and av[0] >= 1:
            if inner := _best(_needs(av[2])):
                out.append(inner)
    flush()
    return out


@dataclass(frozen=True)
class Gate:
    literals: frozenset[str] | None

    @classmethod
    def of(cls, pattern: re.Pattern) -> "Gate":
        return cls(required_literals(pattern))

    def open(self, folded: str) -> bool:
        """Whether the pattern may match the text `folded` (fold() of it)."""
        if self.literals is None:
            return True
        # a plain loop, not any() over a generator: this runs some 20,000 times a page (docs/benchmarks.md, fifty-fourth pass)
        for x in self.literals:
            if x in folded:
                return True
        return False
