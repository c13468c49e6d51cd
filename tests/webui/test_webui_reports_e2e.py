"""Browser: the check report's Word download, deleting it with its key, and a failed URL check kept on the form.

Headless Debian Chromium against the real app under waitress (the session `live_server`, real engine, real records).
"""
from __future__ import annotations

import re

import docx
import pytest

pytestmark = pytest.mark.e2e


def test_word_download_then_delete(page, live_server):
    page.goto("/check")
    page.get_by_label("Paste the text").fill("Ketamine barely passes into breast milk. 70% of patients respond to ketamine.")
    page.get_by_role("button", name="Check").click()
    page.wait_for_url(re.compile(r"/check/[A-Za-z0-9_-]+$"))
    permalink = page.url
    flagged = page.locator("mark.flagged").count()
    assert flagged >= 1
    assert page.get_by_role("heading", name="You made this report").is_visible()
    with page.expect_download() as dl:
        page.get_by_role("link", name="Download Word (with comments)").click()
    assert len(list(docx.Document(dl.value.path()).comments)) == flagged
    page.get_by_role("button", name="Delete this report now").click()
    page.wait_for_url(re.compile(r"/check\?deleted=1$"))
    assert page.get_by_text("The report was deleted.").is_visible()
    assert page.goto(permalink).status == 404


def test_refused_address_stays_on_the_form(page):
    page.goto("/check")
    page.get_by_label("Or give the address of a web page").fill("http://10.0.0.1/clinic")
    page.get_by_role("button", name="Check").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").inner_text().count("The page at http://10.0.0.1/clinic could not be checked.") == 1
    assert page.get_by_label("Or give the address of a web page").input_value() == "http://10.0.0.1/clinic"
