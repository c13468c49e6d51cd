"""From what a person typed to a bounded Whoosh query, with filters pulled out and explained.

Any string is accepted: control characters are dropped, long input is cut, unknown or malformed
filters become messages, and expensive constructs (short prefixes, wide fuzzy terms) are bounded.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from whoosh import qparser
from whoosh import query as wq
from whoosh.fields import Schema

from indexer.analysis import SEARCH_STOPLIST, analyse, search_analyzer
from indexer.lru import LRU
from indexer.meaning import MeaningLens
from indexer.related import RelatedWords, related_form
from indexer.reorder import words_query  # noqa: F401 (tests and callers see through the wrappers from here)
from indexer.schema import FIELD_BOOSTS, SEARCH_FIELDS
from indexer.subject import SubjectLens
from kb.limits import QUERY_MAX_CHARS
from kb.models import DESIGN_LABELS, VERDICT_LABELS, Vocabulary

MAX_QUERY_CHARS = QUERY_MAX_CHARS  # one limit for every front end (kb/limits.py)
MIN_PREFIX = 3
MAX_FUZZY_DIST = 1
# A related word's occurrences count this much toward the typed word's frequency (RelatedWords).
# 0.6-0.8 ranked alike on the development set and the 37-claim KB (docs/benchmarks.md).
RELATED_BOOST = 0.6
# The words a question's wording stands for (kb/topics.yaml `questions`) count this much against a typed word:
# enough to rank the claim a question asks for above those that share its other words, not to outrank a word typed.
QUESTION_BOOST = 0.5
OR_SCALE = 0.9  # Whoosh's coordination bonus: a record matching more of the query's words ranks higher
BUILT_QUERIES_KEPT = 2048  # parsed queries per index build; a few KB each
FILTER_NAMES = ("type", "topic", "verdict", "design", "year")
FILTER_RE = re.compile(r'(?<![\w:])(type|topic|verdict|design|year):("([^"]*)"|[^\s"]*)', re.I)
YEAR_RE = re.compile(r"^(\d{4})?\s*(-|–|\.\.)?\s*(\d{4})?$")


@dataclass
class ParsedQuery:
    text: str  # the free text left after filters were taken out
    filters: dict[str, str] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


def clean(raw: str) -> tuple[str, list[str]]:
    """Drop control and format characters, fold runs of spaces, cut to MAX_QUERY_CHARS."""
    messages = []
    raw = raw if isinstance(raw, str) else str(raw)
    text = "".join(ch if ch in "\t\n\r" or unicodedata.category(ch)[0] != "C" else " " for ch in raw)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > MAX_QUERY_CHARS:
        cut = text[:MAX_QUERY_CHARS].rsplit(" ", 1)[0] or text[:MAX_QUERY_CHARS]
        messages.append(f"The query was {len(text)} characters long; only the first {len(cut)} were searched.")
        text = cut
    return text, messages


def normalise_filter(name: str, value: str, vocab: Vocabulary | None) -> tuple[str | None, str | None]:
    """(canonical value, None) or (None, message) for one filter."""
    v = value.strip().strip('"').strip()
    if not v:
        return None, f"The filter {name}: has no value and was ignored."
    low = v.lower()
    if name == "type":
        low = low.rstrip("s")
        if low in ("claim", "study", "studie"):
            return ("study" if low.startswith("stud") else "claim"), None
        return None, f"Unknown type {v!r}: use type:claim or type:study."
    if name == "verdict":
        low = low.replace(" ", "-").replace("_", "-")
        if low in VERDICT_LABELS:
            return low, None
        by_label = {lab.lower(): key for key, lab in VERDICT_LABELS.items()}
        if low.replace("-", " ") in by_label:
            return by_label[low.replace("-", " ")], None
        return None, f"Unknown verdict {v!r}; known verdicts: {', '.join(VERDICT_LABELS)}."
    if name == "design":
        low = low.replace(" ", "-").replace("_", "-")
        aliases = {"randomized-controlled-trial": "rct", "randomised-controlled-trial": "rct", "trial": "rct",
                   "meta": "meta-analysis", "metaanalysis": "meta-analysis", "sr": "systematic-review",
                   "label": "drug-label", "pk": "pharmacokinetic", "review": "narrative-review"}
        low = aliases.get(low, low)
        if low in DESIGN_LABELS:
            return low, None
        return None, f"Unknown design {v!r}; known designs: {', '.join(DESIGN_LABELS)}."
    if name == "topic":
        if vocab is None:
            return low, None
        slugs = {t.slug for t in vocab.topics}
        low = low.replace(" ", "-")
        if low in slugs:
            return low, None
        by_label = {t.label.lower().replace(" ", "-"): t.slug for t in vocab.topics}
        if low in by_label:
            return by_label[low], None
        return None, f"Unknown topic {v!r}; known topics: {', '.join(sorted(slugs))}."
    if name == "year":
        m = YEAR_RE.match(v)
        if not m or not (m.group(1) or m.group(3)) or (m.group(1) and m.group(3) and not m.group(2)):
            return None, f"Could not read year {v!r}: use year:2020 or year:2019-2024."
        lo, dash, hi = m.group(1), m.group(2), m.group(3)
        if lo and not dash:
            hi = lo
        if lo and hi and int(lo) > int(hi):
            lo, hi = hi, lo
        return f"{lo or ''}-{hi or ''}" if (lo != hi) else lo, None
    return None, f"Unknown filter {name}:"


def parse(raw: str, vocab: Vocabulary | None, given: dict[str, str | None] | None = None) -> ParsedQuery:
    text, messages = clean(raw or "")
    filters: dict[str, str] = {}

    def take(match: re.Match) -> str:
        name = match.group(1).lower()
        value = match.group(3) if match.group(3) is not None else match.group(2)
        canon, msg = normalise_filter(name, value, vocab)
        if msg:
            messages.append(msg)
        elif canon is not None:
            filters[name] = canon
        return " "

    text = re.sub(r"\s+", " ", FILTER_RE.sub(take, text)).strip()
    for name, value in (given or {}).items():
        if value in (None, ""):
            continue
        canon, msg = normalise_filter(name, str(value), vocab)
        if msg:
            messages.append(msg)
        elif canon is not None:
            filters[name] = canon
    return ParsedQuery(text=text, filters=filters, messages=messages)


def year_bounds(value: str) -> tuple[int | None, int | None]:
    if "-" not in value:
        return int(value), int(value)
    lo, hi = value.split("-", 1)
    return (int(lo) if lo else None), (int(hi) if hi else None)


def filter_query(filters: dict[str, str]) -> wq.Query | None:
    parts: list[wq.Query] = []
    for name, value in filters.items():
        if name == "year":
            lo, hi = year_bounds(value)
            parts.append(wq.NumericRange("year", lo, hi))
        elif name == "topic":
            parts.append(wq.Term("topics", value))
        else:
            parts.append(wq.Term(name, value))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)


class QueryBuilder:
    """Turns free text into a Whoosh query for one index schema and vocabulary."""

    def __init__(self, schema: Schema, vocab: Vocabulary | None, subject: "SubjectLens | None" = None,
                 meaning: "MeaningLens | None" = None):
        self.schema = schema
        self.subject = subject  # indexer/subject.py: claims about other treatments rank below the subject's
        self.meaning = meaning  # indexer/meaning.py: claims closer in meaning to the query rank higher
        self.parser = qparser.MultifieldParser(
            list(SEARCH_FIELDS), schema, fieldboosts=FIELD_BOOSTS, group=qparser.OrGroup.factory(OR_SCALE)
        )
        # People cannot query internal fields, nor run unbounded wildcards; trailing * and ~ stay.
        self.parser.remove_plugin_class(qparser.FieldsPlugin)
        self.parser.remove_plugin_class(qparser.WildcardPlugin)
        self.parser.add_plugin(qparser.PrefixPlugin())
        self.parser.add_plugin(qparser.FuzzyTermPlugin())
        self.phrase_patterns = self._phrase_patterns(vocab)
        self.analyzer = search_analyzer(vocab.synonyms if vocab else ())
        self.related = self._related(vocab)
        self.question_cues = [(re.compile(cue.asks, re.I), cue.means) for cue in (vocab.questions if vocab else ())]
        self.longest_related = max((len(form) for form in self.related), default=0)
        # One builder per index build, so a parsed query stays right for the builder's life. Every
        # facet and page of a search parses the same words: parsing is a fifth of an uncached
        # search page. Queries are not changed by searching, so threads may share them.
        self._built = LRU(BUILT_QUERIES_KEPT)

    @staticmethod
    def _phrase_patterns(vocab: Vocabulary | None) -> list[re.Pattern]:
        """Multi-word synonym members, so that typed unquoted they are searched as one phrase."""
        if vocab is None:
            return []
        surfaces = {m.lower() for group in vocab.synonyms for m in group
                    if len(analyse(m, stoplist=SEARCH_STOPLIST)) >= 2}
        pats = []
        for s in sorted(surfaces, key=len, reverse=True):
            body = r"[\s\-]+".join(re.escape(w) for w in re.split(r"[\s\-]+", s))
            pats.append(re.compile(rf"(?<![\w\"]){body}(?![\w\"])", re.I))
        return pats

    def _related(self, vocab: Vocabulary | None) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
        """Each `related` member's analysed words -> the other members of its groups.

        A member of two or more words ("come back") is a phrase: typed unquoted it is found by its
        analysed words (quote_related), so "comes back" and "coming back" find it too, and as an
        alternative it is searched as a phrase. A member that analyses to nothing is left out here
        and reported by `kb validate` (related_problems).
        """
        if vocab is None:
            return {}
        out: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for group in vocab.related:
            forms = [f for f in (related_form(self.analyzer, term) for term in group) if f]
            for f in forms:
                have = out.setdefault(f, [])
                have.extend(x for x in forms if x != f and x not in have)
        return out

    def quote_related(self, piece: str) -> str:
        """Quote each related phrase found in unquoted text, so that it is searched, and expanded, as one."""
        if self.longest_related < 2:
            return piece
        toks = [(t.pos, t.text, t.startchar, t.endchar)
                for t in self.analyzer(piece, mode="query", positions=True, chars=True)]
        spans, i = [], 0
        while i < len(toks):
            for n in range(min(self.longest_related, len(toks) - i), 1, -1):
                run = toks[i:i + n]
                start, end = run[0][2], run[-1][3]
                if (all(b[0] == a[0] + 1 for a, b in zip(run, run[1:]))
                        and tuple(t[1] for t in run) in self.related
                        and piece[start - 1:start] not in QUOTE_BLOCKERS and piece[end:end + 1] not in QUOTE_BLOCKERS):
                    spans.append((start, end))
                    i += n
                    break
            else:
                i += 1
        for start, end in reversed(spans):
            piece = f'{piece[:start]}"{piece[start:end]}"{piece[end:]}'
        return piece

    def quote_phrases(self, text: str) -> str:
        """Wrap related phrases, then multi-word synonyms, found outside quotes in quotes."""
        return _outside_quotes(_outside_quotes(text, self.quote_related), self._quote_synonyms)

    def _quote_synonyms(self, piece: str) -> str:
        for pat in self.phrase_patterns:
            piece = pat.sub(lambda m: f'"{m.group(0)}"', piece)
        return piece

    def _bound(self, q: wq.Query) -> wq.Query:
        if isinstance(q, wq.Prefix) and len(q.text) < MIN_PREFIX:
            return wq.NullQuery
        if isinstance(q, wq.FuzzyTerm):
            q.maxdist = min(q.maxdist, MAX_FUZZY_DIST)
            q.prefixlength = max(q.prefixlength, 1)
            return q
        if isinstance(q, (wq.Wildcard, wq.Regex, wq.Every)):
            return wq.NullQuery
        return q

    def _with_related(self, q: wq.Query) -> wq.Query:
        if type(q) is wq.Term:
            form = (q.text,)
        elif type(q) is wq.Phrase and q.slop == 1:
            form = tuple(q.words)
        else:
            return q
        if q.fieldname != "text" or form not in self.related:
            return q
        boost = q.boost * RELATED_BOOST
        alts = [wq.Term(q.fieldname, alt[0], boost=boost) if len(alt) == 1 else wq.Phrase(q.fieldname, list(alt), boost=boost)
                for alt in self.related[form]]
        return RelatedWords([q, *alts])

    def build(self, text: str, asked: str | None = None) -> wq.Query:
        """`asked`: the words whose question wording counts (kb/topics.yaml `questions`), if not `text` itself, as
        when search widens the typed words with their spelling corrections."""
        if not text.strip():
            return wq.NullQuery
        key = (text, text if asked is None else asked)
        q = self._built.get(key)
        if q is None:
            q = self._build_now(*key)
            if self.subject is not None:
                q = self.subject.prefer_subject(q, text)
            if self.meaning is not None:
                q = self.meaning.prefer_close(q, text)
            self._built.put(key, q)
        return q

    def _build_now(self, text: str, asked_text: str) -> wq.Query:
        try:
            q = self.parser.parse(self.quote_phrases(text))
        except Exception:
            # Whoosh's parser can fail on misplaced operators ("NOT OR x", "-~"): search the
            # words as plain words instead.
            plain = re.sub(r"\b(AND|OR|NOT|ANDNOT|ANDMAYBE)\b", lambda m: m.group(1).lower(), text)
            plain = re.sub(r"[~^(){}\[\]]", " ", plain)
            try:
                q = self.parser.parse(self.quote_phrases(plain))
            except Exception:
                return wq.NullQuery
        # Related words join after normalising: normalize() would flatten RelatedWords (an Or) into
        # the query's Or, and each related word would again score as a word of its own.
        q = q.accept(self._bound).normalize().accept(self._with_related)
        asked = self._asked(asked_text)
        if asked is None or q is wq.NullQuery:
            return q
        # The added words join the typed words' own Or, as further words of the query: an Or nested in another Or
        # let Whoosh's top-N collection skip records the full scoring ranks first (indexer/matches.py's check).
        added = list(asked.subqueries) if isinstance(asked, wq.Or) else [asked]
        if type(q) is wq.Or:
            return wq.Or([*q.subqueries, *added], boost=q.boost, minmatch=q.minmatch, scale=q.scale)
        return wq.Or([q, *added], scale=OR_SCALE)

    def _asked(self, text: str) -> wq.Query | None:
        """The words the query's question wording stands for, at QUESTION_BOOST, or None."""
        means = [m for pattern, cue in self.question_cues if pattern.search(text) for m in cue]
        if not means:
            return None
        words = " ".join(f'"{m}"' if " " in m else m for m in dict.fromkeys(means))
        try:
            asked = self.parser.parse(words).normalize()
        except Exception:  # a cue kb validate let through, never a reason to fail a search
            return None

        def lowered(node: wq.Query) -> wq.Query:
            if node.is_leaf():
                node.boost *= QUESTION_BOOST
            return node
        return asked.accept(lowered)


QUOTE_BLOCKERS = set('"*~^') | {"-"}  # around a found phrase: quoting would change what was typed


def _outside_quotes(text: str, fn) -> str:
    pieces = re.split(r'("[^"]*")', text)
    return "".join(p if p.startswith('"') and p.endswith('"') and len(p) > 1 else fn(p) for p in pieces)
