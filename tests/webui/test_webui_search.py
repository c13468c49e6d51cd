"""The search page: results, snippets, facets, did-you-mean, pagination, escaping."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup
from markupsafe import escape


def hrefs(html: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', html)]


def soup(client, url: str) -> BeautifulSoup:
    r = client.get(url)
    assert r.status_code == 200, url
    return BeautifulSoup(r.get_data(as_text=True), "html.parser")


def result_links(page: BeautifulSoup) -> list[str]:
    return [a["href"] for a in page.select("ol.result-list > li.result .result-title a")]


def twin_links(client, url: str) -> list[str]:
    """The result links the /api twin of a search URL gives, in its order."""
    data = client.get("/api" + url).json
    return [f"/{'claims' if r['type'] == 'claim' else 'studies'}/{r['id']}" for r in data["results"]]


def test_results_with_snippets_and_query_kept(client):
    page = soup(client, "/search?q=breast+milk")
    assert page.find("input", id="q")["value"] == "breast milk"
    # the two fixture records that mention breast milk, in the engine's order (the JSON twin's)
    assert sorted(result_links(page)) == ["/claims/milk-transfer-minimal", "/studies/wolfson-2023-ketamine-milk"]
    assert result_links(page) == twin_links(client, "/search?q=breast+milk")
    for item in page.select("ol.result-list > li.result"):
        assert [m.get_text() for m in item.select(".snippet mark")] == ["breast", "milk"]


def test_facets_with_counts_and_toggle_links(client):
    html = client.get("/search?q=ketamine").get_data(as_text=True)
    assert 'id="facet-type"' in html and 'id="facet-verdict"' in html and 'id="facet-design"' in html
    type_facet = BeautifulSoup(html, "html.parser").find("section", attrs={"aria-labelledby": "facet-type"})
    counts = {a["href"]: int(a.select_one(".count").get_text()) for a in type_facet.select("a")}
    # "ketamine" is in two fixture claims and one study
    assert sorted(counts.values()) == [1, 2]
    links = [h for h in hrefs(html) if h.startswith("/search?")]
    study_link = next(h for h in links if parse_qs(urlsplit(h).query).get("type") == ["study"])
    assert parse_qs(urlsplit(study_link).query)["q"] == ["ketamine"]
    html2 = client.get(study_link).get_data(as_text=True)
    assert result_links(BeautifulSoup(html2, "html.parser")) == ["/studies/wolfson-2023-ketamine-milk"]
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
    # "ketamne" finds nothing, so the index's own word "ketamine" is searched instead
    page = soup(client, "/search?q=ketamne")
    notices = [p.get_text(" ", strip=True) for p in page.select("p.notice")]
    assert notices[0].startswith("Showing results for ketamine")
    assert page.select_one("p.suggestion a")["href"] == "/search?q=ketamine"
    assert "No results for 'ketamne'; showing results for 'ketamine'." in notices  # the engine's message
    assert result_links(page) == twin_links(client, "/search?q=ketamine")
    # "ketamine brest" finds results through "ketamine": the fix is offered, not searched
    page = soup(client, "/search?q=ketamine+brest")
    assert page.select_one("p.suggestion").get_text(" ", strip=True) == "Did you mean ketamine breast ?"
    assert page.select_one("p.suggestion a")["href"] == "/search?q=ketamine+breast"


def test_pagination(client):
    # six fixture records, two a page: three pages
    page1 = soup(client, "/search?q=&per_page=2")
    nav = page1.find("nav", attrs={"aria-label": "Result pages"})
    assert [a.get_text() for a in nav.select("a:not([rel])")] == ["1", "2", "3"]
    assert nav.select_one('a[rel="next"]') and not nav.select_one('a[rel="prev"]')
    page2 = soup(client, "/search?q=&per_page=2&page=2")
    assert page2.select_one('nav a[aria-current="page"]').get_text() == "2"
    assert page2.select_one('nav a[rel="prev"]') and page2.select_one("ol.result-list")["start"] == "3"
    seen = result_links(page1) + result_links(page2) + result_links(soup(client, "/search?q=&per_page=2&page=3"))
    assert len(seen) == len(set(seen)) == 6
    # out-of-range paging is clamped: at most 50 a page, page 1 at the least
    clamped = soup(client, "/search?q=&per_page=5000&page=-3")
    assert len(result_links(clamped)) == 6 and clamped.find("nav", attrs={"aria-label": "Result pages"}) is None
    meta = client.get("/api/search?q=&per_page=5000&page=-3").json
    assert (meta["per_page"], meta["page"], meta["pages"]) == (50, 1, 1)


def test_export_links_for_search(client):
    html = client.get("/search?q=ketamine&type=study").get_data(as_text=True)
    assert "/search/cite.ris?q=ketamine&amp;type=study" in html


def test_xss_in_query_is_escaped(client):
    payload = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
    r = client.get("/search", query_string={"q": payload})
    html = r.get_data(as_text=True)
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert str(escape(payload)) in html
    page = BeautifulSoup(html, "html.parser")
    assert page.find("input", id="q")["value"] == payload  # kept as the reader typed it, as text
    assert page.select("[onerror]") == [] and all(t.get("src", "").startswith("/static/") for t in page.find_all("script"))


def test_long_query_is_answered_not_refused(client):
    # One limit for every front end (kb/limits.py): the engine cuts a long query with a message, as
    # the CLI does; tests/reliability/test_limits_and_settings.py checks the message on the real engine.
    assert client.get("/search", query_string={"q": "x" * 301}).status_code == 200
    assert client.get("/api/search", query_string={"q": "x" * 301}).status_code == 200


def test_bad_filter_value_is_400(client):
    assert client.get("/search?topic=%3Cscript%3E").status_code == 400


def test_engine_value_error_becomes_400(app, client, engine, monkeypatch):
    def boom(*a, **k):
        raise ValueError("year must look like 2019 or 2019-2024")

    monkeypatch.setattr(engine, "search", boom)
    r = client.get("/api/search?q=x&year=abc")
    assert r.status_code == 400 and "year must" in r.json["error"]["message"]


def test_facet_links_are_written_exactly_as_url_for_writes_them(app):
    from flask import url_for

    from webui.searching import with_query

    awkward = [{}, {"q": "ketamine breast milk"}, {"q": 'topic:"breast-milk" 70% & <b>', "type": "claim", "page": 2},
               {"q": "é ü ß — “quotes” /slash?:@!$'()*,;", "year": 2024, "verdict": None}]
    with app.test_request_context("/"):
        base = url_for("search.results")
        for query in awkward:
            expected = url_for("search.results", **{k: v for k, v in query.items() if v is not None})
            assert with_query(base, query) == expected


def test_an_index_failing_under_the_server_is_a_503_with_its_message_not_a_500(make_engine, monkeypatch):
    """A build damaged, or deleted by another builder's clean-up, while the server reads it: the engine says
    IndexUnavailable (and starts a repair); pages and the API answer 503 with that message, never a 500."""
    import indexer.engine as engine_module
    from webui import create_app

    app = create_app({"TESTING": True, "ENGINE": make_engine(), "RATELIMIT_ENABLED": False,
                      "SECRET_KEY": "test-secret", "SERVER_NAME": None})
    client = app.test_client()

    def damaged(*args, **kwargs):  # Whoosh failing on its own files
        raise EOFError("Ran out of input (simulated damaged posting file)")

    monkeypatch.setattr(engine_module, "search", damaged)
    api = client.get("/api/search", query_string={"q": "milk"})
    assert api.status_code == 503 and api.json["error"]["code"] == "unavailable"
    assert "repaired" in api.json["error"]["message"] and api.headers["Retry-After"]
    page = client.get("/search", query_string={"q": "breast milk"})
    assert page.status_code == 503 and b"repaired" in page.data and b"Traceback" not in page.data
