"""The copy speller's suggestion is the one Whoosh's corrector gives (indexer/copycheck/speller.py)."""
from __future__ import annotations

import random
import string
import sys
from pathlib import Path

from indexer.copycheck.speller import WORD_RE, english, within_one_edit

REPO = Path(__file__).resolve().parents[2]


def _misspellings(words, rng, n):
    """One random edit of each of n words: a deletion, insertion, substitution or transposition."""
    out = []
    for w in rng.sample(words, n):
        i = rng.randrange(len(w))
        c = rng.choice(string.ascii_lowercase)
        out.append(rng.choice([w[:i] + w[i + 1:], w[:i] + c + w[i:], w[:i] + c + w[i + 1:],
                               w[:i] + w[i + 1:i + 2] + w[i] + w[i + 2:]]))
    return out


def test_suggestions_are_whooshs_on_real_copy_and_misspelt_kb_words(real_engine):
    sys.path.insert(0, str(REPO / "bench"))
    from realcopy import load_corpus

    checker = real_engine.checker(real_engine.snapshot())
    speller = checker.speller
    rng = random.Random(7)
    kb_words = sorted(w for w in speller.known if len(w) >= 5 and w.isalpha())
    unknown = {m.group(0).lower() for page in load_corpus(("dev",)) for m in WORD_RE.finditer(page.text)}
    unknown = {w for w in unknown if w not in speller.known and w not in english()}
    words = sorted(unknown) + _misspellings(kb_words, rng, 1500) + ["breastfeading", "ketamin", "esketamin"]
    differ, suggested = [], 0
    with speller.ix.searcher() as s:
        corrector = s.corrector("spell")
        for w in words:
            if w in speller.known:
                continue
            theirs = corrector.suggest(w, limit=1, maxdist=1, prefix=2)
            ours = speller.suggest(w)
            suggested += ours is not None
            if (theirs[0] if theirs else None) != ours:
                differ.append((w, theirs, ours))
    assert not differ
    assert suggested > 500  # most one-edit misspellings of the KB's words get a suggestion


def test_within_one_edit():
    assert within_one_edit("ketamine", "ketamine")
    assert within_one_edit("ketamine", "ketamin") and within_one_edit("ketamin", "ketamine")
    assert within_one_edit("ketamine", "ketamene")
    assert within_one_edit("ketamine", "xketamine") and within_one_edit("ketamine", "ketaminex")
    assert not within_one_edit("ketamine", "ketmaine")  # a transposition is two edits to Whoosh's automaton
    assert not within_one_edit("ketamine", "ketam")
    assert not within_one_edit("ketamine", "kitamene")
