"""`kb watch`: each claim's saved PubMed query, asked for records newer than the claim's last review.

E-utilities esearch (JSON) finds the PMIDs entered into PubMed since `last_reviewed` (Entrez date,
so a record that is new to PubMed counts even when its publication date is older); esummary
(JSON) gives their year, journal, title and DOI. Records the knowledge base already holds, by PMID
or DOI, are dropped. What is left is each claim's queue of records not yet assessed.

The queues are stored in kb/watch.yaml, a file this command writes and curators review like the
records. Its entries are candidates, not citations: they are named `candidate_pmid` (never `pmid`)
so that no tool reads an unassessed record as something the knowledge base cites.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from kb.loader import KnowledgeBase
from kb.models import Claim
from sources.pubmed import PMID_RE, YEAR_RE, PubmedClient, PubmedError, MalformedResponse

ESEARCH_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esearch.fcgi"
ESUMMARY_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esummary.fcgi"
RETMAX = 100  # records asked for per claim; more than this means the query needs narrowing
WATCH_FILE = "watch.yaml"
HEADER = ("Written by `kb watch` (see docs/curation.md). Per claim: PubMed records newer than the claim's\n"
          "last review that the knowledge base does not hold. Candidates, not citations: assess each one\n"
          "(kb add pubmed PMID, or kb watch --draft), then update the claim and its last_reviewed.")


@dataclass(frozen=True)
class Candidate:
    pmid: str
    year: int | None
    journal: str
    title: str
    doi: str | None = None


@dataclass
class Queue:
    claim_id: str
    query: str
    since: dt.date
    found: int = 0  # how many PubMed records matched (before dropping those the KB holds)
    candidates: list[Candidate] = field(default_factory=list)


def _json(response, what: str) -> dict:
    if response.status_code != 200:
        raise PubmedError(f"PubMed {what} answered HTTP {response.status_code}")
    try:
        data = response.json()
    except ValueError:
        raise MalformedResponse(f"PubMed {what} sent something that is not JSON") from None
    if not isinstance(data, dict):
        raise MalformedResponse(f"PubMed {what} sent JSON that is not an object")
    if data.get("error") or (data.get("esearchresult") or {}).get("ERROR"):
        raise PubmedError(f"PubMed {what} returned an error: {data.get('error') or data['esearchresult']['ERROR']}")
    return data


class WatchClient:
    """esearch and esummary with the same rate limit, back-off, cache and identification as `kb add`."""

    def __init__(self, pubmed: PubmedClient | None = None) -> None:
        self.pubmed = pubmed or PubmedClient()

    def search(self, query: str, since: dt.date, until: dt.date, retmax: int = RETMAX) -> tuple[int, list[str]]:
        params = {"db": "pubmed", "term": query, "datetype": "edat", "mindate": since.strftime("%Y/%m/%d"),
                  "maxdate": until.strftime("%Y/%m/%d"), "retmode": "json", "retmax": str(retmax),
                  "sort": "pub_date", **self.pubmed.params()}
        response = self.pubmed.session.get(ESEARCH_URL, params=params)
        result = _json(response, "esearch").get("esearchresult")
        if not isinstance(result, dict) or not isinstance(result.get("idlist"), list):
            self.pubmed.session.forget(response)
            raise MalformedResponse("PubMed esearch answer has no esearchresult.idlist")
        ids = [str(i) for i in result["idlist"] if PMID_RE.match(str(i))]
        try:
            count = int(result.get("count", len(ids)))
        except (TypeError, ValueError):
            count = len(ids)
        return count, ids

    def summaries(self, pmids: list[str]) -> dict[str, Candidate]:
        if not pmids:
            return {}
        data = {"db": "pubmed", "id": ",".join(pmids), "retmode": "json", "version": "2.0", **self.pubmed.params()}
        response = self.pubmed.session.post(ESUMMARY_URL, data=data)
        result = _json(response, "esummary").get("result")
        if not isinstance(result, dict):
            self.pubmed.session.forget(response)
            raise MalformedResponse("PubMed esummary answer has no result")
        out = {}
        for pmid in pmids:
            doc = result.get(pmid)
            if not isinstance(doc, dict) or doc.get("error"):
                continue
            year = YEAR_RE.search(str(doc.get("pubdate") or doc.get("sortpubdate") or ""))
            doi = next((str(a.get("value")) for a in doc.get("articleids") or []
                        if isinstance(a, dict) and a.get("idtype") == "doi" and a.get("value")), None)
            out[pmid] = Candidate(pmid=pmid, year=int(year.group(1)) if year else None,
                                  journal=" ".join(str(doc.get("source") or doc.get("fulljournalname") or "").split()),
                                  title=" ".join(str(doc.get("title") or "").split()), doi=doi)
        return out


def watch_claim(client: WatchClient, kb: KnowledgeBase, claim: Claim, today: dt.date) -> Queue:
    """The claim's queue: records since its last review that the KB holds by neither PMID nor DOI."""
    queue = Queue(claim.id, " ".join((claim.watch or "").split()), claim.last_reviewed)
    queue.found, ids = client.search(queue.query, claim.last_reviewed, today)
    fresh = [i for i in ids if kb.study_by_pmid(i) is None]
    for pmid, candidate in client.summaries(fresh).items():
        if candidate.doi and kb.study_by_doi(candidate.doi) is not None:
            continue
        queue.candidates.append(candidate)
    return queue


# ---- kb/watch.yaml ---------------------------------------------------------------------------

def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def read_queues(path: Path) -> dict:
    """The stored file as plain data ({} when there is none yet)."""
    if not path.is_file():
        return {}
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    return data if isinstance(data, dict) else {}


def queue_record(queue: Queue, checked: dt.date) -> dict:
    return {
        "query": queue.query,
        "since": queue.since.isoformat(),
        "checked": checked.isoformat(),
        "found": queue.found,
        "records": [{"candidate_pmid": c.pmid, "year": c.year, "journal": c.journal, "title": c.title}
                    for c in queue.candidates],
    }


def write_queues(path: Path, queues: list[Queue], checked: dt.date) -> None:
    """Merge this run's queues into the file (other claims keep theirs) and replace it atomically."""
    data = read_queues(path)
    claims = data.get("claims") if isinstance(data.get("claims"), dict) else {}
    for q in queues:
        claims[q.claim_id] = queue_record(q, checked)
    out = io.StringIO()
    out.write("".join(f"# {line}\n" if line else "#\n" for line in HEADER.split("\n")))
    _yaml().dump({"checked": checked.isoformat(), "claims": dict(sorted(claims.items()))}, out)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(out.getvalue())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
