"""Where the shared concepts (kb/concepts.yaml) and claims' own terms occur in a sentence.

Terms are analysed with the search index's analyzer (stems, compounds, the KB's synonym groups),
so "treatment" finds "treatments" and "nursing" finds "breastfeeding". A term whose words the
analyzer would drop (stop words: "while", "after", "most") or that itself denies something
("no need to stop") is matched as written instead, so no term silently compiles to nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from indexer.analysis import NEGATIONS, SYNONYM_PREFIX, analyse as base_analyse

MAX_GAP = 2  # other words allowed between the words of a multi-word term (never across a BREAK_RE)
# A clause or sentence break between two words: , ; : . ! ? a bracket, a dash (an em or en dash, or a
# hyphen with spaces round it). "their bodies, some may experience" is not "out-of-body experience".
# A dash before a number joins a range ("within 15–30 minutes"); the ")-" of "(S)-ketamine" joins the name.
BREAK_RE = re.compile(r"[,;:.!?\[\]{}]|[—–](?!\s?\d)|\s-+\s(?!\d)|[()](?!-)")
# The analyzer's synonym tokens ("out-of-body experience" -> one group token) are laid over the words
# they stand for, which stop words may separate and punctuation does not: such a token over a break
# is no phrase of the group.
SYNONYM_TOKEN_RE = re.compile(rf"{SYNONYM_PREFIX}\d+")
# Treatments that go with a drug rather than replace it ("ketamine-assisted psychotherapy"): the checker and search
# (indexer/subject.py) read them as no other drug.
NOT_DRUGS = frozenset({"psychotherapy"})
NEGATIVE_RE = re.compile(r"\b(?:not|no|never|none|nothing|without|cannot|unlikely)\b|n't\b", re.I)


@dataclass(frozen=True)
class Term:
    text: str
    tokens: tuple[str, ...] = ()
    pattern: str | None = None  # a phrase matched as written: its regular expression (case-insensitive)
    negative: bool = False
    parts: tuple[str, ...] = ()  # for phrases: every word as written, lower case (each must be in the text)

    @property
    def phrase(self) -> re.Pattern | None:
        return None if self.pattern is None else _compiled(self.pattern)


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    # Compiled on first use, or all at once by TermIndex.compile_phrases (a server's checker): one page meets few of
    # the ~7,000 phrases, and compiling them all took most of `kb check`'s start-up (docs/benchmarks.md, "Fifty-fifth pass").
    return re.compile(pattern, re.I)


def compile_term(text: str, analyse) -> Term | None:
    """A term as the checker matches it; None only for a term without a single word character.

    "=lasts" (a leading "=") is matched as written, not stemmed: "lasts" but not "last month".
    """
    exact = text.startswith("=")
    text = text.lstrip("=").strip()
    words = re.findall(r"\w+", text.replace("’", "'"))
    if not words:
        return None
    tokens = tuple(analyse(text))
    negative = bool(NEGATIVE_RE.search(text)) or bool(NEGATIONS & set(tokens))
    # A phrase that loses words to the stop list ("follow-up infusions" -> "follow infusions") would
    # match unrelated text ("following the infusion"): match it as written.
    if exact or not tokens or negative or len(base_analyse(text)) < len(words):
        # One extra word may stand between the words ("don't have to ever stop", "not have responded");
        # a hyphen joins them only inside a word ("pump-and-dump"): a spaced one is a dash (BREAK_RE).
        # The letters of a dotted abbreviation ("u.s.") join at their dots as well ("U.S. approval").
        # A comma the term itself writes between two words ("=side effects, such as") may stand there in the copy or not.
        found = list(re.finditer(r"[\w']+", text.replace("’", "'")))
        parts = [m.group() for m in found]
        comma = [i for i in range(len(found) - 1) if "," in text[found[i].end():found[i + 1].start()]]
        body = "".join(re.escape(w) + ("" if i == len(parts) - 1 else
                                       r",?\s+(?:\w+\s+)?" if i in comma else
                                       r"(?:\.\s*|\s+|[\-'])" if len(w) == len(parts[i + 1]) == 1 and (w + parts[i + 1]).isalpha() else
                                       r"(?:\s+|[\-'])(?:\w+\s+)?")
                       for i, w in enumerate(parts))
        # ...and the last word may be inflected ("not offer" finds "not offered").
        written = [w.lower() for w in parts]
        return Term(text, pattern=rf"(?<!\w){body}(?:s|es|ed|d|ing)?(?!\w)", negative=negative,
                    parts=tuple(written))
    return Term(text, tokens=tokens)


WORD_RUN_RE = re.compile(r"\w+")
INFLECTIONS = ("s", "es", "ed", "d", "ing")  # the endings a phrase's last word may take (compile_term)


def phrase_key(term: Term) -> tuple[str, bool]:
    """A word every match of the phrase holds as a whole run of letters, and whether it may be inflected.

    Phrase words are joined by spaces, hyphens or apostrophes, so each word's letter runs stand whole
    in the matched text; only the last run of the last word may carry an ending ("not offer" finds
    "not offered"). The longest run is the rarest: the phrase is looked for only where it occurs.
    """
    runs = _letter_runs(term)
    return max(((run, i == len(runs) - 1) for i, run in enumerate(runs)), key=lambda r: len(r[0]))


def phrase_runs(term: Term) -> frozenset[str]:
    """The letter runs every match of the phrase holds whole (as phrase_key reasons): all but the last, which may
    carry an ending."""
    return frozenset(_letter_runs(term)[:-1])


def _letter_runs(term: Term) -> list[str]:
    return [run for part in term.parts for run in WORD_RUN_RE.findall(part)]


class TermIndex:
    """Every list of terms the checker looks for (a concept's terms, a slot's own words, an `unless`),
    filed by a word each term must contain, so that a sentence is read once for all of them.

    The ~950 lists hold ~4,300 distinct terms, and a sentence holds few of them: reading the sentence's
    words against one index, then giving each term found to every list that holds it, replaces a
    look-up per list and per slot (which had come to be most of a check's time). A list's spans are
    exactly what finding its terms one by one gives (SentenceTokens.find_all without an index), less those inside a
    `guard`'s words (a concept's `not_within`; read without the index, a sentence finds every span).
    """

    def __init__(self, lists: dict[str, tuple[Term, ...]], guards: dict[str, str] | None = None):
        self.keys = frozenset(lists)
        # list key -> the key of the words inside which its terms do not count (a concept's `not_within`)
        self.guards = {key: guard for key, guard in (guards or {}).items() if key in lists and guard in lists}
        holders: dict[Term, set[str]] = {}
        for key, terms in lists.items():
            for term in terms:
                holders.setdefault(term, set()).add(key)
        self.singles: dict[str, set[str]] = {}  # token -> the lists holding a one-token term of it
        self.longer: dict[str, list[tuple[Term, tuple[str, ...]]]] = {}  # plain terms, by first token
        # Phrases (matched as written), filed by their longest word: "not addictive" under "addictive",
        # not under "not", which a hundred phrases start with. The last word may be inflected.
        self.phrases_by_word: dict[str, list[tuple[Term, tuple[str, ...]]]] = {}
        self.phrases_by_stem: dict[str, list[tuple[Term, tuple[str, ...]]]] = {}
        # Each filed term carries the words it cannot occur without (its other tokens; a phrase's whole letter
        # runs): a sentence lacking one is passed over by a set test, not a search (most candidates are).
        for term, keys in holders.items():
            if term.pattern is None and len(term.tokens) == 1:
                self.singles.setdefault(term.tokens[0], set()).update(keys)
            elif term.pattern is None:
                self.longer.setdefault(term.tokens[0], []).append((term, tuple(keys), frozenset(term.tokens[1:])))
            else:
                word, inflected = phrase_key(term)
                table = self.phrases_by_stem if inflected else self.phrases_by_word
                table.setdefault(word, []).append((term, tuple(keys), phrase_runs(term)))

    def compile_phrases(self) -> None:
        """Compile every phrase's pattern now rather than on first use (a long-running checker's choice)."""
        for table in (self.phrases_by_word, self.phrases_by_stem):
            for filed in table.values():
                for term, _, _ in filed:
                    term.phrase  # noqa: B018 - compiles and keeps the pattern

    def spans(self, st: "SentenceTokens") -> dict[str, list[tuple[int, int, bool]]]:
        """list key -> the (start, end, negative) of its terms in the sentence (unsorted, may repeat)."""
        out: dict[str, list[tuple[int, int, bool]]] = {}
        by_text = st.by_text

        def give(terms, present):
            for term, keys, needs in terms:
                if present >= needs and (found := st.find(term)):
                    for key in keys:
                        out.setdefault(key, []).extend(found)
        tokens = by_text.keys()
        for token, where in by_text.items():
            if token in self.singles:
                found = [(a, b, False) for _, a, b in where]
                for key in self.singles[token]:
                    out.setdefault(key, []).extend(found)
            if token in self.longer:
                give(self.longer[token], tokens)
        runs = set(WORD_RUN_RE.findall(st.lower))
        for word in runs & self.phrases_by_word.keys():
            give(self.phrases_by_word[word], runs)
        stems = runs | {run[:-len(end)] for run in runs for end in INFLECTIONS if run.endswith(end)}
        for stem in stems & self.phrases_by_stem.keys():
            give(self.phrases_by_stem[stem], runs)
        for key, guard in self.guards.items():
            if key in out and guard in out:
                # only a one-word term is the guard's own word: a longer one inside it names more ("chronic pain" in
                # "relieve chronic pain", where a word may stand between the guard's words "relieve pain")
                kept = [s for s in out[key] if len(st.text[s[0]:s[1]].split()) > 1
                        or not any(a <= s[0] and s[1] <= b for a, b, _ in out[guard])]
                if kept:
                    out[key] = kept
                else:
                    del out[key]
        return out


class Lexicon:
    """kb/concepts.yaml compiled: concept name -> terms (with `include`d concepts' terms)."""

    def __init__(self, concepts, analyse):
        self.analyse = analyse
        self.concepts = {c.name: c for c in (concepts.concepts if concepts else [])}
        self._cache: dict[str, Term | None] = {}
        self.terms: dict[str, tuple[Term, ...]] = {}
        for name in self.concepts:
            self.terms[name] = tuple(self.compile_all(self._expand(name, set())))
        self.not_within: dict[str, tuple[Term, ...]] = {
            name: tuple(self.compile_all(c.not_within)) for name, c in self.concepts.items() if c.not_within}

    def _expand(self, name: str, seen: set[str]) -> list[str]:
        if name in seen or name not in self.concepts:
            return []
        seen.add(name)
        c = self.concepts[name]
        out = list(c.terms)
        for other in c.include:
            out += self._expand(other, seen)
        return out

    def compile(self, text: str) -> Term | None:
        if text not in self._cache:
            self._cache[text] = compile_term(text, self.analyse)
        return self._cache[text]

    def compile_all(self, texts) -> list[Term]:
        """The terms of a claim's list; an entry "@name" stands for every term of the concept `name`
        (one list of other regulators, kept in kb/concepts.yaml, instead of a copy pasted into each claim)."""
        out: list[Term] = []
        for x in dict.fromkeys(texts):
            if x.startswith("@"):
                out += self.terms.get(x[1:], ())
            elif (t := self.compile(x)) is not None:
                out.append(t)
        return list(dict.fromkeys(out))

    def category(self, name: str) -> str | None:
        c = self.concepts.get(name)
        return c.category if c else None

    def carries(self, name: str) -> bool:
        c = self.concepts.get(name)
        return bool(c and c.carry)

    def names(self, category: str | None = None) -> list[str]:
        return [n for n, c in self.concepts.items() if category is None or c.category == category]


@dataclass
class SentenceTokens:
    """One sentence analysed once: token text -> [(position, start, end)], plus the raw text."""

    text: str
    by_text: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)
    lower: str = ""
    memo: dict[str, list[tuple[int, int, bool]]] = field(default_factory=dict)
    index: TermIndex | None = None  # when set, the lists it holds are found in one reading of the sentence
    found: dict[str, list[tuple[int, int, bool]]] | None = None  # that reading, made on the first look-up

    @classmethod
    def of(cls, text: str, analyzer, index: TermIndex | None = None) -> "SentenceTokens":
        st = cls(text, lower=text.lower(), index=index)
        for t in analyzer(text, mode="index", positions=True, chars=True):
            if SYNONYM_TOKEN_RE.fullmatch(t.text) and BREAK_RE.search(text, t.startchar, t.endchar):
                continue
            st.by_text.setdefault(t.text, []).append((t.pos, t.startchar, t.endchar))
        return st

    @classmethod
    def joined(cls, head: "SentenceTokens", head_text: str, tail: "SentenceTokens") -> "SentenceTokens":
        """`head_text` (a prefix of head.text) followed by tail.text, from the two analyses already made:
        a list item read with its lead-in's words, without analysing the lead-in again for every item."""
        text = head_text + tail.text
        st = cls(text, lower=text.lower(), index=tail.index)
        cut, last = len(head_text), -1
        for token, where in head.by_text.items():
            kept = [(p, a, b) for p, a, b in where if b <= cut]
            if kept:
                st.by_text[token] = kept
                last = max(last, kept[-1][0])
        for token, where in tail.by_text.items():
            st.by_text.setdefault(token, []).extend((p + last + 1, a + cut, b + cut) for p, a, b in where)
        return st

    def find(self, term: Term) -> list[tuple[int, int, bool]]:
        """(start, end, negative) of every occurrence of the term."""
        if term.pattern is not None:
            if any(part not in self.lower for part in term.parts):
                return []  # a cheap test first: most phrases have a word the sentence lacks
            return [(m.start(), m.end(), term.negative) for m in term.phrase.finditer(self.text)]
        first = self.by_text.get(term.tokens[0])
        if not first:
            return []
        if len(term.tokens) == 1:
            return [(a, b, False) for _, a, b in first]
        if any(tok not in self.by_text for tok in term.tokens[1:]):
            return []  # a word of the term is not in the sentence at all
        out = []
        for pos, a, b in first:
            end, cur, ok = b, pos, True
            for tok in term.tokens[1:]:
                nxt = [(p, s, e) for p, s, e in self.by_text.get(tok, ())
                       if cur < p <= cur + 1 + MAX_GAP and not BREAK_RE.search(self.text[end:s])]
                if not nxt:
                    ok = False
                    break
                cur, _, end = min(nxt)
            if ok:
                out.append((a, end, False))
        return out

    def reading(self) -> dict[str, list[tuple[int, int, bool]]] | None:
        """The index's lists that occur in the sentence (key -> spans), or None without an index."""
        if self.index is not None and self.found is None:
            self.found = self.index.spans(self)
        return self.found

    def holds(self, key: str, terms) -> bool:
        """Whether any of the terms occurs: find_all(key, terms) is not empty."""
        if self.index is not None and key in self.index.keys:
            return key in self.reading()
        return bool(self.find_all(key, terms))

    def find_all(self, key: str, terms) -> list[tuple[int, int, bool]]:
        found = self.memo.get(key)
        if found is None and self.index is not None and key in self.index.keys:
            reading = self.reading()
            found = self.memo[key] = sorted(set(reading[key])) if key in reading else []
        elif found is None:  # a sentence read without the index, or a list it does not hold
            found = self.memo[key] = sorted({span for term in terms for span in self.find(term)})
        return found
