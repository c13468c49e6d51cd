"""Citation export for studies: RIS (rispy), BibTeX (bibtexparser 1.4's writer) and CSL-JSON."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Callable, Iterable

import rispy
from bibtexparser.bibdatabase import BibDatabase
from bibtexparser.bwriter import BibTexWriter

from kb.models import Study
from webui.references import parse_author

JOURNAL_DESIGNS_WITHOUT_JOURNAL = {"drug-label", "fact-sheet", "regulatory", "guideline", "news", "other"}


@dataclass(frozen=True)
class Format:
    ext: str
    mimetype: str
    render: Callable[[list[Study]], str]


def _is_article(study: Study) -> bool:
    return bool(study.journal)


def _pages(study: Study) -> tuple[str | None, str | None]:
    if not study.pages:
        return None, None
    start, _, end = study.pages.partition("-")
    return start.strip() or None, end.strip() or None


# ---- RIS -------------------------------------------------------------------------------------

def ris_entry(study: Study) -> dict:
    names = [parse_author(a) for a in study.authors]
    entry: dict = {
        "type_of_reference": "JOUR" if _is_article(study) else ("NEWS" if study.design == "news" else "ELEC"),
        "title": study.title,
        "authors": [f"{n.family}, {n.given}" if n.is_person else n.literal for n in names],
        "id": study.key,
    }
    if study.journal:
        entry["journal_name"] = study.journal
        entry["secondary_title"] = study.journal
    if study.year:
        entry["year"] = str(study.year)
    if study.volume:
        entry["volume"] = study.volume
    if study.issue:
        entry["number"] = study.issue
    start, end = _pages(study)
    if start:
        entry["start_page"] = start
    if end:
        entry["end_page"] = end
    if study.doi:
        entry["doi"] = study.doi
    if study.pmid:
        entry["accession_number"] = study.pmid
        entry["name_of_database"] = "PubMed"
    entry["urls"] = [study.link]
    if study.summary:
        entry["abstract"] = " ".join(study.summary.split())
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
    return " ".join(str(text).translate(_LATEX_TABLE).split())


def bibtex_entry(study: Study) -> dict:
    names = [parse_author(a) for a in study.authors]
    authors = " and ".join(
        f"{latex_escape(n.family)}, {latex_escape(n.given)}" if n.is_person else "{" + latex_escape(n.literal or "") + "}"
        for n in names
    )
    entry = {
        "ENTRYTYPE": "article" if _is_article(study) else "misc",
        "ID": re.sub(r"[^A-Za-z0-9_:-]", "", study.key),
        "title": latex_escape(study.title),
        "author": authors,
    }
    if study.journal:
        entry["journal"] = latex_escape(study.journal)
    if study.year:
        entry["year"] = str(study.year)
    if study.volume:
        entry["volume"] = latex_escape(study.volume)
    if study.issue:
        entry["number"] = latex_escape(study.issue)
    if study.pages:
        entry["pages"] = latex_escape(study.pages.replace("-", "--"))
    if study.doi:
        entry["doi"] = latex_escape(study.doi)
    if study.pmid:
        entry["pmid"] = study.pmid
    if study.url or not (study.doi or study.pmid):
        entry["url"] = latex_escape(study.url or study.link)
    return entry


def to_bibtex(studies: list[Study]) -> str:
    db = BibDatabase()
    db.entries = [bibtex_entry(s) for s in studies]
    writer = BibTexWriter()
    writer.indent = "  "
    writer.order_entries_by = None
    writer.display_order = ["title", "author", "journal", "year", "volume", "number", "pages", "doi", "pmid", "url"]
    return writer.write(db)


# ---- CSL-JSON --------------------------------------------------------------------------------

def csl_item(study: Study) -> dict:
    authors = []
    for a in study.authors:
        n = parse_author(a)
        authors.append({"family": n.family, "given": n.given} if n.is_person else {"literal": n.literal})
    item: dict = {
        "id": study.key,
        "type": "article-journal" if _is_article(study) else ("article-newspaper" if study.design == "news" else "webpage"),
        "title": study.title,
        "author": authors,
    }
    if study.journal:
        item["container-title"] = study.journal
    if study.year:
        item["issued"] = {"date-parts": [[study.year]]}
    for field, value in (("volume", study.volume), ("issue", study.issue), ("page", study.pages),
                         ("DOI", study.doi), ("PMID", study.pmid)):
        if value:
            item[field] = value
    item["URL"] = study.url or study.link
    return item


def to_csl_json(studies: list[Study]) -> str:
    return json.dumps([csl_item(s) for s in studies], ensure_ascii=False, indent=2) + "\n"


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
