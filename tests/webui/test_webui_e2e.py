"""Browser tests: headless Debian Chromium against the real app (waitress, real engine, real records).

Skipped only when /usr/bin/chromium is absent. Screenshots go to test-artifacts/ (gitignored).
"""
from __future__ import annotations

import re

import pytest
import rispy

pytestmark = pytest.mark.e2e

XSS = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def sample_claim(live_server):
    """A claim with linked studies and a ratio effect if there is one (the richest page)."""
    kb = live_server["engine"].snapshot().kb
    ranked = sorted(kb.claims.values(), key=lambda c: (
        -any(e.effect and e.effect.ci_low and e.effect.measure in ("RR", "OR", "HR") for e in c.evidence),
        -len(c.evidence), c.id))
    return ranked[0]


def test_search_facet_claim_export_and_back(page, artifacts_dir):
    page.goto("/")
    page.get_by_label("Search what the evidence says about a claim").fill("ketamine breast milk")
    page.get_by_role("button", name="Search", exact=True).first.click()
    page.wait_for_url(re.compile(r"/search\?q=ketamine"))
    assert page.locator(".snippet mark").count() > 0
    assert page.locator("#q").input_value() == "ketamine breast milk"
    page.screenshot(path=str(artifacts_dir / "results.png"), full_page=True)
    page.locator("#facet-type").locator("xpath=..").get_by_role("link", name=re.compile("Claims")).click()
    page.wait_for_url(re.compile(r"type=claim"))
    assert page.locator(".active-filters .chip").count() == 1
    results_url = page.url
    page.locator(".result-title a").first.click()
    page.wait_for_url(re.compile(r"/claims/"))
    assert page.locator("h1#claim-title").is_visible()
    with page.expect_download() as dl:
        page.locator(".references .cite-links a", has_text="RIS").click()
    download = dl.value
    assert download.suggested_filename.endswith("-studies.ris")
    entries = rispy.loads(open(download.path(), encoding="utf-8").read())
    # every entry has its title, or says that the verified record shows none (never an invented one)
    assert entries and all(e.get("title") or "Title not shown in the verified record" in (e.get("notes") or [])
                           for e in entries)
    page.go_back()
    page.wait_for_url(results_url)
    assert page.locator(".active-filters .chip").count() == 1


def test_did_you_mean(page):
    page.goto("/search?q=breastfeding")
    notice = page.locator(".suggestion")
    assert "Showing results for" in notice.inner_text() or "Did you mean" in notice.inner_text()
    notice.get_by_role("link").click()
    page.wait_for_url(re.compile(r"q=breastfeeding"))
    assert page.locator(".result").count() > 0


def test_keyboard_only_search_flow(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("dissociation")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=dissociation"))
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.result-title')"):
            break
    assert page.evaluate("!!document.activeElement.closest('.result-title')")
    # the focused element shows a visible focus outline
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/(claims|studies)/"))
    assert page.locator("h1").is_visible()


def test_print_claim_page(page, sample_claim, artifacts_dir):
    page.goto(f"/claims/{sample_claim.id}")
    page.emulate_media(media="print")
    assert page.locator(".site-nav").is_hidden()
    assert page.locator(".header-search").count() == 0 or page.locator(".header-search").is_hidden()
    assert page.locator(".footer-links").is_hidden()
    assert page.locator(".references").is_visible()
    assert page.locator(".reference-list li").first.is_visible()
    assert page.locator(".permalink").is_visible() and sample_claim.id in page.locator(".permalink").inner_text()
    assert page.locator(".claim-footer time").is_visible()
    page.screenshot(path=str(artifacts_dir / "claim-print.png"), full_page=True)
    page.emulate_media(media="screen")


@pytest.mark.parametrize("name,url", [("home", "/"), ("results", "/search?q=ketamine"), ("claim", None),
                                      ("check", "/check"), ("method", "/method"),
                                      ("topic", "/topics/breast-milk-transfer"),
                                      ("results-with-answer-card", "/search?q=ketamine+breast+milk")])
def test_accessibility_axe(page, sample_claim, name, url):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(url or f"/claims/{sample_claim.id}")
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in bad]


def test_xss_probe_no_dialog(page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto("/search?" + __import__("urllib.parse").parse.urlencode({"q": "ketamine " + XSS}))
    assert page.locator("img[src='x']").count() == 0
    page.goto("/check")
    page.get_by_label("Paste the text").fill(f"{XSS} Ketamine is safe while breastfeeding.")
    page.get_by_role("button", name="Check").click()
    page.wait_for_url(re.compile(r"/check/"))
    assert page.locator("img[src='x']").count() == 0
    assert "<script>alert(1)</script>" in page.locator(".checked-text").inner_text()  # shown as text
    page.wait_for_timeout(300)
    assert dialogs == []


def test_check_flow_and_markdown_download(page, artifacts_dir):
    page.goto("/check")
    page.get_by_label("Paste the text").fill(
        "Ketamine works within hours. 70% of patients respond to ketamine infusions. Book today.")
    page.get_by_role("button", name="Check").click()
    page.wait_for_url(re.compile(r"/check/[A-Za-z0-9_-]+$"))
    assert page.locator("mark.flagged").count() >= 1
    assert page.locator(".copy-btn").first.is_visible()  # JS enhancement un-hides the copy button
    page.screenshot(path=str(artifacts_dir / "check-report.png"), full_page=True)
    with page.expect_download() as dl:
        page.get_by_role("link", name="Download Markdown").click()
    text = open(dl.value.path(), encoding="utf-8").read()
    assert text.startswith("# Evidence KB check:")  # the checker's one Markdown renderer


def test_screenshots_of_main_pages(page, sample_claim, artifacts_dir):
    for name, url in [("home", "/"), ("claim", f"/claims/{sample_claim.id}"), ("method", "/method"),
                      ("topics", "/topics"), ("search-filtered", "/search?q=esketamine&type=study")]:
        page.goto(url)
        page.screenshot(path=str(artifacts_dir / f"{name}.png"), full_page=True)
    page.goto(f"/claims/{sample_claim.id}")
    page.locator(".evidence-table tbody th a").first.click()
    page.wait_for_url(re.compile(r"/studies/"))
    page.screenshot(path=str(artifacts_dir / "study.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    for url in ("/", "/search?q=ketamine", f"/claims/{sample_claim.id}"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, f"{url} scrolls sideways on a phone"
    page.screenshot(path=str(artifacts_dir / "claim-mobile.png"), full_page=True)
