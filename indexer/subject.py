"""The knowledge base's subject in search: a query that names no other treatment is about ketamine or esketamine.

The copy checker reads a sentence naming no treatment as being about the KB's subject (kb/concepts.yaml `subject`);
search does the same. "side effects", "Are there side effects?" or "How long does it last?" ask about ketamine here,
yet a claim about another treatment ("SSRIs have a long list of side effects") can share the words and outrank the
claims they ask about. So, unless the query itself names another treatment, the claims and studies about other
treatments score `OTHER_TREATMENT_SCALE` times their score: still found, ranked below a record about the subject that
matches as well.

Which records are about another treatment comes from the records, not a list: a claim every one of whose frames has a
slot for another treatment (antidepressants, TMS, ECT, zuranolone, brexanolone) and none for the subject's family, and
a study only such claims cite (an SSRI review, an rTMS trial).
"""
from __future__ import annotations

from types import SimpleNamespace

from whoosh import query as wq

from indexer.analysis import text_analyzer
from indexer.copycheck.concepts import NOT_DRUGS, Lexicon, SentenceTokens
from indexer.reorder import ScaledMatcher

# Chosen on the development sets (people's own questions, the written queries): 0.9 moved the side-effect questions'
# answers above the SSRI claim without reordering the rest (docs/benchmarks.md, "The KB's subject in search").
OTHER_TREATMENT_SCALE = 0.9


class SubjectLens:
    """The subject's family, the other treatments' terms, and the claims about other treatments, from one KB."""

    def __init__(self, kb):
        concepts = kb.concepts
        # the checker's analysis (copycheck/pipeline.py), so a concept's terms match here as they do in copy
        analyzer = self.analyzer = text_analyzer(kb.vocabulary.synonyms if kb.vocabulary else ())
        # the treatments alone: the rest of the lexicon is the checker's, and compiling it would slow every index opening
        treatments_only = (SimpleNamespace(concepts=[c for c in concepts.concepts if c.category == "treatment"])
                           if concepts else None)
        self.lexicon = Lexicon(treatments_only, lambda text: [t.text for t in analyzer(text, mode="query")])
        subject = concepts.subject if concepts else None
        treatments = set(self.lexicon.names("treatment"))
        family: set[str] = set()
        if subject in self.lexicon.concepts:
            subject_terms = {t.text for t in self.lexicon.terms[subject]}
            # the subject, what it includes, and forms sharing its words ("racemic ketamine")
            family = {n for n in treatments if n == subject or subject_terms & {t.text for t in self.lexicon.terms[n]}}
        self.family = frozenset(family)
        self.others = frozenset(treatments - family - NOT_DRUGS)
        self.other_claims = frozenset(
            c.id for c in kb.claims.values()
            if c.frames and all(self._about_other(f) for f in c.frames))
        citing: dict[str, set[str]] = {}
        for c in kb.claims.values():
            for link in c.evidence:
                citing.setdefault(link.study, set()).add(c.id)
        self.other_studies = frozenset(key for key in kb.curated_studies
                                       if citing.get(key) and citing[key] <= self.other_claims)
        # the index documents to scale: (type, id), as indexer/schema.py stores them
        self.other_documents = frozenset({("claim", i) for i in self.other_claims}
                                         | {("study", k) for k in self.other_studies})

    def _about_other(self, frame) -> bool:
        named = {s.concept for s in frame.slots if s.concept}
        return bool(named & self.others) and not named & self.family

    def names_other(self, text: str) -> bool:
        """Whether the text names a treatment outside the subject's family ("SSRIs", "Zurzuvae", "TMS")."""
        if not self.others or not text.strip():
            return False
        tokens = SentenceTokens.of(text, self.analyzer)
        return any(tokens.find(term) for name in self.others for term in self.lexicon.terms.get(name, ()))

    def prefer_subject(self, q: wq.Query, text: str) -> wq.Query:
        """`q` with the records about other treatments scaled down, unless `text` names another treatment."""
        if not self.other_documents or q is wq.NullQuery or self.names_other(text):
            return q
        return SubjectPreferred(q, self.other_documents, OTHER_TREATMENT_SCALE)


class SubjectPreferred(wq.WrappingQuery):
    """The child query's matches, the documents in `ids` ((type, id) pairs) scored `scale` times: the same matches,
    reordered."""

    same_matches = True  # indexer/reorder.py: totals and facets read the child's postings

    def __init__(self, child: wq.Query, ids: frozenset[tuple[str, str]], scale: float):
        self.child = child
        self.ids = ids
        self.scale = scale

    def __eq__(self, other):
        return (other.__class__ is self.__class__ and self.child == other.child and self.ids == other.ids
                and self.scale == other.scale)

    def __hash__(self):
        return hash((self.__class__.__name__, self.child, self.ids, self.scale))

    def __repr__(self):
        return f"{self.__class__.__name__}({self.child!r}, {len(self.ids)} ids, {self.scale})"

    def _rewrap(self, child):
        return self.__class__(child, self.ids, self.scale)

    def matcher(self, searcher, context=None):
        child = self.child.matcher(searcher, context)
        scaled = {d for kind, i in self.ids for d in searcher.document_numbers(id=i, type=kind)}
        # a scale of at most 1 only lowers scores, so the child's block qualities stay upper bounds
        return ScaledMatcher(child, dict.fromkeys(scaled, self.scale)) if scaled else child
