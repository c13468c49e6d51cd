"""The vocabulary's `related` groups (kb/topics.yaml) at query time: close words that search adds,
at a lower weight, to a typed word or phrase, scored together as one word (RelatedWords).

A member may be a phrase ("come back"): QueryBuilder finds it in typed text by its analysed words
and searches it as a phrase. related_problems is `kb validate`'s check of the members.
"""
from __future__ import annotations

from whoosh import matching
from whoosh import query as wq

from indexer.analysis import search_analyzer
from kb.loader import KnowledgeBase, Problem, display_path


def related_form(analyzer, term: str) -> tuple[str, ...]:
    """A `related` member as search reads it: its analysed words, with synonym phrases as one token."""
    return tuple(t.text for t in analyzer(term, mode="query"))


def related_problems(kb: KnowledgeBase) -> list[Problem]:
    """`kb validate` (via kb/cli.py): `related` members search would ignore or read otherwise than written.

    error: a member with no searchable word ("again", "a few"), which search leaves out;
    warning: a member that starts or ends with a stop word, which it loses: "kick in" is read as
    every "kick". (A stop word inside is harmless: "reduce the risk" is the phrase "reduce risk".)
    """
    vocab = kb.vocabulary
    src = kb.source("vocabulary", "topics") if vocab else None
    if src is None:
        return []
    analyzer = search_analyzer(vocab.synonyms)
    out = []
    for gi, group in enumerate(vocab.related):
        for ti, term in enumerate(group):
            where = (display_path(src.path), src.line_of(["related", gi, ti]))
            toks = [(t.text, t.stopped) for t in analyzer(term, mode="query", removestops=False)]
            stopped = [word for word, stop in dict.fromkeys((toks[0], toks[-1])) if stop] if len(toks) > 1 else []
            if not related_form(analyzer, term):
                out.append(Problem(*where, f"related.{gi}.{ti}: {term!r} has no word search can use (stop words "
                                           "only), so search ignores it"))
            elif stopped:
                out.append(Problem(*where, f"related.{gi}.{ti}: {term!r} loses the stop word(s) "
                                           f"{', '.join(map(repr, stopped))}, so search reads it as "
                                           f"{' '.join(related_form(analyzer, term))!r}", "warning"))
    return out


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
        leaves, weights, bounds = [], [], []
        for sub in subs:
            words = _words(sub)
            m = sub.matcher(searcher, context) if len(words) == 1 else _PhraseCount.of(sub, searcher, context)
            if m.is_active():
                leaves.append(m)
                weights.append(sub.boost / typed.boost)
                infos = [searcher.term_info(field, w) for w in words]
                # A phrase occurs no more often than its least frequent word, in records no shorter
                # than its words' records.
                bounds.append((min(i.max_weight() for i in infos), max(i.min_length() for i in infos)))
        if not leaves:
            return matching.NullMatcher()
        weighting = context.weighting if context is not None and context.weighting else searcher.weighting
        scorer = weighting.scorer(searcher, field, _words(typed)[0])
        if not hasattr(scorer, "_score"):  # a field without lengths: plain OR scoring
            return super()._matcher(subs, searcher, context)
        index = searcher.get_parent()  # rarity is a whole-index statistic, as for single words
        # A phrase is taken to be as rare as its rarest word: it is at least that rare.
        scorer.idf = min(max(index.idf(field, w) for w in _words(sub)) for sub in subs
                         if all(index.doc_frequency(field, w) for w in _words(sub)))
        # An upper bound for the group's score, so Whoosh can still skip records that cannot rank.
        top = scorer._score(sum(w * most for w, (most, _) in zip(weights, bounds)), min(least for _, least in bounds))
        boost = typed.boost * self.boost
        return _RelatedMatcher(leaves, weights, scorer, boost, top * boost)


def _words(q: wq.Query) -> list[str]:
    return [q.text] if type(q) is wq.Term else list(q.words)


class _PhraseCount(matching.WrappingMatcher):
    """A phrase's postings with its number of occurrences in the record as the weight (a word's
    frequency), where Whoosh's phrase matcher weighs by its words' frequencies."""

    @classmethod
    def of(cls, phrase: wq.Phrase, searcher, context) -> matching.Matcher:
        m = wq.Phrase(phrase.fieldname, phrase.words, slop=phrase.slop).matcher(searcher, context)
        return cls(m) if m.is_active() else matching.NullMatcher()

    def weight(self):
        return len(self.child.spans())


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
