"""A hand-written OpenAPI 3.1 description of the JSON API (served at /api/openapi.json)."""
from __future__ import annotations

from typing import Any

from kb import limits, vocab

VERDICTS = list(vocab.VERDICTS)
CERTAINTIES = list(vocab.CERTAINTIES)
STANCES = list(vocab.STANCES)
DESIGNS = list(vocab.DESIGNS)


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    text = {400: "Bad request", 403: "Wrong deletion key", 404: "Not found", 405: "Method not allowed", 410: "Expired",
            413: "Request too large",
            415: "Unsupported media type", 429: "Rate limit exceeded", 503: "Busy, try again"}
    return {str(c): _json(_ref("Error"), text[c]) for c in codes}


STR = {"type": "string"}
INT = {"type": "integer"}
# The numbers come from the one limits table (kb/limits.py), so the contract cannot drift from the code.
PAGE = {"name": "page", "in": "query", "required": False,
        "description": f"1-based page number (clamped to 1..{limits.LIST_MAX_PAGE}; search results to "
                       f"1..{limits.SEARCH_MAX_PAGE})",
        "schema": {"type": "integer", "minimum": 1, "default": 1}}
PER_PAGE = {"name": "per_page", "in": "query", "required": False,
            "description": f"Items per page (clamped to 1..{limits.MAX_PER_PAGE})",
            "schema": {"type": "integer", "minimum": 1, "maximum": limits.MAX_PER_PAGE, "default": limits.PER_PAGE}}


def _q(name: str, description: str, enum: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if enum:
        schema["enum"] = enum
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def _path(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": description, "schema": {"type": "string"}}


def _list_of(item: str) -> dict[str, Any]:
    return {"type": "object", "required": ["data", "meta", "links"], "properties": {
        "data": {"type": "array", "items": _ref(item)},
        "meta": _ref("PageMeta"),
        "links": {"type": "object", "additionalProperties": STR},
    }}


SCHEMAS: dict[str, Any] = {
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["code", "message"],
        "properties": {"code": {"type": "string", "examples": ["not_found"]}, "message": STR}}}},
    "PageMeta": {"type": "object", "required": ["page", "per_page", "total", "pages"], "properties": {
        "page": INT, "per_page": INT, "total": INT, "pages": INT, "filters": {"type": "object"}}},
    "TopicRef": {"type": "object", "required": ["slug", "label", "url"], "properties": {"slug": STR, "label": STR, "url": STR}},
    "ClaimSummary": {"type": "object", "required": ["id", "statement", "verdict", "certainty", "url"], "properties": {
        "id": STR, "statement": STR, "verdict": {"type": "string", "enum": VERDICTS}, "verdict_label": STR,
        "certainty": {"type": "string", "enum": CERTAINTIES}, "certainty_label": STR,
        "topics": {"type": "array", "items": STR}, "last_reviewed": {"type": "string", "format": "date"},
        "answer": {"type": "string", "description": "the claim's one-sentence answer, opening with the verdict in words"},
        "url": STR, "api_url": STR}},
    "StudySummary": {"type": "object", "required": ["key", "title", "design", "url"], "properties": {
        "key": STR, "title": STR, "citation": STR, "year": _nullable(INT), "design": {"type": "string", "enum": DESIGNS},
        "design_label": STR, "n": _nullable(INT), "population": _nullable(STR), "url": STR, "api_url": STR}},
    "Effect": {"type": "object", "required": ["measure", "value"], "properties": {
        "measure": {"type": "string", "enum": ["RR", "OR", "HR", "MD", "SMD", "RD", "RID%", "proportion%", "NNT"]},
        "value": {"type": "number"}, "ci_low": _nullable({"type": "number"}), "ci_high": _nullable({"type": "number"}),
        "outcome": _nullable(STR), "timepoint": _nullable(STR)}},
    "Figure": {"type": "object", "properties": {"kind": STR, "low": {"type": "number"}, "high": {"type": "number"},
                                                "unit": STR, "about": STR, "source": STR}},
    "CiteLinks": {"type": "object", "properties": {"ris": STR, "bib": STR, "json": STR}},
    "HistoryEntry": {"type": "object", "required": ["date", "verdict", "certainty", "change", "reason"], "properties": {
        "date": {"type": "string", "format": "date"},
        "previous_verdict": _nullable({"type": "string", "enum": VERDICTS}),
        "previous_certainty": _nullable({"type": "string", "enum": CERTAINTIES}),
        "verdict": {"type": "string", "enum": VERDICTS}, "certainty": {"type": "string", "enum": CERTAINTIES},
        "change": STR, "reason": STR}},
    "ClaimAnswerCard": {"type": "object", "required": ["kind", "id", "answer", "verdict", "certainty", "url"], "properties": {
        "kind": {"const": "claim"}, "id": STR, "statement": STR, "answer": STR,
        "verdict": {"type": "string", "enum": VERDICTS}, "verdict_label": STR,
        "certainty": {"type": "string", "enum": CERTAINTIES}, "certainty_label": STR, "url": STR}},
    "TopicAnswerCard": {"type": "object", "required": ["kind", "slug", "question", "claims"], "properties": {
        "kind": {"const": "topic"}, "slug": STR, "label": STR, "question": STR, "answer": _nullable(STR), "url": STR,
        "claims": {"type": "array", "items": _ref("ClaimAnswerCard")}}},
    "ForestRow": {"type": "object", "properties": {
        "study": STR, "measure": STR, "value": {"type": "number"}, "ci_low": _nullable({"type": "number"}),
        "ci_high": _nullable({"type": "number"}), "outcome": _nullable(STR), "direction": _nullable(STR),
        "stance": {"type": "string", "enum": STANCES}, "reason": STR}},
    "WatchQueue": {"type": "object", "description": "PubMed records newer than the last review, not yet assessed (kb watch)",
                   "properties": {"query": _nullable(STR), "last_reviewed": {"type": "string", "format": "date"},
                                  "review_overdue": {"type": "boolean"}, "checked": _nullable(STR), "count": INT,
                                  "records": {"type": "array", "items": {"type": "object", "properties": {
                                      "pmid": STR, "year": _nullable(INT), "journal": _nullable(STR), "title": _nullable(STR),
                                      "url": STR}}}}},
    "ClaimDetail": {"allOf": [_ref("ClaimSummary"), {"type": "object", "properties": {
        "topic_details": {"type": "array", "items": _ref("TopicRef")},
        "certainty_symbols": STR, "bottom_line": STR, "what_copy_omits": {"type": "array", "items": STR},
        "accurate_wording": STR, "what_would_change": STR, "phrasings": {"type": "array", "items": STR},
        "evidence": {"type": "array", "items": {"type": "object", "properties": {
            "study": _ref("StudySummary"), "stance": {"type": "string", "enum": STANCES}, "finding": STR,
            "effect": _nullable(_ref("Effect")), "effect_text": _nullable(STR)}}},
        "figures": {"type": "array", "items": _ref("Figure")},
        "related_claims": {"type": "array", "items": STR},
        "references": {"type": "array", "items": STR, "description": "references in the reader's style (AMA or Vancouver)"},
        "cite": _ref("CiteLinks"),
        "history": {"type": "array", "items": _ref("HistoryEntry"), "description": "verdict history, oldest first"},
        "review": {"type": "object", "properties": {"last_reviewed": {"type": "string", "format": "date"},
                                                    "days_since_review": INT, "stale": {"type": "boolean"}}},
        "date_modified": {"type": "string", "format": "date"},
        "forest": {"type": "object", "description": "every linked effect estimate: plotted, or left out with the reason",
                   "properties": {k: {"type": "array", "items": _ref("ForestRow")} for k in ("plotted", "left_out", "no_estimate")}},
        "watch": _nullable(_ref("WatchQueue")),
        "report_problem": {"type": "string", "description": "where to report a mistake in this record"}}}]},
    "StudyDetail": {"type": "object", "required": ["key", "title", "authors", "design"], "properties": {
        "key": STR, "title": _nullable(STR), "label": _nullable(STR), "authors": {"type": "array", "items": STR},
        "authors_truncated": {"type": "boolean"}, "journal": _nullable(STR),
        "year": _nullable(INT), "volume": _nullable(STR), "issue": _nullable(STR), "pages": _nullable(STR),
        "citation_detail": _nullable(STR), "pmid": _nullable(STR), "doi": _nullable(STR), "url": STR,
        "source_url": _nullable(STR), "design": {"type": "string", "enum": DESIGNS}, "design_label": STR,
        "population": _nullable(STR), "n": _nullable(INT), "intervention": _nullable(STR), "comparator": _nullable(STR),
        "summary": _nullable(STR), "findings": {"type": "array", "items": STR}, "limitations": {"type": "array", "items": STR},
        "topics": {"type": "array", "items": STR}, "topic_details": {"type": "array", "items": _ref("TopicRef")},
        "verified_from": STR, "reference": STR,
        "pubmed_url": _nullable(STR), "doi_url": _nullable(STR),
        "claims": {"type": "array", "items": {"allOf": [_ref("ClaimSummary"), {"type": "object", "properties": {
            "stance": {"type": "string", "enum": STANCES}, "finding": STR, "effect_text": _nullable(STR)}}]}},
        "cite": _ref("CiteLinks"), "report_problem": STR}},
    "TopicDetail": {"allOf": [_ref("TopicRef"), {"type": "object", "properties": {
        "description": STR, "question": _nullable(STR), "answer_card": _nullable(_ref("TopicAnswerCard")),
        "claims": {"type": "array", "items": _ref("ClaimSummary")},
        "studies": {"type": "array", "items": _ref("StudySummary")}}}]},
    "SearchResult": {"type": "object", "required": ["query", "total", "page", "per_page", "pages", "results", "facets"], "properties": {
        "query": STR, "total": INT, "suggestion": _nullable(STR), "suggestion_searched": {"type": "boolean"},
        "message": _nullable(STR), "page": INT, "per_page": INT, "pages": INT,
        "searched_text": STR, "timed_out": {"type": "boolean"},
        "answer_card": _nullable({"oneOf": [_ref("ClaimAnswerCard"), _ref("TopicAnswerCard")],
                                  "description": "when the query clearly targets one claim or topic"}),
        "filters": {"type": "object", "properties": {k: _nullable(STR) for k in ("type", "topic", "verdict", "design", "year")}},
        "results": {"type": "array", "items": {"type": "object", "required": ["type", "id", "title"], "properties": {
            "type": {"type": "string", "enum": ["claim", "study"]}, "id": STR, "title": STR,
            "verdict": _nullable(STR), "certainty": _nullable(STR), "design": _nullable(STR), "year": _nullable(INT),
            "topics": {"type": "array", "items": STR}, "score": {"type": "number"},
            "snippet": {"type": "string", "description": "HTML: text escaped, matches wrapped in <mark>"}}}},
        "facets": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": INT}}}},
    "CheckRequest": {"oneOf": [
        {"type": "object", "required": ["text"], "properties": {"text": {"type": "string", "minLength": 1}}, "additionalProperties": False},
        {"type": "object", "required": ["url"], "properties": {"url": {"type": "string", "format": "uri"}}, "additionalProperties": False}]},
    # The copy checker's report (indexer/copycheck/report.py): the same object as `kb check --json`.
    "CheckReport": {"type": "object", "required": ["source", "truncated", "summary", "claims", "sentences"], "properties": {
        "source": STR, "truncated": {"type": "boolean"},
        "text": {"type": "string", "description": "the checked text; sentence offsets point into it"},
        "summary": {"type": "object", "required": ["sentences_checked", "claims_asserted", "claims_denied",
                                                   "checkworthy_uncovered", "flagged_sentences"], "properties": {
            "sentences_checked": INT, "claims_asserted": INT, "claims_denied": INT,
            "checkworthy_uncovered": {"type": "integer", "description": "check-worthy sentences no KB claim covers"},
            "flagged_sentences": INT}},
        "claims": {"type": "object", "description": "every claim the text asserts or denies, by id",
                   "additionalProperties": {"type": "object", "required": ["statement", "verdict", "certainty"], "properties": {
                       "statement": STR, "verdict": {"type": "string", "enum": VERDICTS}, "verdict_label": STR,
                       "certainty": STR, "bottom_line": STR, "accurate_wording": STR, "answer": STR,
                       "asserted": INT, "denied": INT,
                       "catalog": {"type": "boolean", "description": "one of the canonical catalog's claims (false: "
                                   "a claim the KB added)"}}}},
        "sentences": {"type": "array", "description": "every sentence of the text, in order", "items": {
            "type": "object", "required": ["text", "start", "end", "checkworthy", "claims"], "properties": {
                "text": STR, "start": INT, "end": INT,
                "checkworthy": {"type": "boolean", "description": "the sentence makes a check-worthy health claim outside "
                                "the canonical claims catalog: one no KB claim covers (claims is empty: not in the "
                                "knowledge base, verify before publishing), or one the KB added beyond the catalog "
                                "(claims names it; its entry in the top-level claims has catalog: false)"},
                "context": {"type": "string", "description": "the heading, lead-in, question or sentence the subject came from"},
                "hedged": {"type": "boolean"},
                "claims": {"type": "array", "items": {"type": "object",
                           "required": ["id", "stance", "verdict", "certainty", "score", "action", "figures"], "properties": {
                    "id": STR, "stance": {"type": "string", "enum": ["asserts", "denies"]},
                    "verdict": {"type": "string", "enum": VERDICTS}, "certainty": STR,
                    "score": {"type": "number", "description": "the claim frame's match score, or, for a claim only the claim "
                              "model found, the model's probability (at least its threshold, 0.6; docs/checker.md)"},
                    "action": {"type": "string", "enum": ["keep", "reword", "remove-or-source"]}, "hedged": {"type": "boolean"},
                    "found_by": {"type": "string", "enum": ["frames", "model"],
                                 "description": "frames: the claim's own rules matched the sentence; model: only the learned "
                                                "claim model found it (wrong more often; docs/checker.md)"},
                    "figures": {"type": "array", "items": {"type": "object", "required": ["copy", "measure", "verdict"], "properties": {
                        "copy": STR, "measure": STR, "evidence": STR,
                        "verdict": {"type": "string", "enum": ["ok", "caution", "outside"]},
                        "outside": {"type": "boolean"}, "note": STR}}}}}}}}}}},
    "Health": {"type": "object", "required": ["status", "kb_fingerprint", "claims", "studies"], "properties": {
        "status": {"type": "string", "enum": ["ok"]}, "kb_fingerprint": STR, "claims": INT, "studies": INT,
        "index": {"type": "object", "description": "the index build being served", "properties": {
            "build": STR, "documents": INT, "built_at": _nullable({"type": "string", "format": "date-time"}),
            "counts": {"type": "object", "additionalProperties": INT}}},
        "page_cache": {"type": "object", "description": "rendered pages kept in memory for this build (webui/pagecache.py)",
                       "properties": {"pages": INT, "bytes": INT, "max_bytes": INT, "hits": INT, "misses": INT}}}},
}


def _get(summary: str, response: dict[str, Any], params: list[dict[str, Any]] | None = None, errors=(400,)) -> dict[str, Any]:
    op: dict[str, Any] = {"summary": summary, "responses": {"200": _json(response, "OK"), **_errors(*errors)}}
    if params:
        op["parameters"] = params
    return {"get": op}


def openapi_document(server: str = "") -> dict[str, Any]:
    search_params = [_q("q", "Free text; may contain topic:, verdict:, design:, type:, year:2019-2024 filters and \"phrases\" (a longer query is cut to "
                        f"{limits.QUERY_MAX_CHARS} characters, with a message)"),
                     _q("type", "claim or study", ["claim", "study"]), _q("topic", "topic slug"),
                     _q("verdict", "verdict", VERDICTS), _q("design", "study design", DESIGNS),
                     _q("year", "a year or a range, e.g. 2019-2024"), PAGE, PER_PAGE]
    paths = {
        "/api": _get("Every claim grouped by topic (the home page)", {"type": "object"}, errors=()),
        "/api/method": _get("Verdict, certainty, stance and design definitions", {"type": "object"}, errors=()),
        "/api/claims": _get("Claims, paginated", _list_of("ClaimSummary"),
                            [_q("topic", "only claims with this topic"), _q("verdict", "only claims with this verdict", VERDICTS), PAGE, PER_PAGE]),
        "/api/claims/{claim_id}": _get("One claim with its evidence and references", _ref("ClaimDetail"),
                                       [_path("claim_id", "claim id"), _q("sort", "evidence order", ["design", "year"])], errors=(404,)),
        "/api/studies": _get("Curated studies, paginated", _list_of("StudySummary"),
                             [_q("topic", "only studies with this topic"), _q("design", "only this design", DESIGNS), PAGE, PER_PAGE]),
        "/api/studies/{key}": _get("One study and the claims it bears on", _ref("StudyDetail"), [_path("key", "study key")], errors=(404,)),
        "/api/topics": _get("The topics with claim and study counts", {"type": "object", "properties": {"data": {"type": "array", "items": {
            "allOf": [_ref("TopicRef"), {"type": "object", "properties": {"description": STR, "claims": INT, "studies": INT}}]}}}}, errors=()),
        "/api/topics/{slug}": _get("One topic's claims and studies", _ref("TopicDetail"), [_path("slug", "topic slug")], errors=(404,)),
        "/api/search": _get("Search claims and studies", _ref("SearchResult"), search_params),
        "/api/check": {"post": {
            "summary": "Flag every sentence of a text, a web page or a document that makes a known claim",
            "requestBody": {"required": True, "content": {
                "application/json": {"schema": _ref("CheckRequest")},
                "multipart/form-data": {"schema": {"type": "object", "properties": {
                    "file": {"type": "string", "format": "binary", "description": ".txt, .md, .html or .docx, at most 2 MiB"},
                    "text": STR, "url": STR}}}}},
            "responses": {"200": {**_json(_ref("CheckReport"), "The report, stored: its permalink is in Link"), "headers": {
                "Link": {"description": "the report page, /check/<rid>", "schema": STR},
                "X-Report-Delete-Key": {"description": "the secret that deletes the report (DELETE /api/check/{rid})", "schema": STR},
                "X-Report-Expires": {"description": "when the stored report expires (UTC)", "schema": STR}}},
                **_errors(400, 413, 415, 429, 503)}}},
        "/api/check/{rid}": {
            **_get("A stored report (kept 30 days unless configured otherwise)", _ref("CheckReport"),
                   [_path("rid", "report id")], errors=(404, 410)),
            "delete": {"summary": "Delete a stored report with its key (header X-Report-Delete-Key)",
                       "parameters": [_path("rid", "report id"), {"name": "X-Report-Delete-Key", "in": "header",
                                                                   "required": True, "schema": STR}],
                       "responses": {"200": _json({"type": "object", "properties": {"deleted": STR}}, "Deleted"),
                                     **_errors(403, 404, 410)}}},
        "/api/feedback": {"post": {
            "summary": "Report a problem with a claim, a study or the site (application/json only; 5 per hour per client)",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["message"], "properties": {
                    "message": {"type": "string", "maxLength": 2000}, "claim": STR, "study": STR,
                    "source": {"type": "string", "maxLength": 500}, "email": {"type": "string", "maxLength": 254}}}}}},
            "responses": {"200": _json({"type": "object", "required": ["id", "status"], "properties": {
                "id": INT, "status": STR, "created": STR, "about": _nullable({"type": "object"}), "message": STR}},
                "Stored"), **_errors(400, 404, 415, 429, 503)}}},
        "/api/openapi.json": _get("This document", {"type": "object"}, errors=()),
        "/healthz": _get("Liveness and the fingerprint of the indexed records", _ref("Health"), errors=()),
    }
    for item in paths.values():
        for op in item.values():
            op["responses"].setdefault("405", _json(_ref("Error"), "Method not allowed"))
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Evidence KB API", "version": "1.0.0",
                 "description": "What published evidence says about claims made in ketamine/esketamine-for-postpartum-depression marketing. Not medical advice."},
        "paths": paths,
        "components": {"schemas": SCHEMAS},
    }
    if server:
        doc["servers"] = [{"url": server}]
    return doc
