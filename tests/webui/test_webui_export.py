"""Citation downloads: RIS (parsed back with rispy), BibTeX (bibtexparser), CSL-JSON; reference formatting."""
from __future__ import annotations

import json

import bibtexparser
import pytest
import rispy

from webui.citations import latex_escape
from webui.references import format_reference, parse_author


def test_study_ris(client):
    r = client.get("/studies/wolfson-2023-ketamine-milk/cite.ris")
    assert r.status_code == 200
    assert r.mimetype == "application/x-research-info-systems"
    assert r.headers["Content-Disposition"] == 'attachment; filename="wolfson-2023-ketamine-milk.ris"'
    [entry] = rispy.loads(r.get_data(as_text=True))
    assert entry["type_of_reference"] == "JOUR"
    assert entry["title"].startswith("The Pharmacokinetics of Ketamine")
    assert entry["authors"] == ["Wolfson, P. E.", "Cole, R.", "Lynch, K."]
    assert entry["journal_name"] == "J Psychoactive Drugs" and entry["year"] == "2023"
    assert entry["volume"] == "55" and entry["number"] == "3"
    assert entry["start_page"] == "354" and entry["end_page"] == "358"
    assert entry["doi"] == "10.1080/02791072.2022.2101903" and entry["accession_number"] == "35880962"


def test_claim_bibtex_round_trip_with_latex_specials(client):
    r = client.get("/claims/esketamine-prevents-ppd/cite.bib")
    assert r.status_code == 200 and r.mimetype == "application/x-bibtex"
    assert 'filename="esketamine-prevents-ppd-studies.bib"' in r.headers["Content-Disposition"]
    text = r.get_data(as_text=True)
    db = bibtexparser.loads(text)
    keys = {e["ID"]: e for e in db.entries}
    assert set(keys) == {"big-2020-esketamine-rct", "wolfson-2023-ketamine-milk"}  # the draft is left out
    big = keys["big-2020-esketamine-rct"]
    assert big["ENTRYTYPE"] == "article" and big["journal"] == "BMJ" and big["year"] == "2020"
    assert "\\textless{}script\\textgreater{}" in big["title"]
    assert big["author"].endswith("and {World Health Organization}")
    assert "Big, A. and Small, B. C." in big["author"]
    wolf = keys["wolfson-2023-ketamine-milk"]
    assert wolf["title"].endswith("Quantification of Ketamine \\& Metabolites") and wolf["pages"] == "354--358"
    assert text.count("{") == text.count("}")


def test_latex_escape_keeps_braces_balanced():
    out = latex_escape("50% of {x} $y_ # ~ ^ \\ & }{")
    assert out == ("50\\% of \\textbraceleft{}x\\textbraceright{} \\$y\\_ \\# \\textasciitilde{} \\textasciicircum{} "
                   "\\textbackslash{} \\& \\textbraceright{}\\textbraceleft{}")
    assert out.count("{") == out.count("}")


def test_csl_json(client):
    r = client.get("/claims/milk-transfer-minimal/cite.json")
    assert r.mimetype == "application/vnd.citationstyles.csl+json"
    items = json.loads(r.get_data(as_text=True))
    wolf = next(i for i in items if i["id"] == "wolfson-2023-ketamine-milk")
    assert wolf["type"] == "article-journal"
    assert wolf["author"][0] == {"family": "Wolfson", "given": "P. E."}
    assert wolf["container-title"] == "J Psychoactive Drugs"
    assert wolf["issued"] == {"date-parts": [[2023]]}
    assert (wolf["volume"], wolf["issue"], wolf["page"]) == ("55", "3", "354-358")
    assert wolf["DOI"] == "10.1080/02791072.2022.2101903" and wolf["PMID"] == "35880962"
    assert wolf["URL"] == "https://pubmed.ncbi.nlm.nih.gov/35880962/"
    label = next(i for i in items if i["id"] == "fda-2019-spravato-label")
    assert label["author"] == [{"literal": "U.S. Food and Drug Administration"}] and "issued" not in label
    assert label["URL"].startswith("https://www.accessdata.fda.gov/")


def test_search_export(client):
    r = client.get("/search/cite.ris?q=ketamine")
    assert r.status_code == 200
    keys = {e["id"] for e in rispy.loads(r.get_data(as_text=True))}
    assert keys and "secret-2024-draft-study" not in keys
    assert keys <= {"wolfson-2023-ketamine-milk", "big-2020-esketamine-rct", "fda-2019-spravato-label"}
    assert client.get("/search/cite.bib?q=zzzznothing").status_code == 200


@pytest.mark.parametrize("url", ["/studies/wolfson-2023-ketamine-milk/cite.doc", "/studies/nope/cite.ris",
                                 "/claims/nope/cite.bib", "/search/cite.pdf?q=x", "/studies/secret-2024-draft-study/cite.ris"])
def test_export_404s(client, url):
    assert client.get(url).status_code == 404


def test_reference_formats(engine):
    studies = engine.snapshot().kb.studies
    assert format_reference(studies["fda-2019-spravato-label"]) == (
        "U.S. Food and Drug Administration. SPRAVATO (esketamine) nasal spray: prescribing information. FDA label. "
        "Available at: https://www.accessdata.fda.gov/drugsatfda_docs/label/2019/211243lbl.pdf")
    assert format_reference(studies["big-2020-esketamine-rct"]).startswith(
        "Big A, Small BC, Middle D, et al. Esketamine for prevention of depression")
    assert parse_author("van der Berg JH").family == "van der Berg"
    assert parse_author("World Health Organization").literal == "World Health Organization"
