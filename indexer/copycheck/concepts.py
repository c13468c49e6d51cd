"""Where the shared concepts (kb/concepts.yaml) and claims' own terms occur in a sentence.

Terms are analysed with the search index's analyzer (stems, compounds, the KB's synonym groups),
so "treatment" finds "treatments" and "nursing" finds "breastfeeding". A term whose words the
analyzer would drop (stop words: "while", "after", "most") or that itself denies something
("no need to stop") is matched as written instead, so no term silently compiles to nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.analysis import NEGATIONS, analyse as base_analyse

MAX_GAP = 2  # other words allowed between the words of a multi-word term (never across , ; : . ( ))
PUNCT_RE = re.compile(r"[,;:.!?()]")
NEGATIVE_RE = re.compile(r"\b(?:not|no|never|none|nothing|without|cannot)\b|n't\b", re.I)


@dataclass(frozen=True)
class Term:
    text: str
    tokens: tuple[str, ...] = ()
    phrase: re.Pattern | None = None
    negative: bool = False
    first: str = ""  # for phrases: the first word's start, lower case (a cheap test before the regex)
    word: str = ""  # for phrases of two words or more: the first word as written, lower case (it is not inflected)


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
    dropped = len(base_analyse(text)) < len(words)
    if exact or not tokens or negative or dropped:
        # One extra word may stand between the words ("don't have to ever stop", "not have responded").
        body = r"[\s\-']+(?:\w+\s+)?".join(re.escape(w) for w in re.findall(r"[\w']+", text.replace("’", "'")))
        # ...and the last word may be inflected ("not offer" finds "not offered").
        written = [w.lower() for w in re.findall(r"[\w']+", text.replace("’", "'"))]
        return Term(text, phrase=re.compile(rf"(?<!\w){body}(?:s|es|ed|d|ing)?(?!\w)", re.I), negative=negative,
                    first=written[0][:4], word=written[0] if len(written) > 1 else "")
    return Term(text, tokens=tokens)


class TermList(tuple):
    """Terms, with the plain-word terms filed by their first word and the phrases listed apart.

    A concept can have dozens of terms and a sentence a few dozen words: finding a concept looks
    up the sentence's words here instead of trying every term.
    """

    def __new__(cls, terms=()):
        self = super().__new__(cls, terms)
        self.singles: frozenset[str] = frozenset()  # the tokens of one-token terms: found by a lookup alone
        self.longer_by_first: dict[str, list[Term]] = {}  # plain terms of two tokens or more
        self.phrases: list[Term] = []  # one-word phrases, whose word may be inflected
        self.phrases_by_word: dict[str, list[Term]] = {}  # longer ones, filed by their first word
        singles = set()
        for term in self:
            if term.phrase is None:
                if len(term.tokens) == 1:
                    singles.add(term.tokens[0])
                else:
                    self.longer_by_first.setdefault(term.tokens[0], []).append(term)
            elif term.word:
                self.phrases_by_word.setdefault(term.word, []).append(term)
            else:
                self.phrases.append(term)
        self.singles = frozenset(singles)
        return self


class Lexicon:
    """kb/concepts.yaml compiled: concept name -> terms (with `include`d concepts' terms)."""

    def __init__(self, concepts, analyse):
        self.analyse = analyse
        self.concepts = {c.name: c for c in (concepts.concepts if concepts else [])}
        self._cache: dict[str, Term | None] = {}
        self.terms: dict[str, tuple[Term, ...]] = {}
        for name in self.concepts:
            self.terms[name] = TermList(self.compile_all(self._expand(name, set())))

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
        return [t for t in (self.compile(x) for x in dict.fromkeys(texts)) if t is not None]

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
    words: frozenset[str] = frozenset()  # the words as written, lower case (where a phrase can start)

    @classmethod
    def of(cls, text: str, analyzer) -> "SentenceTokens":
        st = cls(text, lower=text.lower())
        st.words = frozenset(re.findall(r"[\w']+", st.lower))
        for t in analyzer(text, mode="index", positions=True, chars=True):
            st.by_text.setdefault(t.text, []).append((t.pos, t.startchar, t.endchar))
        return st

    @classmethod
    def joined(cls, head: "SentenceTokens", head_text: str, tail: "SentenceTokens") -> "SentenceTokens":
        """`head_text` (a prefix of head.text) followed by tail.text, from the two analyses already made:
        a list item read with its lead-in's words, without analysing the lead-in again for every item."""
        text = head_text + tail.text
        st = cls(text, lower=text.lower())
        st.words = frozenset(re.findall(r"[\w']+", st.lower))
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
        if term.phrase is not None:
            if term.first and term.first not in self.lower:
                return []
            return [(m.start(), m.end(), term.negative) for m in term.phrase.finditer(self.text)]
        first = self.by_text.get(term.tokens[0])
        if not first:
            return []
        if len(term.tokens) == 1:
            return [(a, b, False) for _, a, b in first]
        out = []
        for pos, a, b in first:
            end, cur, ok = b, pos, True
            for tok in term.tokens[1:]:
                nxt = [(p, s, e) for p, s, e in self.by_text.get(tok, ())
                       if cur < p <= cur + 1 + MAX_GAP and not PUNCT_RE.search(self.text[end:s])]
                if not nxt:
                    ok = False
                    break
                cur, _, end = min(nxt)
            if ok:
                out.append((a, end, False))
        return out

    def find_all(self, key: str, terms) -> list[tuple[int, int, bool]]:
        found = self.memo.get(key)
        if found is None:
            spans: list[tuple[int, int, bool]] = []
            by_text, lower = self.by_text, self.lower
            if isinstance(terms, TermList):
                # Only the terms whose first word is in the sentence; a one-token term's occurrences are
                # the token's, looked up once however many terms analyse to it.
                singles, longer, phrases = terms.singles, terms.longer_by_first, terms.phrases_by_word
                for word in singles.intersection(by_text):
                    spans += [(a, b, False) for _, a, b in by_text[word]]
                terms = [t for word in by_text if word in longer for t in longer[word]] + terms.phrases + \
                    [t for word in self.words & phrases.keys() for t in phrases[word]]
            for term in terms:
                # find()'s own first test, inline: most terms cannot occur in a given sentence, and
                # calling find() only to learn that was a fifth of a check's time.
                if term.phrase is None:
                    if term.tokens[0] not in by_text:
                        continue
                elif term.first and term.first not in lower:
                    continue
                spans += self.find(term)
            found = self.memo[key] = sorted(set(spans))
        return found
