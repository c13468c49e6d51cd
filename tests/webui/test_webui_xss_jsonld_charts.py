"""Escaping of hostile record text, ClaimReview JSON-LD, and the SVG charts."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from kb.models import EvidenceLink, Study
from webui import charts

PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')


@pytest.mark.parametrize("url", ["/", "/claims", "/claims/esketamine-prevents-ppd", "/studies/big-2020-esketamine-rct",
                                 "/topics/efficacy", "/search?q=esketamine", "/studies", "/claims/milk-transfer-minimal"])
def test_record_text_is_escaped(client, url):
    html = client.get(url).get_data(as_text=True)
    body = html.split("</head>", 1)[1]
    assert "<script>alert(1)" not in body
    assert "<img src=x" not in body and "<b>Not bold</b>" not in body


def test_hostile_text_shown_as_text(client):
    html = client.get("/claims/esketamine-prevents-ppd").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;Not bold&lt;/b&gt;" in html


def test_xss_in_pasted_text_is_escaped(client):
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', client.get("/check").get_data(as_text=True)).group(1)
    text = f"{PAYLOADS[0]} Ketamine barely passes into breast milk {PAYLOADS[1]}."
    r = client.post("/check", data={"csrf_token": token, "text": text})
    html = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = client.get(r.headers["Location"] + ".md").get_data(as_text=True)
    assert "<script>" not in md and "\\<script\\>" in md


def test_malicious_snippet_is_neutralised():
    from webui.present import safe_snippet

    out = str(safe_snippet('safe <mark>hit</mark> <img src=x onerror=alert(1)>'))
    assert "<mark>hit</mark>" in out and "<img" not in out and "&lt;img" in out


def ld_json(html: str) -> dict:
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


def test_claim_review_structure(client):
    html = client.get("/claims/esketamine-prevents-ppd").get_data(as_text=True)
    ld = ld_json(html)
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "ClaimReview"
    assert ld["url"] == "http://localhost/claims/esketamine-prevents-ppd"
    assert ld["claimReviewed"].startswith("Esketamine prevents postpartum depression <script>")
    assert ld["reviewRating"] == {"@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 1,
                                  "alternateName": "Partly supported"}
    assert ld["itemReviewed"]["@type"] == "Claim"
    assert ld["datePublished"] == ld["dateModified"] == "2025-10-01"
    assert ld["author"] == {"@type": "Organization", "name": "Evidence KB"}
    # the record's "</script>" cannot end the element early
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and "\\u003c/script\\u003e" in block


@pytest.mark.parametrize("cid,rating", [("milk-transfer-minimal", 5), ("response-rate-70pct", 1)])
def test_claim_review_ratings(client, cid, rating):
    assert ld_json(client.get(f"/claims/{cid}").get_data(as_text=True))["reviewRating"]["ratingValue"] == rating


def study(key, year, n, design="rct", authors=("Doe J",)):
    return Study(key=key, title=f"T <{key}>", authors=list(authors), year=year, n=n, design=design,
                 pmid="1", verified_from="https://example.org/")


def test_evidence_chart_is_valid_svg_with_marks_sized_by_n():
    rows = [(EvidenceLink(study="a", stance="supports", finding="f"), study("a", 2019, 400)),
            (EvidenceLink(study="b", stance="refutes", finding="f"), study("b", 2021, 100, "cohort")),
            (EvidenceLink(study="c", stance="mixed", finding="f"), study("c", None, None, "meta-analysis")),
            (EvidenceLink(study="d", stance="context", finding="f"), study("d", 2023, 25, "rct", ("A & <B>",)))]
    svg = str(charts.evidence_chart(rows, uid="t"))
    root = ET.fromstring(svg)  # well-formed XML, text escaped
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text and root.find(f"{ns}desc").text.startswith("4 studies")
    assert root.get("role") == "img" and root.get("aria-labelledby") == "t-title t-desc"
    circles = [c for c in root.iter(f"{ns}circle") if c.get("stroke-dasharray") is None]
    big = max(float(c.get("r")) for c in circles)
    assert big == pytest.approx(18.0)
    rect = next(r for r in root.iter(f"{ns}rect") if r.get("stroke") == charts.STANCE_COLOURS["refutes"])
    # area ∝ n: the 100-participant square has a quarter of the 400-participant circle's area
    assert float(rect.get("width")) ** 2 == pytest.approx(3.14159 * 18.0 ** 2 / 4, rel=0.02)
    assert "stroke-dasharray" in svg  # unknown n drawn dashed
    assert "n.d." in svg and "Meta-analysis" in svg and "Cohort study" in svg
    assert "style=" not in svg and "A &amp; &lt;B&gt;" in svg


def test_forest_plot():
    from kb.models import Effect

    e = Effect(measure="OR", value=0.3, ci_low=0.15, ci_high=0.6, outcome="PPD")
    rows = [(EvidenceLink(study="a", stance="supports", finding="f", effect=e), study("a", 2024, 100)),
            (EvidenceLink(study="b", stance="supports", finding="f", effect=Effect(measure="MD", value=2)), study("b", 2020, 10))]
    svg = str(charts.forest_plot(rows, uid="f"))
    root = ET.fromstring(svg)
    assert "OR 0.30 (0.15–0.60)" in svg and "no difference (1)" in svg
    assert len(charts.forest_rows(rows)) == 1
    assert charts.forest_plot(rows[1:]) == ""
    assert root.find("{http://www.w3.org/2000/svg}desc").text.startswith("1 ratio estimates")
