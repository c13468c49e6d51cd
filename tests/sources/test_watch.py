"""`kb watch`: end to end through kb.cli.main, with recorded-shape E-utilities answers via `responses`.

The esearch and esummary bodies below have the shape of real E-utilities JSON (esearchresult with
count/retmax/idlist/querytranslation; esummary result with uids and per-PMID documents carrying
pubdate, source, fulljournalname, title and articleids); identifiers are invented (990000xx, 10.5555/).
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import yaml

from kb import cli
from kb.loader import load

from registry_testutil import EFETCH, fixture_bytes, isolated, mocked, sleeps  # noqa: F401

MINIMAL_KB = Path(__file__).resolve().parents[1] / "kb" / "fixtures" / "minimal"

ESEARCH = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esearch.fcgi"
ESUMMARY = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esummary.fcgi"
TODAY = dt.date(2026, 12, 1)
QUERY = "ketamine[tiab] AND breast milk[tiab]"


def esearch_body(ids: list[str], count: int | None = None) -> dict:
    return {"header": {"type": "esearch", "version": "0.3"},
            "esearchresult": {"count": str(len(ids) if count is None else count), "retmax": str(len(ids)),
                              "retstart": "0", "idlist": ids, "translationset": [],
                              "querytranslation": '"ketamine"[tiab] AND "breast milk"[tiab]'}}


def summary_doc(pmid: str, title: str, journal: str, pubdate: str, doi: str | None) -> dict:
    ids = [{"idtype": "pubmed", "idtypen": 1, "value": pmid}]
    if doi:
        ids.append({"idtype": "doi", "idtypen": 3, "value": doi})
    return {"uid": pmid, "pubdate": pubdate, "epubdate": "", "source": journal, "authors": [{"name": "Example AB"}],
            "lastauthor": "Example AB", "title": title, "volume": "1", "issue": "", "pages": "1-2", "lang": ["eng"],
            "fulljournalname": journal + " (full)", "pubtype": ["Journal Article"], "articleids": ids,
            "sortpubdate": pubdate.replace(" ", "/") + " 00:00"}


SUMMARY = {"header": {"type": "esummary", "version": "0.3"}, "result": {
    "uids": ["99000101", "99000102", "99000103"],
    "99000101": summary_doc("99000101", "Ketamine in human milk after\ncesarean delivery", "J Invent Med",
                            "2026 Nov 20", "10.5555/new.2026.1"),
    "99000102": summary_doc("99000102", "A record the KB holds by DOI", "J Other", "2026", "10.1000/test.2020.1"),
    "99000103": summary_doc("99000103", "Esketamine and lactation: a cohort", "Breastfeed Med", "2027 Jan", None),
}}


@pytest.fixture
def kb_root(tmp_path):
    """The minimal KB, its claim given a watch query (inserted after last_reviewed, as in the real records)."""
    root = tmp_path / "kb"
    shutil.copytree(MINIMAL_KB, root)
    claim = root / "claims" / "fixture-claim.yaml"
    text = claim.read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if l.startswith("last_reviewed:"))
    claim.write_text(text.replace(line, f'{line}\nwatch: "{QUERY}"', 1), encoding="utf-8")
    return root


def watch(kb_root, *args, today=TODAY) -> int:
    from sources import commands

    parsed = cli.build_parser().parse_args(["--kb-dir", str(kb_root), "watch", *args])
    return commands.cmd_watch(parsed, today=today)


@pytest.fixture
def eutils(mocked):
    mocked.get(ESEARCH, json=esearch_body(["99000101", "11111111", "99000102", "99000103"]))
    mocked.post(ESUMMARY, json=SUMMARY)
    return mocked


def test_watch_prints_and_stores_the_queue_of_records_the_kb_lacks(kb_root, eutils, capsys):
    assert watch(kb_root) == 0
    out = capsys.readouterr().out
    assert "fixture-claim: 2 new record(s) since the last review (2026-11-23), not yet assessed" in out
    assert "PMID 99000101  2026  J Invent Med  Ketamine in human milk after cesarean delivery" in out
    assert "PMID 99000103  2027  Breastfeed Med  Esketamine and lactation: a cohort" in out
    assert "11111111" not in out and "99000102" not in out  # held by PMID, held by DOI
    # the request: the saved query, entered into PubMed since last_reviewed, up to today, as JSON
    search = parse_qs(urlsplit(eutils.calls[0].request.url).query)
    assert search["term"] == [QUERY] and search["datetype"] == ["edat"]
    assert search["mindate"] == ["2026/11/23"] and search["maxdate"] == ["2026/12/01"]
    assert search["retmode"] == ["json"] and search["email"] == ["curator@example.org"]
    summary = parse_qs(eutils.calls[1].request.body)
    assert summary["id"] == ["99000101,99000102,99000103"] and summary["retmode"] == ["json"]
    stored = yaml.safe_load((kb_root / "watch.yaml").read_text(encoding="utf-8"))
    assert stored["checked"] == "2026-12-01"
    assert stored["claims"]["fixture-claim"] == {
        "query": QUERY, "since": "2026-11-23", "checked": "2026-12-01", "found": 4,
        "records": [
            {"candidate_pmid": "99000101", "year": 2026, "journal": "J Invent Med",
             "title": "Ketamine in human milk after cesarean delivery"},
            {"candidate_pmid": "99000103", "year": 2027, "journal": "Breastfeed Med",
             "title": "Esketamine and lactation: a cohort"}]}
    assert (kb_root / "watch.yaml").read_text(encoding="utf-8").startswith("# Written by `kb watch`")


def test_watch_draft_goes_through_kb_add(kb_root, mocked, capsys):
    mocked.get(ESEARCH, json=esearch_body(["99000001"]))
    mocked.post(ESUMMARY, json={"header": {"type": "esummary", "version": "0.3"}, "result": {
        "uids": ["99000001"], "99000001": summary_doc(
            "99000001", "Single-dose intravenous ketamine for postpartum depression after caesarean delivery: "
            "a randomized controlled trial.", "J Invent Med", "2024 Mar", "10.5555/jim.2024.0001")}})
    mocked.post(EFETCH, body=fixture_bytes("efetch_set.xml"), content_type="text/xml; charset=UTF-8")
    assert watch(kb_root, "--draft") == 0
    out = capsys.readouterr().out
    assert "fixture-claim: 1 new record(s)" in out and "added " in out and "(status: draft) from PMID 99000001" in out
    study = load(kb_root).studies["example-2024-single-dose-intravenous"]
    assert study.status == "draft" and study.pmid == "99000001"
    assert study.verified_from == "https://pubmed.ncbi.nlm.nih.gov/99000001/"
    # a second run finds the record in the KB (by PMID) and queues nothing
    assert watch(kb_root) == 0
    assert "fixture-claim: 0 new record(s)" in capsys.readouterr().out


def test_watch_offline_exits_3_and_writes_nothing(kb_root, mocked, sleeps, capsys):
    mocked.get(ESEARCH, body=requests.ConnectionError("Failed to establish a new connection: [Errno 101] Network is unreachable"))
    assert watch(kb_root) == 3
    err = capsys.readouterr().err
    assert "PubMed is unreachable" in err and "(are you offline?)" in err and "nothing written" in err
    assert not (kb_root / "watch.yaml").exists()
    assert [s for s in sleeps if s in (1.0, 2.0, 4.0, 8.0)] == [1.0, 2.0, 4.0, 8.0]  # kb add's back-off; the rest are rate-limit waits


def test_watch_rate_limited_then_answers(kb_root, mocked, sleeps, capsys):
    mocked.get(ESEARCH, status=429, headers={"Retry-After": "2"})
    mocked.get(ESEARCH, json=esearch_body([]))
    assert watch(kb_root) == 0
    assert 2.0 in sleeps
    assert "fixture-claim: 0 new record(s)" in capsys.readouterr().out


def test_watch_malformed_answer_is_exit_4_and_writes_nothing(kb_root, mocked, capsys):
    mocked.get(ESEARCH, body="<html>not json</html>", content_type="text/html")
    assert watch(kb_root) == 4
    assert "not JSON" in capsys.readouterr().err
    assert not (kb_root / "watch.yaml").exists()


def test_watch_keeps_other_claims_queues_and_rejects_unknown_claims(kb_root, eutils, capsys):
    (kb_root / "watch.yaml").write_text(yaml.safe_dump({"checked": "2026-10-01", "claims": {
        "other-claim": {"query": "x", "since": "2026-01-01", "checked": "2026-10-01", "found": 0, "records": []}}}))
    assert watch(kb_root, "fixture-claim") == 0
    stored = yaml.safe_load((kb_root / "watch.yaml").read_text(encoding="utf-8"))
    assert set(stored["claims"]) == {"other-claim", "fixture-claim"}
    assert watch(kb_root, "no-such-claim") == 1
    assert "no such claim: no-such-claim" in capsys.readouterr().err


def test_every_real_claim_has_a_watch_query(real_kb_dir):
    kb = load(real_kb_dir)
    missing = [c.id for c in kb.claims.values() if not c.watch]
    assert not missing, f"claims without a watch: query: {missing}"


def test_cli_registers_watch():
    args = cli.build_parser().parse_args(["watch", "a", "b", "--draft"])
    assert args.claims == ["a", "b"] and args.draft and cli.HANDLERS["watch"] == "sources.commands:cmd_watch"
