"""Misspellings in checked copy ("breastfeading", "esketamin") corrected from the index's own words.

Only words that neither the index nor an English dictionary (pyspellchecker's word list) knows,
of five letters or more, are looked at; a correction must be within one edit and be a word the
claims themselves use (statements, phrasings, cues, synonyms). The index's vocabulary alone is
small: without the dictionary, ordinary words were "corrected" into KB words ("promise" into
"premise", "chances" into "changes").
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from spellchecker import SpellChecker

WORD_RE = re.compile(r"[A-Za-z]{5,}")


class CopySpeller:
    def __init__(self, ix, kb):
        self.ix = ix
        self.targets = claim_words(kb)
        with ix.searcher() as s:
            self.known = {w.decode() if isinstance(w, bytes) else w for w in s.reader().lexicon("spell")}
        self._fixes: dict[str, str | None] = {}
        self._lock = threading.Lock()

    def _fix(self, low: str) -> str | None:
        with self._lock:
            if low in self._fixes:
                return self._fixes[low]
        with self.ix.searcher() as s:
            options = s.corrector("spell").suggest(low, limit=1, maxdist=1, prefix=2)
        fix = options[0] if options and options[0] in self.targets else None
        with self._lock:
            self._fixes[low] = fix
        return fix

    def correct(self, sentence: str) -> str:
        """The sentence with unknown words replaced by their correction (offsets are not kept)."""
        def repl(m: re.Match) -> str:
            low = m.group(0).lower()
            if low in self.known or low in english():
                return m.group(0)
            return self._fix(low) or m.group(0)

        return WORD_RE.sub(repl, sentence)


def claim_words(kb) -> set[str]:
    texts = []
    for claim in kb.claims.values():
        texts += [claim.statement, *claim.phrasings, *(t for g in claim.cues for t in g)]
    if kb.vocabulary:
        texts += [t for g in kb.vocabulary.synonyms for t in g]
    return {w.lower() for t in texts for w in WORD_RE.findall(t)}


@lru_cache(maxsize=1)
def english() -> SpellChecker:
    return SpellChecker(language="en", distance=1)
