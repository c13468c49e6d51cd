"""One data function per page. The HTML view renders what it returns; the /api twin serialises it.

Each function takes the request's query arguments (a mapping) where the page has any, parses paging,
sorting and filters once (`listing`), and returns a dict of records and derived values.
"""
from __future__ import annotations

from typing import Any, Mapping

from flask import abort, url_for

from kb.models import CERTAINTY_LEVELS, DESIGN_LABELS
from webui import charts, engine as kbe, searching, watching
from webui.pagedata import answers
from webui.pagedata.listing import CLAIM_SORTS, choice, list_args, page_of
from webui.present import CERTAINTY_LABELS, CERTAINTY_MEANING, STANCES, VERDICTS, certainty_symbols, design_rank, sort_evidence
from webui.references import format_reference


def home() -> dict[str, Any]:
    """Every claim grouped by its primary topic, topics in vocabulary order."""
    kb = kbe.knowledge_base()
    groups = kb.claims_by_topic()
    order = [t.slug for t in kb.vocabulary.topics] if kb.vocabulary else []
    slugs = [s for s in order if s in groups] + sorted(s for s in groups if s not in order)
    return {"groups": [{"slug": s, "label": kbe.topic_label(s), "claims": groups[s]} for s in slugs]}


def method() -> dict[str, Any]:
    return {
        "verdicts": list(VERDICTS.values()),
        "certainty": [{"key": k, "label": CERTAINTY_LABELS[k], "symbols": certainty_symbols(k), "definition": CERTAINTY_MEANING[k]}
                      for k in sorted(CERTAINTY_LEVELS, key=lambda k: -CERTAINTY_LEVELS[k])],
        "stances": list(STANCES.values()),
        "designs": [{"key": k, "label": v} for k, v in DESIGN_LABELS.items()],
    }


def claims(args: Mapping[str, Any], endpoint: str = "api.claims") -> dict[str, Any]:
    """Every claim (by id), filtered by ?topic= and ?verdict=; `listing` is the requested page of them."""
    largs = list_args(args, ("topic", "verdict"))
    topic, verdict = largs.filters.get("topic"), largs.filters.get("verdict")
    items = [c for c in sorted(kbe.claims().values(), key=lambda c: c.id)
             if (not topic or topic in c.topics) and (not verdict or c.verdict == verdict)]
    return {"claims": items, "listing": page_of(items, largs, endpoint)}


def claim(claim_id: str, args: Mapping[str, Any]) -> dict[str, Any]:
    c = kbe.claim_or_404(claim_id)
    sort = choice(args, "sort", CLAIM_SORTS)
    linked = kbe.linked_evidence(c)
    rows = sort_evidence(linked, sort)
    by_design = sort_evidence(linked, "design")
    return {
        "claim": c,
        "card": answers.claim_card(c),
        "rows": rows,
        "by_design": by_design,
        "sort": sort,
        "permalink": url_for("claims.claim", claim_id=c.id, _external=True),
        "related": [kbe.claims()[r] for r in c.related_claims if r in kbe.claims()],
        "references": [(study, format_reference(study)) for _, study in by_design],
        "forest": charts.forest_data(by_design),
        "history": answers.verdict_history(c),
        "review": answers.review_status(c),
        "date_modified": answers.date_modified(c),
        "watch": watching.watch_queue_for(c.id),  # what `kb watch` found since the last review
    }


def ordered_studies() -> list:
    return sorted(kbe.curated_studies().values(), key=lambda s: (-design_rank(s.design), -(s.year or 0), s.key))


def studies(args: Mapping[str, Any], endpoint: str = "api.studies") -> dict[str, Any]:
    """Curated studies, strongest designs first, filtered by ?topic= and ?design=."""
    largs = list_args(args, ("topic", "design"))
    topic, design = largs.filters.get("topic"), largs.filters.get("design")
    items = [s for s in ordered_studies() if (not topic or topic in s.topics) and (not design or s.design == design)]
    return {"studies": items, "listing": page_of(items, largs, endpoint)}


def study(key: str) -> dict[str, Any]:
    s = kbe.study_or_404(key)
    bearing = [(c, link) for c in kbe.claims_citing(s.key) for link in c.evidence if link.study == s.key]
    return {"study": s, "reference": format_reference(s), "bearing": bearing}


def topics() -> dict[str, Any]:
    kb = kbe.knowledge_base()
    curated = kbe.curated_studies().values()
    return {"topics": [{"topic": t, "claims": sum(1 for c in kb.claims.values() if t.slug in c.topics),
                        "studies": sum(1 for s in curated if t.slug in s.topics)}
                       for t in (kb.vocabulary.topics if kb.vocabulary else [])]}


def topic(slug: str) -> dict[str, Any]:
    kb = kbe.knowledge_base()
    t = kb.vocabulary.topic(slug) if kb.vocabulary else None
    if t is None:
        abort(404, description=f"There is no topic “{slug}”.")
    topic_claims = answers.topic_claims(kb, slug)
    topic_studies = sorted((s for s in kbe.curated_studies().values() if slug in s.topics),
                           key=lambda s: (-design_rank(s.design), -(s.year or 0), s.key))
    return {"topic": t, "claims": topic_claims, "studies": topic_studies, "card": answers.topic_card(t, topic_claims)}


def search(args: Mapping[str, Any]) -> dict[str, Any]:
    """The engine's result for the query and filters, and the answer card when one claim or topic is targeted."""
    params = searching.params_from(args)
    result = searching.run(params)
    return {"params": params, "result": result, "answer_card": answers.search_target(result, kbe.knowledge_base())}
