"""Where index builds live on disk, and the build-aside-and-swap that keeps readers safe.

Layout of the index folder:
    build-<ns>/        one complete Whoosh index per build, with meta.json beside its files
    current -> build-<ns>   a relative symlink, replaced atomically (os.replace) after a build verifies
    .build.lock        held while building, so two processes never build at once

A reader resolves `current` once per request and keeps the build it got; a crash mid-build leaves
`current` pointing at the last good build. The web app never writes: only builds write.
"""
from __future__ import annotations

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

    @contextmanager
    def build_lock(self):
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".build.lock", "w") as fh:
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
                self._swap_to(path)
            except BaseException:
                if self.current_path() != path:
                    shutil.rmtree(path, ignore_errors=True)
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
        current = self.current_path()
        builds = sorted((p for p in self.root.glob("build-*") if p.is_dir()), key=lambda p: p.name)
        others = [p for p in builds if p != current]
        for old in others[: max(0, len(others) - KEEP_PREVIOUS)]:
            shutil.rmtree(old, ignore_errors=True)
