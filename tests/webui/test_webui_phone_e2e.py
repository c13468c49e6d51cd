"""Phone-size browser tests (390×844): results first, no sideways scrolling, legible charts, stacked
evidence cards, axe-clean pages, and the breast-milk answer above the fold on a phone and a desktop.

The real app and the real engine serve a copy of the shipped records (kb/) made in a temporary folder
at the start of the session (conftest.live_server), under waitress on 127.0.0.1 (a free port), driven
by Debian's Chromium.
Skipped only when /usr/bin/chromium is absent. Screenshots go to test-artifacts/ (gitignored).
"""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
BREAST_MILK = "breast-milk-transfer"
CLAIM_WITH_NULL_TRIALS = "csection-ketamine-prevents-ppd"


@pytest.fixture(scope="module")
def phone_server(live_server):
    """The session's real server (conftest.live_server): a validated copy of the records, real engine, waitress."""
    return {"url": live_server["url"], "kb": live_server["engine"].snapshot().kb}


@pytest.fixture
def phone(browser, phone_server):
    context = browser.new_context(base_url=phone_server["url"], viewport=PHONE, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


@pytest.fixture
def desktop(browser, phone_server):
    context = browser.new_context(base_url=phone_server["url"], viewport=DESKTOP)
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


@pytest.fixture(scope="module")
def study_key(phone_server):
    kb = phone_server["kb"]
    return next(e.study for e in kb.claims[CLAIM_WITH_NULL_TRIALS].evidence if kb.studies[e.study].is_curated)


def check_report_url(page) -> str:
    page.goto("/check")
    page.locator("textarea").first.fill("Ketamine works within hours. 70% of patients respond to ketamine infusions. "
                                        "Ketamine is safe while breastfeeding. Book today.")
    page.get_by_role("button", name=re.compile(r"^Check")).first.click()
    page.wait_for_url(re.compile(r"/check/[A-Za-z0-9_-]+$"))
    return page.url


def page_urls(study_key: str) -> dict[str, str]:
    return {"home": "/", "search": "/search?q=ketamine+breast+milk", "claim": f"/claims/{CLAIM_WITH_NULL_TRIALS}",
            "study": f"/studies/{study_key}", "topic": f"/topics/{BREAST_MILK}", "check": "/check", "method": "/method"}


def no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width}px wide on a {page.viewport_size['width']}px screen"


def serious_axe_violations(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5])
            for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]


SMALLEST_SVG_TEXT = """() => Array.from(document.querySelectorAll('svg text')).filter(t => {
    const r = t.getBoundingClientRect(); return r.width > 0 && r.height > 0;
  }).map(t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a)
    .reduce((a, b) => Math.min(a, b), Infinity)"""


@pytest.mark.parametrize("name", ["home", "search", "claim", "study", "topic", "check", "method", "report"])
def test_phone_pages_fit_the_screen_and_pass_axe(phone, study_key, artifacts_dir, name):
    url = check_report_url(phone) if name == "report" else page_urls(study_key)[name]
    phone.goto(url)
    no_sideways_scroll(phone)
    assert not serious_axe_violations(phone)
    # charts that would shrink below 11 px text are replaced by lists on a phone
    assert phone.evaluate(SMALLEST_SVG_TEXT) >= 11
    phone.screenshot(path=str(artifacts_dir / f"phone-{name}.png"), full_page=True)


def test_phone_search_shows_results_first_and_folds_the_filters(phone):
    phone.goto("/search?q=ketamine&type=claim")
    first = phone.locator(".result").first.bounding_box()
    assert first is not None and first["y"] < PHONE["height"], f"first result starts at {first}"
    summary = phone.locator(".facet-summary")
    assert summary.is_visible() and "(1 active)" in summary.inner_text()
    assert not phone.locator(".facet-panel").evaluate("d => d.open")
    assert phone.locator(".facet li").first.is_hidden()
    summary.click()
    assert phone.locator(".facet li").first.is_visible()
    # a desktop keeps the filters open beside the results
    phone.set_viewport_size(DESKTOP)
    assert phone.locator(".facet-panel").evaluate("d => d.open") and phone.locator(".facet-summary").is_hidden()


def test_phone_search_answer_card_keeps_the_first_result_on_the_first_screen(phone):
    phone.goto("/search?q=is+ketamine+ok+while+breastfeeding")
    assert phone.locator(".answer-card").count() == 1
    first = phone.locator(".result").first.bounding_box()
    assert first["y"] < PHONE["height"], f"first result starts at {first['y']}px"


def test_phone_evidence_table_is_stacked_cards_with_every_column(phone):
    phone.goto(f"/claims/{CLAIM_WITH_NULL_TRIALS}")
    rows = phone.locator(".evidence-table tbody tr")
    assert rows.count() > 3
    row = rows.nth(0)
    row.scroll_into_view_if_needed()
    for label in ("Year", "Design", "n", "Population", "Finding", "Stance"):
        cell = row.locator(f'td[data-label="{label}"]')
        box = cell.bounding_box()
        assert cell.is_visible() and box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], label
    assert row.locator(".badge.stance").is_visible()
    # the evidence map becomes a list; the SVG is not shown
    assert phone.locator(".chart-list").first.is_visible() and phone.locator("svg.chart").first.is_hidden()


@pytest.mark.parametrize("width", [600, 800, 960, 1024])
def test_charts_never_shrink_text_below_11px(browser, phone_server, width):
    context = browser.new_context(base_url=phone_server["url"], viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"/claims/{CLAIM_WITH_NULL_TRIALS}")
        assert page.evaluate(SMALLEST_SVG_TEXT) >= 11
        assert page.locator(".chart-list").is_visible() or page.locator("svg.chart").first.is_visible()
        no_sideways_scroll(page)
    finally:
        context.close()


def test_claim_answer_opens_the_page(phone, phone_server):
    claim = phone_server["kb"].claims[CLAIM_WITH_NULL_TRIALS]
    phone.goto(f"/claims/{claim.id}")
    answer = phone.locator(".verdict-panel .answer-text")
    assert answer.inner_text().strip() == claim.answer.strip()
    box = answer.bounding_box()
    assert box["y"] < PHONE["height"]
    assert box["y"] < phone.locator("#bottom-line").bounding_box()["y"]


def bottom(locator) -> float:
    box = locator.bounding_box()
    return box["y"] + box["height"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_breast_milk_question_answered_above_the_fold(browser, phone_server, artifacts_dir, viewport):
    """The question, the topic's own answer and its claims' verdicts and answers open the page.

    On a desktop every claim's answer ends above the fold. On a phone the topic's answer (written from
    its claims' answers) and the first claim's verdict do; the other claims follow."""
    context = browser.new_context(base_url=phone_server["url"], viewport=viewport)
    page = context.new_page()
    try:
        page.goto(f"/topics/{BREAST_MILK}")
        page.screenshot(path=str(artifacts_dir / f"topic-breast-milk-{viewport['width']}.png"))
        kb = phone_server["kb"]
        topic = kb.vocabulary.topic(BREAST_MILK)
        card = page.locator(".answer-topic")
        assert card.locator(".answer-card-title").inner_text().strip() == topic.question
        assert bottom(card.locator(".answer-card-title")) <= viewport["height"]
        lines = card.locator(".answer-line")
        claims = [c for c in kb.claims.values() if BREAST_MILK in c.topics]
        assert lines.count() == len(claims) >= 4
        texts = " ".join(lines.all_inner_texts())
        assert all(c.answer.strip() in texts for c in claims)
        assert card.locator(".badge.verdict").count() == len(claims)
        if viewport is PHONE and topic.answer:
            assert bottom(card.locator(".topic-answer")) <= viewport["height"]
            assert card.locator(".topic-answer").inner_text().strip() == " ".join(topic.answer.split())
            assert bottom(card.locator(".badge.verdict").first) <= viewport["height"]
        else:
            for i in range(lines.count()):
                assert bottom(lines.nth(i)) <= viewport["height"], f"answer {i + 1} ends below the fold"
    finally:
        context.close()


def test_forest_plot_states_what_it_leaves_out(desktop, phone_server):
    desktop.goto(f"/claims/{CLAIM_WITH_NULL_TRIALS}")
    note = desktop.locator(".forest-note")
    assert note.is_visible() and note.inner_text().startswith("Not in the plot:")
    kb = phone_server["kb"]
    evidence = kb.claims[CLAIM_WITH_NULL_TRIALS].evidence
    plotted = desktop.locator('svg[aria-labelledby="forest-plot-title forest-plot-desc"] g.mark').count()
    left_out = desktop.locator(".forest-left-out li").count()
    assert plotted + left_out == sum(1 for e in evidence if kb.studies[e.study].is_curated)
    assert desktop.evaluate(SMALLEST_SVG_TEXT) >= 11
