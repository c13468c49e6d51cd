"""Checks, uploads and URL fetches run in worker processes at a lower priority than pages.

The work pool (webui/workpool.py) decides how many checks run and whose; this module decides
where. Reading a Word file or checking 150,000 characters is seconds of pure Python: on a
server thread it holds the interpreter lock that every page needs, so one client's uploads made
everyone's search pages several times slower. In a worker process the check has an interpreter
of its own, and the operating system, told that workers are less urgent (`nice`), gives pages
the processor first.

The parent sends the job (the input, and the index build to check against); a worker opens that
build read-only once and keeps its checker until a newer build is asked for. Workers are
started with `spawn`, never `fork`, because the server has threads. A worker that dies (killed,
out of memory) breaks the executor: the job is answered 503 and the next job gets new workers.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

WORKER_NICENESS = 10  # pages first; checks get what is left (0 = equal, 19 = least)
PARENT_POLL_S = 1.0  # how soon a worker notices that its server is gone


class WorkerLost(Exception):
    """The worker process running the job died."""


class CheckProcesses:
    def __init__(self, workers: int):
        self.workers = workers
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(max_workers=self.workers,
                                                     mp_context=multiprocessing.get_context("spawn"),
                                                     initializer=_start_worker)
            return self._executor

    def warm(self, build: Path) -> None:
        """Start the workers and let each open `build`, so the first real check does not wait for it."""
        pool = self._pool()
        for _ in range(self.workers):
            pool.submit(_checker_for, str(build))

    def run(self, build: Path, inp: Any, allow_hosts: tuple[str, ...]):
        """(intake, report dict) for one CheckInput, computed in a worker; waits for it (the GIL is free meanwhile)."""
        pool = self._pool()
        try:
            return pool.submit(_check_in_worker, str(build), inp, allow_hosts).result()
        except BrokenProcessPool:
            with self._lock:
                if self._executor is pool:  # replace it once, whichever job noticed first
                    self._executor = None
            pool.shutdown(wait=False, cancel_futures=True)
            log.error("a check worker process died; starting new workers")
            raise WorkerLost("The checker stopped unexpectedly. Try again in a few seconds.") from None

    def shutdown(self) -> None:
        with self._lock:
            pool, self._executor = self._executor, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


# --------------------------------------------------------------------------- in the worker

_CHECKERS: dict[str, Any] = {}


def _start_worker() -> None:
    if hasattr(os, "nice"):
        try:
            os.nice(WORKER_NICENESS)
        except OSError:  # not permitted here: run at the same priority
            pass
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), name="watch-parent", daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """End this worker when the server that started it is gone.

    A worker waits on a queue whose writing end it holds itself, so a server killed without its
    clean-up (SIGTERM, SIGKILL) would leave its workers running for ever, adopted by init.
    """
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os._exit(0)


def _checker_for(build: str):
    checker = _CHECKERS.get(build)
    if checker is None:
        from indexer.engine import open_checker

        _CHECKERS.clear()  # one build at a time: an older one is not asked for again
        checker = _CHECKERS[build] = open_checker(Path(build))
    return checker


def _check_in_worker(build: str, inp: Any, allow_hosts: tuple[str, ...]):
    """webui.inputs.check_input, on this worker's checker for the build (a Checker has the engine's `check`)."""
    from webui.inputs import check_input

    return check_input(inp, _checker_for(build), allow_hosts)
