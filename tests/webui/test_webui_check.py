"""The copy checker page: CSRF, inputs, the report, Markdown/JSON downloads."""
from __future__ import annotations

import io
import json
import re

from bs4 import BeautifulSoup


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
    assert "The form could not be accepted (The CSRF token is missing.)" in r.get_data(as_text=True)


def test_check_text_redirects_to_report(client):
    text = "Good news. Ketamine barely passes into breast milk! And 70% of patients respond to ketamine."
    r = post_check(client, text=text)
    assert r.status_code == 303
    loc = r.headers["Location"]
    page = BeautifulSoup(client.get(loc).get_data(as_text=True), "html.parser")
    summary = page.select_one(".report-summary")
    assert " ".join(summary.p.get_text().split()) == "2 sentences make 2 known claims."
    assert [a["href"] for a in summary.select(".report-claims a")] == [
        "/claims/milk-transfer-minimal", "/claims/response-rate-70pct"]
    # the text, with the two claim-making sentences marked and the rest left as it was
    checked = page.select_one(".checked-text")
    assert checked.get_text(" ", strip=True).startswith("Good news.")
    assert [(m["id"], m.get_text(" ", strip=True)) for m in checked.select("mark.flagged")] == [
        ("s-1", "[1] Ketamine barely passes into breast milk!"), ("s-2", "[2] And 70% of patients respond to ketamine.")]
    items = page.select("ol.flagged-list > li.flagged-item")
    assert [li.select_one(".match-claim a")["href"] for li in items] == [
        "/claims/milk-transfer-minimal", "/claims/response-rate-70pct"]
    assert [li.select_one(".badge.verdict").get_text(strip=True) for li in items] == ["✓Supported", "✗Contradicted"]
    assert [li.select_one("blockquote.copyable").get_text(strip=True) for li in items] == [
        "Small studies suggest little ketamine passes into breast milk.", "Some people respond."]  # accurate wording
    assert all(li.select_one("button.copy-btn")["data-copy-target"] == li.select_one("blockquote.copyable")["id"]
               for li in items)
    assert [[a["href"] for a in li.select(".match-studies a")] for li in items] == [
        ["/studies/wolfson-2023-ketamine-milk", "/studies/fda-2019-spravato-label"], ["/studies/big-2020-esketamine-rct"]]
    # the copy's 70% against the fixture evidence (41% in Big 2020); the breast-milk sentence has no figure
    assert items[0].select(".figure-checks li") == []
    assert [" ".join(li.get_text(" ", strip=True).split()) for li in items[1].select(".figure-checks li.outside")] == [
        "⚠ 70% is outside what the evidence gives: 41% (response rate at 6 weeks; Big 2020)"]
    rid = loc.rsplit("/", 1)[1]
    md = client.get(f"/check/{rid}.md")
    assert md.mimetype == "text/markdown" and "attachment" in md.headers["Content-Disposition"]
    body = md.get_data(as_text=True)
    assert body.startswith("# Evidence KB check: Pasted text")
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in body.splitlines() if line.startswith("| [")]
    assert [row[1:] for row in rows] == [["Supported", "Low", "1", "0"], ["Contradicted", "Very low", "1", "0"]]
    figure_lines = [line.strip() for line in body.splitlines() if line.strip().startswith("- Figure")]
    assert len(figure_lines) == 1 and figure_lines[0].startswith("- Figure 70%")
    assert "outside" in figure_lines[0] and "41% (response rate at 6 weeks; Big 2020)" in figure_lines[0]
    assert body.rstrip().endswith("it is not medical advice._")
    js = client.get(f"/check/{rid}.json")
    assert js.mimetype == "application/json" and "attachment" in js.headers["Content-Disposition"]
    report = json.loads(js.get_data(as_text=True))
    assert report == client.get(f"/api/check/{rid}").json
    assert {cid: (c["verdict"], c["asserted"], c["denied"]) for cid, c in report["claims"].items()} == {
        "milk-transfer-minimal": ("supported", 1, 0), "response-rate-70pct": ("contradicted", 1, 0)}
    figures = [f for s in report["sentences"] for c in s["claims"] for f in c["figures"]]
    assert [(f["copy"], f["measure"], f["evidence"], f["outside"]) for f in figures] == [
        ("70%", "response-rate", "41% (response rate at 6 weeks; Big 2020)", True)]


def test_hedged_sentence_marked(client):
    # the hedge must bear on the claim itself ("... and may help" hedges only its own predicate)
    r = post_check(client, text="Ketamine may barely pass into breast milk. Ketamine barely passes into breast milk.")
    page = BeautifulSoup(client.get(r.headers["Location"]).get_data(as_text=True), "html.parser")
    items = page.select("ol.flagged-list > li.flagged-item")
    assert [li.select_one("p.hedged") is not None for li in items] == [True, False]  # only the "may" sentence


def test_a_claim_the_kb_added_is_flagged_and_not_listed_as_missing_from_the_knowledge_base(client):
    """esketamine-prevents-ppd is a claim the fixture KB added (no `catalog: true`): its sentence is check-worthy in
    the JSON (outside the catalog) yet flagged with the KB's answer, never listed as not in the knowledge base."""
    text = "Esketamine prevents postpartum depression. Zuranolone can make you sleepy, so do not drive for 12 hours after each dose."
    api = client.post("/api/check", json={"text": text}).json
    added, uncovered = api["sentences"]
    assert [c["id"] for c in added["claims"]] == ["esketamine-prevents-ppd"] and added["checkworthy"] is True
    assert api["claims"]["esketamine-prevents-ppd"]["catalog"] is False
    assert uncovered["claims"] == [] and uncovered["checkworthy"] is True
    assert api["summary"]["checkworthy_uncovered"] == 1
    page = BeautifulSoup(client.get(post_check(client, text=text).headers["Location"]).get_data(as_text=True), "html.parser")
    assert [m.get_text(" ", strip=True) for m in page.select(".checked-text mark.flagged")] == [
        "[1] Esketamine prevents postpartum depression."]
    assert [li.get_text(" ", strip=True) for li in page.select(".uncovered-list li")] == [uncovered["text"]]


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
    page = BeautifulSoup(client.get(r.headers["Location"]).get_data(as_text=True), "html.parser")
    assert "Source: copy.md" in page.select_one("main p.muted").get_text()
    assert page.select_one(".flagged-list .match-claim a")["href"] == "/claims/milk-transfer-minimal"


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
    monkeypatch.setattr(fetch, "fetch_url", lambda url, **kw: page)  # the network is the one thing replaced
    r = post_check(client, url="https://clinic.example/")
    assert r.status_code == 303
    html = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "Source: https://clinic.example/" in html and "Contradicted" in html


def test_real_document_extractor(client):
    """The real intake: a .txt upload is read; an unsupported type gets 415 with its message."""
    r = post_check(client, document=(io.BytesIO(b"Ketamine barely passes into breast milk."), "copy.txt"))
    assert r.status_code == 303
    page = BeautifulSoup(client.get(r.headers["Location"]).get_data(as_text=True), "html.parser")
    assert page.select_one("mark#s-1").get_text(" ", strip=True).endswith("Ketamine barely passes into breast milk.")
    r = post_check(client, document=(io.BytesIO(b"MZ\x90\x00binary"), "tool.exe"))
    assert r.status_code == 415
    assert "The file tool.exe could not be checked" in r.get_data(as_text=True)  # back on the form, in words


def test_a_claim_only_the_claim_model_found_says_so_on_the_page_and_in_the_json(make_engine):
    """Over the real records (the claim model knows their claims): the invented sentence of tests/indexer/test_claim_model.py,
    which the frames miss, is flagged with found_by "model" and the page says a learned guess found it; a frame's claim
    in the same text carries found_by "frames" and no such note."""
    from pathlib import Path

    from indexer.copycheck.report import MODEL_FOUND_NOTE
    from webui import create_app

    app = create_app({"TESTING": True, "ENGINE": make_engine(Path(__file__).resolve().parents[2] / "kb"),
                      "WTF_CSRF_ENABLED": True, "RATELIMIT_ENABLED": False, "SECRET_KEY": "test-secret", "SERVER_NAME": None})
    client = app.test_client()
    text = "Symptoms typically begin within the first few weeks after giving birth. Ketamine barely passes into breast milk."
    learned, framed = client.post("/api/check", json={"text": text}).json["sentences"]
    assert [(c["id"], c["found_by"]) for c in learned["claims"]] == [("ppd-onset-timing", "model")]
    assert {c["found_by"] for c in framed["claims"]} == {"frames"}
    page = BeautifulSoup(client.get(post_check(client, text=text).headers["Location"]).get_data(as_text=True), "html.parser")
    notes = [li.select_one("p.found-by") for li in page.select("ol.flagged-list > li.flagged-item")]
    assert [n.get_text(strip=True) if n else None for n in notes] == [MODEL_FOUND_NOTE, None]
