"""From what a person typed to a bounded Whoosh query, with filters pulled out and explained.

Any string is accepted: control characters are dropped, long input is cut, unknown or malformed
filters become messages, and expensive constructs (short prefixes, wide fuzzy terms) are bounded.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from whoosh import matching, qparser
from whoosh import query as wq
from whoosh.fields import Schema

from indexer.analysis import SEARCH_STOPLIST, analyse, search_analyzer
from indexer.lru import LRU
from indexer.schema import FIELD_BOOSTS, SEARCH_FIELDS
from kb.limits import QUERY_MAX_CHARS
from kb.models import DESIGN_LABELS, VERDICT_LABELS, Vocabulary

MAX_QUERY_CHARS = QUERY_MAX_CHARS  # one limit for every front end (kb/limits.py)
MIN_PREFIX = 3
MAX_FUZZY_DIST = 1
# A related word's occurrences count this much toward the typed word's frequency (RelatedWords).
# 0.6-0.8 ranked alike on the development set and the 37-claim KB (docs/benchmarks.md).
RELATED_BOOST = 0.6
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

    def __init__(self, schema: Schema, vocab: Vocabulary | None):
        self.schema = schema
        self.parser = qparser.MultifieldParser(
            list(SEARCH_FIELDS), schema, fieldboosts=FIELD_BOOSTS, group=qparser.OrGroup.factory(0.9)
        )
        # People cannot query internal fields, nor run unbounded wildcards; trailing * and ~ stay.
        self.parser.remove_plugin_class(qparser.FieldsPlugin)
        self.parser.remove_plugin_class(qparser.WildcardPlugin)
        self.parser.add_plugin(qparser.PrefixPlugin())
        self.parser.add_plugin(qparser.FuzzyTermPlugin())
        self.phrase_patterns = self._phrase_patterns(vocab)
        self.related = self._related(vocab)
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

    def _related(self, vocab: Vocabulary | None) -> dict[str, list[str]]:
        if vocab is None:
            return {}
        analyzer = search_analyzer(vocab.synonyms)
        out: dict[str, list[str]] = {}
        for group in vocab.related:
            forms = []
            for term in group:
                toks = [t.text for t in analyzer(term, mode="query")]
                if len(toks) == 1:
                    forms.append(toks[0])
            for f in forms:
                out.setdefault(f, []).extend(x for x in forms if x != f and x not in out.get(f, []))
        return out

    def quote_phrases(self, text: str) -> str:
        """Wrap multi-word synonyms found outside quotes in quotes."""
        pieces = re.split(r'("[^"]*")', text)
        for i, piece in enumerate(pieces):
            if piece.startswith('"') and piece.endswith('"') and len(piece) > 1:
                continue
            for pat in self.phrase_patterns:
                piece = pat.sub(lambda m: f'"{m.group(0)}"', piece)
            pieces[i] = piece
        return "".join(pieces)

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
        if type(q) is wq.Term and q.fieldname == "text" and q.text in self.related:
            alts = [wq.Term(q.fieldname, alt, boost=q.boost * RELATED_BOOST) for alt in self.related[q.text]]
            return RelatedWords([q, *alts])
        return q

    def build(self, text: str) -> wq.Query:
        if not text.strip():
            return wq.NullQuery
        q = self._built.get(text)
        if q is None:
            q = self._build_now(text)
            self._built.put(text, q)
        return q

    def _build_now(self, text: str) -> wq.Query:
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
        return q.accept(self._bound).normalize().accept(self._with_related)


class RelatedWords(wq.Or):
    """A typed word and its related words (kb/topics.yaml `related`), scored as one word.

    As separate OR terms each related word added a full BM25 score of its own, so a record that
    used every word of a group ("fast", "rapid", "quickly", "onset") counted the idea three or four
    times and outranked the record about what the query asked: "how quickly do SSRIs start
    working" and "SSRI onset weeks" ranked the claim that ketamine acts fast above the one about
    SSRIs. Here, as in
    Lucene's synonym query, the words' frequencies are summed (a related word's weighted by its
    boost relative to the typed word's) and saturate once, with the rarity of the group's most
    common word. Subclassing Or keeps what reads a query's terms (facet masks, snippets) working.
    """

    def _matcher(self, subs, searcher, context):
        field, typed = subs[0].fieldname, subs[0]
        leaves, weights, infos = [], [], []
        for sub in subs:
            m = sub.matcher(searcher, context)
            if m.is_active():
                leaves.append(m)
                weights.append(sub.boost / typed.boost)
                infos.append(searcher.term_info(field, sub.text))
        if not leaves:
            return matching.NullMatcher()
        weighting = context.weighting if context is not None and context.weighting else searcher.weighting
        scorer = weighting.scorer(searcher, field, typed.text)
        if not hasattr(scorer, "_score"):  # a field without lengths: plain OR scoring
            return super()._matcher(subs, searcher, context)
        index = searcher.get_parent()  # rarity is a whole-index statistic, as for single words
        scorer.idf = min(index.idf(field, sub.text) for sub in subs if index.doc_frequency(field, sub.text))
        # An upper bound for the group's score, so Whoosh can still skip records that cannot rank.
        top = scorer._score(sum(w * i.max_weight() for w, i in zip(weights, infos)), min(i.min_length() for i in infos))
        boost = typed.boost * self.boost
        return _RelatedMatcher(leaves, weights, scorer, boost, top * boost)


class _RelatedMatcher(matching.Matcher):
    """The union of the words' postings; a record's score is BM25 of its summed, weighted frequencies.

    Runs once per matching posting, so the current record and the words on it are kept, not
    recomputed on each call.
    """

    def __init__(self, leaves, weights, scorer, boost, top):
        self.leaves, self.weights, self.scorer, self.boost, self.top = leaves, weights, scorer, boost, top
        self.pairs = list(zip(leaves, weights))
        self._settle()

    def _settle(self):
        live = [(m, w) for m, w in self.pairs if m.is_active()]
        if len(live) < len(self.pairs):
            self.pairs = live
        self._id = min(m.id() for m, _ in live) if live else None

    def is_active(self):
        return self._id is not None

    def id(self):
        return self._id

    def next(self):
        at = self._id
        for m, _ in self.pairs:
            if m.id() == at:
                m.next()
        self._settle()

    def skip_to(self, id):
        if self._id is not None and self._id < id:
            for m, _ in self.pairs:
                if m.id() < id:
                    m.skip_to(id)
            self._settle()

    def reset(self):
        for m in self.leaves:
            m.reset()
        self.pairs = list(zip(self.leaves, self.weights))
        self._settle()

    def copy(self):
        return _RelatedMatcher([m.copy() for m in self.leaves], self.weights, self.scorer, self.boost, self.top)

    def replace(self, minquality=0):
        return self if self._id is not None and self.top >= minquality else matching.NullMatcher()

    def supports(self, astype):
        return False

    def supports_block_quality(self):
        return True

    def max_quality(self):
        return self.top

    block_quality = max_quality

    def skip_to_quality(self, minquality):
        # The bound is the same for every block: either no block qualifies, or this one does.
        if self.top > minquality:
            return 0
        for m, _ in self.pairs:
            while m.is_active():
                m.skip_to_quality(float("inf"))
        self._settle()
        return 1

    def term_matchers(self):
        for m in self.leaves:
            yield from m.term_matchers()

    def matching_terms(self, id=None):
        id = self._id if id is None else id
        for m, _ in self.pairs:
            if m.id() == id:
                yield from m.matching_terms(id)

    def weight(self):
        at = self._id
        return sum(w * m.weight() for m, w in self.pairs if m.id() == at)

    def score(self):
        return self.boost * self.scorer._score(self.weight(), self.scorer.dfl(self._id))
