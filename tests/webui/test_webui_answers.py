"""Answer first, verdict history, review age, "Report a problem", honest forest plot, one data path per page."""
from __future__ import annotations

import ast
import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kb.models import Effect, EvidenceLink, Study
from webui import charts
from webui.pagedata import answers
from webui.pagecache import page_cache

SVG = "{http://www.w3.org/2000/svg}"


def test_claim_page_opens_with_its_answer_above_the_bottom_line(client):
    html = client.get("/claims/milk-transfer-minimal").get_data(as_text=True)
    answer = "Yes, in small studies: little ketamine reached milk in two small studies; the esketamine label advises against breastfeeding."
    assert answer in html
    # the answer comes first, then verdict and certainty, then the bottom line
    assert html.index(answer) < html.index("Supported</span>", html.index('class="verdict-panel')) < html.index("Bottom line")
    assert html.index(answer) < html.index("Certainty of evidence (GRADE)")


def test_claim_answer_is_escaped(client):
    html = client.get("/claims/esketamine-prevents-ppd").get_data(as_text=True)
    assert "Partly &lt;em&gt;not proven&lt;/em&gt;" in html and "<em>not proven</em>" not in html


def test_missing_answer_is_handled(app, engine):
    kb = engine.snapshot().kb
    claim = kb.claims["response-rate-70pct"]
    kb.claims["response-rate-70pct"] = claim.model_copy(update={"answer": None})
    try:
        client = app.test_client()
        r = client.get("/claims/response-rate-70pct")
        assert r.status_code == 200
        assert "A one-sentence answer has not been written for this claim yet" in r.get_data(as_text=True)
        assert client.get("/api/claims/response-rate-70pct").json["answer"] is None
    finally:
        kb.claims["response-rate-70pct"] = claim


def test_json_twins_carry_answer_on_every_claim_object(client):
    for c in client.get("/api/claims").json["data"]:
        assert c["answer"], c["id"]
    home = client.get("/api").json
    assert all(c["answer"] for t in home["topics"] for c in t["claims"])
    d = client.get("/api/claims/response-rate-70pct").json
    assert d["answer"] == "No: no study found 70%."
    study = client.get("/api/studies/wolfson-2023-ketamine-milk").json
    assert all(c["answer"] for c in study["claims"])


def test_topic_page_opens_with_its_question_answered_across_its_claims(client):
    html = client.get("/topics/breast-milk-transfer").get_data(as_text=True)
    card = html.index('class="answer-card answer-topic"')
    assert html.index("<h1>") < card < html.index('id="topic-claims"')
    assert "Is ketamine OK while breastfeeding?" in html[card:]
    block = html[card:html.index("</section>", card)]
    assert "Yes, in small studies: little ketamine reached milk" in block and "Supported</span>" in block and "Low" in block
    d = client.get("/api/topics/breast-milk-transfer").json
    assert d["question"] == "Is ketamine OK while breastfeeding?"
    assert d["answer_card"]["kind"] == "topic" and d["answer_card"]["answer"] is None  # no topic answer in the fixture
    assert [(c["id"], c["verdict"], c["answer"][:10]) for c in d["answer_card"]["claims"]] == [
        ("milk-transfer-minimal", "supported", "Yes, in sm")]


def test_topic_without_question_falls_back_to_its_description(client):
    d = client.get("/api/topics/safety").json
    assert d["question"] is None and d["answer_card"]["question"] == "Side effects, dissociation and misuse."


def test_search_that_targets_one_claim_shows_its_answer_card(client):
    r = client.get("/api/search?q=70%25+respond").json
    assert r["answer_card"]["kind"] == "claim" and r["answer_card"]["id"] == "response-rate-70pct"
    assert r["answer_card"]["answer"] == "No: no study found 70%."
    html = client.get("/search?q=70%25+respond").get_data(as_text=True)
    assert html.index('class="answer-card answer-claim"') < html.index('class="result-list"')
    assert "No: no study found 70%." in html


@pytest.mark.parametrize("hits,expected", [
    # a clear lead: the top claim scores 1.25 times the next hit
    ([("claim", "response-rate-70pct", 10.0), ("claim", "milk-transfer-minimal", 8.0)], ("claim", "response-rate-70pct")),
    ([("claim", "response-rate-70pct", 10.0)], ("claim", "response-rate-70pct")),
    # no lead, and the claims do not share a named topic
    ([("claim", "response-rate-70pct", 10.0), ("claim", "milk-transfer-minimal", 9.0)], None),
    # the top hit is a study
    ([("study", "big-2020-esketamine-rct", 10.0), ("claim", "response-rate-70pct", 2.0)], None),
])
def test_search_target_rule_for_claims(app, engine, hits, expected):
    result = {"query": "q", "page": 1, "results": [{"type": t, "id": i, "score": s} for t, i, s in hits]}
    with app.test_request_context():
        card = answers.search_target(result, engine.snapshot().kb)
    assert (card and (card["kind"], card.get("id"))) == (expected or None)


def test_search_target_rule_for_topics(app, engine):
    kb = engine.snapshot().kb
    hits = [{"type": "claim", "id": cid, "score": 5.0} for cid in ("esketamine-prevents-ppd", "response-rate-70pct")]
    hits.append({"type": "claim", "id": "milk-transfer-minimal", "score": 5.0})
    with app.test_request_context():
        # three top claims share no topic: no card
        assert answers.search_target({"query": "efficacy", "page": 1, "results": hits}, kb) is None
        two_efficacy = hits[:2] + [{"type": "study", "id": "x", "score": 1.0}]
        assert answers.search_target({"query": "efficacy", "page": 1, "results": two_efficacy}, kb) is None
        # the page-2 results never get a card
        assert answers.search_target({"query": "ketamine", "page": 2, "results": hits[:1]}, kb) is None
    assert answers.topics_named("ketamine breast milk", kb.vocabulary) == {"breast-milk-transfer"}
    assert answers.topics_named("is ketamine ok while breastfeeding", kb.vocabulary) == {"breast-milk-transfer"}
    assert answers.topics_named("ketamine", kb.vocabulary) == set()  # in every topic: names none


def test_verdict_history_is_shown_and_carried(client):
    html = client.get("/claims/milk-transfer-minimal").get_data(as_text=True)
    line = ("Updated 2025-06-01: verdict changed from Partly supported to Supported and certainty changed from Very low "
            "to Low because a second pharmacokinetic study found the same low relative infant dose.")
    assert line in html
    d = client.get("/api/claims/milk-transfer-minimal").json
    assert d["history"] == [{"date": "2025-06-01", "previous_verdict": "partly-supported", "previous_certainty": "very-low",
                             "verdict": "supported", "certainty": "low", "change": "Verdict raised after a second milk study.",
                             "reason": "A second pharmacokinetic study found the same low relative infant dose.",
                             "headline": "Updated 2025-06-01: verdict changed from Partly supported to Supported and "
                                         "certainty changed from Very low to Low",
                             "summary": line}]
    # the latest change is named at the top of the page; the reasons are in the history section
    assert html.index("Updated 2025-06-01: verdict changed") < html.index("Bottom line") < html.index(line)
    assert client.get("/api/claims/response-rate-70pct").json["history"] == []


def test_history_entry_without_a_verdict_change_reads_as_sentences():
    h = {"date": "2026-12-01", "previous_verdict": "mixed", "previous_certainty": "low", "verdict": "mixed",
         "certainty": "low", "change": "Two trials added.", "reason": "New dossier entries."}
    assert answers.history_headline(h) == "Updated 2026-12-01: reviewed again; verdict and certainty unchanged"
    assert answers.history_sentence(h) == ("Updated 2026-12-01: reviewed again; verdict and certainty unchanged. "
                                           "Two trials added. Why: New dossier entries.")
    h.update(verdict="supported", reason="FDA label updated.")
    assert answers.history_sentence(h) == "Updated 2026-12-01: verdict changed from Mixed evidence to Supported because FDA label updated."


def test_claim_review_date_modified_is_the_latest_of_history_and_review(app, client, engine):
    def ld(cid):
        html = client.get(f"/claims/{cid}").get_data(as_text=True)
        return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))

    assert ld("milk-transfer-minimal")["dateModified"] == "2025-11-23"  # review after the history entry
    kb = engine.snapshot().kb
    claim = kb.claims["milk-transfer-minimal"]
    later = claim.history[0].model_copy(update={"date": dt.date(2026, 1, 15)})
    kb.claims[claim.id] = claim.model_copy(update={"history": [later]})
    with app.app_context():
        page_cache().clear()  # the records changed in memory, behind the build's fingerprint
    try:
        assert ld("milk-transfer-minimal")["dateModified"] == "2026-01-15"
        assert client.get("/api/claims/milk-transfer-minimal").json["date_modified"] == "2026-01-15"
    finally:
        kb.claims[claim.id] = claim


def test_review_older_than_a_year_is_flagged(client, engine):
    claim = engine.snapshot().kb.claims["milk-transfer-minimal"]
    assert answers.review_status(claim, dt.date(2026, 11, 24))["stale"] is True
    assert answers.review_status(claim, dt.date(2026, 11, 23))["stale"] is False
    html = client.get("/claims/milk-transfer-minimal").get_data(as_text=True)
    stale = answers.review_status(claim)["stale"]
    assert ("Not reviewed for over a year." in html) is stale
    assert client.get("/api/claims/milk-transfer-minimal").json["review"]["stale"] is stale


@pytest.mark.parametrize("url,target", [("/claims/milk-transfer-minimal", "/feedback?claim=milk-transfer-minimal"),
                                        ("/studies/wolfson-2023-ketamine-milk", "/feedback?study=wolfson-2023-ketamine-milk")])
def test_report_a_problem_link(client, url, target):
    html = client.get(url).get_data(as_text=True)
    assert f'href="{target}">Report a problem</a>' in html
    assert client.get("/api" + url).json["report_problem"] == "http://localhost" + target


def test_method_page_says_who_reviews_and_the_conflict_of_interest_policy(client):
    html = client.get("/method").get_data(as_text=True).lower()
    for text in ("curator", "independent citation auditor", "reviewer", "report a problem", "conflicts of interest",
                 "clinics", "manufacturers", "last reviewed"):
        assert text in html, text


# ---- the forest plot: every estimate accounted for; the mark follows its own estimate --------------

def _study(key, year=2022):
    return Study(key=key, title=f"Trial {key}", authors=[f"{key.capitalize()} A"], year=year, n=100, design="rct",
                 pmid="1", verified_from="https://example.org/")


def _link(key, stance, effect=None):
    return EvidenceLink(study=key, stance=stance, finding="f", effect=effect)


NULL_STUDIES = [
    (_link("fav", "supports", Effect(measure="RR", value=0.5, ci_low=0.3, ci_high=0.8, outcome="PPD")), _study("fav")),
    # a null trial: its interval includes 1
    (_link("null", "refutes", Effect(measure="RR", value=1.05, ci_low=0.7, ci_high=1.6, outcome="PPD")), _study("null")),
    # stance "refutes" on an estimate that is lower with the intervention: the mark must still point left
    (_link("odd", "refutes", Effect(measure="OR", value=0.6, ci_low=0.4, ci_high=0.9, outcome="PPD")), _study("odd")),
    (_link("md", "refutes", Effect(measure="MD", value=-0.4, ci_low=-1.2, ci_high=0.4)), _study("md")),
    (_link("nonci", "mixed", Effect(measure="OR", value=0.8)), _study("nonci")),
    (_link("none1", "refutes"), _study("none1")),
    (_link("none2", "supports"), _study("none2")),
]


def test_forest_data_accounts_for_every_linked_study():
    data = charts.forest_data(NULL_STUDIES)
    assert [r.key for r in data.plotted] == ["fav", "null", "odd"]
    assert [r.direction for r in data.plotted] == ["lower", "crosses", "lower"]
    assert {x.key: x.reason for x in data.left_out} == {
        "md": "reports a mean difference (MD -0.4), which does not go on a ratio scale",
        "nonci": "OR 0.80 is reported without a confidence interval"}
    assert [x.key for x in data.no_estimate] == ["none1", "none2"]
    assert data.note == ("Not in the plot: 2 linked studies report an estimate that is not a ratio with a confidence "
                         "interval and so is not plotted; 2 linked studies give no effect estimate in our records, "
                         "1 of them against or mixed on the claim. They are all in the evidence table.")


def test_forest_marks_follow_the_estimate_not_the_stance():
    root = ET.fromstring(str(charts.forest_plot(NULL_STUDIES, uid="f")))
    marks = {g.find(f"{SVG}title").text.split(":")[0]: g for g in root.iter(f"{SVG}g")}
    assert set(marks) == {"Fav A 2022", "Null A 2022", "Odd A 2022"}

    def point(g):
        return [el for el in g if el.tag in (f"{SVG}polygon", f"{SVG}circle")][0]

    # the null trial: a hollow circle (its interval includes 1), not a red "refutes" square
    null = point(marks["Null A 2022"])
    assert null.tag == f"{SVG}circle" and null.get("fill") == "#ffffff"
    # a "refutes" study whose estimate is lower with the intervention gets the same mark as a "supports" one
    fav, odd = point(marks["Fav A 2022"]), point(marks["Odd A 2022"])
    assert fav.tag == odd.tag == f"{SVG}polygon" and fav.get("fill") == odd.get("fill")
    for g in marks.values():
        assert not any(el.get("stroke") in charts.STANCE_COLOURS.values() or el.get("fill") in charts.STANCE_COLOURS.values()
                       for el in g.iter())
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Stance: Refutes" in texts and "Stance: Supports" in texts
    assert "◀ lower with the intervention" in texts and "higher with the intervention ▶" in texts
    desc = root.find(f"{SVG}desc").text
    assert "Null A 2022 RR 1.05 (0.70–1.60), no clear difference (CI includes 1)" in desc and "Not in the plot: 2" in desc
    assert all(float(t.get("font-size", "12")) >= 11 for t in root.iter(f"{SVG}text"))


def test_claim_page_states_what_the_forest_plot_leaves_out(client):
    html = client.get("/claims/esketamine-prevents-ppd").get_data(as_text=True)
    assert "Not in the plot: 1 linked study gives no effect estimate in our records, 1 of them against or mixed on the claim." in html
    assert "Which studies are not in the plot, and why" in html
    forest = client.get("/api/claims/esketamine-prevents-ppd").json["forest"]
    assert forest["plotted"][0]["direction"] == "lower" and forest["no_estimate"] == [
        {"study": "wolfson-2023-ketamine-milk", "stance": "mixed"}]


# ---- one data function per page ---------------------------------------------------------------------

PAGE_VIEWS = ("pages", "claims", "studies", "topics", "search")


def test_views_get_page_data_from_pagedata_not_from_other_views():
    views = Path(__file__).resolve().parents[2] / "webui" / "views"
    for path in views.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module not in {f"webui.views.{v}" for v in PAGE_VIEWS}, (path.name, node.module)


@pytest.mark.parametrize("url,twin,key", [("/claims/milk-transfer-minimal", "/api/claims/milk-transfer-minimal", "answer"),
                                          ("/topics/breast-milk-transfer", "/api/topics/breast-milk-transfer", "answer_card")])
def test_page_and_twin_agree(client, url, twin, key):
    html = client.get(url).get_data(as_text=True)
    data = client.get(twin).json
    text = data[key] if key == "answer" else data[key]["claims"][0]["answer"]
    assert text in html
