"""Rendered read-only pages, kept per index build so a repeated page is not searched and rendered again.

Every read-only page (search results, claim, study, topic and listing pages, and their JSON twins)
is a pure function of the records the server has indexed, the URL, the host it is linked from and
the reader's citation-style cookie. Rendering one costs 3-30 ms of CPU (the search page's facets
build dozens of toggle links; the template writes every result), and on a 2-core machine under
load that CPU is what makes pages slow. So each such page is rendered once per build and served
from memory after that:

* the key holds the build's fingerprint, so an edited record is never answered from an older
  page: the next request after the swap renders afresh (the old entries age out of the LRU);
* only a 200 answer that sets no cookie, changes no session and renders no form token is kept:
  anything per-reader (a CSRF token, a stored report) is never shared;
* the memory is bounded in bytes (`PAGE_CACHE_MAX_BYTES` in docs/limits.md), least recently used
  first out; 0 switches the cache off.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import wraps
from typing import Any, Callable

from flask import Response, current_app, g, make_response, request, session

from webui import engine as kbe
from webui import watching

EXTENSION_KEY = "evidence_page_cache"


@dataclass(frozen=True)
class CachedPage:
    body: bytes
    mimetype: str
    headers: tuple[tuple[str, str], ...]


class PageCache:
    """A thread-safe LRU of rendered pages, bounded by the bytes of their bodies."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._pages: OrderedDict[tuple, CachedPage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: tuple) -> CachedPage | None:
        with self._lock:
            page = self._pages.get(key)
            if page is None:
                self.misses += 1
                return None
            self._pages.move_to_end(key)
            self.hits += 1
            return page

    def put(self, key: tuple, page: CachedPage) -> None:
        size = len(page.body)
        if size > self.max_bytes // 4:
            return  # one huge page must not push out everything else
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._pages[key] = page
            self._bytes += size
            while self._bytes > self.max_bytes and self._pages:
                _, dropped = self._pages.popitem(last=False)
                self._bytes -= len(dropped.body)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._bytes = 0

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {"pages": len(self._pages), "bytes": self._bytes, "max_bytes": self.max_bytes,
                    "hits": self.hits, "misses": self.misses}


# Response headers that describe the page itself and so may be served again with it.
_KEPT_HEADERS = ("Content-Type", "Link", "Content-Language")


def page_cache() -> PageCache | None:
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    cache = app.extensions.get(EXTENSION_KEY)
    if cache is None:
        max_bytes = int(app.config.get("PAGE_CACHE_MAX_BYTES") or 0)
        if max_bytes <= 0:
            return None
        cache = app.extensions.setdefault(EXTENSION_KEY, PageCache(max_bytes))
    return cache


def _key(vary_cookies: tuple[str, ...]) -> tuple:
    # Beside the records, a page may show the watch queue (kb/watch.yaml, not part of the build) and
    # whether a review is overdue (depends on today's date).
    return (kbe.fingerprint(), watching.stamp(), dt.date.today(), request.host_url, request.endpoint,
            request.full_path, tuple(request.cookies.get(name) for name in vary_cookies))


def dont_keep_page() -> None:
    """Mark this request's page as not to be kept (e.g. a search cut short by its time limit)."""
    g.page_not_kept = True


def _no_form_token() -> bool:
    # Flask-WTF keeps the token it rendered into a form in `g`: such a page belongs to one reader.
    return "csrf_token" not in g


def cached_page(*vary_cookies: str) -> Callable:
    """Serve a GET view's 200 answer from the page cache; `vary_cookies` name cookies that change the page."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            cache = page_cache()
            if cache is None or request.method != "GET":
                return view(*args, **kwargs)
            key = _key(vary_cookies)
            page = cache.get(key)
            if page is not None:
                response = Response(page.body, mimetype=page.mimetype)
                for name, value in page.headers:
                    response.headers[name] = value
                return response
            response = make_response(view(*args, **kwargs))
            if (response.status_code == 200 and not response.direct_passthrough and not response.is_streamed
                    and "Set-Cookie" not in response.headers and not session.modified and _no_form_token()
                    and not g.get("page_not_kept")):
                kept = tuple((h, response.headers[h]) for h in _KEPT_HEADERS if h in response.headers)
                cache.put(key, CachedPage(response.get_data(), response.mimetype or "text/html", kept))
            return response

        return wrapper

    return decorate
