"""The search page: results, snippets, facets, did-you-mean, pagination, escaping."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from markupsafe import escape


def hrefs(html: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', html)]


def test_results_with_snippets_and_query_kept(client):
    html = client.get("/search?q=breast+milk").get_data(as_text=True)
    assert 'value="breast milk"' in html
    assert "<mark>breast</mark>" in html and "<mark>milk</mark>" in html
    assert 'href="/claims/milk-transfer-minimal"' in html
    assert "result" in html


def test_facets_with_counts_and_toggle_links(client, engine):
    html = client.get("/search?q=ketamine").get_data(as_text=True)
    assert 'id="facet-type"' in html and 'id="facet-verdict"' in html and 'id="facet-design"' in html
    links = [h for h in hrefs(html) if h.startswith("/search?")]
    study_link = next(h for h in links if parse_qs(urlsplit(h).query).get("type") == ["study"])
    assert parse_qs(urlsplit(study_link).query)["q"] == ["ketamine"]
    html2 = client.get(study_link).get_data(as_text=True)
    assert engine.calls[-1]["type"] == "study"
    assert "Active filters" in html2 and 'aria-current="true"' in html2
    # the active facet links back to the search without it
    remove = [h for h in hrefs(html2) if h.startswith("/search?") and "type=" not in h and "q=ketamine" in h]
    assert remove
    assert 'type="hidden" name="type" value="study"' in html2


def test_filter_typed_in_query_is_active_and_removable(client):
    html = client.get("/search?q=ketamine+verdict:supported").get_data(as_text=True)
    assert "Active filters" in html
    links = [h for h in hrefs(html) if h.startswith("/search?")]
    assert any(parse_qs(urlsplit(h).query).get("q") == ["ketamine"] for h in links)


def test_verdict_facet_shows_badges(client):
    html = client.get("/search?q=").get_data(as_text=True)
    facet = html[html.index('id="facet-verdict"'):]
    assert "badge verdict" in facet[:3000]


def test_did_you_mean(client):
    html = client.get("/search?q=ketamne").get_data(as_text=True)
    assert "Showing results for" in html
    assert 'href="/search?q=ketamine"' in html
    assert "No results for" in html  # the engine's message is shown
    html = client.get("/search?q=brest+zzzz").get_data(as_text=True)  # suggestion offered but not searched
    assert "Did you mean" in html and 'href="/search?q=breast+zzzz"' in html


def test_pagination(client, engine):
    html = client.get("/search?q=&per_page=2").get_data(as_text=True)
    assert 'aria-label="Result pages"' in html and 'rel="next"' in html
    html2 = client.get("/search?q=&per_page=2&page=2").get_data(as_text=True)
    assert 'rel="prev"' in html2 and engine.calls[-1]["page"] == 2
    client.get("/search?q=&per_page=5000&page=-3")
    assert engine.calls[-1]["per_page"] == 50 and engine.calls[-1]["page"] == 1


def test_export_links_for_search(client):
    html = client.get("/search?q=ketamine&type=study").get_data(as_text=True)
    assert "/search/cite.ris?q=ketamine&amp;type=study" in html


def test_xss_in_query_is_escaped(client):
    payload = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
    r = client.get("/search", query_string={"q": payload})
    html = r.get_data(as_text=True)
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert str(escape(payload)) in html or "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_query_too_long_is_400(client):
    assert client.get("/search", query_string={"q": "x" * 301}).status_code == 400
    assert client.get("/api/search", query_string={"q": "x" * 301}).json["error"]["code"] == "bad_request"


def test_bad_filter_value_is_400(client):
    assert client.get("/search?topic=%3Cscript%3E").status_code == 400


def test_engine_value_error_becomes_400(app, client, engine, monkeypatch):
    def boom(*a, **k):
        raise ValueError("year must look like 2019 or 2019-2024")

    monkeypatch.setattr(engine, "search", boom)
    r = client.get("/api/search?q=x&year=abc")
    assert r.status_code == 400 and "year must" in r.json["error"]["message"]
