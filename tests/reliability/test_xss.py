"""Hostile text in every way it can reach a page comes back inert: real engine, real records, real extractors.

tests/webui already checks escaping with a fake engine (hostile record text, query, pasted copy) and
one browser probe on the search and check pages. Added here: a real KB with a hostile claim and
study (indexed, so the text also reaches search snippets and JSON-LD), hostile copy through
/api/check rendered on its report page, a hostile upload file name, structural checks with
BeautifulSoup (no foreign <script>, no on* attribute, no injected element), and a browser run over
the hostile claim page and report.
"""
from __future__ import annotations

import io
import json
import re
from urllib.parse import urlencode

import pytest
import requests
from bs4 import BeautifulSoup

from reliability_helpers import copy_kb, csrf_token, serve

PAYLOADS = [
    "<script>alert('xss-script')</script>",
    '"><img src=x id=xss-img onerror="alert(1)">',
    "<svg/onload=alert(2) id=xss-svg>",
    "' onmouseover='alert(3)' data-x='",
    "</script><script>alert(4)</script>",
    "<a href=\"javascript:alert(5)\" id=xss-link>click</a>",
]
HOSTILE = " ".join(PAYLOADS)
CLAIM = "milk-transfer-minimal"
STUDY = "wolfson-2023-ketamine-milk"
INJECTED_SELECTOR = "#xss-img, #xss-svg, #xss-link, img[src='x'], svg[onload]"


def make_hostile_kb(source, dest):
    from ruamel.yaml import YAML

    kb = copy_kb(source, dest)
    yaml = YAML()
    yaml.width = 4096
    edits = {
        kb / "claims" / f"{CLAIM}.yaml": {"statement": "append", "bottom_line": "append", "accurate_wording": "append",
                                          "what_copy_omits": "item", "phrasings": "item"},
        kb / "studies" / f"{STUDY}.yaml": {"title": "append", "summary": "append", "findings": "item"},
    }
    for path, fields in edits.items():
        data = yaml.load(path.read_text(encoding="utf-8"))
        for name, how in fields.items():
            if how == "append":
                data[name] = f"{data[name]} {HOSTILE}"
            else:
                data[name].append(f"Hostile {name} {HOSTILE}")
        with path.open("w", encoding="utf-8") as fh:
            yaml.dump(data, fh)
    return kb


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, real_kb_dir):
    from indexer.engine import Engine
    from webui import create_app

    kb = make_hostile_kb(real_kb_dir, tmp_path_factory.mktemp("hostile") / "kb")
    engine = Engine(kb, tmp_path_factory.mktemp("hostile-index"), auto_refresh=False)
    engine.rebuild()  # raises if the hostile records do not validate
    assert HOSTILE in engine.snapshot().kb.claims[CLAIM].bottom_line
    return create_app({"ENGINE": engine, "RATELIMIT_ENABLED": False, "SECRET_KEY": "xss-tests"})


@pytest.fixture
def client(hostile):
    return hostile.test_client()


def assert_inert(html: str) -> None:
    """No payload survives as markup: only the app's own scripts, no on* attributes, no injected elements."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        own_js = (script.get("src") or "").startswith("/static/") and not script.string
        json_ld = script.get("type") == "application/ld+json"
        assert own_js or json_ld, f"foreign script element: {str(script)[:200]}"
        if json_ld:
            assert "<" not in script.string, "JSON-LD must escape < so it cannot close its script element"
            json.loads(script.string)
    for tag in soup.find_all(True):
        handlers = [a for a in tag.attrs if a.lower().startswith("on")]
        assert not handlers, f"event handler attribute on <{tag.name}>: {handlers}"
        for attr in ("href", "src", "action", "formaction"):
            assert not str(tag.get(attr) or "").strip().lower().startswith("javascript:"), str(tag)[:200]
    assert not soup.select(INJECTED_SELECTOR), soup.select(INJECTED_SELECTOR)
    for raw in ("<script>alert", "<img src=x", "<svg/onload", "<svg onload", "<a href=\"javascript:"):
        assert raw not in html  # quotes may stay as they are in text: only markup characters matter


@pytest.mark.parametrize("url", [f"/claims/{CLAIM}", f"/studies/{STUDY}", "/claims", "/studies", "/",
                                 "/topics/breast-milk-transfer", "/search?q=breast+milk+alert",
                                 "/search?q=xss-script", "/search?" + urlencode({"q": "milk " + PAYLOADS[1]}),
                                 "/search?" + urlencode({"q": PAYLOADS[3]})])
def test_hostile_record_and_query_are_inert(client, url):
    r = client.get(url)
    assert r.status_code in (200, 400), r.status_code
    assert_inert(r.get_data(as_text=True))


def test_hostile_record_text_is_shown_as_text(client):
    html = client.get(f"/claims/{CLAIM}").get_data(as_text=True)
    text = BeautifulSoup(html, "html.parser").get_text(" ")
    assert "<script>alert('xss-script')</script>" in text  # visible to the reader, as text


def test_hostile_record_in_search_snippets_is_escaped(client):
    data = client.get("/api/search", query_string={"q": "xss-script alert"}).get_json()
    assert any(h["id"] == CLAIM for h in data["results"])
    for hit in data["results"]:
        assert not re.findall(r"<(?!/?mark\b)[^>]*>", hit["snippet"]), hit["snippet"]


def check_form(client, **fields):
    token = csrf_token(client.get("/check").get_data(as_text=True))
    return client.post("/check", data={"csrf_token": token, **fields}, content_type="multipart/form-data")


def test_hostile_copy_through_the_form_is_inert(client):
    r = check_form(client, text=f"{HOSTILE} Ketamine barely passes into breast milk. {PAYLOADS[1]} Works in hours.")
    assert r.status_code == 303
    assert_inert(client.get(r.headers["Location"]).get_data(as_text=True))


def test_hostile_copy_through_the_api_is_inert_on_its_report_page(client):
    r = client.post("/api/check", json={"text": f"{HOSTILE} Only trace amounts of ketamine pass into breast milk."})
    assert r.status_code == 200 and r.mimetype == "application/json"
    report_url = re.match(r"<([^>]+)>", r.headers["Link"]).group(1)
    assert_inert(client.get(report_url).get_data(as_text=True))


@pytest.mark.parametrize("name", ['<img src=x id=xss-img onerror="alert(1)">.txt', "<script>alert(1)</script>.md",
                                  "x\"><svg onload=alert(2) id=xss-svg>.html"])
def test_hostile_upload_file_name_is_inert(client, name):
    body = b"Ketamine works within hours. Only trace amounts of ketamine pass into breast milk."
    r = check_form(client, document=(io.BytesIO(body), name))
    assert r.status_code == 303, r.get_data(as_text=True)[:300]
    html = client.get(r.headers["Location"]).get_data(as_text=True)
    assert_inert(html)
    r = client.post("/api/check", data={"file": (io.BytesIO(body), name)}, content_type="multipart/form-data")
    assert r.status_code == 200
    assert_inert(client.get(re.match(r"<([^>]+)>", r.headers["Link"]).group(1)).get_data(as_text=True))


CHROMIUM = "/usr/bin/chromium"


def probe_in_browser(base: str, urls: list[str]) -> dict:
    """Load each URL in headless Chromium; what fired and what was injected.

    Runs in its own thread: Playwright's sync API keeps one event loop per thread, and tests/webui's
    session-wide browser may already hold the main thread's.
    """
    from playwright.sync_api import sync_playwright

    out: dict = {"dialogs": [], "injected": [], "inline_scripts": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                                                      "--disable-dev-shm-usage", "--no-first-run"])
        page = browser.new_context(base_url=base).new_page()
        page.set_default_timeout(15_000)
        page.on("dialog", lambda d: (out["dialogs"].append(d.message), d.dismiss()))
        for url in urls:
            page.goto(url)
            page.wait_for_load_state("load")
            page.hover("main")  # fire any mouseover handler that slipped through
            out["injected"] += [url] * page.locator(INJECTED_SELECTOR).count()
            out["inline_scripts"] += [url] * page.evaluate(
                "document.querySelectorAll('script:not([src]):not([type=\"application/ld+json\"])').length")
        page.wait_for_timeout(300)
        browser.close()
    return out


@pytest.mark.e2e
def test_browser_runs_no_injected_code(hostile):
    """Chromium loads a payload search, the hostile claim and study pages and a hostile report: nothing fires."""
    import os
    import threading

    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed")
    with serve(hostile) as base:
        report = requests.post(base + "/api/check", json={"text": f"{HOSTILE} Ketamine works within hours."}, timeout=30)
        urls = ["/search?" + urlencode({"q": "milk " + HOSTILE[:280]}), f"/claims/{CLAIM}", f"/studies/{STUDY}",
                re.match(r"<([^>]+)>", report.headers["Link"]).group(1)]
        result: dict = {}

        def run():
            try:
                result.update(probe_in_browser(base, urls))
            except Exception as exc:  # noqa: BLE001 - reported below, in the test's thread
                result["error"] = repr(exc)

        worker = threading.Thread(target=run, name="xss-browser")
        worker.start()
        worker.join(120)
    assert result, "the browser probe did not finish"
    assert "error" not in result, result.get("error")
    assert result == {"dialogs": [], "injected": [], "inline_scripts": []}
