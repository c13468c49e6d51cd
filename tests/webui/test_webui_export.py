"""Citation downloads: RIS (parsed back with rispy), BibTeX (bibtexparser), CSL-JSON; reference formatting."""
from __future__ import annotations

import json

import bibtexparser
import pytest
import rispy

from webui.citations import bibtex_entry, csl_item, latex_escape, to_bibtex, to_csl_json, to_ris
from webui.references import format_reference, format_reference_html, parse_author


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
    assert set(keys) == {"big-2020-esketamine-rct", "wolfson-2023-ketamine-milk"}
    big = keys["big-2020-esketamine-rct"]
    assert big["ENTRYTYPE"] == "article" and big["journal"] == "J Fixture Data" and big["year"] == "2020"
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
    # a label without year, rendered by the AMA style: author, title, the source's name, URL
    assert format_reference(studies["fda-2019-spravato-label"], "ama") == (
        "U.S. Food and Drug Administration. SPRAVATO (esketamine) nasal spray: prescribing information. FDA label. "
        "https://www.accessdata.fda.gov/drugsatfda_docs/label/2019/211243lbl.pdf")
    # more than 6 names: the style itself truncates (AMA: first 3, Vancouver: first 6)
    assert format_reference(studies["big-2020-esketamine-rct"], "ama").startswith(
        "Big A, Small BC, Middle D, et al. Esketamine for prevention of depression")
    assert format_reference(studies["big-2020-esketamine-rct"], "vancouver").startswith(
        "Big A, Small BC, Middle D, Fourth E, Fifth F, Sixth G, et al. Esketamine")
    wolf = studies["wolfson-2023-ketamine-milk"]
    assert format_reference(wolf, "vancouver").endswith(
        "J Psychoactive Drugs. 2023;55(3):354–8. doi:10.1080/02791072.2022.2101903 PubMed PMID: 35880962.")
    assert parse_author("van der Berg JH").family == "van der Berg"
    assert parse_author("Hung K-C") == parse_author("Hung K-C") and parse_author("Hung K-C").given == "K.-C."
    assert parse_author("World Health Organization").literal == "World Health Organization"


def test_truncated_missing_and_untitled_records_say_so(engine):
    wolf = engine.snapshot().kb.studies["wolfson-2023-ketamine-milk"]
    cut = wolf.model_copy(update={"authors_truncated": True})
    for style in ("ama", "vancouver"):
        assert format_reference(cut, style).startswith("Wolfson PE, Cole R, Lynch K, et al. The Pharmacokinetics")
        assert "et al" not in format_reference(wolf, style)
        nobody = wolf.model_copy(update={"authors": []})
        assert format_reference(nobody, style).startswith("Authors not recorded. The Pharmacokinetics")
        untitled = wolf.model_copy(update={"title": None, "label": "Our description"})
        text = format_reference(untitled, style)
        assert "Our description" not in text and "J Psychoactive Drugs" in text and "[" not in text
    item = csl_item(cut)
    assert item["note"] == "Author list incomplete: the first 3 author(s) only"
    assert bibtex_entry(cut)["author"].endswith("and Lynch, K. and others")
    assert csl_item(wolf.model_copy(update={"authors": [], "title": None, "label": "x"}))["note"] == (
        "Authors not recorded in the verified record; Title not shown in the verified record")


def test_reference_html_escapes_record_text(engine):
    big = engine.snapshot().kb.studies["big-2020-esketamine-rct"]
    html = str(format_reference_html(big, "ama"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<i>J Fixture Data</i>" in html


def test_newline_in_a_title_cannot_split_an_ris_record(engine):
    wolf = engine.snapshot().kb.studies["wolfson-2023-ketamine-milk"]
    evil = wolf.model_copy(update={"title": "Line one\nER  - \nTY  - JOUR\r\nTI  - injected", "journal": "J\u2028X\x00"})
    text = to_ris([evil, wolf])
    entries = rispy.loads(text)
    assert len(entries) == 2
    assert entries[0]["title"] == "Line one ER - TY - JOUR TI - injected"
    assert entries[0]["journal_name"] == "J X"
    bib = bibtexparser.loads(to_bibtex([evil]))
    assert bib.entries[0]["title"] == "Line one ER - TY - JOUR TI - injected"
    assert json.loads(to_csl_json([evil]))[0]["title"] == "Line one ER - TY - JOUR TI - injected"


def test_style_choice_is_remembered_in_a_cookie(client):
    assert "Wolfson PE, Cole R, Lynch K. The Pharmacokinetics" in client.get("/claims/milk-transfer-minimal").get_data(as_text=True)
    r = client.get("/citation-style/vancouver?next=/claims/milk-transfer-minimal")
    assert r.status_code == 303 and r.headers["Location"].endswith("/claims/milk-transfer-minimal")
    assert "cite_style=vancouver" in r.headers["Set-Cookie"] and "HttpOnly" in r.headers["Set-Cookie"]
    html = client.get("/claims/milk-transfer-minimal").get_data(as_text=True)
    assert "354–8. doi:10.1080/02791072.2022.2101903 PubMed PMID: 35880962." in html
    assert '<strong aria-current="true">Vancouver</strong>' in html
    assert client.get("/api/studies/wolfson-2023-ketamine-milk").json["reference"].endswith("PubMed PMID: 35880962.")
    assert client.get("/api/studies/wolfson-2023-ketamine-milk?cite_style=ama").json["reference"].endswith(
        "doi:10.1080/02791072.2022.2101903")


@pytest.mark.parametrize("target", ["https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"])
def test_style_switch_never_redirects_off_site(client, target):
    r = client.get("/citation-style/ama", query_string={"next": target})
    assert r.status_code == 303 and r.headers["Location"] in ("/", "http://localhost/")


def test_unknown_style_is_404(client):
    assert client.get("/citation-style/harvard").status_code == 404
