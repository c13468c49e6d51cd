"""HTML pages: status codes, security headers, content, drafts hidden, escaping."""
from __future__ import annotations

import re

import pytest

from webui.security import CSP

PAGES = ["/", "/method", "/search?q=ketamine", "/claims", "/claims/milk-transfer-minimal", "/studies",
         "/studies/wolfson-2023-ketamine-milk", "/topics", "/topics/safety", "/check"]


@pytest.mark.parametrize("url", PAGES + ["/api/claims", "/nope", "/api/nope", "/healthz"])
def test_security_headers_on_every_response(client, url):
    r = client.get(url)
    assert r.headers["Content-Security-Policy"] == CSP
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "same-origin"
    assert r.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_with_landmarks_twin_and_disclaimer(client, url):
    r = client.get(url)
    assert r.status_code == 200, url
    html = r.get_data(as_text=True)
    assert r.mimetype == "text/html"
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    assert "Not medical advice." in html
    twin = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)">', html)
    assert twin, url
    assert client.get(twin.group(1)).status_code == 200
    # CSP: no inline script (other than JSON-LD data) and no style attributes
    assert " style=" not in html
    for m in re.finditer(r"<script([^>]*)>", html):
        assert 'src="/static/' in m.group(1) or 'type="application/ld+json"' in m.group(1)


def test_static_assets_are_local(client):
    html = client.get("/").get_data(as_text=True)
    for ref in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not ref.startswith(("http://", "https://", "//")), ref
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200


def test_home_lists_every_claim_grouped_by_topic_with_verdicts(client, engine):
    html = client.get("/").get_data(as_text=True)
    assert 'role="search"' in html and 'name="q"' in html
    assert html.index('name="q"') < html.index("Every claim, by topic")
    assert "Breast milk and breastfeeding" in html and "Efficacy" in html
    for cid in engine.snapshot().kb.claims:
        assert f'href="/claims/{cid}"' in html
    # verdict as text + symbol + colour class
    assert '<span class="badge verdict v-supported "><span class="badge-icon" aria-hidden="true">✓</span> Supported</span>' in html
    assert "Contradicted" in html


def test_claim_page_content(client):
    html = client.get("/claims/milk-transfer-minimal").get_data(as_text=True)
    assert "Only a very small amount of ketamine reaches breast milk." in html
    assert "⊕⊕◯◯" in html and "Low" in html
    assert "Bottom line" in html and "Two small studies found relative infant doses under 1%." in html
    assert "What the copy leaves out" in html and "Only a handful of women were studied." in html
    assert 'id="accurate-wording"' in html and 'data-copy-target="accurate-wording"' in html
    assert "What would change the verdict" in html
    assert "Last reviewed:" in html and '<time datetime="2025-11-23">' in html
    assert 'class="permalink" href="http://localhost/claims/milk-transfer-minimal"' in html
    # references: Vancouver/AMA with links
    assert ("Wolfson PE, Cole R, Lynch K. The Pharmacokinetics of Ketamine in the Breast Milk of Lactating Women: "
            "Quantification of Ketamine &amp; Metabolites. J Psychoactive Drugs. 2023;55(3):354-358. "
            "doi:10.1080/02791072.2022.2101903") in html  # AMA via citeproc-py, the default style
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/35880962/"' in html
    assert 'href="https://doi.org/10.1080/02791072.2022.2101903"' in html
    # evidence chart with title/desc and a text alternative
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'id="evidence-chart-title"' in html
    assert 'id="evidence-chart-desc"' in html and "Evidence map as a list" in html
    assert "Relative risk (RR)" not in html  # no ratio effect with a CI: no forest plot


def test_claim_page_forest_plot_and_evidence_rows(client):
    from bs4 import BeautifulSoup

    html = client.get("/claims/esketamine-prevents-ppd").get_data(as_text=True)
    assert 'id="forest-plot-title"' in html and "RR 0.50 (0.30–0.80)" in html
    assert "Ratio estimates as a table" in html
    rows = BeautifulSoup(html, "html.parser").select("table.evidence-table tbody tr")
    assert [tr.select_one("th a")["href"] for tr in rows] == [
        "/studies/big-2020-esketamine-rct", "/studies/wolfson-2023-ketamine-milk"]
    # more than 6 authors: first 3 then et al; an organisation kept whole
    assert "Big A, Small BC, Middle D, et al." in html


def test_evidence_table_sorts_server_side(client):
    by_design = client.get("/claims/esketamine-prevents-ppd?sort=design").get_data(as_text=True)
    by_year = client.get("/claims/esketamine-prevents-ppd?sort=year").get_data(as_text=True)
    table = lambda h: h[h.index('<table class="evidence-table'):h.index("</table>")]
    assert table(by_design).index("Big A") < table(by_design).index("Wolfson")  # RCT ranks above PK study
    assert table(by_year).index("Wolfson") < table(by_year).index("Big A")  # 2023 before 2020
    assert 'aria-sort="descending"' in table(by_year)
    assert client.get("/claims/esketamine-prevents-ppd?sort=bogus").status_code == 200


def test_contradicted_claim_shows_the_study_that_refutes_it(client):
    from bs4 import BeautifulSoup

    html = client.get("/claims/response-rate-70pct").get_data(as_text=True)
    assert "⊕◯◯◯" in html  # very low certainty
    table = BeautifulSoup(html, "html.parser").select_one("table.evidence-table")
    rows = [[cell.get_text(" ", strip=True) for cell in tr.select("th, td")] for tr in table.select("tbody tr")]
    assert [(r[0], r[5], r[6]) for r in rows] == [
        ("Big A et al. 2020", "41% responded at 6 weeks. proportion% 41; response, 6 weeks", "■ Refutes")]


def test_study_page(client):
    html = client.get("/studies/big-2020-esketamine-rct").get_data(as_text=True)
    for text in ("Randomised controlled trial", "Placebo", "Esketamine 0.2 mg/kg", "Fewer cases: RR 0.50 (0.30-0.80).",
                 "Single centre.", "/studies/big-2020-esketamine-rct/cite.ris", "https://example.org/fixture/big-2020-esketamine-rct",
                 "Citation verified against", "/claims/esketamine-prevents-ppd", "RR 0.50 (95% CI 0.30–0.80)"):
        assert text in html, text
    assert "Supports" in html


def test_drafts_never_shown(client, fixture_kb_dir):
    # the draft is in the records folder: leaving it out is the engine's and the pages' doing
    assert (fixture_kb_dir / "studies" / "secret-2024-draft-study.yaml").is_file()
    found = client.get("/api/search?q=DRAFTSTUDY+secret").json["results"]
    assert "secret-2024-draft-study" not in {r["id"] for r in found}
    assert client.get("/studies/secret-2024-draft-study").status_code == 404
    assert client.get("/api/studies/secret-2024-draft-study").status_code == 404
    for url in ("/studies", "/topics/efficacy", "/api/studies?per_page=50", "/search?q=", "/claims/esketamine-prevents-ppd/cite.ris"):
        body = client.get(url).get_data(as_text=True)
        assert "DRAFTSTUDY" not in body and "secret-2024-draft-study" not in body, url


def test_linked_evidence_leaves_out_a_study_the_snapshot_lacks(app, engine):
    """A link to a draft cannot pass `kb validate`; linked_evidence still never shows one."""
    from kb.models import EvidenceLink
    from webui.engine import linked_evidence

    claim = engine.snapshot().kb.claims["esketamine-prevents-ppd"]
    draft = EvidenceLink(study="secret-2024-draft-study", stance="refutes", finding="DRAFTLINK")
    with app.test_request_context():
        linked = linked_evidence(claim.model_copy(update={"evidence": [*claim.evidence, draft]}))
    assert [study.key for _, study in linked] == ["big-2020-esketamine-rct", "wolfson-2023-ketamine-milk"]


def test_topic_pages(client):
    html = client.get("/topics/safety").get_data(as_text=True)
    assert "Safety and side effects" in html
    assert "/claims/milk-transfer-minimal" in html and "/studies/fda-2019-spravato-label" in html
    assert client.get("/topics/nope").status_code == 404
    assert "Breast milk and breastfeeding" in client.get("/topics").get_data(as_text=True)


def test_method_page(client):
    html = client.get("/method").get_data(as_text=True)
    for text in ("Supported", "Partly supported", "Mixed evidence", "Unsupported", "Contradicted",
                 "⊕⊕⊕⊕", "⊕⊕⊕◯", "⊕⊕◯◯", "⊕◯◯◯", "Very low", "Reporting a mistake", "Sources", "not medical advice"):
        assert text in html, text


def test_html_404_page(client):
    r = client.get("/no/such/page")
    assert r.status_code == 404 and r.mimetype == "text/html"
    html = r.get_data(as_text=True)
    assert "Page not found" in html and "Traceback" not in html
    r = client.get("/claims/nope")
    assert r.status_code == 404 and "no claim with the id" in r.get_data(as_text=True)


def test_html_405_page(client):
    r = client.post("/claims", data={})
    assert r.status_code in (400, 405)  # CSRF may answer first
    r = client.delete("/")
    assert r.status_code == 405 and r.mimetype == "text/html"


@pytest.mark.parametrize("path", ["/boom", "/api/boom"])
def test_500_never_shows_internals(app, client, path):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    def boom():
        raise RuntimeError("secret internals")

    app.add_url_rule(path, "boom", boom)
    r = client.get(path)
    body = r.get_data(as_text=True)
    assert r.status_code == 500 and "secret internals" not in body and "Traceback" not in body
    if path.startswith("/api/"):
        assert r.json["error"]["code"] == "internal_error"
    else:
        assert r.mimetype == "text/html" and "Something went wrong" in body


def test_create_app_does_not_build_engine(tmp_path):
    from webui import create_app

    app = create_app({"KB_DIR": tmp_path / "kb", "INDEX_DIR": tmp_path / "ix"})
    assert "evidence_engine" not in app.extensions
    assert not (tmp_path / "ix").exists()


def test_secret_key_from_environment(monkeypatch):
    from webui import create_app

    monkeypatch.setenv("EVIDENCE_KB_SECRET_KEY", "from-env")
    assert create_app().config["SECRET_KEY"] == "from-env"
    monkeypatch.delenv("EVIDENCE_KB_SECRET_KEY")
    a, b = create_app().config["SECRET_KEY"], create_app().config["SECRET_KEY"]
    assert a != b and len(a) >= 32
