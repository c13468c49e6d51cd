"""Citation data for studies: the one CSL-JSON builder, and the RIS, BibTeX and CSL-JSON exports.

`csl_item` is the single source of bibliographic data: the CSL-JSON export is a list of these
items, rendered references (webui.references) are citeproc-py renderings of the same items, and
the RIS and BibTeX writers read the same item, so no format can drift from another.

Every text value is flattened to one line (a newline in a title must not end an RIS field or
start a new tag), and BibTeX values are LaTeX-escaped with balanced braces.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Callable, Iterable

import rispy
from bibtexparser.bibdatabase import BibDatabase
from bibtexparser.bwriter import BibTexWriter

from kb.models import Study
from webui.names import parse_author

# Sources that are web pages whatever their `journal` field says (it holds the site's name).
WEB_DESIGNS = {"drug-label", "fact-sheet", "regulatory"}
AUTHORS_NOT_RECORDED = "Authors not recorded in the verified record"
TITLE_NOT_SHOWN = "Title not shown in the verified record"


@dataclass(frozen=True)
class Format:
    ext: str
    mimetype: str
    render: Callable[[list[Study]], str]


_CONTROL = {c: " " for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]}


def one_line(text: object) -> str:
    """Whitespace runs (newlines, tabs, Unicode line separators) and control characters become one space."""
    return " ".join(str(text).translate(_CONTROL).split())


def truncation_note(study: Study) -> str | None:
    """What a reference manager's note field must say about an incomplete record, or None."""
    notes = []
    if not study.authors:
        notes.append(AUTHORS_NOT_RECORDED)
    elif study.authors_truncated:
        notes.append(f"Author list incomplete: the first {len(study.authors)} author(s) only")
    if not study.title:
        notes.append(TITLE_NOT_SHOWN)
    return "; ".join(notes) or None


# Designs whose `journal` names a journal (for the others it names a web site unless a PMID/DOI says otherwise).
RESEARCH_DESIGNS = {"rct", "meta-analysis", "systematic-review", "cohort", "case-control", "cross-sectional",
                    "case-series", "case-report", "pharmacokinetic", "narrative-review", "preclinical", "guideline"}


def csl_type(study: Study) -> str:
    if study.design in WEB_DESIGNS:
        return "webpage"
    if study.design == "news" and not study.doi:
        return "article-newspaper"
    if study.journal and (study.pmid or study.doi or study.design in RESEARCH_DESIGNS):
        return "article-journal"
    return "webpage"


def csl_item(study: Study) -> dict:
    """The study as one CSL-JSON item (the export's item and the renderer's input)."""
    item: dict = {"id": study.key, "type": csl_type(study)}
    if study.title:
        item["title"] = one_line(study.title)
    authors = []
    for a in study.authors:
        n = parse_author(a)
        if n.literal is not None:
            authors.append({"literal": one_line(n.literal)})
        else:
            authors.append({"family": one_line(n.family)} | ({"given": n.given} if n.given else {}))
    if authors:
        item["author"] = authors
    if study.journal:
        item["container-title"] = one_line(study.journal)
    if study.year:
        item["issued"] = {"date-parts": [[study.year]]}
    for field, value in (("volume", study.volume), ("issue", study.issue), ("page", study.pages),
                         ("DOI", study.doi), ("PMID", study.pmid)):
        if value:
            item[field] = one_line(value)
    item["URL"] = study.url or study.link
    note = truncation_note(study)
    if note:
        item["note"] = note
    return item


def to_csl_json(studies: list[Study]) -> str:
    return json.dumps([csl_item(s) for s in studies], ensure_ascii=False, indent=2) + "\n"


# ---- RIS -------------------------------------------------------------------------------------

RIS_TYPES = {"article-journal": "JOUR", "article-newspaper": "NEWS", "webpage": "ELEC"}


def _pages(page: str | None) -> tuple[str | None, str | None]:
    if not page:
        return None, None
    start, _, end = page.partition("-")
    return start.strip() or None, end.strip() or None


def _ris_name(name: dict) -> str:
    if "literal" in name:
        return name["literal"]
    return f"{name['family']}, {name['given']}" if name.get("given") else name["family"]


def ris_entry(study: Study) -> dict:
    item = csl_item(study)
    entry: dict = {"type_of_reference": RIS_TYPES[item["type"]], "id": study.key,
                   "authors": [_ris_name(n) for n in item.get("author", [])]}
    if "title" in item:
        entry["title"] = item["title"]
    if "container-title" in item:
        entry["journal_name"] = item["container-title"]
        entry["secondary_title"] = item["container-title"]
    if "issued" in item:
        entry["year"] = str(item["issued"]["date-parts"][0][0])
    for ris, csl in (("volume", "volume"), ("number", "issue"), ("doi", "DOI")):
        if csl in item:
            entry[ris] = item[csl]
    start, end = _pages(item.get("page"))
    if start:
        entry["start_page"] = start
    if end:
        entry["end_page"] = end
    if "PMID" in item:
        entry["accession_number"] = item["PMID"]
        entry["name_of_database"] = "PubMed"
    entry["urls"] = [item["URL"]]
    if "note" in item:
        entry["notes"] = [item["note"]]
    if study.summary:
        entry["abstract"] = one_line(study.summary)
    return entry


def to_ris(studies: list[Study]) -> str:
    return rispy.dumps([ris_entry(s) for s in studies])


# ---- BibTeX ----------------------------------------------------------------------------------

_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",  # braces stay balanced, so a stray "}" cannot end the field early
    "}": r"\textbraceright{}",
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "<": r"\textless{}", ">": r"\textgreater{}",
}
_LATEX_TABLE = str.maketrans(_LATEX)


def latex_escape(text: str) -> str:
    """Escape LaTeX specials; newlines and runs of space collapse to one space."""
    return one_line(str(text).translate(_LATEX_TABLE))


def _bibtex_name(name: dict) -> str:
    if "literal" in name:  # braced, so "and" or a comma inside an organisation's name cannot split it
        return "{" + latex_escape(name["literal"]) + "}"
    family = latex_escape(name["family"])
    family = "{" + family + "}" if " " in family else family  # "van der Berg" stays one surname
    return f"{family}, {latex_escape(name['given'])}" if name.get("given") else family


def bibtex_entry(study: Study) -> dict:
    item = csl_item(study)
    names = [_bibtex_name(n) for n in item.get("author", [])]
    if names and study.authors_truncated:
        names.append("others")  # BibTeX's own way to say "et al."
    entry = {
        "ENTRYTYPE": "article" if item["type"] == "article-journal" else "misc",
        "ID": re.sub(r"[^A-Za-z0-9_:-]", "", study.key),
    }
    if "title" in item:
        entry["title"] = latex_escape(item["title"])
    if names:
        entry["author"] = " and ".join(names)
    if "container-title" in item:
        entry["journal" if entry["ENTRYTYPE"] == "article" else "howpublished"] = latex_escape(item["container-title"])
    if "issued" in item:
        entry["year"] = str(item["issued"]["date-parts"][0][0])
    for bib, csl in (("volume", "volume"), ("number", "issue"), ("doi", "DOI"), ("pmid", "PMID")):
        if csl in item:
            entry[bib] = latex_escape(item[csl])
    if "page" in item:
        entry["pages"] = latex_escape(item["page"].replace("-", "--"))
    if study.url or not (study.doi or study.pmid):
        entry["url"] = latex_escape(item["URL"])
    if "note" in item:
        entry["note"] = latex_escape(item["note"])
    return entry


def to_bibtex(studies: list[Study]) -> str:
    db = BibDatabase()
    db.entries = [bibtex_entry(s) for s in studies]
    writer = BibTexWriter()
    writer.indent = "  "
    writer.order_entries_by = None
    writer.display_order = ["title", "author", "journal", "howpublished", "year", "volume", "number", "pages",
                            "doi", "pmid", "url", "note"]
    return writer.write(db)


FORMATS: dict[str, Format] = {
    "ris": Format("ris", "application/x-research-info-systems", to_ris),
    "bib": Format("bib", "application/x-bibtex", to_bibtex),
    "json": Format("json", "application/vnd.citationstyles.csl+json", to_csl_json),
}


def unique(studies: Iterable[Study]) -> list[Study]:
    seen: dict[str, Study] = {}
    for s in studies:
        seen.setdefault(s.key, s)
    return list(seen.values())
