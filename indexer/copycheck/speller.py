"""Misspellings in checked copy ("breastfeading", "esketamin") corrected from the index's own words.

Only words that neither the index nor an English dictionary (pyspellchecker's word list) knows,
of five letters or more, are looked at; a correction must be within one edit and be a word the
claims themselves use (statements, phrasings, concepts, frame terms, synonyms). The index's
vocabulary alone is small: without the dictionary, ordinary words were "corrected" into KB words
("promise" into "premise", "chances" into "changes").

Cost is bounded: one index searcher per `correct` call (opened only when a sentence has an unknown
word) and a bounded LRU of decisions, so a page of junk words cannot grow memory.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from functools import lru_cache

from spellchecker import SpellChecker

WORD_RE = re.compile(r"[A-Za-z]{5,}")
CACHE_SIZE = 2048


class CopySpeller:
    def __init__(self, ix, kb, cache_size: int = CACHE_SIZE):
        self.ix = ix
        self.targets = claim_words(kb)
        with ix.searcher() as s:
            self.known = {w.decode() if isinstance(w, bytes) else w for w in s.reader().lexicon("spell")}
        self.cache_size = cache_size
        self._fixes: OrderedDict[str, str | None] = OrderedDict()
        self._lock = threading.Lock()

    def cached(self) -> int:
        return len(self._fixes)

    def _lookup(self, low: str) -> tuple[bool, str | None]:
        with self._lock:
            if low in self._fixes:
                self._fixes.move_to_end(low)
                return True, self._fixes[low]
        return False, None

    def _store(self, low: str, fix: str | None) -> None:
        with self._lock:
            self._fixes[low] = fix
            self._fixes.move_to_end(low)
            while len(self._fixes) > self.cache_size:
                self._fixes.popitem(last=False)

    def correct(self, sentence: str) -> str:
        """The sentence with unknown words replaced by their correction (same text when none)."""
        unknown = [m for m in WORD_RE.finditer(sentence)
                   if (low := m.group(0).lower()) not in self.known and low not in english()]
        if not unknown:
            return sentence
        searcher = None
        try:
            out, pos = [], 0
            for m in unknown:
                low = m.group(0).lower()
                hit, fix = self._lookup(low)
                if not hit:
                    if searcher is None:
                        searcher = self.ix.searcher()
                    options = searcher.corrector("spell").suggest(low, limit=1, maxdist=1, prefix=2)
                    fix = options[0] if options and options[0] in self.targets else None
                    self._store(low, fix)
                if fix:
                    out += [sentence[pos:m.start()], fix]
                    pos = m.end()
            out.append(sentence[pos:])
            return "".join(out)
        finally:
            if searcher is not None:
                searcher.close()


def claim_words(kb) -> set[str]:
    texts = []
    for claim in kb.claims.values():
        texts += [claim.statement, *claim.phrasings]
        for frame in claim.frames:
            for slot in frame.slots:
                texts += slot.also
    if kb.concepts:
        texts += [t for c in kb.concepts.concepts for t in c.terms]
    if kb.vocabulary:
        texts += [t for g in kb.vocabulary.synonyms for t in g]
    return {w.lower() for t in texts for w in WORD_RE.findall(t)}


@lru_cache(maxsize=1)
def english() -> SpellChecker:
    return SpellChecker(language="en", distance=1)
