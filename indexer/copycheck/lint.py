"""Lint the checker's vocabulary with the index's own analyzer (run by `kb validate` via kb/cli.py).

kb/ cannot import the analyzer, so these rules live here and the composition root adds them:
- error: a term with no word in it, or a concept, slot or `unless` list that compiles to nothing; an "@name"
  entry (a concept's terms in a claim's list) that names no concept
  (a claim whose slot can never be filled would silently never be flagged); a `subject` that names
  no concept;
- warning: a term whose words are all stop words ("while", "after"): it is matched as written;
- warning: a term that analyses exactly like another term of the same list (redundant);
- warning: a synonym group member (kb/topics.yaml) that loses words to the stop list, so that it
  matches far more than it says ("out-of-body" would stand for every "body").
"""
from __future__ import annotations

import re

from indexer.analysis import analyse, text_analyzer
from indexer.copycheck.concepts import compile_term
from kb.loader import KnowledgeBase, Problem, display_path


def lint_problems(kb: KnowledgeBase, notes: bool = False) -> list[Problem]:
    """Errors always; with `notes`, also the stop-word and redundancy warnings (curators' clean-up list)."""
    synonyms = kb.vocabulary.synonyms if kb.vocabulary else []
    analyzer = text_analyzer(synonyms)

    def tokens(text: str) -> tuple[str, ...]:
        return tuple(t.text for t in analyzer(text.lstrip("="), mode="query"))

    out: list[Problem] = []
    concept_names = {c.name for c in kb.concepts.concepts} if kb.concepts else set()

    def check_list(kind: str, key: str, loc: list, terms: list[str], what: str, required: bool) -> None:
        src = kb.source(kind, key)
        if src is None:
            return
        path = display_path(src.path)
        seen: dict[tuple[str, ...], str] = {}
        compiled = 0
        for i, term in enumerate(terms):
            line = src.line_of([*loc, i])
            if term.startswith("@"):
                if kind != "claim":  # a concept takes another's terms with `include`
                    out.append(Problem(path, line, f"{what}: {term!r}: a concept includes another with `include`"))
                elif term[1:] in concept_names:
                    compiled += 1
                else:
                    out.append(Problem(path, line, f"{what}: {term!r} names no concept of kb/concepts.yaml"))
                continue
            if compile_term(term, tokens) is None:
                out.append(Problem(path, line, f"{what}: {term!r} has no word in it and can never match"))
                continue
            compiled += 1
            toks = tokens(term)
            if not notes:
                continue
            if not toks and not term.startswith("="):
                out.append(Problem(path, line, f"{what}: {term!r} is all stop words, so it is matched as written "
                                               "(prefix it with '=' to say so)", "warning"))
            elif toks and not term.startswith("=") and not re.search(r"\bn't\b|\bnot\b|\bno\b", term):
                if toks in seen:
                    out.append(Problem(path, line, f"{what}: {term!r} analyses like {seen[toks]!r} (redundant)", "warning"))
                seen.setdefault(toks, term)
        if required and terms and not compiled:
            out.append(Problem(path, src.line_of(loc), f"{what}: no term can ever match"))

    if kb.concepts:
        for i, c in enumerate(kb.concepts.concepts):
            check_list("concepts", "concepts", ["concepts", i, "terms"], c.terms, f"concept {c.name}", True)
        names = {c.name for c in kb.concepts.concepts}
        src = kb.source("concepts", "concepts")
        if kb.concepts.subject is not None and kb.concepts.subject not in names and src is not None:
            out.append(Problem(display_path(src.path), src.line_of(["subject"]),
                               f"subject: {kb.concepts.subject!r} is not a concept of this file"))
    for cid, claim in kb.claims.items():
        for fi, frame in enumerate(claim.frames):
            check_list("claim", cid, ["frames", fi, "unless"], frame.unless, f"frames.{fi}.unless", False)
            for si, slot in enumerate(frame.slots):
                where = f"frames.{fi}.slots.{si}"
                check_list("claim", cid, ["frames", fi, "slots", si, "also"], slot.also, f"{where}.also",
                           slot.concept is None and slot.figure is None)
                check_list("claim", cid, ["frames", fi, "slots", si, "unless"], slot.unless, f"{where}.unless", False)
                check_list("claim", cid, ["frames", fi, "slots", si, "carry_when"], slot.carry_when, f"{where}.carry_when",
                           False)
    src = kb.source("vocabulary", "topics")
    if src is not None:
        for gi, group in enumerate(synonyms):
            for ti, term in enumerate(group):
                words = re.findall(r"\w+", term)
                if len(words) > 1 and len(analyse(term)) < len(words) and len(analyse(term)) <= 1:
                    out.append(Problem(display_path(src.path), src.line_of(["synonyms", gi, ti]),
                                       f"synonyms: {term!r} keeps only {analyse(term)} after stop words, so it "
                                       "matches far more than it says", "warning"))
    return out
