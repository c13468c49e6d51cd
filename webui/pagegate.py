"""Pages are rendered a few at a time, first come first served, on the server's threads.

Rendering a page is pure Python work, and Python runs one thread at a time (the interpreter
lock). With eight threads rendering at once, each gets an eighth of the processor in 1 ms slices,
so a 12 ms search page takes about 100 ms to come out and a cheap page waits as long as an
expensive one. Letting only `PAGE_SLOTS` requests render at once, and the rest wait in line
(blocked on a lock, costing nothing), gives the same throughput with much shorter waits at the
tail: a page takes its own time plus the line ahead of it.

Only page GETs take a slot. `/healthz` and static files never wait in the line, so health checks
always answer; POSTs (checks, uploads) hand their work to the bounded work pool
(webui/workpool.py) and must not hold a slot while they wait for it. A request that cannot get a
slot within `PAGE_SLOT_WAIT_S` is answered 503 with Retry-After instead of piling up.
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Iterable

from werkzeug.wsgi import ClosingIterator

UNGATED_PREFIXES = ("/healthz", "/static/", "/favicon")
BUSY_BODY = b"The server is busy. Try again in a few seconds.\n"


class PageGate:
    """WSGI middleware: at most `slots` page requests inside the app at once."""

    def __init__(self, app: Callable, slots: int, wait_s: float):
        self.app, self.slots, self.wait_s = app, slots, wait_s
        self._slots = threading.BoundedSemaphore(slots)

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        if not self._gated(environ):
            return self.app(environ, start_response)
        if not self._slots.acquire(timeout=self.wait_s):
            start_response("503 Service Unavailable", [("Content-Type", "text/plain; charset=utf-8"),
                                                       ("Retry-After", "5"),
                                                       ("Content-Length", str(len(BUSY_BODY)))])
            return [BUSY_BODY]
        try:
            body = self.app(environ, start_response)
        except BaseException:
            self._slots.release()
            raise
        # The slot is given back when the server has the whole body (or gives up on it).
        return ClosingIterator(body, [self._slots.release])

    @staticmethod
    def _gated(environ: dict[str, Any]) -> bool:
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return False
        return not environ.get("PATH_INFO", "/").startswith(UNGATED_PREFIXES)
