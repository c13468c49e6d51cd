"""`kb add pubmed|doi ID...`, `kb audit-citations` and `kb watch [CLAIM...]`.

Exit statuses (every command):
  0  everything added / every citation matches / every queue fetched and stored
  1  `add`: some IDs were not added (not found, not an ID, no usable record); `audit`: a mismatch;
     `watch`: an unknown claim, or no claim with a watch query
  3  the registry is unreachable (connection errors or timeouts on every attempt)
  4  the registry answered, but unusably (rate limited after retries, HTTP error, malformed answer)
"""
from __future__ import annotations

import datetime as dt
import sys
import textwrap
from pathlib import Path

from kb import settings
from kb.loader import KnowledgeBase, display_path, load
from kb.models import Study
from sources import audit, drafts, watch
from sources.crossref import CrossrefClient, CrossrefError, NotFound, clean_doi
from sources.http import NetworkUnreachable, RequestFailed
from sources.pubmed import PubmedClient, PubmedError, clean_pmid

OK, FAILED, OFFLINE, REGISTRY_ERROR = 0, 1, 3, 4


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _network_status(exc: Exception) -> int:
    return OFFLINE if isinstance(exc, NetworkUnreachable) else REGISTRY_ERROR


def _already(kb: KnowledgeBase, study: Study, what: str) -> None:
    src = kb.source("study", study.key)
    where = display_path(src.path) if src else study.key
    print(f"{what} is already in the KB as {study.key} ({where}); nothing changed")


def _report_added(path: Path, study: Study, why: str, abstract: str, warnings: tuple[str, ...], what: str) -> None:
    for warning in warnings:
        _err(f"warning: {what}: {warning}; check before citing it")
    detail = f"{study.volume or ''}" + (f"({study.issue})" if study.issue else "") + (f":{study.pages}" if study.pages else "")
    print(f"added {display_path(path)} (status: draft) from {what}")
    print(f"  {study.short_citation}. {study.title}")
    print(f"  {study.journal or '?'} {study.year or 'n.d.'}" + (f";{detail}" if detail else "")
          + (f". {study.citation_detail}" if study.citation_detail else ""))
    print(f"  design: {study.design} (guessed from {why}; check it)")
    print(f"  topics: {', '.join(study.topics) + ' (suggested; check them)' if study.topics else 'none suggested; add them'}")
    if abstract:
        print("  abstract (to summarise in your own words; it is not stored):")
        for para in abstract.split("\n\n"):
            print(textwrap.fill(para, width=100, initial_indent="    ", subsequent_indent="    "))
    else:
        print("  no abstract in the record: read the full text before summarising")
    print()


def _draft_and_write(kb: KnowledgeBase, root: Path, fetched: list[tuple[str, object]], make, source: str) -> int:
    """Draft every fetched record first, then write each; returns how many failed."""
    taken, made, failed = drafts.taken_keys(kb), [], 0
    for ident, rec in fetched:
        try:
            study, why = make(rec, kb, taken)
        except drafts.DraftError as exc:
            _err(f"error: {exc}")
            failed += 1
            continue
        made.append((study, why, rec, ident))
    for study, why, rec, ident in made:
        what = f"{'PMID' if source == 'PubMed' else 'DOI'} {ident}"
        try:
            path = drafts.write_draft(study, root, drafts.header_comment(source, ident))
        except (drafts.DraftError, OSError) as exc:
            _err(f"error: {what}: {exc}")
            failed += 1
            continue
        _report_added(path, study, why, rec.abstract, rec.warnings, what)
    return failed


def _add_pubmed(kb: KnowledgeBase, root: Path, ids: list[str], client: PubmedClient) -> int:
    failed, wanted = 0, []
    for raw in ids:
        pmid = clean_pmid(raw)
        if pmid is None:
            _err(f"error: {raw!r} is not a PMID (expected digits, e.g. 35880962)")
            failed += 1
        elif (existing := kb.study_by_pmid(pmid)) is not None:
            _already(kb, existing, f"PMID {pmid}")
        elif pmid not in wanted:
            wanted.append(pmid)
    if not wanted:
        return FAILED if failed else OK
    try:
        result = client.fetch(wanted)
    except (RequestFailed, PubmedError) as exc:
        _err(f"error: PMID(s) {', '.join(wanted)}: {exc}; nothing written")
        return _network_status(exc)
    # The whole answer parsed: now draft and write.
    fetched = []
    for pmid in wanted:
        if pmid in result.missing:
            _err(f"error: PMID {pmid}: {result.missing[pmid]}; nothing written for it")
            failed += 1
        elif (doi := result.records[pmid].doi) and (existing := kb.study_by_doi(doi)) is not None:
            _already(kb, existing, f"PMID {pmid} (DOI {doi})")
        else:
            fetched.append((pmid, result.records[pmid]))
    failed += _draft_and_write(kb, root, fetched, drafts.draft_from_pubmed, "PubMed")
    return FAILED if failed else OK


def _add_doi(kb: KnowledgeBase, root: Path, ids: list[str], client: CrossrefClient) -> int:
    failed, status, fetched = 0, OK, []
    seen: set[str] = set()
    for raw in ids:
        doi = clean_doi(raw)
        if doi is None:
            _err(f"error: {raw!r} is not a DOI (expected 10.NNNN/..., e.g. 10.1080/02791072.2022.2101903)")
            failed += 1
            continue
        if (existing := kb.study_by_doi(doi)) is not None:
            _already(kb, existing, f"DOI {doi}")
            continue
        if doi.lower() in seen:
            continue
        seen.add(doi.lower())
        try:
            fetched.append((doi, client.work(doi)))
        except NotFound as exc:
            _err(f"error: {exc}; nothing written for it")
            failed += 1
        except (RequestFailed, CrossrefError) as exc:
            _err(f"error: {exc}" if isinstance(exc, CrossrefError) else f"error: DOI {doi}: {exc}")
            if isinstance(exc, NetworkUnreachable):
                _err("nothing written")
                return OFFLINE
            status = REGISTRY_ERROR
    failed += _draft_and_write(kb, root, fetched, drafts.draft_from_crossref, "Crossref")
    return status or (FAILED if failed else OK)


def cmd_add(args, *, pubmed: PubmedClient | None = None, crossref: CrossrefClient | None = None) -> int:
    root = settings.kb_dir(args.kb_dir)
    kb = load(root)
    if kb.vocabulary is None:
        _err(f"warning: no topic vocabulary at {display_path(root / 'topics.yaml')}; no topics will be suggested")
    if args.registry == "pubmed":
        return _add_pubmed(kb, root, args.ids, pubmed or PubmedClient())
    return _add_doi(kb, root, args.ids, crossref or CrossrefClient())


class _Audit:
    """Runs the comparisons, prints progress to stderr and findings to stdout, and counts."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.mismatched, self.warnings = total, 0, 0, 0

    def check(self, study: Study, ident: str, ref: audit.Reference | None, missing: str = "") -> None:
        self.done += 1
        found = audit.compare(study, ref) if ref else [audit.Mismatch("record", missing)]
        notes = audit.notes(study, ref) if ref else []
        self.warnings += sum(n.startswith("warning") for n in notes)
        _err(f"[{self.done}/{self.total}] {ident} {'MISMATCH' if found else 'ok'}")
        if found:
            self.mismatched += 1
            print(f"{study.key} ({ident}):")
            for m in found:
                print(f"  {m}")
        for note in notes:
            print(f"{study.key} ({ident}): {note}")


def cmd_audit_citations(args, *, pubmed: PubmedClient | None = None,
                        crossref: CrossrefClient | None = None) -> int:
    root = settings.kb_dir(args.kb_dir)
    kb = load(root)
    if kb.errors:
        _err(f"warning: {len(kb.errors)} record(s) do not load (see kb validate); auditing the rest")
    studies = sorted(kb.studies.values(), key=lambda s: s.key)
    by_pmid = [s for s in studies if s.pmid]
    by_doi = [s for s in studies if not s.pmid and s.doi]
    web = [s for s in studies if not s.pmid and not s.doi]
    run = _Audit(len(by_pmid) + len(by_doi))

    def unreachable_or_failed(exc: Exception, what: str) -> int:
        if isinstance(exc, NetworkUnreachable):
            _err(f"error: cannot audit {what}: {exc}. No citation was checked against it; "
                 "run the audit again when online.")
            return OFFLINE
        _err(f"error: audit incomplete: {what}: {exc}")
        return REGISTRY_ERROR

    if by_pmid:
        try:
            result = (pubmed or PubmedClient()).fetch([s.pmid for s in by_pmid])
        except (RequestFailed, PubmedError) as exc:
            return unreachable_or_failed(exc, f"{len(by_pmid)} PMID(s) against PubMed")
        for s in by_pmid:
            rec = result.records.get(s.pmid)
            run.check(s, s.pmid, audit.from_pubmed(rec) if rec else None,
                      f"PMID {s.pmid} {result.missing.get(s.pmid, 'not returned by PubMed')}")
    if by_doi:
        crossref = crossref or CrossrefClient()
    for s in by_doi:
        try:
            run.check(s, s.doi, audit.from_crossref(crossref.work(s.doi)))
        except NotFound as exc:
            run.check(s, s.doi, None, str(exc))
        except (RequestFailed, CrossrefError) as exc:
            return unreachable_or_failed(exc, f"DOI {s.doi} against Crossref")
    for s in web:
        print(f"{s.key}: not auditable (web source) {s.url or s.verified_from}")
    summary = (f"audited {run.done} citation(s): {run.mismatched} mismatch(es), {run.warnings} warning(s); "
               f"{len(web)} not auditable (web source)")
    print(summary, file=sys.stderr if run.mismatched else sys.stdout)
    return FAILED if run.mismatched else OK


def _print_queue(queue) -> None:
    n = len(queue.candidates)
    print(f"{queue.claim_id}: {n} new record(s) since the last review ({queue.since.isoformat()}), not yet assessed")
    print(f"  query: {queue.query}")
    for c in queue.candidates:
        print(f"  PMID {c.pmid}  {c.year or 'n.d.'}  {c.journal or '?'}  {c.title}")
    if queue.found > len(queue.candidates) and queue.found > watch.RETMAX:
        print(f"  ({queue.found} PubMed records matched; only the newest {watch.RETMAX} were checked: narrow the query)")
    print()


def cmd_watch(args, *, pubmed: PubmedClient | None = None, today: dt.date | None = None) -> int:
    """Ask PubMed for each claim's new records; print the queues, store them, optionally draft them."""
    root = settings.kb_dir(args.kb_dir)
    kb = load(root)
    unknown = [c for c in args.claims if c not in kb.claims]
    if unknown:
        _err(f"error: no such claim: {', '.join(unknown)} (see kb/claims/)")
        return FAILED
    claims = [kb.claims[c] for c in (args.claims or sorted(kb.claims))]
    unwatched = [c.id for c in claims if not c.watch]
    for cid in unwatched:
        _err(f"warning: {cid} has no watch: query in its record; skipped")
    claims = [c for c in claims if c.watch]
    if not claims:
        return FAILED if unwatched else OK
    client = watch.WatchClient(pubmed or PubmedClient())
    today = today or dt.date.today()
    queues = []
    for i, claim in enumerate(claims, 1):
        _err(f"[{i}/{len(claims)}] {claim.id}")
        try:
            queues.append(watch.watch_claim(client, kb, claim, today))
        except (RequestFailed, PubmedError) as exc:
            _err(f"error: {claim.id}: {exc}; nothing written")
            return _network_status(exc)
    for queue in queues:
        _print_queue(queue)
    path = root / watch.WATCH_FILE
    watch.write_queues(path, queues, today)
    total = sum(len(q.candidates) for q in queues)
    print(f"{total} record(s) not yet assessed for {len(queues)} claim(s); queue stored in {display_path(path)}")
    if args.draft and total:
        pmids = list(dict.fromkeys(c.pmid for q in queues for c in q.candidates))
        return _add_pubmed(load(root), root, pmids, client.pubmed)
    return OK
