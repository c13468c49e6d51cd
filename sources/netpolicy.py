"""The address policy for fetching a user-supplied URL: which URLs and hosts may be fetched.

Pure rules, reviewable and testable without the network (only `_resolve` asks DNS):

* only http/https, no ``user:pass@``, ports 80/443 (any port for allow-listed hosts);
* the host is resolved first and refused when ANY of its addresses is internal
  (loopback, private, link-local, multicast, reserved, unspecified, CGNAT, NAT64,
  6to4, Teredo, IPv4-mapped forms of those).

`sources.fetch` applies `_check_url` before every request and on every redirect, and
then connects only to the address checked here. Every refusal is a `FetchError`.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import urlsplit, urlunsplit

from requests_hardened.ip_filter import EXTRA_BLOCKED_NET_RANGES

__all__ = ["FetchError"]

_DEFAULT_PORTS = {"http": 80, "https": 443}
_ALLOWED_PORTS = frozenset({80, 443})  # explicit ports a non-allow-listed URL may use

# Ranges that stdlib `ipaddress` does not flag (or did not on older CPythons),
# on top of requests-hardened's own list.
_EXTRA_BLOCKED = tuple(EXTRA_BLOCKED_NET_RANGES) + (
    ipaddress.ip_network("2001::/32"),  # Teredo: embeds an IPv4 address
    ipaddress.ip_network("::/96"),  # deprecated IPv4-compatible IPv6
)


class FetchError(Exception):
    """A fetch failed. ``code`` is for programs, ``message`` is for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"FetchError({self.code!r}, {self.message!r})"


# --------------------------------------------------------------------------- allow list


def _split_hosts(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


class _AllowList:
    """Host names (any port) and host:port pairs that skip the address policy."""

    def __init__(self, entries: Iterable[str] | str | None):
        entries = entries or ()
        if isinstance(entries, str):
            entries = _split_hosts(entries)
        self.any_port: set[str] = set()
        self.with_port: set[tuple[str, int]] = set()
        for entry in entries:
            host, port = _parse_host_entry(entry)
            if host is None:
                continue
            if port is None:
                self.any_port.add(host)
            else:
                self.with_port.add((host, port))

    def allows(self, host: str, port: int) -> bool:
        host = _norm_host(host)
        return host in self.any_port or (host, port) in self.with_port


def _parse_host_entry(entry: str) -> tuple[str | None, int | None]:
    try:
        parts = urlsplit("//" + entry.strip())
        port = parts.port
    except ValueError:
        return None, None
    if not parts.hostname:
        return None, None
    return _norm_host(parts.hostname), port


def _norm_host(host: str) -> str:
    return host.strip("[]").rstrip(".").lower()


# --------------------------------------------------------------------------- address policy


def _is_blocked_ip(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if ip.version == 6:
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None and _is_blocked_ip(mapped):
            return True
        teredo = ip.teredo
        if teredo is not None:
            return True
    return (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
        or any(ip in net for net in _EXTRA_BLOCKED if net.version == ip.version)
    )


def _literal_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host names literally, in any form the C resolver accepts
    ("127.1", "2130706433", "0x7f.1", "0177.0.0.1"), without asking DNS."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, UnicodeError, ValueError):
        return None


def _resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]


def _check_address(host: str, port: int) -> None:
    """Refuse a host if it is, or resolves to, any internal address."""
    blocked = _blocked(host)
    literal = _literal_ip(host)
    if literal is not None:
        if _is_blocked_ip(literal):
            raise blocked
        return
    name = host.rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):  # RFC 6761: always loopback
        raise blocked
    if name == "invalid" or name.endswith(".invalid"):  # RFC 6761: never resolves
        raise _unresolvable(host)
    try:
        addresses = _resolve(host, port)
    except (OSError, UnicodeError, ValueError):
        raise _unresolvable(host) from None
    if not addresses:
        raise _unresolvable(host)
    if any(_is_blocked_ip(ip) for ip in addresses):
        raise blocked


def _blocked(host: str) -> FetchError:
    return FetchError(
        "blocked_address",
        f"{host} points to a private or internal network address, so it cannot be "
        "fetched. Use a public web address, or paste the page's text instead.",
    )


def _unresolvable(host: str) -> FetchError:
    return FetchError(
        "unresolvable",
        f"The web address {host} could not be found. Check the spelling of the link.",
    )


# --------------------------------------------------------------------------- URL rules


@dataclass(frozen=True)
class _Target:
    url: str
    host: str
    port: int
    allowed: bool  # on the allow list: skips the address policy


def _check_url(url: str, allow: _AllowList) -> _Target:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise FetchError("bad_url", f"{url!r} is not a valid web address.") from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        shown = f"{scheme}://" if scheme else "a missing scheme"
        raise FetchError(
            "bad_scheme",
            f"Only http:// and https:// web addresses can be fetched, not {shown}.",
        )
    if "@" in parts.netloc or parts.username is not None or parts.password is not None:
        raise FetchError(
            "bad_url",
            "Web addresses with a user name or password (user:pass@host) are not "
            "accepted. Remove that part of the link.",
        )
    host = parts.hostname
    if not host:
        raise FetchError("bad_url", f"{url!r} has no host name.")
    host = _norm_host(host)
    effective_port = port if port is not None else _DEFAULT_PORTS[scheme]
    allowed = allow.allows(host, effective_port)
    if not allowed and port is not None and port not in _ALLOWED_PORTS:
        raise FetchError(
            "blocked_port",
            f"Port {port} is not allowed. Only web addresses on the standard ports "
            "(80 and 443) can be fetched.",
        )
    if not allowed:
        _check_address(host, effective_port)
    clean = urlunsplit((scheme, parts.netloc, parts.path or "/", parts.query, ""))
    return _Target(clean, host, effective_port, allowed)

