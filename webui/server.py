"""waitress, configured and hardened for a public service (the limits are in kb/limits.py).

waitress buffers each request completely before a thread sees it, which protects the threads
from slow clients but not the server: by default it accepts 100 connections in total, keeps
an idle one for 120 s, and spools bodies of up to 1 GiB to disk before Flask can answer 413.
So, besides its own settings (`connection_limit`, `channel_timeout`, `max_request_body_size`,
`max_request_header_size`), two additions on the server object:

* per-client connections: a new connection from an address that already holds
  CONNECTIONS_PER_CLIENT is closed at once, so one client cannot use up the connection limit;
* a request deadline: a request whose headers and body have not fully arrived within
  REQUEST_READ_TIMEOUT_S is dropped (waitress alone only drops connections idle for
  channel_timeout, and a client sending one byte every few seconds is never idle).

A reverse proxy in front should still enforce its own limits (docs/operations.md).
"""
from __future__ import annotations

import logging
import time
import types
from typing import Any

from kb import limits

log = logging.getLogger("evidence_kb.server")


def server_options(host: str, port: int, threads: int) -> dict[str, Any]:
    return {
        "host": host, "port": port, "threads": threads, "ident": "evidence-kb",
        "clear_untrusted_proxy_headers": True,
        "connection_limit": limits.int_limit("CONNECTION_LIMIT"),
        "channel_timeout": limits.int_limit("IDLE_TIMEOUT_S"),
        "cleanup_interval": 1,  # how often the deadlines below are looked at
        # A little over Flask's limit, so the body of a request that is too large is never read:
        # waitress answers 413 from the Content-Length alone (and stops reading a chunked body).
        "max_request_body_size": limits.REQUEST_MAX_BYTES + 64 * 1024,
        "max_request_header_size": limits.int_limit("HEADER_MAX_BYTES"),
    }


def _accept_limited(self) -> None:
    """waitress's handle_accept, refusing an address's connection beyond its share."""
    try:
        pair = self.accept()
        if pair is None:
            return
        conn, addr = pair
        self.set_socket_options(conn)
    except OSError:
        return
    addr = self.fix_addr(addr)
    client = addr[0] if isinstance(addr, tuple) and addr else addr
    held = sum(1 for ch in list(self.active_channels.values()) if getattr(ch, "addr", None)
               and ch.addr[0] == client)
    if held >= self.per_client_connections:
        conn.close()
        now = time.monotonic()
        if now - self.last_refusal_log > 10:
            self.last_refusal_log = now
            log.warning("refusing connections from %s: it already holds %d", client, held)
        return
    self.channel_class(self, conn, addr, self.adj, map=self._map)


def _maintenance(self, now: float) -> None:
    """waitress's idle clean-up, plus a deadline for a request to arrive completely."""
    self.original_maintenance(now)
    started = self.request_started
    alive = set()
    for channel in list(self.active_channels.values()):
        partial = getattr(channel, "request", None)
        if partial is None or channel.requests:
            continue
        key = (id(channel), id(partial))
        alive.add(key)
        first = started.setdefault(key, now)
        if now - first > self.request_read_timeout:
            channel.will_close = True  # waitress closes it on its next pass
    for key in list(started):
        if key not in alive:
            del started[key]


def harden(server: Any) -> Any:
    """Add the per-client connection share and the request deadline to a waitress server."""
    server.per_client_connections = limits.int_limit("CONNECTIONS_PER_CLIENT")
    server.request_read_timeout = limits.limit("REQUEST_READ_TIMEOUT_S")
    server.request_started = {}
    server.last_refusal_log = 0.0
    server.original_maintenance = server.maintenance
    server.handle_accept = types.MethodType(_accept_limited, server)
    server.maintenance = types.MethodType(_maintenance, server)
    return server


def create(app: Any, host: str, port: int, threads: int, page_slots: int | None = None,
           page_slot_wait_s: float | None = None) -> Any:
    from waitress import create_server

    from webui.pagegate import PageGate

    slots = limits.int_limit("PAGE_SLOTS") if page_slots is None else page_slots
    if slots > 0:
        wait = limits.limit("PAGE_SLOT_WAIT_S") if page_slot_wait_s is None else page_slot_wait_s
        app = PageGate(app, slots, wait)
    return harden(create_server(app, **server_options(host, port, threads)))


def serve(app: Any, host: str, port: int, threads: int, page_slots: int | None = None) -> None:
    server = create(app, host, port, threads, page_slots)
    try:
        server.run()
    finally:
        server.close()
