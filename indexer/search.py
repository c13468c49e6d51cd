"""One search function for the command line, the web UI and the JSON API."""
from __future__ import annotations

import html
import math
import re
from collections import deque
from dataclasses import dataclass, field, fields

from whoosh import highlight, scoring, sorting
from whoosh import query as wq
from whoosh.analysis import Token
from whoosh.collectors import FilterCollector, TimeLimit
from whoosh.searching import Searcher

from indexer.analysis import SYNONYM_PREFIX, SynonymFilter, base_analyzer
from indexer.deadline import DeadlineCollector
from indexer.facets import mask_of, matching_mask
from indexer.facets import masks_for as facet_masks
from indexer.lru import LRU
from indexer.matches import matches_for, remembered
from indexer.query import FILTER_NAMES, ParsedQuery, QueryBuilder, clean, filter_query, parse
from kb import limits
from kb.limits import limit
from kb.models import Vocabulary

TIME_LIMIT_S = limit("SEARCH_TIME_LIMIT_S")
MAX_PER_PAGE = limits.MAX_PER_PAGE
MAX_PAGE = limits.SEARCH_MAX_PAGE
SNIPPET_CHARS = 240
HIGHLIGHT_SCAN_CHARS = 1500  # highlight within the first part of long fields: analysis is the cost
HIGHLIGHT_CACHE_SIZE = 4096  # (text ≤ 1,500 characters, words) pairs: a few MB at most


def weighting() -> scoring.WeightingModel:
    # k1/b tuned on SciFact (docs/benchmarks.md); short fields get less length normalisation.
    return scoring.BM25F(B=0.75, K1=1.5, title_B=0.3, phrasings_B=0.5, meta_B=0.3)


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    type: str | None = None
    topic: str | None = None
    verdict: str | None = None
    design: str | None = None
    year: str | None = None
    page: int = 1
    per_page: int = 10

    def clamped(self) -> "SearchRequest":
        def as_int(v, default):
            try:
                return int(v)
            except (TypeError, ValueError, OverflowError):
                return default

        page = min(max(as_int(self.page, 1), 1), MAX_PAGE)
        per_page = min(max(as_int(self.per_page, 10), 1), MAX_PER_PAGE)
        return SearchRequest(self.q if isinstance(self.q, str) else "", self.type, self.topic, self.verdict,
                             self.design, self.year, page, per_page)

    def given_filters(self) -> dict[str, str | None]:
        return {name: getattr(self, name) for name in FILTER_NAMES}


@dataclass
class Hit:
    type: str
    id: str
    title: str
    verdict: str | None
    certainty: str | None
    design: str | None
    year: int | None
    topics: list[str]
    score: float
    snippet: str  # safe HTML: escaped text with <mark> highlights only


@dataclass
class SearchResult:
    query: str
    total: int
    suggestion: str | None
    suggestion_searched: bool
    message: str | None
    page: int
    per_page: int
    filters: dict[str, str]
    results: list[Hit]
    facets: dict[str, dict[str, int]]
    searched_text: str = ""
    timed_out: bool = False

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page)) if self.total else 0

    def to_dict(self) -> dict:
        # Written out rather than dataclasses.asdict: asdict deep-copies recursively and cost ~3 ms
        # per search page. Every container is still a fresh copy, so callers may change the dict.
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["filters"] = dict(self.filters)
        d["facets"] = {name: dict(counts) for name, counts in self.facets.items()}
        d["results"] = [{**{f.name: getattr(h, f.name) for f in fields(h)}, "topics": list(h.topics)}
                        for h in self.results]
        d["pages"] = self.pages
        return d


@dataclass
class _Run:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    timed_out: bool = False


def _snippet(hit, terms: frozenset[str], analyzer) -> str:
    """Highlighted fragments of the stored body (or phrasings, or title) for the query's words.

    The query runs on the combined `text` field, so its terms are applied to the stored fields
    here. HtmlFormatter escapes the record text; only its <mark> tags are markup.
    """
    formatter = highlight.HtmlFormatter(tagname="mark", between=" … ")
    fragmenter = highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60)
    for name in ("body", "phrasings", "title"):
        text = (hit.get(name) or "")[:HIGHLIGHT_SCAN_CHARS]
        if text and terms:
            frag = _highlight(text, terms, analyzer, fragmenter, formatter)
            if frag:
                return frag
    text = re.sub(r"\s+", " ", hit.get("body") or hit.get("title") or "")
    if len(text) > SNIPPET_CHARS:
        text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return html.escape(text, quote=False)


# Highlighting is about half the CPU of an uncached search: analysing a record's text (stemming
# every word) and scoring fragments. The same record comes back for the same words on every page
# and filter of a query, and for other queries too, so both the finished fragments, by (text,
# words), and the analysed tokens, by text, are kept. Keys hold the text itself, so an edited
# record can never be shown with an old snippet.
_HIGHLIGHTS = LRU(HIGHLIGHT_CACHE_SIZE)
_TOKENS = LRU(HIGHLIGHT_CACHE_SIZE)


def _highlight(text, terms, analyzer, fragmenter, formatter) -> str:
    key = (text, terms)
    cached = _HIGHLIGHTS.get(key)
    if cached is None:
        cached = _highlight_now(text, terms, analyzer, fragmenter, formatter)
        _HIGHLIGHTS.put(key, cached)
    return cached


def _analysed(text, analyzer) -> tuple[tuple[tuple[str, int, int, int], ...], frozenset[str]]:
    """The text's analysed tokens as (word, start, end, position), and the set of its words."""
    found = _TOKENS.get(text)
    if found is None:
        tokens = tuple((t.text, t.startchar, t.endchar, t.pos)
                       for t in analyzer(text, chars=True, positions=True, mode="index", removestops=False))
        found = (tokens, frozenset(word for word, _, _, _ in tokens))
        _TOKENS.put(text, found)
    return found


def _highlight_now(text, terms, analyzer, fragmenter, formatter) -> str:
    tokens, words = _analysed(text, analyzer)
    if words.isdisjoint(terms):
        return formatter(text, [])
    fragments = highlight.top_fragments(_context_fragments(text, tokens, terms, fragmenter), 2,
                                        highlight.BasicFragmentScorer(), highlight.FIRST, 1)
    return formatter(text, fragments)


def _context_fragments(text, tokens, terms, fragmenter: highlight.ContextFragmenter):
    """Whoosh's ContextFragmenter.fragment_tokens, step for step, over the cached token tuples.

    Whoosh wants a Token object per word of the text (~1,600 per uncached search page, a tenth of
    its CPU); only the matched words need one, since only they reach the scorer and the
    formatter. Fresh Tokens per call: the fragmenter's tokens are this query's, and the cached
    tuples are shared between threads. A test checks the output equals Whoosh's own.
    """
    maxchars, surround, charlimit = fragmenter.maxchars, fragmenter.surround, fragmenter.charlimit
    first, firsts, countdown, matches, endchar, currentlen = None, deque(), -1, [], None, 0
    for word, startchar, endchar, pos in tokens:
        length = endchar - startchar
        if charlimit and endchar > charlimit:
            break
        matched = word in terms
        if countdown < 0 and not matched:
            firsts.append(startchar)
            while firsts and endchar - firsts[0] > surround:
                firsts.popleft()
        elif currentlen + length > maxchars:
            countdown = 0
        elif matched:
            countdown = surround
            if first is None:
                if firsts:
                    first = firsts[0]
                else:
                    first = startchar
                    countdown += surround
            matches.append(Token(positions=True, chars=True, text=word, startchar=startchar, endchar=endchar,
                                 pos=pos, boost=1.0, matched=True))
        if countdown >= 0:
            currentlen += length
            countdown -= length
            if countdown <= 0:
                yield highlight.mkfrag(text, matches, startchar=first, endchar=endchar)
                first, firsts, matches, currentlen = None, deque(), [], 0
    if matches:
        yield highlight.mkfrag(text, matches, startchar=first, endchar=endchar)


def _highlight_terms(q: wq.Query, synonyms: SynonymFilter | None) -> frozenset[str]:
    """The query's words, with each synonym-group token replaced by the words of its members.

    Snippets are analysed without the synonym filter (it is the costly part of analysis), so a
    search for "PPD" highlights "postpartum" and "depression" through the group's members.
    """
    try:
        terms = {t.decode() if isinstance(t, bytes) else t for f, t in q.iter_all_terms()
                 if f in ("text", "title", "phrasings", "body")}
    except Exception:  # some query types cannot list terms: no highlights then
        return frozenset()
    out = set()
    for t in terms:
        if synonyms is not None and t.startswith(SYNONYM_PREFIX) and t[len(SYNONYM_PREFIX):].isdigit():
            gi = int(t[len(SYNONYM_PREFIX):])
            if gi < len(synonyms.groups):
                out.update(w for member in synonyms.groups[gi] for w in member)
        else:
            out.add(t)
    return frozenset(out)


def _synonym_filter(analyzer) -> SynonymFilter | None:
    return next((f for f in getattr(analyzer, "items", []) if isinstance(f, SynonymFilter)), None)


def _run(s: Searcher, q: wq.Query, filt: wq.Query | None, req: SearchRequest, *, browse: bool) -> _Run:
    """One page of results with exact totals and facet counts: from the query's shared scored
    matches when they cover the page (indexer/matches.py), else by collecting through the filter."""
    if q is wq.NullQuery and not browse:
        return _Run()
    if browse:
        return _run_collecting(s, wq.Every(), filt, req, browse=True)
    masks = facet_masks(s.ixreader)
    found = matches_for(s, q, masks, TIME_LIMIT_S)
    if found is None:
        return _run_collecting(s, q, filt, req, browse=False)
    allowed = masks.all if filt is None else mask_of(s.docs_for_query(filt), masks.size)
    start = (req.page - 1) * req.per_page
    wanted = [(d, score) for d, score in found.scored if allowed >> d & 1]
    if not found.complete and len(wanted) < start + req.per_page:
        return _run_collecting(s, q, filt, req, browse=False)  # the page lies past the kept matches
    matched = found.mask & allowed
    out = _Run(total=matched.bit_count(), facets=masks.counts(matched))
    out.hits = _hits(s, q, [(s.stored_fields(d), score) for d, score in wanted[start:start + req.per_page]],
                     browse=False)
    return out


def _run_collecting(s: Searcher, q: wq.Query, filt: wq.Query | None, req: SearchRequest, *, browse: bool) -> _Run:
    out = _Run()
    limit = req.page * req.per_page
    masks = facet_masks(s.ixreader)
    # The filter wraps the collectors rather than joining the query: inside Require/And,
    # Whoosh's intersection matcher mis-scored long OR queries, and a filter given to
    # s.collector() is bypassed once a time-limit collector wraps it.
    if browse:
        inner = s.collector(limit=limit, sortedby=[sorting.FieldFacet("type"), sorting.FieldFacet("id")])
    else:
        inner = s.collector(limit=limit)
    timed = DeadlineCollector(inner, TIME_LIMIT_S)
    collector = FilterCollector(timed, filt) if filt is not None else timed
    try:
        s.search_with_collector(q, collector)
    except TimeLimit:
        out.timed_out = True
    results = collector.results()
    # Exact totals and facet counts from the set of matching documents, not the top N.
    matched = masks.all if browse else matching_mask(q, s, masks)
    if filt is not None:
        matched &= mask_of(s.docs_for_query(filt), masks.size)
    out.total = matched.bit_count()
    out.facets = masks.counts(matched)
    start = (req.page - 1) * req.per_page
    # Slice the scored top N directly: len(results) would re-run the query to count.
    out.hits = _hits(s, q, [(hit.fields(), hit.score) for hit in results[start:start + req.per_page]], browse=browse)
    return out


def _hits(s: Searcher, q: wq.Query, stored: list[tuple[dict, float | None]], *, browse: bool) -> list[Hit]:
    """Result rows from the records' stored fields and scores, each with its highlighted snippet."""
    terms = _highlight_terms(q, _synonym_filter(s.schema["body"].analyzer))
    plain = base_analyzer()
    return [Hit(
        type=f["type"], id=f["id"], title=f.get("title", ""),
        verdict=f.get("verdict"), certainty=f.get("certainty"), design=f.get("design"),
        year=f.get("year"), topics=[t for t in (f.get("topics") or "").split(",") if t],
        score=0.0 if browse else round(float(score or 0.0), 4), snippet=_snippet(f, terms, plain),
    ) for f, score in stored]


def suggest(s: Searcher, text: str) -> str | None:
    """The free text with unknown words replaced by the closest index words, or None."""
    # Only plain words are corrected: a wildcard ("ket*"), fuzzy ("ketamin~"), field ("foo:bar") or
    # regex token is query syntax, and "correcting" it gives nonsense such as "ket*" -> "kg*".
    plain_tokens = [t for t in text.split() if not re.search(r"[*?~:/\\^\[\]{}]", t)]
    words = re.findall(r"[^\W\d_]{3,}", " ".join(plain_tokens))
    if not words:
        return None
    changed = text
    reader = s.reader()
    corrector = s.corrector("spell")
    for word in dict.fromkeys(words):
        low = word.lower()
        if low in ("and", "or", "not") or reader.frequency("spell", low) > 0:
            continue
        options = corrector.suggest(low, limit=1, maxdist=2, prefix=1)
        if options:
            changed = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", options[0], changed)
    return changed if changed.lower() != text.lower() else None


def search(s: Searcher, builder: QueryBuilder, vocab: Vocabulary | None, req: SearchRequest) -> SearchResult:
    """Run one request on a searcher that this thread alone is using (Searchers are not thread-safe)."""
    req = req.clamped()
    parsed: ParsedQuery = parse(req.q, vocab, req.given_filters())
    filt = filter_query(parsed.filters)
    q = builder.build(parsed.text)
    browse = not parsed.text
    messages = list(parsed.messages)
    if parsed.text and q is wq.NullQuery:
        messages.append(f"Nothing searchable in {parsed.text!r}: try plain words, or a \"quoted phrase\".")
    suggestion, searched, searched_text = None, False, parsed.text
    # The correction depends only on the words and the build: every filter and page of a query shares it.
    corrected = remembered(s, ("suggest", parsed.text), lambda: suggest(s, parsed.text)) if parsed.text else None
    if corrected:
        # Search the typed words and their corrections together, so "ketamin breastfeding" finds
        # breastfeeding; the correction is also offered as "did you mean".
        suggestion = corrected
        widened = f"{parsed.text} {corrected}"
        run = _run(s, builder.build(widened, asked=parsed.text), filt, req, browse=False)
        if run.total and _run(s, q, filt, SearchRequest(per_page=1), browse=False).total == 0:
            # Nothing matched as typed: say that the results are the correction's.
            searched, searched_text = True, corrected
            messages.append(f"No results for {parsed.text!r}; showing results for {corrected!r}.")
    else:
        run = _run(s, q, filt, req, browse=browse)
    if run.timed_out:
        messages.append(f"The search took longer than {TIME_LIMIT_S:g} s; the results shown may be incomplete.")
    if run.total == 0 and not messages:
        messages.append("No claims or studies matched. Try fewer or different words, or remove a filter.")
    return SearchResult(
        query=clean(req.q)[0], total=run.total, suggestion=suggestion,
        suggestion_searched=searched, message=" ".join(messages) or None, page=req.page,
        per_page=req.per_page, filters=parsed.filters, results=run.hits, facets=run.facets,
        searched_text=searched_text, timed_out=run.timed_out,
    )
