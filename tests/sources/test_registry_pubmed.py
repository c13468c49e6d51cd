"""Parsing efetch XML (real structure, invented content) and the efetch client's requests."""
from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from sources.pubmed import MalformedResponse, PubmedClient, clean_pmid, parse_efetch

from registry_testutil import EFETCH, fixture_bytes, isolated, mocked, sleeps  # noqa: F401 (fixtures)

@pytest.fixture(scope="module")
def records():
    return parse_efetch(fixture_bytes("efetch_set.xml"))


def test_parses_every_field_exactly(records):
    r = records["99000001"]
    assert r.title == ("Single-dose intravenous ketamine for postpartum depression after caesarean delivery: "
                       "a randomized controlled trial.")  # <i> kept as text by itertext
    assert r.authors == ("Example AB", "Müller K", "Sample C")
    assert r.journal == "J Invent Med" and r.journal_title == "Journal of invented medicine"
    assert (r.year, r.volume, r.issue, r.pages) == (2024, "12", "3", "145-153")
    assert r.doi == "10.5555/jim.2024.0001"  # not the ReferenceList DOI that comes later
    assert r.publication_types == ("Journal Article", "Randomized Controlled Trial")
    assert r.abstract.split("\n\n") == [
        "BACKGROUND: Invented background sentence about mothers after surgical delivery.",
        "METHODS: An invented trial randomised 120 women to ketamine 0.25 mg/kg or saline.",
        "RESULTS: Invented result: EPDS scores fell more with ketamine (P = 0.01).",
        "CONCLUSIONS: Invented conclusion for testing only.",
    ]  # CopyrightInformation left out
    ketamine = next(h for h in r.mesh if h.descriptor == "Ketamine")
    assert ketamine.qualifiers == ("administration & dosage", "therapeutic use") and ketamine.major
    assert r.keywords == ("Edinburgh Postnatal Depression Scale",)
    assert not r.ahead_of_print and r.warnings == ()


def test_collective_author_non_ascii_medline_date_and_medline_ta_fallback(records):
    r = records["99000002"]
    assert r.authors == ("Perinatal Ketamine Study Group", "Ðặng VH")  # ValidYN="N" author dropped
    assert r.first_surname == "Perinatal Ketamine Study Group"
    assert r.year == 2019  # from MedlineDate "2019 Dec-2020 Jan"
    assert r.journal == "Invent Rev Perinat Psychiatry"  # no ISOAbbreviation: MedlineTA


def test_ahead_of_print_record(records):
    r = records["99000003"]
    assert r.ahead_of_print and r.epub_date == "2025 Mar 4"
    assert (r.volume, r.issue, r.pages) == (None, None, None)
    assert r.year == 2025 and r.doi == "10.5555/jim.2025.0042"
    assert r.authors == ("O'Sample-Núñez MJ",)


def test_year_falls_back_to_article_date():
    xml = fixture_bytes("efetch_set.xml").replace(
        b"<Year>2025</Year>\n                        <Month>Mar</Month>\n                        <Day>04</Day>", b"")
    assert parse_efetch(xml)["99000003"].year == 2025


def test_reference_list_doi_is_not_the_records_doi(records):
    assert records["99000004"].doi is None


def test_retraction_is_flagged(records):
    warnings = records["99000005"].warnings
    assert any("Retracted Publication" in w for w in warnings)
    assert any("99000006" in w for w in warnings)


@pytest.mark.parametrize("body, fragment", [
    (b"efetch_truncated.xml", "malformed XML"),
    (b"<eFetchResult><ERROR>Empty id list - nothing todo</ERROR></eFetchResult>", "Empty id list"),
    (b"<html><body>Bad gateway</body></html>", "expected <PubmedArticleSet>"),
])
def test_unusable_answers_raise_clear_errors(body, fragment):
    xml = fixture_bytes(body.decode()) if body.endswith(b".xml") else body
    with pytest.raises(MalformedResponse, match=fragment):
        parse_efetch(xml)


def test_entity_expansion_bomb_is_rejected():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa">'
            + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10) for i in range(8))
            + b']><PubmedArticleSet>&i;</PubmedArticleSet>')
    with pytest.raises(MalformedResponse):
        parse_efetch(bomb)


@pytest.mark.parametrize("raw, pmid", [("99000001", "99000001"), (" PMID: 99000001 ", "99000001"),
                                       ("https://pubmed.ncbi.nlm.nih.gov/99000001/", "99000001"),
                                       ("099000001", None), ("abc", None), ("", None)])
def test_clean_pmid(raw, pmid):
    assert clean_pmid(raw) == pmid


def test_client_posts_one_batch_with_tool_email_and_key(mocked):
    mocked.post(EFETCH, body=fixture_bytes("efetch_set.xml"), content_type="text/xml")
    result = PubmedClient(api_key="secret-key").fetch(["99000001", "99000002", "99000009", "99000001"])
    assert len(mocked.calls) == 1
    form = parse_qs(mocked.calls[0].request.body)
    assert form == {"db": ["pubmed"], "id": ["99000001,99000002,99000009"], "retmode": ["xml"],
                    "tool": ["evidence-kb"], "email": ["curator@example.org"], "api_key": ["secret-key"]}
    assert mocked.calls[0].request.method == "POST"
    assert set(result.records) == {"99000001", "99000002"}
    assert "not found in PubMed" in result.missing["99000009"]


def test_client_rate_depends_on_api_key():
    assert PubmedClient().session.limiter.interval == pytest.approx(1 / 3)
    assert PubmedClient(api_key="k").session.limiter.interval == pytest.approx(1 / 9)
    assert "api_key" not in PubmedClient().params()
