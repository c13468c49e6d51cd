"""Query wrappers that only reorder the matches of the words' query (indexer/subject.py, indexer/meaning.py).

Such a wrapper sets `same_matches = True`: totals and facets read the words' own postings (`words_query`), and its
matcher (`ScaledMatcher`) multiplies each document's score by a factor.
"""
from __future__ import annotations

from whoosh import matching
from whoosh import query as wq


def words_query(q: wq.Query) -> wq.Query:
    """The query of the words, under the wrappers that only reorder its matches."""
    while getattr(q, "same_matches", False):
        q = q.child
    return q


class ScaledMatcher(matching.WrappingMatcher):
    """The child's matches, each document's score times its factor (1 where it has none). Its boost is the largest
    factor (at least 1), so the qualities WrappingMatcher reports (the child's times the boost) stay upper bounds and the
    thresholds it passes down are divided by it: top-N collection may still skip blocks."""

    def __init__(self, child, factors: dict[int, float], top: float = 1.0):
        super().__init__(child, boost=max(top, 1.0))
        self.factors = factors

    def copy(self):
        return self.__class__(self.child.copy(), self.factors, self.boost)

    def _replacement(self, newchild):
        return self.__class__(newchild, self.factors, self.boost)

    def replace(self, minquality=0):
        r = self.child.replace(minquality / self.boost)
        return self if r is self.child else self._replacement(r)

    def weight(self):
        return self.child.weight() * self.factors.get(self.child.id(), 1.0)

    def score(self):
        return self.child.score() * self.factors.get(self.child.id(), 1.0)
