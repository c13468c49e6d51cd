"""Plain-dict views of records for the JSON API (the twins of the HTML pages)."""
from __future__ import annotations

from typing import Any

from flask import url_for

from kb.models import Claim, Study
from webui import engine as kbe
from webui.pagedata.answers import claim_card
from webui.present import certainty_symbols, design_label, effect_text, feedback_url
from webui.references import format_reference


def _url(endpoint: str, **values: Any) -> str:
    return url_for(endpoint, _external=True, **values)


def cite_links(endpoint: str, **values: Any) -> dict[str, str]:
    return {fmt: _url(endpoint, fmt=fmt, **values) for fmt in ("ris", "bib", "json")}


def topic_ref(slug: str) -> dict[str, str]:
    return {"slug": slug, "label": kbe.topic_label(slug), "url": _url("topics.topic", slug=slug)}


def claim_summary(claim: Claim) -> dict[str, Any]:
    """The claim's answer card (without its kind) plus what lists and the API need."""
    summary = {k: v for k, v in claim_card(claim).items() if k != "kind"}
    return {**summary, "topics": list(claim.topics), "last_reviewed": claim.last_reviewed.isoformat(),
            "api_url": _url("api.claim", claim_id=claim.id)}


def study_summary(study: Study) -> dict[str, Any]:
    return {
        "key": study.key,
        "title": study.heading,
        "citation": study.short_citation,
        "year": study.year,
        "design": study.design,
        "design_label": design_label(study.design),
        "n": study.n,
        "population": study.population,
        "url": _url("studies.study", key=study.key),
        "api_url": _url("api.study", key=study.key),
    }


def claim_page(data: dict[str, Any]) -> dict[str, Any]:
    """The JSON twin of a claim page (`pagedata.claim`)."""
    claim, rows = data["claim"], data["rows"]
    out = claim_summary(claim)
    out.update({
        "topic_details": [topic_ref(t) for t in claim.topics],
        "certainty_symbols": certainty_symbols(claim.certainty),
        "bottom_line": claim.bottom_line.strip(),
        "what_copy_omits": list(claim.what_copy_omits),
        "accurate_wording": claim.accurate_wording.strip(),
        "what_would_change": claim.what_would_change.strip(),
        "phrasings": list(claim.phrasings),
        "evidence": [{
            "study": study_summary(study),
            "stance": link.stance,
            "finding": link.finding.strip(),
            "effect": link.effect.model_dump() if link.effect else None,
            "effect_text": effect_text(link.effect) or None,
        } for link, study in rows],
        "figures": [f.model_dump() for f in claim.figures],
        "related_claims": [c.id for c in data["related"]],
        "references": [format_reference(study) for _, study in rows],
        "forest": data["forest"].to_dict(),
        "history": data["history"],
        "review": data["review"],
        "date_modified": data["date_modified"],
        "watch": data["watch"],
        "report_problem": feedback_url(external=True, claim=claim.id),
        "cite": cite_links("export.claim_cite", claim_id=claim.id),
    })
    return out


def topic_page(data: dict[str, Any]) -> dict[str, Any]:
    """The JSON twin of a topic page (`pagedata.topic`): the answer card first, then claims and studies."""
    t = data["topic"]
    return {**topic_ref(t.slug), "description": t.description, "question": getattr(t, "question", None),
            "answer_card": data["card"],
            "claims": [claim_summary(c) for c in data["claims"]],
            "studies": [study_summary(s) for s in data["studies"]]}


def method(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "verdicts": [{"key": b.key, "label": b.label, "symbol": b.symbol, "definition": b.description, "rating": b.rating}
                     for b in data["verdicts"]],
        "certainty": data["certainty"],
        "stances": [{"key": b.key, "label": b.label, "definition": b.description} for b in data["stances"]],
        "designs": data["designs"],
    }


def study_detail(study: Study) -> dict[str, Any]:
    data = study.model_dump(exclude={"status"})
    data.update({
        "design_label": design_label(study.design),
        "reference": format_reference(study),
        "pubmed_url": study.pubmed_url,
        "doi_url": study.doi_url,
        "url": _url("studies.study", key=study.key),
        "source_url": study.url,
        "topic_details": [topic_ref(t) for t in study.topics],
        "claims": [{
            **claim_summary(c),
            "stance": link.stance,
            "finding": link.finding.strip(),
            "effect_text": effect_text(link.effect) or None,
        } for c in kbe.claims_citing(study.key) for link in c.evidence if link.study == study.key],
        "report_problem": feedback_url(external=True, study=study.key),
        "cite": cite_links("export.study_cite", key=study.key),
    })
    return data
