"""PubMed via NCBI E-utilities efetch: fetch records by PMID and parse them into plain dataclasses.

Parser choice: the stdlib `xml.etree.ElementTree`, not BeautifulSoup(..., "xml"). bs4's XML
builder runs lxml with `recover=True`, so a truncated or malformed efetch answer is silently
"repaired" (records or fields vanish) instead of failing; drafts would then be written from half
a response. ElementTree raises `ParseError` with a line and column, accepts the real
`<!DOCTYPE PubmedArticleSet PUBLIC ...>` line without fetching the DTD, and its expat rejects
entity-expansion bombs. Every path is anchored at the PubmedArticle (never `.//ArticleId`):
`PubmedData/ReferenceList` holds the DOIs of the papers a record *cites*.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from kb.ids import DOI_RE, PMID_RE, pubmed_url
from kb import settings
from sources.http import TOOL, PoliteSession, contact_email

EFETCH_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi"
API_KEY_ENV = "NCBI_API_KEY"
RATE_WITHOUT_KEY = 3.0  # NCBI: 3 requests/s without an API key
RATE_WITH_KEY = 9.0  # 10/s with a key; stay just under
BATCH_SIZE = 200  # ids per efetch POST
YEAR_RE = re.compile(r"\b(1[89][0-9]{2}|20[0-9]{2}|2100)\b")
RETRACTION_TYPES = {"Retracted Publication": "PubMed marks it as a Retracted Publication",
                    "Retraction of Publication": "it is a retraction notice, not a study",
                    "Expression of Concern": "it is an expression of concern"}
RETRACTION_REFS = {"RetractionIn": "retracted (retraction notice: PMID {})",
                   "ExpressionOfConcernIn": "subject of an expression of concern (PMID {})"}


class PubmedError(Exception):
    """A PubMed answer we cannot use, with a message for people."""


class MalformedResponse(PubmedError):
    pass


@dataclass(frozen=True)
class MeshHeading:
    descriptor: str
    qualifiers: tuple[str, ...] = ()
    major: bool = False


@dataclass(frozen=True)
class PubmedRecord:
    pmid: str
    title: str
    authors: tuple[str, ...]
    first_surname: str  # LastName of the first author, or the CollectiveName; for the study key
    journal: str | None  # ISO abbreviation, else MedlineTA
    journal_title: str | None  # full title
    journal_ta: str | None  # MedlineTA
    year: int | None
    volume: str | None
    issue: str | None
    pages: str | None
    doi: str | None
    abstract: str
    publication_types: tuple[str, ...]
    mesh: tuple[MeshHeading, ...] = ()
    keywords: tuple[str, ...] = ()
    ahead_of_print: bool = False
    epub_date: str | None = None  # ArticleDate, "YYYY Mon D"
    warnings: tuple[str, ...] = field(default_factory=tuple)  # retracted, withdrawn, dropped DOI ...

    @property
    def url(self) -> str:
        return pubmed_url(self.pmid)


@dataclass
class FetchResult:
    records: dict[str, PubmedRecord]
    missing: dict[str, str]  # pmid -> why it is not in `records`


def clean_pmid(text: str) -> str | None:
    """'PMID: 123', ' 123 ' or a pubmed.ncbi.nlm.nih.gov URL -> '123'; None when it is not a PMID."""
    t = text.strip()
    t = re.sub(r"^(https?://pubmed\.ncbi\.nlm\.nih\.gov/|pmid:?\s*)", "", t, flags=re.I).rstrip("/")
    return t if PMID_RE.match(t) else None


def _text(el: ET.Element | None) -> str:
    """All text inside an element (titles may hold <i>, <sub>, MathML), whitespace collapsed."""
    if el is None:
        return ""
    return " ".join("".join(el.itertext()).split())


def _opt(el: ET.Element | None) -> str | None:
    return _text(el) or None


def _abstract(article: ET.Element) -> str:
    parts = []
    for node in article.findall("Abstract/AbstractText"):
        body = _text(node)
        label = node.get("Label")
        if body:
            parts.append(f"{label}: {body}" if label else body)
    return "\n\n".join(parts)


def _authors(article: ET.Element) -> tuple[tuple[str, ...], str]:
    names: list[str] = []
    first_surname = ""
    for author in article.findall("AuthorList/Author"):
        if author.get("ValidYN") == "N":  # an erroneous entry PubMed keeps for the record
            continue
        collective = _text(author.find("CollectiveName"))
        last = _text(author.find("LastName"))
        if last:
            initials = _text(author.find("Initials"))
            names.append(f"{last} {initials}" if initials else last)
            first_surname = first_surname or last
        elif collective:
            names.append(collective)
            first_surname = first_surname or collective
    return tuple(names), first_surname


def _year(issue: ET.Element | None, article: ET.Element) -> int | None:
    for path in ("PubDate/Year", "PubDate/MedlineDate"):
        match = YEAR_RE.search(issue.findtext(path) or "") if issue is not None else None
        if match:
            return int(match.group(1))
    match = YEAR_RE.search(article.findtext("ArticleDate/Year") or "")
    return int(match.group(1)) if match else None


def _doi(pubmed_article: ET.Element, article: ET.Element) -> str | None:
    # Anchored: the record's own ArticleIdList, then the article's ELocationID. Never ReferenceList.
    for node in pubmed_article.findall("PubmedData/ArticleIdList/ArticleId"):
        if node.get("IdType") == "doi" and _text(node):
            return _text(node)
    for node in article.findall("ELocationID"):
        if node.get("EIdType") == "doi" and node.get("ValidYN", "Y") != "N" and _text(node):
            return _text(node)
    return None


def _epub_date(article: ET.Element) -> str | None:
    node = article.find("ArticleDate")
    if node is None:
        return None
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    year, month, day = (node.findtext(p) or "" for p in ("Year", "Month", "Day"))
    if month.isdigit() and 1 <= int(month) <= 12:
        month = months[int(month) - 1]
    return " ".join(p for p in (year, month, day.lstrip("0")) if p) or None


def parse_article(pa: ET.Element) -> PubmedRecord:
    citation = pa.find("MedlineCitation")
    article = citation.find("Article") if citation is not None else None
    pmid = _text(citation.find("PMID")) if citation is not None else ""
    if article is None or not pmid:
        raise MalformedResponse(f"PMID {pmid or '?'}: PubmedArticle without MedlineCitation/PMID or Article")
    journal = article.find("Journal")
    issue = journal.find("JournalIssue") if journal is not None else None
    authors, first_surname = _authors(article)
    title = _text(article.find("ArticleTitle")) or _text(article.find("VernacularTitle"))
    pub_types = tuple(_text(p) for p in article.findall("PublicationTypeList/PublicationType"))
    warnings = [why for t, why in RETRACTION_TYPES.items() if t in pub_types]
    for cc in citation.findall("CommentsCorrectionsList/CommentsCorrections"):
        template = RETRACTION_REFS.get(cc.get("RefType", ""))
        if template:
            warnings.append(template.format(_text(cc.find("PMID")) or _text(cc.find("RefSource"))))
    if title.upper().startswith("WITHDRAWN"):
        warnings.append("the title says it was WITHDRAWN")
    doi = _doi(pa, article)
    if doi and not DOI_RE.match(doi):
        warnings.append(f"ignored a malformed DOI {doi!r}")
        doi = None
    iso = _opt(journal.find("ISOAbbreviation")) if journal is not None else None
    ta = _opt(citation.find("MedlineJournalInfo/MedlineTA"))
    mesh = tuple(
        MeshHeading(_text(h.find("DescriptorName")), tuple(_text(q) for q in h.findall("QualifierName")),
                    h.find("DescriptorName") is not None and h.find("DescriptorName").get("MajorTopicYN") == "Y")
        for h in citation.findall("MeshHeadingList/MeshHeading"))
    return PubmedRecord(
        pmid=pmid,
        title=title,
        authors=authors,
        first_surname=first_surname,
        journal=iso or ta,
        journal_title=_opt(journal.find("Title")) if journal is not None else None,
        journal_ta=ta,
        year=_year(issue, article),
        volume=_opt(issue.find("Volume")) if issue is not None else None,
        issue=_opt(issue.find("Issue")) if issue is not None else None,
        pages=_opt(article.find("Pagination/MedlinePgn")),
        doi=doi,
        abstract=_abstract(article),
        publication_types=pub_types,
        mesh=mesh,
        keywords=tuple(_text(k) for k in citation.findall("KeywordList/Keyword") if _text(k)),
        ahead_of_print=(pa.findtext("PubmedData/PublicationStatus") or "").strip() == "aheadofprint",
        epub_date=_epub_date(article),
        warnings=tuple(warnings),
    )


def _article_set(xml: bytes | str) -> ET.Element:
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise MalformedResponse(f"PubMed sent malformed XML ({exc})") from None
    if root.tag == "eFetchResult":
        raise MalformedResponse(f"PubMed returned an error: {_text(root.find('ERROR')) or _text(root)}")
    if root.tag != "PubmedArticleSet":
        raise MalformedResponse(f"PubMed sent <{root.tag}>, expected <PubmedArticleSet>")
    return root


def parse_efetch(xml: bytes | str) -> dict[str, PubmedRecord]:
    """Every PubmedArticle of an efetch answer, by PMID. Raises MalformedResponse for anything else."""
    return _records(_article_set(xml))


def _records(root: ET.Element) -> dict[str, PubmedRecord]:
    return {r.pmid: r for r in map(parse_article, root.findall("PubmedArticle"))}


class PubmedClient:
    """efetch by PMID, batched into POSTs, with tool/email (and api_key when set) on every request."""

    def __init__(self, session: PoliteSession | None = None, *, email: str | None = None,
                 api_key: str | None = None) -> None:
        self.api_key = api_key if api_key is not None else settings.value(API_KEY_ENV) or None
        self.email = email or contact_email()
        self.session = session or PoliteSession("PubMed", rate=RATE_WITH_KEY if self.api_key else RATE_WITHOUT_KEY)

    def params(self) -> dict[str, str]:
        p = {"tool": TOOL, "email": self.email}
        if self.api_key:
            p["api_key"] = self.api_key
        return p

    def fetch(self, pmids: list[str]) -> FetchResult:
        """Records for these PMIDs; those PubMed does not return are in `missing` with the reason.

        Raises `MalformedResponse` for an unusable answer, and the `sources.http` errors
        (NetworkUnreachable, RateLimited, ServerError) when no answer came.
        """
        wanted = list(dict.fromkeys(pmids))
        records: dict[str, PubmedRecord] = {}
        missing: dict[str, str] = {}
        for start in range(0, len(wanted), BATCH_SIZE):
            batch = wanted[start:start + BATCH_SIZE]
            data = {"db": "pubmed", "id": ",".join(batch), "retmode": "xml", **self.params()}
            response = self.session.post(EFETCH_URL, data=data)
            if response.status_code != 200:
                raise PubmedError(f"PubMed efetch answered HTTP {response.status_code} for PMID(s) {', '.join(batch)}")
            try:
                root = _article_set(response.content)
                parsed = _records(root)
            except MalformedResponse as exc:
                self.session.forget(response)  # do not serve this answer from the cache again
                raise MalformedResponse(f"PMID(s) {', '.join(batch)}: {exc}") from None
            books = {_text(b.find("BookDocument/PMID")) for b in root.findall("PubmedBookArticle")}
            for pmid in batch:
                if pmid in parsed:
                    records[pmid] = parsed[pmid]
                elif pmid in books:
                    missing[pmid] = "is a book or chapter (PubmedBookArticle), not a journal article; add it by hand"
                else:
                    missing[pmid] = "not found in PubMed (efetch returned no PubmedArticle for it)"
        return FetchResult(records, missing)
