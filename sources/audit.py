"""Compare a study record with what PubMed or Crossref says about it.

Comparisons are deliberately forgiving about form (case, punctuation, whitespace, a trailing
period, "J. Foo" vs "J Foo") and strict about substance (words, year, DOI, who the authors are).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kb.models import Study, normalise_doi
from sources.crossref import CrossrefRecord
from sources.pubmed import PubmedRecord


@dataclass(frozen=True)
class Reference:
    """The registry's version of a citation, in the shape the comparisons need."""

    source: str  # "PubMed" or "Crossref"
    ident: str  # the PMID or DOI it was fetched by
    title: str
    year: int | None
    journals: tuple[str, ...]  # every accepted spelling: ISO abbreviation, MedlineTA, full title
    doi: str | None
    authors: tuple[str, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mismatch:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def from_pubmed(rec: PubmedRecord) -> Reference:
    journals = tuple(j for j in (rec.journal, rec.journal_ta, rec.journal_title) if j)
    return Reference("PubMed", rec.pmid, rec.title, rec.year, journals, rec.doi, rec.authors, rec.warnings)


def from_crossref(rec: CrossrefRecord) -> Reference:
    journals = tuple(j for j in (rec.journal, rec.journal_title) if j)
    return Reference("Crossref", rec.doi, rec.title, rec.year, journals, rec.doi, rec.authors, rec.warnings)


def _norm(text: str) -> str:
    """Case-folded words: punctuation (a trailing period too) and runs of whitespace ignored."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def norm_title(title: str) -> str:
    return _norm(title)


def norm_journal(journal: str) -> str:
    return re.sub(r"^the ", "", _norm(journal.replace("&", " and ")))


def norm_author(author: str) -> str:
    """'Smith-Jones A.B.' and 'smith jones ab' compare equal; diacritics still count."""
    words = _norm(author).split()
    while len(words) > 2 and len(words[-2]) == 1 and len(words[-1]) <= 3:  # "a b" -> "ab"
        words[-2:] = [words[-2] + words[-1]]
    return " ".join(words)


def _show(value: object) -> str:
    return "none" if value in (None, "") else f'"{value}"' if isinstance(value, str) else str(value)


def compare_authors(kb_authors: list[str], registry: tuple[str, ...], source: str) -> list[str]:
    """The KB's authors must be the registry's first authors in order (the KB may list only a few)."""
    mine = [a for a in kb_authors if _norm(a) != "et al"]
    problems = []
    for i, author in enumerate(mine):
        if i >= len(registry):
            problems.append(f"KB lists {len(mine)} authors, {source} only {len(registry)}")
            break
        if norm_author(author) != norm_author(registry[i]):
            problems.append(f"#{i + 1} KB {_show(author)} vs {source} {_show(registry[i])}")
    return problems


def compare(study: Study, ref: Reference) -> list[Mismatch]:
    """Every field where the study and the registry disagree; an empty list when they agree."""
    out: list[Mismatch] = []
    src = ref.source
    if study.title is not None and norm_title(study.title) != norm_title(ref.title):
        out.append(Mismatch("title", f"KB {_show(study.title)} vs {src} {_show(ref.title)}"))
    if ref.year is not None and study.year != ref.year:
        out.append(Mismatch("year", f"KB {_show(study.year)} vs {src} {ref.year}"))
    if study.journal and ref.journals and norm_journal(study.journal) not in {norm_journal(j) for j in ref.journals}:
        out.append(Mismatch("journal", f"KB {_show(study.journal)} vs {src} {' / '.join(map(_show, ref.journals))}"))
    if study.doi and ref.doi and normalise_doi(study.doi) != normalise_doi(ref.doi):
        out.append(Mismatch("doi", f"KB {_show(study.doi)} vs {src} {_show(ref.doi)}"))
    author_problems = compare_authors(study.authors, ref.authors, src)
    if author_problems:
        out.append(Mismatch("authors", "; ".join(author_problems)))
    return out


def notes(study: Study, ref: Reference) -> list[str]:
    """Things worth a look that are not mismatches: a DOI on one side only, retraction warnings."""
    out = [f"warning: {w}" for w in ref.warnings]
    if not study.doi and ref.doi:
        out.append(f"note: {ref.source} has DOI {ref.doi}; the KB has none")
    elif study.doi and not ref.doi and ref.source == "PubMed":
        out.append(f"note: PubMed lists no DOI; the KB has {study.doi}")
    return out
