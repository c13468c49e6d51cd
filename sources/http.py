"""A polite HTTP session for public registries: rate limit, retry with back-off, timeouts, local cache.

Generic on purpose: PubMed (E-utilities) and Crossref each build one `PoliteSession` with
their own rate. Every failure that is not an HTTP answer becomes a `RequestFailed` subclass
with a message a curator can act on; callers add which PMID or DOI it was about.

- Rate: a thread-safe interval limiter, applied only to requests that go to the network
  (it sits in the transport adapter, below the cache, so cache hits are not throttled).
- Retries: 429 and 5xx are retried with exponential back-off, honouring `Retry-After`;
  connection errors and timeouts are retried the same way. At most `max_retries` retries.
- Cache: requests-cache (sqlite) in the user cache folder, or $EVIDENCE_KB_HTTP_CACHE
  (a file path, or "off"/"memory"). POST is cacheable because efetch is POSTed; only 200
  answers are stored, and `forget()` drops a stored answer that turned out to be unusable.
"""
from __future__ import annotations

import email.utils
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any, Callable

import requests
from platformdirs import user_cache_dir
from requests.adapters import HTTPAdapter

from kb import settings

CACHE_ENV = "EVIDENCE_KB_HTTP_CACHE"
EMAIL_ENV = "EVIDENCE_KB_EMAIL"
DEFAULT_EMAIL = "evidence-kb@example.org"
TOOL = "evidence-kb"
USER_AGENT = f"{TOOL}/0.1 (+https://github.com/evidence-kb; research evidence curation)"
TIMEOUT = (5, 60)  # connect, read (seconds)
MAX_RETRIES = 4
BACKOFF_BASE = 1.0  # seconds; retry n waits BACKOFF_BASE * 2**n unless Retry-After says otherwise
MAX_RETRY_AFTER = 60.0  # a server asking for a longer pause gets a clear "try later" instead
CACHE_EXPIRY = timedelta(days=7)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Query/form parameters that identify us but do not change the answer: kept out of cache keys and stored requests.
PRIVATE_PARAMS = ("api_key", "email", "mailto", "tool")


class RequestFailed(Exception):
    """A request that produced no usable HTTP answer, with a message for people."""


class NetworkUnreachable(RequestFailed):
    """Every attempt failed to connect or timed out."""


class RateLimited(RequestFailed):
    """The server still answered 429 after every retry (or asked for too long a pause)."""


class ServerError(RequestFailed):
    """The server still answered 5xx after every retry."""


def _sleep(seconds: float) -> None:  # a module-level seam so tests can record pauses without waiting
    time.sleep(seconds)


def contact_email() -> str:
    """The address registries can write to about our traffic: $EVIDENCE_KB_EMAIL, else a placeholder."""
    return settings.value(EMAIL_ENV) or DEFAULT_EMAIL


class RateLimiter:
    """At most `rate` calls per second, spaced evenly; safe to share between threads."""

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] | None = None) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.interval = 1.0 / rate
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next = float("-inf")

    def wait(self) -> None:
        # The lock is held while sleeping so that waiting threads take their turns in order.
        with self._lock:
            now = self._clock()
            if now < self._next:
                (self._sleep or _sleep)(self._next - now)
                now = self._next
            self._next = now + self.interval


class _ThrottledAdapter(HTTPAdapter):
    """Waits for the rate limiter before each request that really goes out."""

    def __init__(self, limiter: RateLimiter) -> None:
        super().__init__()
        self.limiter = limiter

    def send(self, request, *args, **kwargs):  # type: ignore[override]
        self.limiter.wait()
        return super().send(request, *args, **kwargs)


def cache_setting() -> str | Path | None:
    """$EVIDENCE_KB_HTTP_CACHE: a sqlite path, "memory", or "off"; default: the user cache folder."""
    value = settings.value(CACHE_ENV)
    if value.lower() in ("off", "none", "0", "false", "no"):
        return None
    if value.lower() == "memory":
        return "memory"
    if value:
        return Path(value).expanduser()
    return Path(user_cache_dir("evidence-kb", appauthor=False)) / "http-cache.sqlite"


def make_session(cache: str | Path | None) -> requests.Session:
    """A plain session (cache None), an in-memory cache ("memory"), or a sqlite cache at a path."""
    if cache is None:
        return requests.Session()
    import requests_cache

    options: dict[str, Any] = dict(expire_after=CACHE_EXPIRY, allowable_methods=("GET", "POST"),
                                   allowable_codes=(200,), ignored_parameters=list(PRIVATE_PARAMS))
    if cache == "memory":
        return requests_cache.CachedSession(backend="memory", **options)
    path = Path(cache)
    path.parent.mkdir(parents=True, exist_ok=True)
    return requests_cache.CachedSession(str(path), backend="sqlite", **options)


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """Retry-After as seconds: either a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class PoliteSession:
    """One registry's connection: `request()` returns the first non-retryable HTTP answer."""

    def __init__(self, name: str, *, rate: float, cache: str | Path | None = "default",
                 timeout: tuple[float, float] = TIMEOUT, max_retries: int = MAX_RETRIES,
                 backoff_base: float = BACKOFF_BASE, headers: dict[str, str] | None = None,
                 limiter: RateLimiter | None = None) -> None:
        self.name = name
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff_base = backoff_base
        self.limiter = limiter or RateLimiter(rate)
        self.session = make_session(cache_setting() if cache == "default" else cache)
        self.session.headers.update({"User-Agent": USER_AGENT, **(headers or {})})
        adapter = _ThrottledAdapter(self.limiter)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)

    def close(self) -> None:
        self.session.close()

    def forget(self, response: requests.Response) -> None:
        """Drop a cached answer that proved unusable (e.g. malformed), so the next run asks again."""
        key = getattr(response, "cache_key", None)
        cache = getattr(self.session, "cache", None)
        if key and cache is not None:
            cache.delete(key)

    def _backoff(self, attempt: int) -> float:
        return self.backoff_base * (2 ** attempt)

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", self.timeout)
        last_problem = ""
        for attempt in range(self.max_retries + 1):
            last = attempt == self.max_retries
            try:
                response = self.session.request(method, url, **kwargs)
            except requests.Timeout as exc:
                last_problem = f"timed out ({type(exc).__name__}; limits {self.timeout[0]:g} s to connect, {self.timeout[1]:g} s to read)"
            except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
                last_problem = f"could not connect ({_connect_failure(exc)})"
            else:
                if response.status_code not in RETRY_STATUSES:
                    return response
                status = response.status_code
                wait = retry_after_seconds(response.headers.get("Retry-After"))
                response.close()
                if status == 429 and wait is not None and wait > MAX_RETRY_AFTER:
                    raise RateLimited(f"{self.name} is rate limiting us (HTTP 429) and asks to wait {wait:.0f} s; try again later")
                if last:
                    tries = self.max_retries + 1
                    if status == 429:
                        raise RateLimited(f"{self.name} is still rate limiting us (HTTP 429) after {tries} attempts; "
                                          "try again later, or set NCBI_API_KEY for PubMed")
                    raise ServerError(f"{self.name} answered HTTP {status} on all {tries} attempts; try again later")
                _sleep(wait if wait is not None else self._backoff(attempt))
                continue
            if last:
                raise NetworkUnreachable(f"{self.name} is unreachable: {last_problem} on all {self.max_retries + 1} attempts "
                                         "(are you offline?)")
            _sleep(self._backoff(attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", url, **kwargs)


_CONNECT_FAILURES = (("NameResolutionError", "the host name does not resolve"),
                     ("Name or service not known", "the host name does not resolve"),
                     ("Connection refused", "connection refused"),
                     ("Network is unreachable", "network is unreachable"),
                     ("No route to host", "no route to host"),
                     ("SSLError", "TLS handshake failed"),
                     ("ProxyError", "the proxy failed"))


def _connect_failure(exc: BaseException) -> str:
    """urllib3's nested messages, reduced to the reason people need."""
    text = f"{type(exc).__name__}: {exc}"
    return next((plain for needle, plain in _CONNECT_FAILURES if needle.lower() in text.lower()), type(exc).__name__)
