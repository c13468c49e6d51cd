"""The JSON API: the twin of every HTML page under /api/, the check endpoint, OpenAPI and /healthz.

Each twin calls the same `webui.pagedata` function as its HTML page and serialises the result
(`webui.serialize`), so the two cannot drift apart.

Lists are paginated (?page=&per_page=, clamped to MAX_PER_PAGE) as {"data": [...], "meta": {...}}.
Errors are {"error": {"code", "message"}} (webui.errors). CSRF does not apply here (no cookies are
used for authority); POST /api/check accepts only application/json or multipart/form-data bodies,
which a cross-site HTML form cannot send as JSON, and answers 415 to anything else.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, jsonify, request, url_for

from webui import engine as kbe, pagedata, serialize
from webui.extensions import check_rate_limit, limiter
from webui.inputs import CheckInput, run_check
from webui.openapi import openapi_document
from webui.present import DISCLAIMER
from webui.pagecache import cached_page, page_cache
from webui.references import STYLE_COOKIE

bp = Blueprint("api", __name__)


def listing(data: dict[str, Any], render) -> Any:
    return jsonify({"data": [render(i) for i in data["items"]], "meta": data["meta"], "links": data["links"]})


@bp.get("/api")
@bp.get("/api/")
@cached_page(STYLE_COOKIE)
def home():
    return jsonify({
        "name": "Evidence KB",
        "disclaimer": DISCLAIMER,
        "kb_fingerprint": kbe.fingerprint(),
        "topics": [{**serialize.topic_ref(g["slug"]), "claims": [serialize.claim_summary(c) for c in g["claims"]]}
                   for g in pagedata.home()["groups"]],
        "links": {"openapi": url_for("api.openapi", _external=True), "search": url_for("api.search", _external=True),
                  "claims": url_for("api.claims", _external=True), "studies": url_for("api.studies", _external=True),
                  "topics": url_for("api.topics", _external=True), "method": url_for("api.method", _external=True)},
    })


@bp.get("/api/method")
@cached_page(STYLE_COOKIE)
def method():
    return jsonify({**serialize.method(pagedata.method()), "disclaimer": DISCLAIMER})


@bp.get("/api/claims")
@cached_page(STYLE_COOKIE)
def claims():
    return listing(pagedata.claims(request.args)["listing"], serialize.claim_summary)


@bp.get("/api/claims/<claim_id>")
@cached_page(STYLE_COOKIE)
def claim(claim_id: str):
    return jsonify(serialize.claim_page(pagedata.claim(claim_id, request.args)))


@bp.get("/api/studies")
@cached_page(STYLE_COOKIE)
def studies():
    return listing(pagedata.studies(request.args)["listing"], serialize.study_summary)


@bp.get("/api/studies/<key>")
@cached_page(STYLE_COOKIE)
def study(key: str):
    return jsonify(serialize.study_detail(pagedata.study(key)["study"]))


@bp.get("/api/topics")
@cached_page(STYLE_COOKIE)
def topics():
    return jsonify({"data": [{**serialize.topic_ref(t["topic"].slug), "description": t["topic"].description,
                              "question": getattr(t["topic"], "question", None), "claims": t["claims"],
                              "studies": t["studies"]} for t in pagedata.topics()["topics"]]})


@bp.get("/api/topics/<slug>")
@cached_page(STYLE_COOKIE)
def topic(slug: str):
    return jsonify(serialize.topic_page(pagedata.topic(slug)))


@bp.get("/api/search")
@cached_page(STYLE_COOKIE)
def search():
    data = pagedata.search(request.args)
    return jsonify({**data["result"], "answer_card": data["answer_card"]})


def api_check_input() -> CheckInput:
    mimetype = request.mimetype
    if mimetype == "application/json":
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            abort(400, description='Send a JSON object: {"text": "..."} or {"url": "..."}.')
        fields = {k: body.get(k) for k in ("text", "url") if body.get(k) not in (None, "")}
    elif mimetype == "multipart/form-data":
        fields = {k: request.form.get(k) for k in ("text", "url") if request.form.get(k)}
        upload = request.files.get("file")
        if upload and upload.filename:
            fields["file"] = upload
    else:
        abort(415, description="Send application/json ({\"text\": ...} or {\"url\": ...}) or multipart/form-data with a file.")
    if len(fields) != 1:
        abort(400, description='Give exactly one of "text", "url" or a "file" upload.')
    (kind, value), = fields.items()
    if kind == "file":
        return CheckInput("file", value.filename, filename=value.filename, data=value.read(), content_type=value.mimetype)
    if not isinstance(value, str):
        abort(400, description=f'"{kind}" must be a string.')
    if kind == "url":
        return CheckInput("url", value.strip(), url=value.strip())
    return CheckInput("text", "Pasted text", text=value)


@bp.post("/api/check")
@limiter.limit(check_rate_limit)
def check():
    outcome = run_check(api_check_input())
    from webui.views.check import KEY_HEADER, store_outcome

    entry, key = store_outcome(outcome)  # stored: permalink in Link, deletion key in a header (never in the body)
    resp = jsonify(outcome.report)
    resp.headers["Link"] = f'<{url_for("check.report", rid=entry.id)}>; rel="alternate"; type="text/html"'
    resp.headers[KEY_HEADER] = key
    resp.headers["X-Report-Expires"] = entry.expires_iso
    return resp


@bp.get("/api/check/<rid>")
def check_report(rid: str):
    from webui.views.check import stored

    return jsonify(stored(rid).report)


@bp.get("/api/openapi.json")
def openapi():
    return jsonify(openapi_document(request.host_url.rstrip("/")))


def index_build() -> dict[str, Any] | None:
    """The build being served: its folder name, when it was built, and its document counts."""
    from datetime import datetime, timezone

    snap, store = kbe.snapshot(), getattr(kbe.get_engine(), "store", None)
    path = getattr(snap, "path", None)
    meta = store.meta(path) if store is not None and path is not None else None
    if not meta:
        return None
    built = meta.get("built_at")
    return {"build": path.name, "documents": meta.get("documents"), "counts": meta.get("counts") or {},
            "built_at": datetime.fromtimestamp(built, timezone.utc).isoformat(timespec="seconds") if built else None}


@bp.get("/healthz")
def healthz():
    kb = kbe.knowledge_base()
    body: dict[str, Any] = {"status": "ok", "kb_fingerprint": kbe.fingerprint(), "claims": len(kb.claims),
                            "studies": len(kbe.curated_studies())}
    build = index_build()
    if build:
        body["index"] = build
    cache = page_cache()
    if cache is not None:
        body["page_cache"] = cache.stats()
    engine = kbe.get_engine()
    if hasattr(engine, "health"):  # "degraded" with the reason while a damaged build is repaired
        state = engine.health()
        body["status"] = state.pop("status")
        body["index_state"] = state
    return jsonify(body)
