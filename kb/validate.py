"""Cross-record rules: what no single record's schema can check on its own."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from kb.loader import DEFAULT_ROOT, KnowledgeBase, Problem, display_path, load
from kb.models import CURATED_REQUIRED, normalise_doi


def validate(root: Path | str = DEFAULT_ROOT) -> KnowledgeBase:
    """Load the KB and add every cross-record problem to `kb.problems`, sorted by file and line."""
    kb = load(root)
    kb.problems.extend(cross_record_problems(kb))
    kb.problems.extend(claim_review_problems(kb))
    kb.problems.extend(concept_problems(kb))
    kb.problems.sort()
    return kb


def _at(kb: KnowledgeBase, kind: str, key: str, loc=()) -> tuple[str, int]:
    src = kb.source(kind, key)
    return display_path(src.path), src.line_of(loc)


def cross_record_problems(kb: KnowledgeBase) -> list[Problem]:
    out: list[Problem] = []

    def err(kind, key, loc, message, severity="error"):
        path, line = _at(kb, kind, key, loc)
        out.append(Problem(path, line, message, severity))

    known_topics = {t.slug for t in kb.vocabulary.topics} if kb.vocabulary else None
    if kb.vocabulary:
        seen: dict[str, int] = {}
        for i, group in enumerate(kb.vocabulary.synonyms):
            for term in group:
                t = term.lower()
                if t in seen and seen[t] != i:
                    err("vocabulary", "topics", ["synonyms", i], f"synonyms: {term!r} is in two groups", "warning")
                seen[t] = i
        slugs = [t.slug for t in kb.vocabulary.topics]
        for i, slug in enumerate(slugs):
            if slugs.index(slug) != i:
                err("vocabulary", "topics", ["topics", i], f"duplicate topic slug {slug!r}")

    by_pmid: dict[str, list[str]] = defaultdict(list)
    by_doi: dict[str, list[str]] = defaultdict(list)
    for key, study in kb.studies.items():
        if study.pmid:
            by_pmid[study.pmid].append(key)
        if study.doi:
            by_doi[normalise_doi(study.doi)].append(key)
        if known_topics is not None:
            for i, topic in enumerate(study.topics):
                if topic not in known_topics:
                    err("study", key, ["topics", i], f"topics.{i}: unknown topic {topic!r} (not in topics.yaml)")
        if study.is_curated:
            for name in CURATED_REQUIRED:
                if getattr(study, name) in (None, [], ""):
                    err("study", key, [name] if name in kb.source("study", key).node else [],
                        f"{name}: a curated study must have {name} (or set status: draft)")
    for ident, keys, field in [(p, k, "pmid") for p, k in by_pmid.items()] + [(d, k, "doi") for d, k in by_doi.items()]:
        if len(keys) > 1:
            for key in keys[1:]:
                err("study", key, [field], f"{field}: duplicate {field} {ident} (also study {keys[0]!r})")

    cited: set[str] = set()
    for cid, claim in kb.claims.items():
        if known_topics is not None:
            for i, topic in enumerate(claim.topics):
                if topic not in known_topics:
                    err("claim", cid, ["topics", i], f"topics.{i}: unknown topic {topic!r} (not in topics.yaml)")
        seen_studies: set[str] = set()
        for i, link in enumerate(claim.evidence):
            cited.add(link.study)
            study = kb.studies.get(link.study)
            if study is None:
                err("claim", cid, ["evidence", i, "study"], f"evidence.{i}.study: no study record {link.study!r}")
            elif not study.is_curated:
                err("claim", cid, ["evidence", i, "study"],
                    f"evidence.{i}.study: {link.study!r} is a draft; only curated studies can be cited")
            if link.study in seen_studies:
                err("claim", cid, ["evidence", i, "study"], f"evidence.{i}.study: {link.study!r} is linked twice")
            seen_studies.add(link.study)
        if claim.verdict != "unsupported" and not claim.evidence:
            err("claim", cid, ["verdict"], f"verdict: {claim.verdict!r} needs at least one evidence link")
        for name in ("related_claims", "yields_to"):
            for i, other in enumerate(getattr(claim, name)):
                if other not in kb.claims:
                    err("claim", cid, [name, i], f"{name}.{i}: no claim {other!r}")
        for i, rule in enumerate(claim.also_when):
            if rule.claim not in kb.claims or rule.claim == cid:
                err("claim", cid, ["also_when", i, "claim"], f"also_when.{i}.claim: no other claim {rule.claim!r}")
            if kb.concepts and rule.names not in {c.name for c in kb.concepts.concepts}:
                err("claim", cid, ["also_when", i, "names"], f"also_when.{i}.names: no concept {rule.names!r}")
        if claim.elsewhere is not None and (claim.elsewhere not in kb.claims or claim.elsewhere == cid):
            err("claim", cid, ["elsewhere"], f"elsewhere: no other claim {claim.elsewhere!r}")
        frame_problems(kb, cid, claim, err)

    for key, study in kb.studies.items():
        if study.is_curated and key not in cited:
            err("study", key, ["key"], f"study {key!r} is not cited by any claim", "warning")
    return out


def frame_problems(kb: KnowledgeBase, cid: str, claim, err) -> None:
    """Structural rules for a claim's copy-checker frames (kb/concepts.yaml names must exist).

    Whether each term analyses to something is checked with the index's analyzer by
    indexer/copycheck/lint.py, which `kb validate` runs from the composition root (kb/cli.py).
    """
    known = {c.name for c in kb.concepts.concepts} if kb.concepts else set()
    if not claim.frames:
        err("claim", cid, ["id"], "frames: none, so the copy checker cannot recognise this claim in copy "
            "(see docs/checker.md)", "warning")
    for fi, frame in enumerate(claim.frames):
        for si, slot in enumerate(frame.slots):
            if slot.concept and slot.concept not in known:
                err("claim", cid, ["frames", fi, "slots", si, "concept"],
                    f"frames.{fi}.slots.{si}.concept: no concept {slot.concept!r} in kb/concepts.yaml")
    for i, text in enumerate(claim.phrasing_only):
        if text not in claim.phrasings:
            err("claim", cid, ["phrasing_only", i], f"phrasing_only.{i}: {text!r} is not one of the phrasings")


def concept_problems(kb: KnowledgeBase) -> list[Problem]:
    """kb/concepts.yaml: unique names, known `include`s, no include cycles."""
    out: list[Problem] = []
    if not kb.concepts:
        return out
    names = [c.name for c in kb.concepts.concepts]
    src = kb.source("concepts", "concepts")
    for i, c in enumerate(kb.concepts.concepts):
        where = (display_path(src.path), src.line_of(["concepts", i]))
        if names.index(c.name) != i:
            out.append(Problem(*where, f"concepts.{i}: duplicate concept name {c.name!r}"))
        for other in c.include:
            if other not in names:
                out.append(Problem(*where, f"concepts.{i}.include: no concept {other!r}"))
            elif other == c.name:
                out.append(Problem(*where, f"concepts.{i}.include: {c.name!r} includes itself"))
    return out


# How each verdict is said in words at the start of a claim's `answer` ("Partly: little ketamine ...").
ANSWER_OPENINGS: dict[str, tuple[str, ...]] = {
    "supported": ("Yes",),
    "partly-supported": ("Partly",),
    "mixed": ("Mixed", "Unclear"),
    "unsupported": ("Not shown", "Unproven"),
    "contradicted": ("No",),
}
ANSWER_MAX_CHARS = 320  # one sentence a reader takes in at a glance


def claim_review_problems(kb: KnowledgeBase) -> list[Problem]:
    """The answer agrees with the verdict; the history is a dated chain ending at the current verdict."""
    out: list[Problem] = []

    def err(cid, loc, message, severity="error"):
        path, line = _at(kb, "claim", cid, loc)
        out.append(Problem(path, line, message, severity))

    for cid, claim in kb.claims.items():
        openings = ANSWER_OPENINGS[claim.verdict]
        if not re.match(rf"^(?:{'|'.join(map(re.escape, openings))})\b", claim.answer):
            err(cid, ["answer"], f"answer: should open with the verdict in words for {claim.verdict!r} "
                f"({' or '.join(repr(o) for o in openings)}), e.g. \"{openings[0]}: ...\"")
        if len(claim.answer) > ANSWER_MAX_CHARS:
            err(cid, ["answer"], f"answer: {len(claim.answer)} characters; keep it to one sentence "
                f"(at most {ANSWER_MAX_CHARS})", "warning")
        for i, entry in enumerate(claim.history):
            if entry.date > claim.last_reviewed:
                err(cid, ["history", i, "date"], f"history.{i}.date: {entry.date} is after last_reviewed "
                    f"{claim.last_reviewed}")
            if i and entry.date < claim.history[i - 1].date:
                err(cid, ["history", i, "date"], f"history.{i}.date: entries must be in date order, oldest first")
            if i and (entry.previous_verdict, entry.previous_certainty) != (
                    claim.history[i - 1].verdict, claim.history[i - 1].certainty):
                err(cid, ["history", i], f"history.{i}: previous verdict/certainty should be what entry {i - 1} "
                    f"set ({claim.history[i - 1].verdict}, {claim.history[i - 1].certainty})")
        if claim.history and (claim.history[-1].verdict, claim.history[-1].certainty) != (claim.verdict, claim.certainty):
            last = len(claim.history) - 1
            err(cid, ["history", last], f"history.{last}: the latest entry sets {claim.history[-1].verdict}, "
                f"{claim.history[-1].certainty} but the claim says {claim.verdict}, {claim.certainty}")
        cited = {link.study for link in claim.evidence}
        for i, left_out in enumerate(claim.excluded_evidence):
            if left_out.source in cited:
                err(cid, ["excluded_evidence", i, "source"], f"excluded_evidence.{i}.source: "
                    f"{left_out.source!r} is also cited in evidence")
    return out
