"""The engine every front end uses: a consistent snapshot of records + index, kept fresh.

A build folder holds the Whoosh index *and* the validated records it was built from
(records.json), so a server always answers from one consistent snapshot, even while the YAML on
disk is being edited or is broken. When the records change (their fingerprint differs from the
current build's), a valid KB is rebuilt aside in a background thread and swapped in; an invalid
one is logged and the last good snapshot keeps serving.
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from whoosh.index import Index

from indexer.meaning import MeaningLens, save_vectors
from indexer.query import QueryBuilder
from indexer.records import RECORDS_FILE, load_records, save_records
from indexer.schema import build_schema, documents, format_version
from indexer.search import SearchRequest, SearchResult, search, weighting
from indexer.store import BrokenBuild, BuildInfo, IndexStore, verify_build
from indexer.subject import SubjectLens
from kb import settings
from kb.limits import limit
from kb.loader import KnowledgeBase
from kb.loader import fingerprint as records_fingerprint
from kb.validate import validate

log = logging.getLogger("evidence_kb.engine")
REFRESH_INTERVAL_S = limit("REFRESH_INTERVAL_S")


def fingerprint(kb_dir) -> str:
    """What an index build was made from: the records and the indexing code's version."""
    return f"{records_fingerprint(kb_dir)}-{format_version()}"


class KnowledgeBaseInvalid(Exception):
    """The records do not validate; `problems` holds every one (file:line: message)."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__(f"the knowledge base has {len(problems)} error(s) (see kb validate); first: {problems[0]}")


@dataclass(frozen=True)
class Snapshot:
    kb: KnowledgeBase
    fingerprint: str
    path: Path
    ix: Index
    builder: QueryBuilder


def build_index(store: IndexStore, kb: KnowledgeBase, fp: str,
                progress: Callable[[int, int | None], None] | None = None) -> BuildInfo:
    """Build aside from a validated KB, store its records beside the index, and swap it in."""
    synonyms = kb.vocabulary.synonyms if kb.vocabulary else []
    counts = {"claims": len(kb.claims), "studies": len(kb.curated_studies),
              "drafts": len(kb.studies) - len(kb.curated_studies)}

    previous = store.current_path()

    def verify(ix: Index) -> None:
        save_records(Path(ix.storage.folder), kb)
        save_vectors(Path(ix.storage.folder), kb, previous)

    return store.build(build_schema(synonyms), documents(kb), fp, expected=counts["claims"] + counts["studies"],
                       counts=counts, progress=progress, verify=verify)


class IndexUnavailable(Exception):
    """No build can be served (none verifies, and none can be made now); the message says why."""


def _stat_signature(kb_dir: Path) -> tuple:
    """Names, sizes and mtimes of the record files: a cheap 'did anything change?' (no reading)."""
    out = []
    for sub in ("", "claims", "studies"):
        folder = Path(kb_dir) / sub
        try:
            with os.scandir(folder) as entries:
                for e in entries:
                    if e.name.endswith((".yaml", ".yml")) and e.is_file():
                        st = e.stat()
                        out.append((sub, e.name, st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((sub, None))
    return tuple(sorted(out, key=repr))


def open_checker(path: Path):
    """A copy checker over one complete build folder, opened read-only (a check worker process's own)."""
    from indexer.copycheck.pipeline import Checker

    verify_build(path)
    return Checker(load_records(path), IndexStore(path.parent).open(path))


class Engine:
    def __init__(self, kb_dir: Path | str | None = None, index_dir: Path | str | None = None, *,
                 auto_refresh: bool | None = None, refresh_interval: float = REFRESH_INTERVAL_S,
                 cache_size: int = 1024, rebuild_in_subprocess: bool = False, lazy_phrases: bool = False):
        self.kb_dir = settings.kb_dir(kb_dir)
        # A one-shot command (`kb check FILE`) lets the checker compile its phrases as the page needs them; a server
        # compiles all of them once, when it builds the checker, so no request pays for them (docs/benchmarks.md,
        # fifty-fifth pass).
        self.lazy_phrases = lazy_phrases
        self.store = IndexStore(settings.index_dir(index_dir))
        # Servers follow record changes unless $EVIDENCE_KB_READONLY says the index is fixed at deploy.
        self.auto_refresh = (not settings.read_only()) if auto_refresh is None else auto_refresh
        self.refresh_interval = refresh_interval
        # A server rebuilds in a child process (`kb build`): it then has its own interpreter lock and
        # core, so requests do not slow the rebuild down (43 s instead of 1.2 s in-process under load)
        # and the rebuild does not slow requests down.
        self.rebuild_in_subprocess = rebuild_in_subprocess
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()
        self._refresh_lock = threading.Lock()  # one refresh check (and so one rebuild) at a time
        self._last_check = 0.0
        self._signature: tuple | None = None  # record files as of the last fingerprint
        self._failed_fingerprint: str | None = None  # records that did not validate (or build): not retried
        self._rebuilding: threading.Thread | None = None
        self.problem: str | None = None  # what is wrong with the index being served, for /healthz
        self._cache: OrderedDict = OrderedDict()
        self._cache_size = cache_size
        self._cache_lock = threading.Lock()
        self._local = threading.local()
        self._checker: tuple[Snapshot, object] | None = None  # (snapshot, its Checker)
        self._checker_lock = threading.Lock()

    # -- snapshot lifecycle -------------------------------------------------------------
    def _open_build(self, path: Path) -> Snapshot:
        """A verified snapshot of one build folder; raises BrokenBuild."""
        verify_build(path)
        try:
            kb = load_records(path)
        except Exception as exc:  # truncated or garbled records.json
            raise BrokenBuild(f"{path.name}: {RECORDS_FILE} cannot be read ({type(exc).__name__})") from None
        meta = self.store.meta(path) or {}
        ix = self.store.open(path)
        builder = QueryBuilder(ix.schema, kb.vocabulary, SubjectLens(kb), MeaningLens(path, ix))
        return Snapshot(kb, meta.get("fingerprint", ""), path, ix, builder)

    def _serve(self, snap: Snapshot | None) -> None:
        """Serve `snap` (the caller holds self._lock); when it is another build, forget the last look at
        the record files.

        The build `current` points at need not be the one this engine just made or checked: another
        builder (a `kb build`, a second server, our own child) may have swapped in its own, and a
        builder reads the records before it waits for the build lock, so the one that read first can
        swap last. Trusting the last look ("no record file changed since") would then serve that older
        build until a file changes; forgetting it makes the next refresh check compare the records with
        the build actually served (one fingerprint, ~40 ms, per build taken up).
        """
        if snap is None or self._snapshot is None or snap.path != self._snapshot.path:
            self._signature = None
        self._snapshot = snap

    def _load_current(self) -> Snapshot | None:
        """The build `current` points at, verified; if it is broken, the newest older build that verifies."""
        path = self.store.current_path()
        if path is None:
            return None
        if self._snapshot is not None and self._snapshot.path == path:
            return self._snapshot
        try:
            snap = self._open_build(path)
            self.problem = None
            return snap
        except BrokenBuild as exc:
            self.problem = f"the current index build is damaged ({exc}); serving an older build and rebuilding"
            log.error("%s", self.problem)
        for older in self.store.complete_builds():
            if older == path:
                continue
            try:
                return self._open_build(older)
            except BrokenBuild:
                continue
        return None

    def rebuild(self, progress=None) -> BuildInfo:
        """Validate the records and build a new index from them.

        Raises KnowledgeBaseInvalid (with every problem) or IndexFolderError (folder named).
        """
        fp = fingerprint(self.kb_dir)
        kb = validate(self.kb_dir)
        if kb.errors:
            raise KnowledgeBaseInvalid(kb.errors)
        info = build_index(self.store, kb, fp, progress)
        with self._lock:
            self._serve(self._load_current())
        self._cache_clear()
        return info

    def is_stale(self) -> bool:
        meta = self.store.meta()
        if meta is None:
            return True
        self._signature = _stat_signature(self.kb_dir)
        return meta.get("fingerprint") != fingerprint(self.kb_dir)

    def snapshot(self) -> Snapshot:
        """The current snapshot; builds the first one synchronously if there is none."""
        snap = self._snapshot
        if snap is None:
            with self._lock:
                snap = self._snapshot or self._load_current()
                self._serve(snap)
                if snap is None:
                    if self.problem and settings.read_only():
                        raise IndexUnavailable(self.problem)
                    self.rebuild_locked()
                    snap = self._snapshot
            self._last_check = time.monotonic()
            if snap is not None and self.problem and self.auto_refresh:
                self._start_rebuild()  # serving an older build: repair the current one
        elif self.auto_refresh:
            self._maybe_refresh()
            snap = self._snapshot
        if snap is None:
            raise IndexUnavailable(self.problem or "no index build could be opened")
        return snap

    def rebuild_locked(self) -> None:
        """The first build, made while holding the snapshot lock so two first requests build once."""
        fp = fingerprint(self.kb_dir)
        kb = validate(self.kb_dir)
        if kb.errors:
            raise KnowledgeBaseInvalid(kb.errors)
        build_index(self.store, kb, fp)
        self._serve(self._load_current())
        self._cache_clear()

    def report_broken(self, exc: BaseException) -> None:
        """A search failed inside Whoosh: the live build is damaged. Say so on /healthz and repair it."""
        snap = self._snapshot
        self.problem = f"searching the index failed ({type(exc).__name__}); rebuilding it"
        log.error("%s: %s", self.problem, exc)
        if snap is not None:
            with self._lock:
                if self._snapshot is snap:
                    self._snapshot = None  # the next request re-opens, verifies and falls back
            self._cache_clear()
        if self.auto_refresh:
            self._failed_fingerprint = None
            self._start_rebuild(force=True)

    def _maybe_refresh(self) -> None:
        now = time.monotonic()
        if now - self._last_check < self.refresh_interval:
            return
        if not self._refresh_lock.acquire(blocking=False):
            return  # another thread is checking right now
        try:
            self._last_check = now
            # Another process (kb build, or our own child) may have swapped in a new build.
            current = self.store.current_path()
            if current is not None and self._snapshot is not None and current != self._snapshot.path:
                with self._lock:
                    self._serve(self._load_current() or self._snapshot)
                self._cache_clear()
            if self._rebuilding is not None and self._rebuilding.is_alive():
                return
            signature = _stat_signature(self.kb_dir)
            if signature == self._signature:
                return  # no record file changed since the last look: nothing to hash or validate
            self._signature = signature
            try:
                stale = self.is_stale()
                fp = fingerprint(self.kb_dir)
            except OSError as exc:
                log.warning("cannot read the knowledge base at %s: %s", self.kb_dir, exc)
                return
            if stale and fp != self._failed_fingerprint:
                self._start_rebuild()
        finally:
            self._refresh_lock.release()

    def _start_rebuild(self, force: bool = False) -> None:
        if self._rebuilding is not None and self._rebuilding.is_alive():
            return
        self._rebuilding = threading.Thread(target=self._background_rebuild, args=(force,), daemon=True,
                                            name="evidence-kb-rebuild")
        self._rebuilding.start()

    def _background_rebuild(self, force: bool = False) -> None:
        fp = fingerprint(self.kb_dir)
        started = time.perf_counter()
        try:
            if self.rebuild_in_subprocess:
                self._rebuild_in_child(force)
                with self._lock:
                    self._serve(self._load_current() or self._snapshot)
                self._cache_clear()
            else:
                self.rebuild()
            log.info("rebuilt the index in %.2f s (%s)", time.perf_counter() - started, fp)
            self._failed_fingerprint = None
        except KnowledgeBaseInvalid as exc:
            self._failed_fingerprint = fp  # logged once; tried again only when the files change
            log.error("the knowledge base changed but does not validate; still serving the last good index "
                      "(%d problem(s); fix them and save: the server notices)", len(exc.problems))
            for problem in exc.problems:
                log.error("%s", problem)
        except Exception as exc:  # never let a failed rebuild take the server down
            self._failed_fingerprint = fp
            log.error("index rebuild failed; still serving the last good index: %s", exc)

    def _rebuild_in_child(self, force: bool) -> None:
        cmd = [sys.executable, "-m", "kb.cli", "--kb-dir", str(self.kb_dir), "--index-dir", str(self.store.root),
               "build"] + ([] if force else ["--if-stale"])
        env = {k: v for k, v in os.environ.items() if k != settings.READONLY_ENV}
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
        if done.returncode == 1 and "error(s) in the knowledge base" in done.stderr:
            lines = [ln for ln in done.stderr.splitlines() if ln.strip() and not ln.startswith("not built:")]
            raise KnowledgeBaseInvalid(lines or ["(no details)"])
        if done.returncode != 0:
            raise RuntimeError((done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1])

    def health(self) -> dict:
        """What /healthz reports about the index: ok, or degraded with the reason."""
        rebuilding = self._rebuilding is not None and self._rebuilding.is_alive()
        out = {"status": "degraded" if self.problem else "ok", "rebuilding": rebuilding}
        if self.problem:
            out["problem"] = self.problem
        if self._failed_fingerprint:
            out["records"] = "the record files on disk do not validate; serving the last good build (see the log)"
        return out

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
        try:
            result = search(self._searcher(snap), snap.builder, snap.kb.vocabulary, req)
        except Exception as exc:  # Whoosh failing on its own files: a damaged build, not a bad query
            self.report_broken(exc)
            raise IndexUnavailable("The search index is being repaired; try again in a few seconds.") from exc
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
                held = self._checker = (snap, Checker(snap.kb, snap.ix, compile_phrases=not self.lazy_phrases))
        return held[1]
