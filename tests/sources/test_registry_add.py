"""`kb add pubmed|doi`: end to end through kb.cli.main with `responses` in place of the network."""
from __future__ import annotations

import json

import pytest
import requests

from kb import cli
from kb.loader import load, yaml_parser

from registry_testutil import (CROSSREF, EFETCH, fixture_bytes, isolated, kb_root, mocked,  # noqa: F401
                               sleeps)


def add(kb_root, *args) -> int:
    return cli.main(["--kb-dir", str(kb_root), "add", *args])


def files(kb_root) -> list[str]:
    return sorted(p.name for p in (kb_root / "studies").iterdir())


@pytest.fixture
def efetch(mocked):
    mocked.post(EFETCH, body=fixture_bytes("efetch_set.xml"), content_type="text/xml; charset=UTF-8")
    return mocked


def test_add_pubmed_writes_exact_draft_and_prints_abstract(kb_root, efetch, capsys):
    assert add(kb_root, "pubmed", "99000001") == 0
    out = capsys.readouterr().out
    assert files(kb_root) == ["example-2024-single-dose-intravenous.yaml"]
    study = load(kb_root).studies["example-2024-single-dose-intravenous"]
    assert study.model_dump(exclude_defaults=True) == {
        "key": "example-2024-single-dose-intravenous",
        "status": "draft",
        "title": ("Single-dose intravenous ketamine for postpartum depression after caesarean delivery: "
                  "a randomized controlled trial."),
        "authors": ["Example AB", "Müller K", "Sample C"],
        "journal": "J Invent Med", "year": 2024, "volume": "12", "issue": "3", "pages": "145-153",
        "pmid": "99000001", "doi": "10.5555/jim.2024.0001", "design": "rct",
        "topics": ["csection-prophylaxis"],
        "verified_from": "https://pubmed.ncbi.nlm.nih.gov/99000001/",
    }
    assert "METHODS: An invented trial randomised 120 women" in out  # printed for the curator ...
    text = (kb_root / "studies" / "example-2024-single-dose-intravenous.yaml").read_text(encoding="utf-8")
    assert "randomised 120 women" not in text  # ... but never stored
    assert "design: rct" in out and "csection-prophylaxis" in out


def test_add_several_pmids_in_one_request(kb_root, efetch, capsys):
    assert add(kb_root, "pubmed", "99000002", "99000003", "99000004") == 0
    assert len(efetch.calls) == 1
    kb = load(kb_root)
    assert kb.problems == []
    by_pmid = {s.pmid: s for s in kb.studies.values()}
    assert by_pmid["99000002"].key == "perinatal-2019-ketamine-esketamine-perinatal"
    assert by_pmid["99000002"].authors == ["Perinatal Ketamine Study Group", "Ðặng VH"]
    assert by_pmid["99000003"].key == "osamplenunez-2025-safety-repeated-ketamine"
    assert by_pmid["99000003"].volume is None and by_pmid["99000003"].citation_detail == "Epub 2025 Mar 4 ahead of print"
    assert by_pmid["99000004"].doi is None and by_pmid["99000004"].design == "case-control"


def test_retracted_record_warns(kb_root, efetch, capsys):
    assert add(kb_root, "pubmed", "99000005") == 0
    err = capsys.readouterr().err
    assert "warning: PMID 99000005: PubMed marks it as a Retracted Publication" in err
    assert "retraction notice: PMID 99000006" in err


def test_unknown_pmid_writes_nothing_and_fails(kb_root, mocked, capsys):
    mocked.post(EFETCH, body=fixture_bytes("efetch_empty.xml"), content_type="text/xml")
    assert add(kb_root, "pubmed", "99000009") == 1
    assert "PMID 99000009: not found in PubMed" in capsys.readouterr().err
    assert files(kb_root) == []


def test_malformed_xml_writes_nothing(kb_root, mocked, capsys):
    mocked.post(EFETCH, body=fixture_bytes("efetch_truncated.xml"), content_type="text/xml")
    assert add(kb_root, "pubmed", "99000001", "99000002") == 4
    err = capsys.readouterr().err
    assert "PMID(s) 99000001, 99000002" in err and "malformed XML" in err and "nothing written" in err
    assert files(kb_root) == []


def test_not_a_pmid(kb_root, mocked, capsys):
    assert add(kb_root, "pubmed", "12ab") == 1
    assert "'12ab' is not a PMID" in capsys.readouterr().err
    assert len(mocked.calls) == 0


def test_429_then_success_writes_the_record(kb_root, mocked, sleeps):
    mocked.post(EFETCH, status=429, headers={"Retry-After": "2"}, json={"error": "API rate limit exceeded"})
    mocked.post(EFETCH, body=fixture_bytes("efetch_set.xml"), content_type="text/xml")
    assert add(kb_root, "pubmed", "99000001") == 0
    assert 2.0 in sleeps and len(files(kb_root)) == 1


def test_rate_limited_after_retries(kb_root, mocked, capsys):
    mocked.post(EFETCH, status=429)
    assert add(kb_root, "pubmed", "99000001") == 4
    assert "PMID(s) 99000001: PubMed is still rate limiting us" in capsys.readouterr().err
    assert files(kb_root) == []


def test_timeout_is_a_clear_message(kb_root, mocked, capsys):
    mocked.post(EFETCH, body=requests.exceptions.ConnectTimeout("connect timed out"))
    assert add(kb_root, "pubmed", "99000001") == 3
    err = capsys.readouterr().err
    assert "PMID(s) 99000001: PubMed is unreachable: timed out" in err and "nothing written" in err


def test_duplicate_add_changes_nothing(kb_root, efetch, capsys):
    assert add(kb_root, "pubmed", "99000001") == 0
    path = kb_root / "studies" / "example-2024-single-dose-intravenous.yaml"
    before = path.read_bytes()
    capsys.readouterr()
    assert add(kb_root, "pubmed", "99000001") == 0
    assert "PMID 99000001 is already in the KB as example-2024-single-dose-intravenous" in capsys.readouterr().out
    assert path.read_bytes() == before and files(kb_root) == [path.name]
    assert len(efetch.calls) == 1  # the second add did not even ask
    assert add(kb_root, "doi", "https://doi.org/10.5555/JIM.2024.0001") == 0  # same DOI, other case
    assert "is already in the KB" in capsys.readouterr().out and files(kb_root) == [path.name]


def test_same_key_gets_a_suffix(kb_root, efetch):
    (kb_root / "studies" / "example-2024-single-dose-intravenous.yaml").write_text("not even a record\n")
    assert add(kb_root, "pubmed", "99000001") == 0
    assert "example-2024-single-dose-intravenous-2.yaml" in files(kb_root)


def test_add_doi_from_crossref(kb_root, mocked, capsys):
    mocked.get(CROSSREF + "10.5555/inr.2022.0077", body=fixture_bytes("crossref_work.json"),
               content_type="application/json")
    assert add(kb_root, "doi", "doi:10.5555/inr.2022.0077") == 0
    assert mocked.calls[0].request.params == {"mailto": "curator@example.org"}
    assert "mailto:curator@example.org" in mocked.calls[0].request.headers["User-Agent"]
    study = load(kb_root).studies["invention-2022-ketamine-exposure-nursing"]
    assert study.model_dump(exclude_defaults=True) == {
        "key": "invention-2022-ketamine-exposure-nursing", "status": "draft",
        "title": "Ketamine exposure in nursing mothers: a narrative review",
        "authors": ["Invention JP", "Fabricó ZK", "Invented Nursing Collaborative"],
        "journal": "Invent Nurs Rev", "year": 2022, "volume": "44", "issue": "2", "pages": "201-210",
        "doi": "10.5555/inr.2022.0077", "design": "narrative-review", "topics": ["breast-milk-transfer"],
        "verified_from": "https://doi.org/10.5555/inr.2022.0077",
    }
    assert "An invented abstract about breastfeeding and ketamine exposure." in capsys.readouterr().out


def test_doi_not_in_crossref(kb_root, mocked, capsys):
    mocked.get(CROSSREF + "10.5555/missing", status=404, body="Resource not found.")
    assert add(kb_root, "doi", "10.5555/missing") == 1
    assert "DOI 10.5555/missing: not found in Crossref" in capsys.readouterr().err
    assert files(kb_root) == []


def test_doi_malformed_json(kb_root, mocked, capsys):
    mocked.get(CROSSREF + "10.5555/bad", body="{not json", content_type="application/json")
    assert add(kb_root, "doi", "10.5555/bad") == 4
    assert "DOI 10.5555/bad: Crossref sent malformed JSON" in capsys.readouterr().err
    assert files(kb_root) == []


def test_doi_offline(kb_root, mocked, capsys):
    mocked.get(CROSSREF + "10.5555/inr.2022.0077", body=requests.exceptions.ConnectionError("Name or service not known"))
    assert add(kb_root, "doi", "10.5555/inr.2022.0077") == 3
    assert "DOI 10.5555/inr.2022.0077: Crossref is unreachable: could not connect" in capsys.readouterr().err


CLAIM = """\
id: ketamine-prevents-ppd-test
statement: "One ketamine dose at caesarean birth prevents postpartum depression."
answer: "Partly: an invented answer for a test."
topics: [csection-prophylaxis]
verdict: partly-supported
certainty: low
bottom_line: "An invented bottom line for a test."
what_copy_omits: ["Invented omission."]
accurate_wording: "Invented accurate wording."
what_would_change: "Invented larger trials."
phrasings: ["ketamine at c-section prevents ppd", "one dose stops postpartum depression", "ketamine during caesarean"]
frames: [{{slots: [{{also: [ketamine]}}, {{also: [caesarean, c-section]}}, {{also: [prevent, stops]}}]}}]
evidence:
  - study: {key}
    stance: supports
    finding: "Invented finding in our own words."
last_reviewed: 2026-01-01
"""


def complete_and_cite(kb_root, key: str) -> None:
    """What a curator does after `kb add`: summary fields in own words, curated, cited by a claim."""
    path = kb_root / "studies" / f"{key}.yaml"
    y = yaml_parser()
    data = y.load(path.read_text(encoding="utf-8"))
    data.update(population="120 invented women after caesarean delivery", n=120,
                summary="An invented trial, summarised in our own words.",
                findings=["Invented finding with numbers: EPDS fell by 2 points."],
                limitations=["Invented limitation: one centre."], topics=["csection-prophylaxis", "efficacy"],
                status="curated")
    with path.open("w", encoding="utf-8") as f:
        y.dump(data, f)
    (kb_root / "claims" / "ketamine-prevents-ppd-test.yaml").write_text(CLAIM.format(key=key), encoding="utf-8")


def test_round_trip_add_complete_validate(kb_root, efetch, capsys):
    assert add(kb_root, "pubmed", "99000001") == 0
    assert cli.main(["--kb-dir", str(kb_root), "validate"]) == 0  # a draft validates as it is
    complete_and_cite(kb_root, "example-2024-single-dose-intravenous")
    capsys.readouterr()
    assert cli.main(["--kb-dir", str(kb_root), "validate"]) == 0
    out = capsys.readouterr().out
    assert "1 claims, 1 studies: 0 error(s), 0 warning(s)" in out


def test_round_trip_search_finds_it(kb_root, efetch, tmp_path, capsys):
    pytest.importorskip("indexer.engine")  # the search engine is another engineer's module
    assert add(kb_root, "pubmed", "99000001") == 0
    complete_and_cite(kb_root, "example-2024-single-dose-intravenous")
    where = ["--kb-dir", str(kb_root), "--index-dir", str(tmp_path / "index")]
    assert cli.main([*where, "build"]) == 0
    capsys.readouterr()
    assert cli.main([*where, "search", "intravenous ketamine caesarean", "--type", "study", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["results"]
    assert "example-2024-single-dose-intravenous" in [h["id"] for h in hits]
