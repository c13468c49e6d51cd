"""The rendered-page cache (webui/pagecache.py): repeated pages come from memory, never a stale or private one."""
from __future__ import annotations

import shutil

from flask import render_template_string

from webui import create_app
from webui.pagecache import CachedPage, PageCache, cached_page, page_cache


def test_repeated_search_page_is_served_from_the_cache_unchanged(app, client):
    first = client.get("/search?q=ketamine+breast+milk")
    assert first.status_code == 200
    with app.app_context():
        before = page_cache().stats()
    again = client.get("/search?q=ketamine+breast+milk")
    with app.app_context():
        after = page_cache().stats()
    assert again.status_code == 200
    assert again.get_data() == first.get_data()
    assert again.mimetype == first.mimetype == "text/html"
    assert after["hits"] == before["hits"] + 1


def test_json_twin_keeps_its_content_type(client):
    first = client.get("/api/search?q=ketamine")
    again = client.get("/api/search?q=ketamine")
    assert again.mimetype == "application/json"
    assert again.get_json() == first.get_json()


def test_different_query_strings_and_style_cookies_are_different_pages(app, client, engine):
    claim_id = sorted(engine.snapshot().kb.claims)[0]
    a = client.get("/search?q=ketamine")
    b = client.get("/search?q=ketamine&type=study")
    assert a.get_data() != b.get_data()
    plain = client.get(f"/claims/{claim_id}").get_data()
    client.set_cookie("cite_style", "vancouver")
    styled = client.get(f"/claims/{claim_id}").get_data()
    client.delete_cookie("cite_style")
    assert client.get(f"/claims/{claim_id}").get_data() == plain
    with app.app_context():
        keys = [k for k in page_cache()._pages if k[4] == "claims.claim"]
    assert {k[-1] for k in keys} == {(None,), ("vancouver",)}
    assert styled  # rendered (its citations' style is tested in test_webui_export)


def test_errors_are_not_cached(app, client):
    assert client.get("/claims/no-such-claim").status_code == 404
    with app.app_context():
        assert not [k for k in page_cache()._pages if "no-such-claim" in k[5]]


def test_an_edited_record_is_never_answered_from_an_older_page(tmp_path, fixture_kb_dir, make_engine):
    kb_dir = tmp_path / "kb"
    shutil.copytree(fixture_kb_dir, kb_dir)
    engine = make_engine(kb_dir)
    app = create_app({"TESTING": True, "ENGINE": engine, "RATELIMIT_ENABLED": False, "SECRET_KEY": "t"})
    client = app.test_client()
    claim_id = sorted(engine.snapshot().kb.claims)[0]
    assert b"quokkaspline" not in client.get(f"/claims/{claim_id}").get_data()
    path = kb_dir / "claims" / f"{claim_id}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("bottom_line: ", "bottom_line: quokkaspline ", 1), encoding="utf-8")
    engine.rebuild()
    assert b"quokkaspline" in client.get(f"/claims/{claim_id}").get_data()


def test_a_page_with_a_form_token_is_never_shared(engine):
    app = create_app({"TESTING": True, "ENGINE": engine, "RATELIMIT_ENABLED": False, "SECRET_KEY": "t"})

    @app.get("/form-page")
    @cached_page()
    def form_page():
        return render_template_string("<form><input name=csrf_token value='{{ csrf_token() }}'></form>")

    one, two = app.test_client(), app.test_client()
    assert one.get("/form-page").get_data() != two.get("/form-page").get_data()
    with app.app_context():
        assert page_cache().stats()["pages"] == 0


def test_cache_is_bounded_in_bytes_and_evicts_least_recently_used():
    cache = PageCache(max_bytes=4000)
    page = CachedPage(b"x" * 900, "text/html", ())
    for i in range(6):
        cache.put(("k", i), page)
        cache.get(("k", 0))  # keep the first one in use
    stats = cache.stats()
    assert stats["bytes"] <= 4000 and stats["pages"] == 4
    assert cache.get(("k", 0)) is not None and cache.get(("k", 1)) is None
    cache.put(("huge",), CachedPage(b"x" * 2000, "text/html", ()))  # over a quarter of the bound: not kept
    assert cache.get(("huge",)) is None


def test_zero_bytes_turns_the_cache_off(engine):
    app = create_app({"TESTING": True, "ENGINE": engine, "PAGE_CACHE_MAX_BYTES": 0, "RATELIMIT_ENABLED": False})
    client = app.test_client()
    assert client.get("/search?q=ketamine").status_code == 200
    with app.app_context():
        assert page_cache() is None


def test_healthz_reports_the_cache(client):
    client.get("/search?q=ketamine")
    client.get("/search?q=ketamine")
    stats = client.get("/healthz").get_json()["page_cache"]
    assert stats["pages"] >= 1 and stats["hits"] >= 1 and 0 < stats["bytes"] <= stats["max_bytes"]


def test_a_search_cut_short_by_its_time_limit_is_not_kept(app, client, engine, monkeypatch):
    real_search = engine.search

    def slow_search(*args, **kwargs):
        result = real_search(*args, **kwargs)
        result.timed_out = True
        return result

    monkeypatch.setattr(engine, "search", slow_search)
    assert client.get("/search?q=ketamine+timed").status_code == 200
    assert client.get("/api/search?q=ketamine+timed").status_code == 200
    with app.app_context():
        assert not [k for k in page_cache()._pages if "timed" in k[5]]
