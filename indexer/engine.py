"""The engine every front end uses: a consistent snapshot of records + index, kept fresh.

A build folder holds the Whoosh index *and* the validated records it was built from
(records.json), so a server always answers from one consistent snapshot, even while the YAML on
disk is being edited or is broken. When the records change (their fingerprint differs from the
current build's), a valid KB is rebuilt aside in a background thread and swapped in; an invalid
one is logged and the last good snapshot keeps serving.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from pydantic import TypeAdapter
from whoosh.index import Index

from indexer.query import QueryBuilder
from indexer.schema import build_schema, documents, format_version
from indexer.search import SearchRequest, SearchResult, search, weighting
from indexer.store import BuildInfo, IndexStore
from kb import settings
from kb.loader import KnowledgeBase
from kb.loader import fingerprint as records_fingerprint
from kb.models import Claim, ConceptLexicon, Study, Vocabulary
from kb.validate import validate

log = logging.getLogger("evidence_kb.engine")
RECORDS_FILE = "records.json"
_claims_adapter = TypeAdapter(dict[str, Claim])
_studies_adapter = TypeAdapter(dict[str, Study])


def fingerprint(kb_dir) -> str:
    """What an index build was made from: the records and the indexing code's version."""
    return f"{records_fingerprint(kb_dir)}-{format_version()}"


class KnowledgeBaseInvalid(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__(f"the knowledge base has {len(problems)} error(s); first: {problems[0]}")


@dataclass(frozen=True)
class Snapshot:
    kb: KnowledgeBase
    fingerprint: str
    path: Path
    ix: Index
    builder: QueryBuilder


def save_records(path: Path, kb: KnowledgeBase) -> None:
    data = {
        "claims": _claims_adapter.dump_python(kb.claims, mode="json"),
        "studies": _studies_adapter.dump_python(kb.curated_studies, mode="json"),
        "vocabulary": kb.vocabulary.model_dump(mode="json") if kb.vocabulary else None,
        "concepts": kb.concepts.model_dump(mode="json") if kb.concepts else None,
    }
    (path / RECORDS_FILE).write_text(json.dumps(data, ensure_ascii=False))


def load_records(path: Path) -> KnowledgeBase:
    raw = (path / RECORDS_FILE).read_bytes()
    data = json.loads(raw)
    kb = KnowledgeBase(root=path)
    kb.claims = _claims_adapter.validate_json(json.dumps(data["claims"]))
    kb.studies = _studies_adapter.validate_json(json.dumps(data["studies"]))
    if data.get("vocabulary"):
        kb.vocabulary = Vocabulary.model_validate_json(json.dumps(data["vocabulary"]))
    if data.get("concepts"):
        kb.concepts = ConceptLexicon.model_validate_json(json.dumps(data["concepts"]))
    return kb


def build_index(store: IndexStore, kb: KnowledgeBase, fp: str,
                progress: Callable[[int, int | None], None] | None = None) -> BuildInfo:
    """Build aside from a validated KB, store its records beside the index, and swap it in."""
    synonyms = kb.vocabulary.synonyms if kb.vocabulary else []
    counts = {"claims": len(kb.claims), "studies": len(kb.curated_studies),
              "drafts": len(kb.studies) - len(kb.curated_studies)}

    def verify(ix: Index) -> None:
        save_records(Path(ix.storage.folder), kb)

    return store.build(build_schema(synonyms), documents(kb), fp, expected=counts["claims"] + counts["studies"],
                       counts=counts, progress=progress, verify=verify)


class Engine:
    def __init__(self, kb_dir: Path | str | None = None, index_dir: Path | str | None = None, *,
                 auto_refresh: bool | None = None, refresh_interval: float = 2.0, cache_size: int = 1024):
        self.kb_dir = settings.kb_dir(kb_dir)
        self.store = IndexStore(settings.index_dir(index_dir))
        # Servers follow record changes unless $EVIDENCE_KB_READONLY says the index is fixed at deploy.
        self.auto_refresh = (not settings.read_only()) if auto_refresh is None else auto_refresh
        self.refresh_interval = refresh_interval
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()
        self._last_check = 0.0
        self._rebuilding: threading.Thread | None = None
        self._reported_bad: str | None = None
        self._cache: OrderedDict = OrderedDict()
        self._cache_size = cache_size
        self._cache_lock = threading.Lock()
        self._local = threading.local()
        self._checker: tuple[Snapshot, object] | None = None  # (snapshot, its Checker)
        self._checker_lock = threading.Lock()

    # -- snapshot lifecycle -------------------------------------------------------------
    def _load_current(self) -> Snapshot | None:
        path = self.store.current_path()
        if path is None or not (path / "records.json").is_file():
            return None
        meta = self.store.meta(path) or {}
        if self._snapshot is not None and self._snapshot.path == path:
            return self._snapshot
        kb = load_records(path)
        ix = self.store.open(path)
        return Snapshot(kb, meta.get("fingerprint", ""), path, ix, QueryBuilder(ix.schema, kb.vocabulary))

    def rebuild(self, progress=None) -> BuildInfo:
        """Validate the records and build a new index from them; raises KnowledgeBaseInvalid."""
        fp = fingerprint(self.kb_dir)
        kb = validate(self.kb_dir)
        if kb.errors:
            raise KnowledgeBaseInvalid(kb.errors)
        info = build_index(self.store, kb, fp, progress)
        with self._lock:
            self._snapshot = self._load_current()
        self._cache_clear()
        return info

    def is_stale(self) -> bool:
        meta = self.store.meta()
        return meta is None or meta.get("fingerprint") != fingerprint(self.kb_dir)

    def snapshot(self) -> Snapshot:
        """The current snapshot; builds the first one synchronously if there is none."""
        snap = self._snapshot
        if snap is None:
            with self._lock:
                snap = self._snapshot or self._load_current()
                self._snapshot = snap
            if snap is None:
                self.rebuild()
                snap = self._snapshot
            self._last_check = time.monotonic()
        elif self.auto_refresh:
            self._maybe_refresh()
            snap = self._snapshot
        return snap

    def _maybe_refresh(self) -> None:
        now = time.monotonic()
        if now - self._last_check < self.refresh_interval:
            return
        self._last_check = now
        # Another process (kb build) may have swapped in a new build.
        current = self.store.current_path()
        if current is not None and self._snapshot is not None and current != self._snapshot.path:
            with self._lock:
                self._snapshot = self._load_current() or self._snapshot
            self._cache_clear()
        if self._rebuilding is not None and self._rebuilding.is_alive():
            return
        try:
            stale = self.is_stale()
        except OSError as exc:
            log.warning("cannot read the knowledge base at %s: %s", self.kb_dir, exc)
            return
        if stale:
            self._rebuilding = threading.Thread(target=self._background_rebuild, daemon=True,
                                                name="evidence-kb-rebuild")
            self._rebuilding.start()

    def _background_rebuild(self) -> None:
        fp = fingerprint(self.kb_dir)
        try:
            info = self.rebuild()
            log.info("rebuilt the index: %d documents in %.2f s (%s)", info.documents, info.seconds, info.fingerprint)
            self._reported_bad = None
        except KnowledgeBaseInvalid as exc:
            if self._reported_bad != fp:
                self._reported_bad = fp
                log.error("the knowledge base changed but does not validate; still serving the last good index")
                for problem in exc.problems:
                    log.error("%s", problem)
        except Exception:  # never let a failed rebuild take the server down
            log.exception("index rebuild failed; still serving the last good index")

    def wait_for_rebuild(self, timeout: float = 60.0) -> None:
        t = self._rebuilding
        if t is not None:
            t.join(timeout)

    # -- queries -------------------------------------------------------------------------
    def _cache_clear(self) -> None:
        with self._cache_lock:
            self._cache.clear()

    def search(self, q: str = "", **kwargs) -> SearchResult:
        snap = self.snapshot()
        req = SearchRequest(q=q, **kwargs).clamped()
        key = (snap.fingerprint, str(snap.path), req)
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        result = search(self._searcher(snap), snap.builder, snap.kb.vocabulary, req)
        if not result.timed_out:
            with self._cache_lock:
                self._cache[key] = result
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return result

    def _searcher(self, snap: Snapshot):
        """This thread's searcher on the snapshot's build, opened once and reused.

        A Searcher must not be shared between threads (its readers keep file positions), but a
        thread runs one request at a time, so keeping one per thread is as safe as one per
        request and saves reopening the index files on every query.
        """
        held = getattr(self._local, "held", None)
        if held is None or held[0] is not snap:
            if held is not None:
                held[1].close()
            self._local.held = held = (snap, snap.ix.searcher(weighting=weighting()))
        return held[1]

    def check(self, text: str, *, source: str = "text", units=None):
        """Check copy against the claims of the current snapshot (indexer.copycheck).

        `units` are the extractor's blocks (objects with start, end and kind: heading, paragraph,
        list-item, quote, cell), offsets into `text`; without them blocks are derived from lines.
        """
        return self.checker(self.snapshot()).check(text, source=source, units=units)

    def checker(self, snap: Snapshot):
        """The snapshot's checker (concepts, frames, speller), built on first use and kept with it."""
        from indexer.copycheck.pipeline import Checker

        held = self._checker
        if held is not None and held[0] is snap:
            return held[1]
        with self._checker_lock:
            held = self._checker
            if held is None or held[0] is not snap:
                held = self._checker = (snap, Checker(snap.kb, snap.ix))
        return held[1]
