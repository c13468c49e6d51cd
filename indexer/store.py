"""Where index builds live on disk, and the build-aside-and-swap that keeps readers safe.

Layout of the index folder:
    build-<ns>/        one complete Whoosh index per build, with meta.json beside its files
    current -> build-<ns>   a relative symlink, replaced atomically (os.replace) after a build verifies
    .build.lock        held while building, so two processes never build at once

A reader resolves `current` once per request and keeps the build it got; a crash mid-build leaves
`current` pointing at the last good build. The web app never writes: only builds write.

A build becomes `current` only once it is complete (meta.json written last) and `verify_build`
has read it back. Clean-up never touches `current`; it removes half-written builds (no meta.json:
only a crashed build leaves one, since builds hold the lock) and keeps KEEP_PREVIOUS good ones.
A folder that cannot be written (read-only mount, disk full) raises `IndexFolderError`, whose
message names the folder.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from whoosh import index as whoosh_index
from whoosh.fields import Schema

META_FILE = "meta.json"
KEEP_PREVIOUS = 1  # builds kept besides the current one, for rollback and for readers still on them


class IndexFolderError(OSError):
    """The index folder cannot be written or read; the message names it and says why."""

    def __init__(self, folder: Path, exc: OSError):
        reason = exc.strerror or str(exc)
        hint = {errno.EROFS: " (mounted read-only: build the index where it can be written, or set "
                             "EVIDENCE_KB_READONLY=1 to use the last build as it is)",
                errno.ENOSPC: " (the disk is full: free space or choose another --index-dir)",
                errno.EACCES: " (no permission: run as the index's owner or choose another --index-dir)"}
        super().__init__(exc.errno, f"cannot write the index folder {folder}: {reason}{hint.get(exc.errno, '')}")
        self.folder = folder


class BrokenBuild(Exception):
    """A build folder that cannot be served: its message says what is wrong with it."""


def verify_build(path: Path) -> int:
    """Open a build and read it back: every stored document and the postings of its commonest terms.

    Returns the document count; raises BrokenBuild when a file is missing, truncated or garbled, or
    the count disagrees with meta.json. Costs ~0.1 s for 146 documents.
    """
    try:
        meta = json.loads((path / META_FILE).read_text())
        ix = whoosh_index.open_dir(str(path), readonly=True)
        try:
            with ix.searcher() as searcher:
                reader = searcher.reader()
                stored = sum(1 for _ in reader.all_stored_fields())
                for name in ix.schema.names():
                    if ix.schema[name].format is not None and ix.schema[name].scorable:
                        for _, term in reader.most_frequent_terms(name, 2):
                            list(reader.postings(name, term).all_ids())
                count = searcher.doc_count()
        finally:
            ix.close()
    except Exception as exc:  # whoosh raises EOFError, UnpicklingError, struct.error... on damaged files
        raise BrokenBuild(f"{path.name}: {type(exc).__name__}: {exc}"[:300]) from None
    if count != meta.get("documents") or stored != count:
        raise BrokenBuild(f"{path.name}: holds {count} documents ({stored} readable), meta.json says "
                          f"{meta.get('documents')}")
    return count


@dataclass(frozen=True)
class BuildInfo:
    path: Path
    fingerprint: str
    documents: int
    seconds: float
    size_bytes: int
    counts: dict


class IndexStore:
    def __init__(self, root: Path | str):
        self.root = Path(root)
        self._open: dict[Path, whoosh_index.Index] = {}
        self._open_lock = threading.Lock()

    @property
    def current_link(self) -> Path:
        return self.root / "current"

    def current_path(self) -> Path | None:
        """The build `current` points at now, resolved once, or None when there is none."""
        if not self.current_link.is_symlink():
            return None
        real = Path(os.path.realpath(self.current_link))
        return real if (real / META_FILE).is_file() else None

    def meta(self, path: Path | None = None) -> dict | None:
        path = path or self.current_path()
        if path is None:
            return None
        try:
            return json.loads((path / META_FILE).read_text())
        except (OSError, ValueError):
            return None

    def open(self, path: Path) -> whoosh_index.Index:
        """A cached Index per build folder; Searchers are opened per request by the caller."""
        with self._open_lock:
            ix = self._open.get(path)
            if ix is None:
                ix = whoosh_index.open_dir(str(path), readonly=True)
                # Keep only builds still in use: the newest two are enough for in-flight requests.
                self._open = {p: i for p, i in list(self._open.items())[-1:]}
                self._open[path] = ix
            return ix

    def complete_builds(self) -> list[Path]:
        """Builds that finished (meta.json written), newest first."""
        builds = [p for p in self.root.glob("build-*") if p.is_dir() and (p / META_FILE).is_file()]
        return sorted(builds, key=lambda p: p.name, reverse=True)

    @contextmanager
    def build_lock(self):
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fh = open(self.root / ".build.lock", "a")
        except OSError as exc:
            raise IndexFolderError(self.root, exc) from None
        with fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def build(
        self,
        schema: Schema,
        docs: Iterable[dict],
        fingerprint: str,
        *,
        expected: int | None = None,
        counts: dict | None = None,
        progress: Callable[[int, int | None], None] | None = None,
        verify: Callable[[whoosh_index.Index], None] | None = None,
    ) -> BuildInfo:
        """Write a new build beside the current one, verify it, then swap `current` to it."""
        started = time.perf_counter()
        with self.build_lock():
            path = self.root / f"build-{time.time_ns()}"
            path.mkdir(parents=True)
            try:
                ix = whoosh_index.create_in(str(path), schema)
                writer = ix.writer(limitmb=128)
                n = 0
                try:
                    for doc in docs:
                        writer.add_document(**doc)
                        n += 1
                        if progress and n % 1000 == 0:
                            progress(n, expected)
                except BaseException:
                    writer.cancel()
                    raise
                writer.commit(optimize=True)
                if progress:
                    progress(n, expected)
                if ix.doc_count() != n:
                    raise RuntimeError(f"index holds {ix.doc_count()} documents, expected {n}")
                if verify:
                    verify(ix)
                ix.close()
                size = sum(f.stat().st_size for f in path.iterdir() if f.is_file())
                meta = {"fingerprint": fingerprint, "documents": n, "built_at": time.time(),
                        "size_bytes": size, "counts": counts or {}}
                (path / META_FILE).write_text(json.dumps(meta, indent=2))
                verify_build(path)  # read back from disk before anyone is pointed at it
                self._swap_to(path)
            except BaseException as exc:
                if self.current_path() != path:
                    shutil.rmtree(path, ignore_errors=True)
                if isinstance(exc, OSError) and not isinstance(exc, IndexFolderError):
                    raise IndexFolderError(self.root, exc) from None
                raise
            self._prune()
        return BuildInfo(path, fingerprint, n, time.perf_counter() - started, size, counts or {})

    def _swap_to(self, path: Path) -> None:
        tmp = self.root / f"current.tmp-{os.getpid()}"
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        os.symlink(path.name, tmp)
        os.replace(tmp, self.current_link)

    def _prune(self) -> None:
        """Called under the build lock: no other build is being written, so a build without meta.json
        is the remains of a crash. `current` is never removed, whatever its state."""
        current = self.current_path()
        linked = Path(os.path.realpath(self.current_link)) if self.current_link.is_symlink() else None
        keep = {p for p in (current, linked) if p is not None}
        complete = [p for p in self.complete_builds() if p not in keep]
        partial = [p for p in self.root.glob("build-*") if p.is_dir() and not (p / META_FILE).is_file()]
        for old in complete[KEEP_PREVIOUS:] + [p for p in partial if p not in keep]:
            shutil.rmtree(old, ignore_errors=True)
