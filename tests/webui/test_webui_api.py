"""The JSON API: shapes, pagination, error objects, OpenAPI, healthz."""
from __future__ import annotations

import io

import pytest

ERROR_KEYS = {"code", "message"}


def assert_error(r, status: int, code: str | None = None):
    assert r.status_code == status
    assert r.mimetype == "application/json"
    assert set(r.json) == {"error"} and set(r.json["error"]) == ERROR_KEYS
    if code:
        assert r.json["error"]["code"] == code
    assert "Traceback" not in r.get_data(as_text=True)


def test_home_twin(client):
    data = client.get("/api").json
    assert data["disclaimer"]
    slugs = [t["slug"] for t in data["topics"]]
    assert slugs == ["breast-milk-transfer", "efficacy"]  # vocabulary order, primary topics only
    claim = data["topics"][0]["claims"][0]
    assert claim["id"] == "milk-transfer-minimal" and claim["verdict"] == "supported" and claim["verdict_label"] == "Supported"


def test_claims_list_paginated_and_filtered(client):
    r = client.get("/api/claims?per_page=2")
    assert r.status_code == 200
    assert r.json["meta"] == {"page": 1, "per_page": 2, "total": 3, "pages": 2, "filters": {}}
    assert len(r.json["data"]) == 2 and "next" in r.json["links"]
    r2 = client.get(r.json["links"]["next"])
    assert r2.json["meta"]["page"] == 2 and len(r2.json["data"]) == 1 and "prev" in r2.json["links"]
    assert client.get("/api/claims?per_page=999").json["meta"]["per_page"] == 50
    assert client.get("/api/claims?page=0").json["meta"]["page"] == 1
    assert client.get("/api/claims?per_page=2&page=99").json["meta"]["page"] == 2  # a page past the end: the last
    assert [c["id"] for c in client.get("/api/claims?verdict=contradicted").json["data"]] == ["response-rate-70pct"]
    assert {c["id"] for c in client.get("/api/claims?topic=safety").json["data"]} == {"milk-transfer-minimal"}


def test_claim_detail(client):
    d = client.get("/api/claims/esketamine-prevents-ppd").json
    assert d["verdict"] == "partly-supported" and d["certainty"] == "moderate" and d["certainty_symbols"] == "⊕⊕⊕◯"
    assert d["topics"] == ["efficacy"] and d["topic_details"][0]["label"] == "Efficacy"
    assert [e["study"]["key"] for e in d["evidence"]] == ["big-2020-esketamine-rct", "wolfson-2023-ketamine-milk"]
    assert d["evidence"][0]["effect"]["measure"] == "RR" and d["evidence"][0]["effect_text"].startswith("RR 0.50 (95% CI 0.30–0.80)")
    assert d["references"][0].startswith("Big A, Small BC, Middle D, et al.")
    assert set(d["cite"]) == {"ris", "bib", "json"}
    assert d["related_claims"] == []
    assert client.get("/api/claims/milk-transfer-minimal").json["related_claims"] == ["esketamine-prevents-ppd"]


def test_study_detail_and_list(client):
    d = client.get("/api/studies/wolfson-2023-ketamine-milk").json
    assert d["key"] == "wolfson-2023-ketamine-milk" and d["pmid"] == "35880962" and "status" not in d
    assert d["reference"].endswith("doi:10.1080/02791072.2022.2101903")  # AMA, the default style
    assert {c["id"] for c in d["claims"]} == {"milk-transfer-minimal", "esketamine-prevents-ppd"}
    assert {c["stance"] for c in d["claims"]} == {"supports", "mixed"}
    lst = client.get("/api/studies").json
    assert lst["meta"]["total"] == 3
    assert [s["key"] for s in client.get("/api/studies?design=rct").json["data"]] == ["big-2020-esketamine-rct"]


def test_topics(client):
    data = client.get("/api/topics").json["data"]
    assert {t["slug"]: t["claims"] for t in data} == {"breast-milk-transfer": 1, "safety": 1, "efficacy": 2}
    d = client.get("/api/topics/safety").json
    assert d["label"] == "Safety and side effects" and {s["key"] for s in d["studies"]} == {"big-2020-esketamine-rct", "fda-2019-spravato-label"}
    assert_error(client.get("/api/topics/nope"), 404, "not_found")


def test_search_contract_passthrough(client):
    d = client.get("/api/search?q=breast+milk&type=claim").json
    assert set(d) >= {"query", "total", "suggestion", "suggestion_searched", "message", "page", "per_page", "pages",
                      "filters", "results", "facets"}
    assert d["filters"]["type"] == "claim" and all(r["type"] == "claim" for r in d["results"])


def test_method(client):
    d = client.get("/api/method").json
    assert [v["rating"] for v in d["verdicts"]] == [5, 4, 3, 2, 1]
    assert [c["symbols"] for c in d["certainty"]] == ["⊕⊕⊕⊕", "⊕⊕⊕◯", "⊕⊕◯◯", "⊕◯◯◯"]


def test_healthz(client, engine):
    d = client.get("/healthz").json
    assert {k: d[k] for k in ("status", "kb_fingerprint", "claims", "studies")} == {
        "status": "ok", "kb_fingerprint": engine.snapshot().fingerprint, "claims": 3, "studies": 3}
    assert d["index"]["counts"] == {"claims": 3, "studies": 3, "drafts": 1} and d["index"]["documents"] == 6
    assert d["index_state"] == {"rebuilding": False}


@pytest.mark.parametrize("url", ["/api/nope", "/api/claims/nope", "/api/studies/nope", "/api/check/nope"])
def test_404_json(client, url):
    assert_error(client.get(url), 404, "not_found")


def test_405_json(client):
    r = client.delete("/api/claims")
    assert_error(r, 405, "method_not_allowed")
    assert "GET" in r.headers["Allow"]
    assert_error(client.get("/api/check"), 405, "method_not_allowed")


def test_413_json(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    r = client.post("/api/check", json={"text": "x" * 5000})
    assert_error(r, 413, "payload_too_large")
    r = client.post("/api/check", data={"file": (io.BytesIO(b"x" * 5000), "a.txt")}, content_type="multipart/form-data")
    assert_error(r, 413, "payload_too_large")


def test_413_html(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    app.config["WTF_CSRF_ENABLED"] = False
    r = client.post("/check", data={"text": "x" * 5000})
    assert r.status_code == 413 and r.mimetype == "text/html" and "Too large" in r.get_data(as_text=True)


def test_415_json_for_wrong_content_type(client):
    assert_error(client.post("/api/check", data="text=hello", content_type="application/x-www-form-urlencoded"),
                 415, "unsupported_media_type")
    assert_error(client.post("/api/check", data="hello", content_type="text/plain"), 415)


def test_api_check_text(client):
    r = client.post("/api/check", json={"text": "Some say ketamine barely passes into breast milk. Fine."})
    assert r.status_code == 200
    d = r.json
    assert {cid: (c["verdict"], c["asserted"], c["denied"]) for cid, c in d["claims"].items()} == {
        "milk-transfer-minimal": ("supported", 1, 0)}
    flagged = [s for s in d["sentences"] if s["claims"]]
    assert flagged[0]["claims"][0]["id"] == "milk-transfer-minimal"
    assert r.headers["Link"].startswith("</check/")
    # the report is also available to GET for an hour
    rid = r.headers["Link"].split("/check/")[1].split(">")[0]
    assert client.get(f"/api/check/{rid}").json == d


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": "a", "url": "http://x"}, {"text": 5}, ["text"]])
def test_api_check_bad_bodies(client, body):
    assert_error(client.post("/api/check", json=body), 400, "bad_request")


def test_api_check_invalid_json(client):
    assert_error(client.post("/api/check", data="{not json", content_type="application/json"), 400)


def test_api_check_multipart_file(client):
    r = client.post("/api/check", data={"file": (io.BytesIO(b"70% of patients respond to ketamine."), "copy.txt")},
                    content_type="multipart/form-data")
    assert r.status_code == 200 and r.json["source"] == "copy.txt"
    assert r.json["sentences"][0]["claims"][0]["figures"][0]["outside"] is True
    r = client.post("/api/check", data={"file": (io.BytesIO(b"PK\x03\x04"), "copy.exe")}, content_type="multipart/form-data")
    assert_error(r, 415, "unsupported_media_type")
    assert r.json["error"]["message"] == (
        ".exe files cannot be checked. Upload a .txt, .md, .html or .docx file, or paste the text.")


def test_api_check_url_fetch_error_is_400(client, monkeypatch):
    import sources.fetch as fetch

    def refuse(url, **kw):
        raise fetch.FetchError("blocked_address", "That address points inside a private network.")

    monkeypatch.setattr(fetch, "fetch_url", refuse)
    r = client.post("/api/check", json={"url": "http://127.0.0.1/"})
    assert_error(r, 400, "bad_request")
    assert r.json["error"]["message"] == "That address points inside a private network."


def test_rate_limit_on_check(engine):
    from webui import create_app

    app = create_app({"TESTING": True, "ENGINE": engine, "RATELIMIT_ENABLED": True, "CHECK_RATE_LIMIT": "2/minute"})
    c = app.test_client()
    codes = [c.post("/api/check", json={"text": "hello."}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    r = c.post("/api/check", json={"text": "hello."})
    assert_error(r, 429, "rate_limited")
    assert c.get("/api/claims").status_code == 200  # GETs are not limited


def test_openapi_document_covers_every_api_route(app, client):
    doc = client.get("/api/openapi.json").json
    assert doc["openapi"].startswith("3.") and doc["info"]["title"]
    rules = {r.rule for r in app.url_map.iter_rules() if r.rule.startswith("/api") or r.rule == "/healthz"}
    documented = set(doc["paths"])
    for rule in rules:
        path = rule.replace("<", "{").replace(">", "}").rstrip("/") or "/"
        assert path in documented, rule
    for path, item in doc["paths"].items():
        for method, op in item.items():
            assert "200" in op["responses"]
            for name, param in [(p["name"], p) for p in op.get("parameters", [])]:
                if param["in"] == "path":
                    assert "{" + name + "}" in path
    assert doc["components"]["schemas"]["Error"]["properties"]["error"]["required"] == ["code", "message"]
    assert "post" in doc["paths"]["/api/check"]


def test_openapi_responses_match_schemas(client):
    """Validate real responses against the document's own schemas (jsonschema_rs ships with schemathesis)."""
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    doc = client.get("/api/openapi.json").json

    def check(path: str, url: str, status: str = "200", method: str = "get", **kw):
        schema = doc["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]
        full = {**schema, "components": doc["components"]}
        r = getattr(client, method)(url, **kw)
        assert str(r.status_code) == status
        jsonschema_rs.Draft202012Validator(full).validate(r.json)

    check("/api/claims", "/api/claims")
    check("/api/claims/{claim_id}", "/api/claims/esketamine-prevents-ppd")
    check("/api/claims/{claim_id}", "/api/claims/nope", "404")
    check("/api/studies", "/api/studies")
    check("/api/studies/{key}", "/api/studies/big-2020-esketamine-rct")
    check("/api/topics/{slug}", "/api/topics/safety")
    check("/api/topics", "/api/topics")
    check("/api/search", "/api/search?q=ketamine")
    check("/healthz", "/healthz")
    check("/api/check", "/api/check", method="post", json={"text": "ketamine barely passes into breast milk."})
    check("/api/check", "/api/check", "415", method="post", data="x", content_type="text/plain")
