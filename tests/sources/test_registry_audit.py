"""`kb audit-citations`: every cited PMID against PubMed (batched), DOI-only records against Crossref."""
from __future__ import annotations

import pytest
import requests

from kb import cli
from kb.models import Study
from sources import audit
from sources.pubmed import parse_efetch

from registry_testutil import (CROSSREF, EFETCH, fixture_bytes, isolated, kb_root, mocked,  # noqa: F401
                               sleeps)

MATCHING = {
    # as PubMed has them, with harmless differences of form: case, punctuation, trailing period, initials
    "example-2024-single-dose-intravenous": """\
key: example-2024-single-dose-intravenous
status: draft
title: "Single-dose intravenous ketamine for postpartum depression after caesarean delivery - a Randomized Controlled Trial"
authors: ["Example A.B.", "Müller K"]
journal: "J. Invent. Med."
year: 2024
pmid: "99000001"
doi: "10.5555/JIM.2024.0001"
design: rct
verified_from: "https://pubmed.ncbi.nlm.nih.gov/99000001/"
""",
    "perinatal-2019-ketamine-esketamine": """\
key: perinatal-2019-ketamine-esketamine
status: draft
title: "Ketamine and esketamine for perinatal depression: a systematic review and meta-analysis."
authors: ["Perinatal Ketamine Study Group", "Ðặng VH"]
journal: "Invented reviews in perinatal psychiatry"
year: 2019
pmid: "99000002"
doi: "10.5555/irpp.2019.e1001"
design: meta-analysis
verified_from: "https://pubmed.ncbi.nlm.nih.gov/99000002/"
""",
    "invention-2022-ketamine-nursing": """\
key: invention-2022-ketamine-nursing
status: draft
title: "Ketamine exposure in nursing mothers: a narrative review"
authors: ["Invention JP", "Fabricó ZK"]
journal: "Invented Nursing Review"
year: 2022
doi: "10.5555/inr.2022.0077"
design: narrative-review
verified_from: "https://doi.org/10.5555/inr.2022.0077"
""",
    "agency-2024-fact-sheet": """\
key: agency-2024-fact-sheet
status: draft
title: "An invented fact sheet"
authors: ["Invented Agency"]
year: 2024
url: "https://agency.example.org/fact-sheet"
design: fact-sheet
verified_from: "https://agency.example.org/fact-sheet"
""",
}


def write(kb_root, records: dict[str, str]) -> None:
    for key, text in records.items():
        (kb_root / "studies" / f"{key}.yaml").write_text(text, encoding="utf-8")


def audit_cli(kb_root) -> int:
    return cli.main(["--kb-dir", str(kb_root), "audit-citations"])


@pytest.fixture
def registries(mocked):
    mocked.post(EFETCH, body=fixture_bytes("efetch_set.xml"), content_type="text/xml")
    mocked.get(CROSSREF + "10.5555/inr.2022.0077", body=fixture_bytes("crossref_work.json"),
               content_type="application/json")
    return mocked


def test_all_match(kb_root, registries, capsys):
    write(kb_root, MATCHING)
    assert audit_cli(kb_root) == 0
    out, err = capsys.readouterr()
    assert "[1/3] 99000001 ok" in err and "[2/3] 99000002 ok" in err and "[3/3] 10.5555/inr.2022.0077 ok" in err
    assert "agency-2024-fact-sheet: not auditable (web source) https://agency.example.org/fact-sheet" in out
    assert "audited 3 citation(s): 0 mismatch(es)" in out
    efetch_calls = [c for c in registries.calls if c.request.url == EFETCH]
    assert len(efetch_calls) == 1 and "id=99000001%2C99000002" in efetch_calls[0].request.body


def test_mismatches_are_reported_field_by_field(kb_root, registries, capsys):
    bad = MATCHING["example-2024-single-dose-intravenous"]
    bad = bad.replace("caesarean delivery", "vaginal delivery").replace("year: 2024", "year: 2023")
    bad = bad.replace("10.5555/JIM.2024.0001", "10.5555/jim.2024.9999").replace('"Müller K"', '"Muller K"')
    write(kb_root, {"example-2024-single-dose-intravenous": bad})
    assert audit_cli(kb_root) == 1
    out, err = capsys.readouterr()
    assert "[1/1] 99000001 MISMATCH" in err
    assert "example-2024-single-dose-intravenous (99000001):" in out
    assert '  title: KB "Single-dose intravenous ketamine for postpartum depression after vaginal delivery' in out
    assert "  year: KB 2023 vs PubMed 2024" in out
    assert '  doi: KB "10.5555/jim.2024.9999" vs PubMed "10.5555/jim.2024.0001"' in out
    assert '  authors: #2 KB "Muller K" vs PubMed "Müller K"' in out
    assert "journal:" not in out  # "J. Invent. Med." is the ISO abbreviation with dots
    assert "1 mismatch(es)" in err


def test_journal_and_extra_authors(kb_root, registries, capsys):
    bad = MATCHING["perinatal-2019-ketamine-esketamine"].replace(
        "Invented reviews in perinatal psychiatry", "Journal of Something Else").replace(
        '"Ðặng VH"]', '"Ðặng VH", "Extra Q"]')
    write(kb_root, {"perinatal-2019-ketamine-esketamine": bad})
    assert audit_cli(kb_root) == 1
    out = capsys.readouterr().out
    assert '  journal: KB "Journal of Something Else" vs PubMed "Invent Rev Perinat Psychiatry"' in out
    assert "  authors: KB lists 3 authors, PubMed only 2" in out


def test_pmid_no_longer_in_pubmed(kb_root, mocked, capsys):
    mocked.post(EFETCH, body=fixture_bytes("efetch_empty.xml"), content_type="text/xml")
    write(kb_root, {"example-2024-single-dose-intravenous": MATCHING["example-2024-single-dose-intravenous"]})
    assert audit_cli(kb_root) == 1
    assert "record: PMID 99000001 not found in PubMed" in capsys.readouterr().out


def test_doi_only_record_checked_against_crossref(kb_root, registries, capsys):
    bad = MATCHING["invention-2022-ketamine-nursing"].replace("year: 2022", "year: 2021")
    write(kb_root, {"invention-2022-ketamine-nursing": bad})
    assert audit_cli(kb_root) == 1
    out, err = capsys.readouterr()
    assert "[1/1] 10.5555/inr.2022.0077 MISMATCH" in err
    assert "  year: KB 2021 vs Crossref 2022" in out
    assert not [c for c in registries.calls if c.request.url == EFETCH]  # no PMID, no PubMed call


def test_retracted_citation_is_warned(kb_root, registries, capsys):
    write(kb_root, {"retracto-2021-case": """\
key: retracto-2021-case
status: draft
title: "Remarkable remission after one ketamine session: an invented case."
authors: ["Retracto R"]
journal: "J Invent Med"
year: 2021
pmid: "99000005"
doi: "10.5555/jim.2021.0001"
design: case-report
verified_from: "https://pubmed.ncbi.nlm.nih.gov/99000005/"
"""})
    assert audit_cli(kb_root) == 0
    assert "retracto-2021-case (99000005): warning: PubMed marks it as a Retracted Publication" in capsys.readouterr().out


def test_offline_is_a_distinct_status(kb_root, mocked, capsys):
    mocked.post(EFETCH, body=requests.exceptions.ConnectionError("Failed to establish a new connection"))
    write(kb_root, MATCHING)
    assert audit_cli(kb_root) == 3
    err = capsys.readouterr().err
    assert "cannot audit 2 PMID(s) against PubMed: PubMed is unreachable: could not connect" in err
    assert "are you offline?" in err and "run the audit again when online" in err


def test_crossref_offline_is_a_distinct_status(kb_root, mocked, capsys):
    mocked.get(CROSSREF + "10.5555/inr.2022.0077", body=requests.exceptions.ReadTimeout("timed out"))
    write(kb_root, {"invention-2022-ketamine-nursing": MATCHING["invention-2022-ketamine-nursing"]})
    assert audit_cli(kb_root) == 3
    assert "Crossref is unreachable: timed out" in capsys.readouterr().err


def test_nothing_to_audit(kb_root, mocked, capsys):
    assert audit_cli(kb_root) == 0
    assert len(mocked.calls) == 0


@pytest.mark.parametrize("a, b", [
    ("Ketamine for X: a trial.", "ketamine for x  a TRIAL"),
    ("[Ketamine in milk].", "Ketamine in milk"),
])
def test_title_normalisation(a, b):
    assert audit.norm_title(a) == audit.norm_title(b)


@pytest.mark.parametrize("a, b, same", [
    ("Smith JA", "Smith J.A.", True), ("Smith JA", "smith j a", True), ("Smith JA", "Smith J", False),
    ("van der Berg J", "Van der Berg J", True), ("Müller K", "Muller K", False),
])
def test_author_normalisation(a, b, same):
    assert (audit.norm_author(a) == audit.norm_author(b)) is same


def test_kb_may_list_only_the_first_authors():
    rec = parse_efetch(fixture_bytes("efetch_set.xml"))["99000001"]
    study = Study(key="k", status="draft", title=rec.title, authors=["Example AB", "et al."], journal="J Invent Med",
                  year=2024, pmid="99000001", design="rct", verified_from=rec.url)
    assert audit.compare(study, audit.from_pubmed(rec)) == []
