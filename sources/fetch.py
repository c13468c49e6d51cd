"""Fetch a user-supplied URL safely (SSRF-hardened) for the "check copy" feature.

`fetch_url` is the only entry point. It wraps requests-hardened (whose adapter
connects to the very IP address it checked, closing DNS rebinding) with the
rules requests-hardened leaves to its caller:

* only http/https, no ``user:pass@``, ports 80/443 (any port for allow-listed hosts);
* the host is resolved first and refused when ANY of its addresses is internal
  (loopback, private, link-local, multicast, reserved, unspecified, CGNAT, NAT64,
  6to4, Teredo, IPv4-mapped forms of those); this runs again on every redirect;
* redirects are followed by hand, at most ``max_redirects``;
* ``trust_env=False``, so HTTP(S)_PROXY / .netrc cannot route around the filter;
* connect/read timeouts plus an overall deadline, enforced while the body is
  read with ``raw.read1()`` (``iter_content`` would wait to fill its chunk);
* a byte cap applied after gzip/deflate decoding, and an up-front
  Content-Length check; an allow-list of content types.

The address rules themselves live in `sources.netpolicy`; this module is the transport.
Every failure is a `FetchError` with a machine ``code`` and a ``message`` a user
can act on. See docs/extraction.md and shared notes (tech-stack, section 5).
"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import urljoin

import requests
from requests.adapters import HTTPAdapter
from requests_hardened import Config, Manager
from requests_hardened.ip_filter import InvalidIPAddress
from requests_hardened.ip_filter_adapter import IPFilterAdapter
from urllib3.exceptions import (
    DecodeError,
    HTTPError as Urllib3HTTPError,
    ProtocolError,
    ReadTimeoutError,
)

from kb import settings
from kb.limits import int_limit, limit
from sources.netpolicy import (
    _DEFAULT_PORTS,
    FetchError,
    _AllowList,
    _blocked,
    _check_url,
    _split_hosts,
    _Target,
    _unresolvable,
)

__all__ = [
    "ALLOW_HOSTS_ENV",
    "ALLOWED_CONTENT_TYPES",
    "FetchError",
    "FetchedPage",
    "allow_hosts_from_env",
    "fetch_url",
]

ALLOW_HOSTS_ENV = "EVIDENCE_KB_FETCH_ALLOW_HOSTS"
ALLOWED_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
USER_AGENT = "EvidenceKB-copycheck/1.0"
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"
_READ_SIZE = 65536


@dataclass(frozen=True)
class FetchedPage:
    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    content_type: str  # lower-case media type without parameters, e.g. "text/html"
    charset: str | None  # from the Content-Type header, if any
    body: bytes  # decoded from gzip/deflate, at most max_bytes


# --------------------------------------------------------------------------- allow list


def allow_hosts_from_env(environ: dict[str, str] | None = None) -> tuple[str, ...]:
    """Read EVIDENCE_KB_FETCH_ALLOW_HOSTS (kb/settings.py): comma-separated ``host`` or ``host:port``."""
    if environ is None:
        return _split_hosts(settings.value(ALLOW_HOSTS_ENV))
    return _split_hosts(environ.get(ALLOW_HOSTS_ENV, ""))


# --------------------------------------------------------------------------- transport


class _AllowListAdapter(IPFilterAdapter):
    """requests-hardened's adapter, except that allow-listed hosts skip the filter."""

    def __init__(self, is_https_proto: bool, allow: _AllowList):
        super().__init__(is_https_proto=is_https_proto, allow_loopback=False)
        self._allow = allow

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = HTTPAdapter.build_connection_pool_key_attributes(
            self, request, verify, cert
        )
        scheme = (host_params.get("scheme") or "http").lower()
        port = host_params.get("port") or _DEFAULT_PORTS.get(scheme, 80)
        if self._allow.allows(host_params["host"], port):
            return host_params, pool_kwargs
        return super().build_connection_pool_key_attributes(request, verify, cert)


def _session(allow: _AllowList, timeout: tuple[float, float]) -> requests.Session:
    config = Config(
        ip_filter_enable=True,
        ip_filter_allow_loopback_ips=False,
        never_redirect=True,
        default_timeout=timeout,
        user_agent_override=USER_AGENT,
    )
    session = Manager(config).get_session()
    session.trust_env = False  # a proxy from the environment would bypass the IP filter
    session.mount("http://", _AllowListAdapter(False, allow))
    session.mount("https://", _AllowListAdapter(True, allow))
    return session


def _send_error(exc: requests.RequestException, host: str) -> FetchError:
    if isinstance(exc, InvalidIPAddress):  # requests-hardened's check at connect time
        return _blocked(host)
    if isinstance(exc, requests.Timeout):
        return FetchError(
            "timeout",
            f"The server at {host} did not answer in time. Try again later, or paste "
            "the page's text instead.",
        )
    if isinstance(exc, requests.exceptions.SSLError):
        return FetchError(
            "connection_failed",
            f"A secure (HTTPS) connection to {host} could not be made: its certificate "
            "could not be verified.",
        )
    if isinstance(exc, requests.ConnectionError) and isinstance(
        exc.__cause__, socket.gaierror
    ):
        return _unresolvable(host)
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema)):
        return FetchError("bad_url", "That web address is not valid.")
    return FetchError(
        "connection_failed",
        f"Could not connect to {host}. Check the link, or paste the page's text instead.",
    )


def _parse_content_type(value: str) -> tuple[str, str | None]:
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'").lower()
    return media.strip().lower(), charset


def _set_read_timeout(response: requests.Response, seconds: float) -> None:
    """Shrink the socket timeout so one blocked read cannot outlive the deadline."""
    try:
        sock = response.raw.connection.sock
        if sock is not None:
            sock.settimeout(max(seconds, 0.001))
    except AttributeError:
        pass


def _deadline_error(deadline: float) -> FetchError:
    return FetchError(
        "timeout",
        f"The page took longer than {deadline:g} second{'' if deadline == 1 else 's'} "
        "to download. Try again "
        "later, or paste the page's text instead.",
    )


def _too_large(max_bytes: int) -> FetchError:
    return FetchError(
        "too_large",
        f"The page is larger than {max_bytes // 1000:,} KB, the most that can be "
        "checked. Paste the part of the text you want checked instead.",
    )


def _read_body(
    response: requests.Response,
    host: str,
    *,
    max_bytes: int,
    read_timeout: float,
    deadline: float,
    deadline_at: float,
) -> bytes:
    buf = bytearray()
    try:
        while True:
            remaining = deadline_at - time.monotonic()
            if remaining <= 0:
                raise _deadline_error(deadline)
            _set_read_timeout(response, min(read_timeout, remaining))
            chunk = response.raw.read1(_READ_SIZE, decode_content=True)
            if not chunk:
                break
            if len(buf) + len(chunk) > max_bytes:
                raise _too_large(max_bytes)
            buf += chunk
    except FetchError:
        raise
    except (ReadTimeoutError, TimeoutError, socket.timeout):
        if time.monotonic() >= deadline_at - 0.01:
            raise _deadline_error(deadline) from None
        raise FetchError(
            "timeout",
            f"The server at {host} stopped sending the page. Try again later, or "
            "paste the page's text instead.",
        ) from None
    except DecodeError:
        raise FetchError(
            "connection_failed",
            f"The server at {host} sent a corrupt compressed page.",
        ) from None
    except (ProtocolError, Urllib3HTTPError, requests.RequestException, OSError):
        raise FetchError(
            "connection_failed",
            f"The connection to {host} broke while the page was downloading. Try again "
            "later, or paste the page's text instead.",
        ) from None
    return bytes(buf)


# --------------------------------------------------------------------------- entry point


def fetch_url(
    url: str,
    *,
    allow_hosts: Iterable[str] | str | None = (),
    max_bytes: int = int_limit("FETCH_MAX_BYTES"),
    timeout: tuple[float, float] = (3.05, 10),
    deadline: float = limit("FETCH_DEADLINE_S"),
    max_redirects: int = 5,
) -> FetchedPage:
    """GET ``url`` under the rules in this module's docstring.

    Raises FetchError (codes: bad_url, bad_scheme, blocked_port, blocked_address,
    unresolvable, too_many_redirects, too_large, timeout, bad_content_type,
    http_error, connection_failed).
    """
    if not isinstance(url, str) or not url.strip():
        raise FetchError("bad_url", "Enter a web address starting with http:// or https://.")
    allow = _AllowList(allow_hosts)
    connect_timeout, read_timeout = timeout
    deadline_at = time.monotonic() + deadline
    current = url.strip()
    with _session(allow, timeout) as session:
        for hop in range(max_redirects + 1):
            target = _check_url(current, allow)
            remaining = deadline_at - time.monotonic()
            if remaining <= 0:
                raise _deadline_error(deadline)
            try:
                response = session.get(
                    target.url,
                    stream=True,
                    allow_redirects=False,
                    headers={"Accept": _ACCEPT},
                    timeout=(min(connect_timeout, remaining), min(read_timeout, remaining)),
                )
            except requests.RequestException as exc:
                raise _send_error(exc, target.host) from None
            try:
                location = response.headers.get("Location")
                if response.is_redirect and location:
                    if hop == max_redirects:
                        raise FetchError(
                            "too_many_redirects",
                            f"The link redirected more than {max_redirects} times, so "
                            "it was not followed further. Use the final address of the "
                            "page instead.",
                        )
                    current = urljoin(target.url, location.strip())
                    continue
                return _finish(
                    response,
                    url,
                    target,
                    max_bytes=max_bytes,
                    read_timeout=read_timeout,
                    deadline=deadline,
                    deadline_at=deadline_at,
                )
            finally:
                response.close()
    raise AssertionError("unreachable")  # pragma: no cover


def _finish(
    response: requests.Response,
    url: str,
    target: _Target,
    *,
    max_bytes: int,
    read_timeout: float,
    deadline: float,
    deadline_at: float,
) -> FetchedPage:
    status = response.status_code
    if not 200 <= status < 300:
        reason = f" ({response.reason})" if response.reason else ""
        raise FetchError(
            "http_error",
            f"The server answered HTTP {status}{reason} for {target.url}, so there is "
            "no page to check. Check the link.",
        )
    content_type, charset = _parse_content_type(response.headers.get("Content-Type", ""))
    if content_type not in ALLOWED_CONTENT_TYPES:
        shown = content_type or "no content type"
        raise FetchError(
            "bad_content_type",
            f"The link points to {shown}, not a web page. Only HTML and plain-text "
            "pages can be checked; for other documents, upload the file or paste the text.",
        )
    length = response.headers.get("Content-Length", "").strip()
    if length.isdigit() and int(length) > max_bytes:
        raise _too_large(max_bytes)
    body = _read_body(
        response,
        target.host,
        max_bytes=max_bytes,
        read_timeout=read_timeout,
        deadline=deadline,
        deadline_at=deadline_at,
    )
    return FetchedPage(
        url=url,
        final_url=target.url,
        status=status,
        content_type=content_type,
        charset=charset,
        body=body,
    )
