"""The `kb watch` queue on claim pages: webui.watching.watch_queue_for and templates/_watch_queue.html."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
from flask import render_template_string

from webui import create_app
from webui.watching import watch_queue_for

WATCH_YAML = """# Written by `kb watch`
checked: 2025-12-01
claims:
  milk-transfer-minimal:
    query: "ketamine[tiab] AND breast milk[tiab]"
    since: "2025-11-23"
    checked: "2025-12-01"
    found: 3
    records:
      - {candidate_pmid: "99000101", year: 2025, journal: "J Invent Med", title: "Ketamine in milk <b>bold</b>"}
      - {candidate_pmid: "99000103", year: 2026, journal: "Breastfeed Med", title: "A cohort"}
  esketamine-prevents-ppd:
    query: "x"
    since: "2024-01-01"
    checked: "2024-02-01"
    found: 1
    records:
      - {candidate_pmid: "99000200", year: 2024, journal: "J", title: "Before the last review"}
"""


@pytest.fixture
def app(tmp_path, fixture_kb_dir, make_engine):
    root = tmp_path / "kb"
    shutil.copytree(fixture_kb_dir, root)
    (root / "watch.yaml").write_text(WATCH_YAML, encoding="utf-8")
    return create_app({"TESTING": True, "ENGINE": make_engine(root), "RATELIMIT_ENABLED": False,
                       "SECRET_KEY": "test-secret"})


def test_queue_for_a_checked_claim(app):
    with app.test_request_context():
        w = watch_queue_for("milk-transfer-minimal", today=dt.date(2025, 12, 2))
    assert w["checked"] == "2025-12-01" and w["count"] == 2 and w["review_overdue"] is False
    assert [r["pmid"] for r in w["records"]] == ["99000101", "99000103"]
    assert w["records"][0]["url"] == "https://pubmed.ncbi.nlm.nih.gov/99000101/"


def test_queue_from_before_the_last_review_no_longer_applies(app):
    with app.test_request_context():
        w = watch_queue_for("esketamine-prevents-ppd", today=dt.date(2025, 12, 2))
        assert w["checked"] is None and w["records"] == []
        assert watch_queue_for("no-such-claim") is None
        assert watch_queue_for("response-rate-70pct", today=dt.date(2026, 9, 2))["review_overdue"] is True


def test_partial_renders_count_list_and_escapes(app):
    with app.test_request_context():
        from webui import engine as kbe

        claim = kbe.claims()["milk-transfer-minimal"]
        html = render_template_string('{% include "_watch_queue.html" %}', claim=claim)
        old = render_template_string('{% include "_watch_queue.html" %}', claim=kbe.claims()["response-rate-70pct"])
    assert "2 new records since the last review, not yet assessed" in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/99000101/"' in html and "Breastfeed Med" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold</b>" not in html
    # The claim page says once, at its top, that a review is over a year old; the partial does not repeat it.
    assert "PubMed has not been checked" in old and "reviewed for more than 12 months" not in old


def test_broken_watch_file_reads_as_not_checked(app, tmp_path):
    (tmp_path / "kb" / "watch.yaml").write_text("claims: [unclosed", encoding="utf-8")
    with app.test_request_context():
        assert watch_queue_for("milk-transfer-minimal")["checked"] is None
