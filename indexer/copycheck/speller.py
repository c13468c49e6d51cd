"""Misspellings in checked copy ("breastfeading", "esketamin") corrected from the index's own words.

Only words that neither the index nor an English dictionary (pyspellchecker's word list) knows,
of five letters or more, are looked at; a correction must be within one edit and be a word the
claims themselves use (statements, phrasings, concepts, frame terms, synonyms). The index's
vocabulary alone is small: without the dictionary, ordinary words were "corrected" into KB words
("promise" into "premise", "chances" into "changes").

The suggestion is Whoosh's own (`searcher.corrector("spell").suggest(word, limit=1, maxdist=1, prefix=2)`),
computed from the field's words and frequencies read once when the speller is built: opening a searcher and
walking the index's word automaton for each unknown word cost a tenth of a page's check. Whoosh ranks the
words within one edit (plain Levenshtein after the first two letters, which must match) by their frequency
in the field, and keeps the greatest word of equal frequency; `suggest` does the same
(tests/indexer/test_speller.py compares the two). A bounded LRU of decisions keeps memory flat.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from functools import lru_cache

from spellchecker import SpellChecker

WORD_RE = re.compile(r"[A-Za-z]{5,}")
CACHE_SIZE = 2048
PREFIX = 2  # letters a suggestion shares with the word as written (misspellings rarely start wrong)


class CopySpeller:
    def __init__(self, ix, kb, cache_size: int = CACHE_SIZE):
        self.ix = ix
        self.targets = claim_words(kb)
        self.by_prefix: dict[str, list[tuple[str, int]]] = {}  # first letters -> (word, frequency in the field)
        with ix.searcher() as s:
            for w, info in s.reader().iter_field("spell"):
                w = w.decode() if isinstance(w, bytes) else w
                self.by_prefix.setdefault(w[:PREFIX], []).append((w, info.weight()))
        self.known = {w for words in self.by_prefix.values() for w, _ in words}
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

    def suggest(self, low: str) -> str | None:
        """Whoosh's best suggestion for a lower-case word the field lacks: of the field's words within one edit after
        the first PREFIX letters, the most frequent, and of those the greatest (the order its heap keeps)."""
        best = None
        for w, freq in self.by_prefix.get(low[:PREFIX], ()) if len(low) >= PREFIX else ():
            if w != low and within_one_edit(w[PREFIX:], low[PREFIX:]):
                key = (freq or 1, w)
                best = key if best is None or key > best else best
        return best[1] if best else None

    def correct(self, sentence: str) -> str:
        """The sentence with unknown words replaced by their correction (same text when none)."""
        out, pos = [], 0
        for m in WORD_RE.finditer(sentence):
            low = m.group(0).lower()
            if low in self.known or low in english():
                continue
            hit, fix = self._lookup(low)
            if not hit:
                fix = self.suggest(low)
                fix = fix if fix in self.targets else None
                self._store(low, fix)
            if fix:
                out += [sentence[pos:m.start()], fix]
                pos = m.end()
        if not out:
            return sentence
        out.append(sentence[pos:])
        return "".join(out)


def within_one_edit(a: str, b: str) -> bool:
    """Levenshtein distance at most 1 (an insertion, a deletion or a substitution; no transposition, as Whoosh's
    automaton has none)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) < len(b):
        a, b = b, a
    i = 0
    while i < len(b) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i + 1:] == b[i:]


def claim_words(kb) -> set[str]:
    texts = []
    for claim in kb.claims.values():
        texts += [claim.statement, *claim.phrasings]
        for frame in claim.frames:
            for slot in frame.slots:
                texts += [t for t in slot.also if not t.startswith("@")]  # "@name" refers to a concept
    if kb.concepts:
        texts += [t for c in kb.concepts.concepts for t in c.terms]
    if kb.vocabulary:
        texts += [t for g in kb.vocabulary.synonyms for t in g]
    return {w.lower() for t in texts for w in WORD_RE.findall(t)}


@lru_cache(maxsize=1)
def english() -> SpellChecker:
    return SpellChecker(language="en", distance=1)
