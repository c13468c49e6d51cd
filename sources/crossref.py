"""Crossref REST API: look up a work by DOI and parse its JSON into a plain dataclass.

For items PubMed does not index. `mailto` (and the User-Agent) put us in Crossref's
"polite" pool; we still stay under its public limit of 5 requests/s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from bs4 import BeautifulSoup

from kb.ids import DOI_RE, normalise_doi
from sources.http import USER_AGENT, PoliteSession, contact_email

WORKS_URL = "https://api.crossref.org/works/"
RATE = 5.0
NOTICE_TYPES = {"retraction": "retracted", "withdrawal": "withdrawn", "removal": "removed",
                "expression_of_concern": "subject of an expression of concern"}


class CrossrefError(Exception):
    """A Crossref answer we cannot use, with a message for people."""


class NotFound(CrossrefError):
    pass


class MalformedResponse(CrossrefError):
    pass


@dataclass(frozen=True)
class CrossrefRecord:
    doi: str
    title: str
    authors: tuple[str, ...]
    first_surname: str
    journal: str | None  # short container title, else the full one
    journal_title: str | None
    year: int | None
    volume: str | None
    issue: str | None
    pages: str | None
    type: str
    abstract: str
    subjects: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def url(self) -> str:
        return f"https://doi.org/{self.doi}"


def clean_doi(text: str) -> str | None:
    """'doi:10.1/x', 'https://doi.org/10.1/x' or '10.1/x' -> '10.1/x'; None when it is not a DOI."""
    doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", text.strip(), flags=re.I)
    return doi if DOI_RE.match(doi) else None


def markup_text(text: str | None) -> str:
    """Crossref titles and abstracts may carry JATS/HTML tags and entities: keep the words only."""
    if not text:
        return ""
    return " ".join(BeautifulSoup(text, "html.parser").get_text(" ").split())


def initials(given: str) -> str:
    """'Jean-Paul K.' -> 'JPK', the PubMed style."""
    parts = re.split(r"[\s\-.]+", given.strip())
    return "".join(p[0].upper() for p in parts if p and p[0].isalpha())


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return (markup_text(value) or None) if isinstance(value, str) else None


def _year(message: dict) -> int | None:
    for key in ("issued", "published-print", "published-online", "published", "created"):
        parts = (message.get(key) or {}).get("date-parts") or [[None]]
        year = parts[0][0] if parts and parts[0] else None
        if isinstance(year, int):
            return year
    return None


def parse_work(payload: dict) -> CrossrefRecord:
    """The `message` of a /works/<doi> answer as a record. Raises MalformedResponse if the shape is wrong."""
    message = payload.get("message") if isinstance(payload, dict) else None
    if not isinstance(message, dict) or not message.get("DOI"):
        raise MalformedResponse("Crossref sent JSON without a work (no message.DOI)")
    authors: list[str] = []
    first_surname = ""
    for a in message.get("author") or []:
        family = " ".join((a.get("family") or "").split())
        if family:
            ini = initials(a.get("given") or "")
            authors.append(f"{family} {ini}" if ini else family)
            first_surname = first_surname or family
        elif a.get("name"):
            authors.append(" ".join(a["name"].split()))
            first_surname = first_surname or authors[-1]
    warnings = [f"Crossref says it was {NOTICE_TYPES[u.get('type')]} (notice {u.get('DOI', '?')})"
                for u in message.get("updated-by") or [] if u.get("type") in NOTICE_TYPES]
    if any(u.get("type") == "retraction" for u in message.get("update-to") or []):
        warnings.append("it is a retraction notice, not a study")
    full = _first(message.get("container-title"))
    short = _first(message.get("short-container-title"))
    return CrossrefRecord(
        doi=message["DOI"],
        title=_first(message.get("title")) or "",
        authors=tuple(authors),
        first_surname=first_surname,
        journal=short or full,
        journal_title=full,
        year=_year(message),
        volume=_first(message.get("volume")),
        issue=_first(message.get("issue")),
        pages=_first(message.get("page")),
        type=message.get("type") or "",
        abstract=markup_text(message.get("abstract")),
        subjects=tuple(s for s in message.get("subject") or [] if isinstance(s, str)),
        warnings=tuple(warnings),
    )


class CrossrefClient:
    def __init__(self, session: PoliteSession | None = None, *, email: str | None = None) -> None:
        self.email = email or contact_email()
        self.session = session or PoliteSession(
            "Crossref", rate=RATE, headers={"User-Agent": f"{USER_AGENT} mailto:{self.email}"})

    def work(self, doi: str) -> CrossrefRecord:
        """The work with this DOI. Raises NotFound, MalformedResponse, CrossrefError or a sources.http error."""
        response = self.session.get(WORKS_URL + quote(doi, safe="/"), params={"mailto": self.email})
        if response.status_code == 404:
            raise NotFound(f"DOI {doi}: not found in Crossref (it may be registered with another agency, e.g. DataCite)")
        if response.status_code != 200:
            raise CrossrefError(f"DOI {doi}: Crossref answered HTTP {response.status_code}")
        try:
            record = parse_work(response.json())
        except (ValueError, MalformedResponse) as exc:  # ValueError: the body is not JSON
            self.session.forget(response)  # do not serve this answer from the cache again
            detail = exc if isinstance(exc, MalformedResponse) else f"Crossref sent malformed JSON ({exc})"
            raise MalformedResponse(f"DOI {doi}: {detail}") from None
        if normalise_doi(record.doi) != normalise_doi(doi):
            self.session.forget(response)
            raise MalformedResponse(f"DOI {doi}: Crossref answered with another work ({record.doi})")
        return record
