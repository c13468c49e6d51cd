"""The copy checker page: CSRF, inputs, the report, Markdown/JSON downloads."""
from __future__ import annotations

import io
import json
import re
import sys
import types

import pytest


def csrf_token(client) -> str:
    html = client.get("/check").get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def post_check(client, **data):
    return client.post("/check", data={"csrf_token": csrf_token(client), **data}, content_type="multipart/form-data")


def test_form_has_labels_and_csrf(client):
    html = client.get("/check").get_data(as_text=True)
    assert 'name="csrf_token"' in html and 'enctype="multipart/form-data"' in html
    for field in ("text", "document", "url"):
        assert f'<label for="{field}">' in html


def test_post_without_csrf_token_is_400(client):
    r = client.post("/check", data={"text": "ketamine barely passes into breast milk"})
    assert r.status_code == 400
    assert "CSRF" in r.get_data(as_text=True) or "form could not be accepted" in r.get_data(as_text=True)


def test_check_text_redirects_to_report(client):
    text = "Good news. Ketamine barely passes into breast milk! And 70% of patients respond to ketamine."
    r = post_check(client, text=text)
    assert r.status_code == 303
    loc = r.headers["Location"]
    html = client.get(loc).get_data(as_text=True)
    assert "2 sentences make" in html and "2 known claims" in html
    assert '<mark id="s-1" class="flagged">' in html and '<mark id="s-2" class="flagged">' in html
    assert "Good news." in html
    assert "Small studies suggest little ketamine passes into breast milk." in html  # accurate wording
    assert 'data-copy-target="w-1-' in html
    assert "<strong>70%</strong> is outside what the evidence gives: 24-52%. higher than any study" in html
    assert 'href="/claims/milk-transfer-minimal"' in html and 'href="/studies/wolfson-2023-ketamine-milk"' in html
    assert "Contradicted" in html and "Supported" in html
    rid = loc.rsplit("/", 1)[1]
    md = client.get(f"/check/{rid}.md")
    assert md.mimetype == "text/markdown" and "attachment" in md.headers["Content-Disposition"]
    body = md.get_data(as_text=True)
    assert body.startswith("# Evidence check: Pasted text") and "| Claim | Verdict | Certainty | Sentences |" in body
    assert "Figure 70%: outside the evidence" in body and "Not medical advice" not in body or "not medical advice" in body.lower()
    js = client.get(f"/check/{rid}.json")
    assert js.mimetype == "application/json" and "attachment" in js.headers["Content-Disposition"]
    assert json.loads(js.get_data(as_text=True))["claims"][0]["id"] in {"milk-transfer-minimal", "response-rate-70pct"}
    assert client.get(f"/api/check/{rid}").status_code == 200


def test_hedged_sentence_marked(client):
    r = post_check(client, text="Ketamine barely passes into breast milk and may help.")
    html = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "Hedged" in html


def test_no_claims_found(client):
    r = post_check(client, text="The weather is nice.")
    html = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "No known claims were found" in html


def test_empty_or_several_inputs_are_400(client):
    r = post_check(client)
    assert r.status_code == 400 and "Paste text, upload a file or give a web address" in r.get_data(as_text=True)
    r = post_check(client, text="abc", url="https://example.org/")
    assert r.status_code == 400 and "exactly one" in r.get_data(as_text=True)
    r = post_check(client, url="not a url")
    assert r.status_code == 400 and "web address" in r.get_data(as_text=True)


def test_expired_report_404(client):
    r = client.get("/check/doesnotexist")
    assert r.status_code == 404 and "expired" in r.get_data(as_text=True)
    assert client.get("/check/doesnotexist.md").status_code == 404


def test_upload(client):
    r = post_check(client, document=(io.BytesIO(b"Ketamine barely passes into breast milk."), "copy.md"))
    assert r.status_code == 303
    html = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "Source: copy.md" in html and '<mark id="s-1"' in html


def test_unsupported_upload_is_415(client):
    r = post_check(client, document=(io.BytesIO(b"MZ"), "virus.exe"))
    assert r.status_code == 415
    assert ".exe files cannot be checked. Upload a .txt, .md, .html or .docx file, or paste the text." in (
        r.get_data(as_text=True))


def test_refused_url_is_400(client, monkeypatch):
    import sources.fetch as fetch

    def refuse(url, **kw):
        raise fetch.FetchError("blocked_address", "That address is on a private network and cannot be fetched.")

    monkeypatch.setattr(fetch, "fetch_url", refuse)
    r = post_check(client, url="http://10.0.0.1/page")
    assert r.status_code == 400
    assert "private network and cannot be fetched" in r.get_data(as_text=True)


def test_fetched_url_is_checked(client, monkeypatch):
    import sources.fetch as fetch

    page = fetch.FetchedPage("https://clinic.example/", "https://clinic.example/", 200, "text/html", "utf-8",
                             b"<p>70% of patients respond to ketamine.</p>")
    monkeypatch.setattr(fetch, "fetch_url", lambda url, **kw: page)
    extract = types.ModuleType("sources.extract")
    extract.extract_html = lambda body, **kw: types.SimpleNamespace(text="70% of patients respond to ketamine.")
    monkeypatch.setitem(sys.modules, "sources.extract", extract)
    r = post_check(client, url="https://clinic.example/")
    assert r.status_code == 303
    html = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "Source: https://clinic.example/" in html and "Contradicted" in html


def test_real_document_extractor(client):
    """The real sources.documents module: a .txt upload is read; an unsupported type gets 415 with its message."""
    pytest.importorskip("sources.documents")
    r = post_check(client, document=(io.BytesIO(b"Ketamine barely passes into breast milk."), "copy.txt"))
    assert r.status_code == 303
    assert '<mark id="s-1"' in client.get(r.headers["Location"]).get_data(as_text=True)
    r = post_check(client, document=(io.BytesIO(b"MZ\x90\x00binary"), "tool.exe"))
    assert r.status_code == 415
    assert "The file tool.exe could not be checked" in r.get_data(as_text=True)  # back on the form, in words
