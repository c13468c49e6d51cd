"""Study identifiers, defined once: what a PMID and a DOI look like, and their record pages.

kb/models.py validates record fields with the patterns; `kb add` (sources/pubmed.py,
sources/crossref.py) checks what a registry returns with the same compiled expressions.
"""
from __future__ import annotations

import re

PMID_PATTERN = r"^[1-9][0-9]{0,8}$"
DOI_PATTERN = r"^10\.[0-9]{4,9}/\S+$"
PMID_RE = re.compile(PMID_PATTERN)
DOI_RE = re.compile(DOI_PATTERN)


def pubmed_url(pmid: str) -> str:
    return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


def normalise_doi(doi: str) -> str:
    """'https://doi.org/10.1/X', 'doi:10.1/x' -> '10.1/x' (DOIs compare case-insensitively)."""
    return re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", doi.strip(), flags=re.I).lower()
