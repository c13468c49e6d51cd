"""Text analysis for the index, composed from Whoosh's tokenizers and filters.

Two filters of our own fill gaps Whoosh leaves:
- CompoundFilter splits "C-section" into "c section"; the synonym groups then make "c section",
  "csection" and "caesarean" meet.
- SynonymFilter applies the KB's synonym groups (kb/topics.yaml): at index time it adds a group
  token wherever any member phrase occurs; at query time it replaces the member phrase by that
  token, so a synonym match scores exactly like a direct match.

The stop list keeps negations ("not", "no", "without"...): Whoosh's default drops "not", which
would make the phrase "not effective" match "was effective".
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from whoosh.analysis import (
    STOP_WORDS,
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.analysis.acore import Token
from whoosh.support.charset import accent_map

# Decimals stay whole ("0.5"); words may carry inner hyphens or apostrophes ("c-section", "women's").
TOKEN_PATTERN = r"\d+(?:[.,]\d+)+|\w+(?:[-'’]\w+)*"
NEGATIONS = frozenset({"not", "no", "nor", "without", "never", "none", "cannot", "neither"})
# Whoosh's own list is short ("was" survives and stems to "wa"); add common function words.
FUNCTION_WORDS = frozenset("""
about above after again all also am any because been before being below between both but did do does
doing down during each few further had has having he her here hers herself him himself his how i into
its itself just me more most my myself now off once only other our ours ourselves out over own same
she should so some such than their theirs them themselves then there these they those through too
under until up very was were what where which while who whom why would
""".split())
STOPLIST = (frozenset(STOP_WORDS) | FUNCTION_WORDS) - NEGATIONS
# Search's own list (the copy checker keeps STOPLIST). "other" is content in these records: claims
# set ketamine against other antidepressants, other drugs, other conditions, and dropping it made
# "ketamine when other antidepressants failed" the same query as "ketamine antidepressants failed".
# "else" only frames a question ("what else", "anything else"); the records almost never use it, so
# it was the rarest word of such a query and ranked first a claim that happened to say "anything else".
# "off" is content in people's questions: "wear off" is how they ask whether an effect lasts, and the
# records say "off-label"; dropped, "do the effects wear off" searched for every "wear".
SEARCH_STOPLIST = (STOPLIST - {"other", "off"}) | {"else"}
# Words search keeps unstemmed: the English stemmer makes "several" "sever", the stem of "severe",
# "severely" and "severity", so "severe depression" matched every "several". (The checker's own
# terms are analysed with its own analyzer, which is unchanged.)
SEARCH_UNSTEMMED = frozenset({"several"})
SYNONYM_PREFIX = "syn"


class CompoundFilter(Filter):
    """Split hyphenated words into their parts and drop possessive 's, in both index and query mode.

    Joined spellings ("csection", "sketamine") are handled by the synonym groups instead: adding a
    joined token beside the parts inflated document lengths and cost retrieval quality on SciFact
    (nDCG@10 0.674 with joined forms vs 0.693 without, same run; see docs/benchmarks.md).
    """

    def __eq__(self, other):
        return other.__class__ is self.__class__

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        shift = 0  # extra positions taken by the parts of earlier compounds
        for t in tokens:
            text = t.text
            if "'" in text or "’" in text:
                text = text.replace("’", "'")
                if text.endswith("'s"):
                    text = text[:-2]
                t.text = text = text.replace("'", "")
            if t.positions:
                t.pos += shift
            if "-" not in text:
                if text:
                    yield t
                continue
            parts = [p for p in text.split("-") if p]
            start = t.pos if t.positions else 0
            for i, part in enumerate(parts):
                t.text = part
                if t.positions:
                    t.pos = start + i
                yield t
            shift += max(len(parts) - 1, 0)


def base_analyzer(stoplist: frozenset[str] = STOPLIST, renumber: bool = False, unstemmed: frozenset[str] = frozenset()):
    """Tokenize, fold case and accents, split compounds, drop stop words (not negations), stem.

    `renumber` closes the positions stop words leave (see search_analyzer)."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | CompoundFilter()
        | StopFilter(stoplist=stoplist, minsize=1, renumber=renumber)
        | StemFilter(lang="en", ignore=unstemmed)
    )


def spelling_analyzer():
    """Unstemmed words, for "did you mean": corrections must be real words a reader recognises."""
    return RegexTokenizer(r"\w+") | LowercaseFilter() | CharsetFilter(accent_map)


def analyse(text: str, mode: str = "query", stoplist: frozenset[str] = STOPLIST) -> list[str]:
    return [t.text for t in _plain_analyzer(stoplist)(text, mode=mode)]


@lru_cache(maxsize=8)
def _plain_analyzer(stoplist: frozenset[str]):
    # One analyzer per stop list, kept: building the chain for every call (and so starting its stemmer's cache
    # empty each time) was a third of the copy checker's start-up, which analyses ~10,000 terms.
    return base_analyzer(stoplist)


class SynonymFilter(Filter):
    """Map every member phrase of a synonym group to one group token (see the module docstring).

    `groups` holds each group's member phrases already analysed (tuples of query-mode tokens).
    Matching is longest-first, so "postpartum depression" wins over "depression".
    """

    def __init__(self, groups: Sequence[Sequence[Sequence[str]]] = ()):
        self.groups = [list(map(tuple, g)) for g in groups]
        self.trie: dict = {}
        for gi, members in enumerate(self.groups):
            for seq in members:
                if not seq:
                    continue
                node = self.trie
                for word in seq:
                    node = node.setdefault(word, {})
                node[None] = gi
        self.max_len = max((len(s) for g in self.groups for s in g), default=0)

    def __eq__(self, other):
        return other.__class__ is self.__class__ and other.groups == self.groups

    @staticmethod
    def token_for(group_index: int) -> str:
        return f"{SYNONYM_PREFIX}{group_index}"

    def _matches(self, slots: list[list[str]], start: int) -> list[tuple[int, int]]:
        """Every (group, length in slots) whose member phrase starts at slot `start`, shortest first."""
        found = []
        frontier = [self.trie]
        for length in range(1, self.max_len + 1):
            i = start + length - 1
            if i >= len(slots):
                break
            frontier = [node[w] for node in frontier for w in slots[i] if w in node]
            if not frontier:
                break
            found.extend((node[None], length) for node in frontier if None in node)
        return found

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        if not self.trie:
            yield from tokens
            return
        buffered = [t.copy() for t in tokens]
        if not buffered:
            return
        if buffered[0].mode == "query":
            yield from self._replace(buffered)
        else:
            yield from self._inject(buffered)

    def _replace(self, toks: list[Token]) -> Iterator[Token]:
        slots = [[t.text] for t in toks]
        i = 0
        while i < len(toks):
            found = self._matches(slots, i)
            if found:
                gi, length = found[-1]
                t = toks[i + length - 1]
                if t.chars:
                    t.startchar = toks[i].startchar
                t.text = self.token_for(gi)
                yield t
                i += length
            else:
                yield toks[i]
                i += 1

    def _inject(self, toks: list[Token]) -> Iterator[Token]:
        if not toks[0].positions:
            # Without positions there are no phrases to find: match token by token.
            for t in toks:
                yield t
                for gi, _ in self._matches([[t.text]], 0):
                    extra = t.copy()
                    extra.text = self.token_for(gi)
                    yield extra
            return
        by_pos: dict[int, list[Token]] = {}
        for t in toks:
            by_pos.setdefault(t.pos, []).append(t)
        positions = sorted(by_pos)
        slots = [[t.text for t in by_pos[p]] for p in positions]
        extras: dict[int, list[Token]] = {}
        added: set[tuple[int, int]] = set()
        for si in range(len(slots)):
            for gi, length in self._matches(slots, si):
                end = si + length - 1
                if (end, gi) in added:
                    continue
                added.add((end, gi))
                first, last = by_pos[positions[si]][0], by_pos[positions[end]][-1]
                extra = last.copy()
                extra.text = self.token_for(gi)
                if extra.chars:
                    extra.startchar = first.startchar
                extras.setdefault(end, []).append(extra)
        for si, p in enumerate(positions):
            yield from by_pos[p]
            yield from extras.get(si, ())


def text_analyzer(synonym_groups: Sequence[Sequence[str]] = (), stoplist: frozenset[str] = STOPLIST,
                  renumber: bool = False, unstemmed: frozenset[str] = frozenset()):
    """The analyzer of every searchable text field, with the KB's synonyms built in."""
    words = base_analyzer(stoplist, unstemmed=unstemmed)
    analysed = [[tuple(t.text for t in words(term, mode="query")) for term in group] for group in synonym_groups]
    return base_analyzer(stoplist, renumber, unstemmed) | SynonymFilter(analysed)


def search_analyzer(synonym_groups: Sequence[Sequence[str]] = ()):
    """The index's analyzer: text_analyzer with search's stop list."""
    # Positions renumbered past stop words: Whoosh's phrase query needs its words at consecutive
    # positions and does not keep the gaps of the typed phrase, so with gaps a quoted phrase with
    # a stop word in it ("pump and dump") matched nothing, not even its own words in a record.
    return text_analyzer(synonym_groups, SEARCH_STOPLIST, renumber=True, unstemmed=SEARCH_UNSTEMMED)
