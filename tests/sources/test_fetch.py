"""fetch_url against real HTTP servers on loopback (127.0.0.1 / 127.0.0.2) only.

127.0.0.1 is made "public" for a test by the allow list; 127.0.0.2 plays an internal
host that must never be reached (its server records every hit).
"""

from __future__ import annotations

import functools
import gzip
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import urllib3.util.connection

from sources import fetch, netpolicy
from sources.fetch import FetchError, FetchedPage, allow_hosts_from_env, fetch_url

HTML = b"<!doctype html><title>Clinic</title><h1>Depression relief in 24 hours</h1>"


# --------------------------------------------------------------------------- local servers


class LocalServer:
    """A threaded HTTP/1.1 server on a loopback address; routes map path -> handler fn."""

    def __init__(self, host: str = "127.0.0.1"):
        self.routes = {}
        self.hits: list[str] = []
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802
                server.hits.append(self.path)
                self.close_connection = True
                route = server.routes.get(self.path.split("?", 1)[0])
                try:
                    if route is None:
                        send(self, b"not here", status=404, ctype="text/plain")
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def hostport(self) -> str:
        return f"{self.httpd.server_address[0]}:{self.port}"

    def url(self, path: str = "/") -> str:
        return f"http://{self.hostport}{path}"

    def close(self):
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def send(h, body: bytes, *, status=200, ctype="text/html; charset=utf-8", headers=()):
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    h.send_header("Connection", "close")
    for key, value in headers:
        h.send_header(key, value)
    h.end_headers()
    h.wfile.write(body)


def send_head(h, **headers):
    """Send a 200 status line and headers (Content-Type text/html unless given)."""
    h.send_response(200)
    headers.setdefault("Content_Type", "text/html")
    for key, value in headers.items():
        h.send_header(key.replace("_", "-"), value)
    h.end_headers()


def page(body=HTML, **kw):
    return lambda h: send(h, body, **kw)


def redirect(location: str, status: int = 302):
    return lambda h: send(h, b"", status=status, headers=[("Location", location)])


@pytest.fixture
def server():
    s = LocalServer("127.0.0.1")
    yield s
    s.close()


@pytest.fixture
def internal():
    """Stands for an internal host; any hit on it is a failed test."""
    s = LocalServer("127.0.0.2")
    s.routes["/"] = s.routes["/secret"] = page(b"internal secret", ctype="text/plain")
    yield s
    s.close()


@pytest.fixture
def allow(server):
    return (server.hostport,)


@pytest.fixture
def no_connect(monkeypatch):
    """Fail the test if any TCP connection is attempted."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"connection attempted: {args!r}")

    monkeypatch.setattr(urllib3.util.connection, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    yield attempts
    assert attempts == []


def fetch_error(url, **kw) -> FetchError:
    with pytest.raises(FetchError) as info:
        fetch_url(url, **kw)
    err = info.value
    assert err.message == str(err)
    assert err.message.endswith(".")
    assert "Traceback" not in err.message and "Pool" not in err.message
    return err


# --------------------------------------------------------------------------- refused before connecting


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost/",
        "http://LocalHost./admin",
        "http://api.localhost/",
        "http://[::1]/",
        "http://0.0.0.0/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://0177.0.0.1/",
        "http://127.1/",
        "http://169.254.169.254/latest/meta-data/",
        "https://10.0.0.5/",
        "http://172.16.3.4/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "http://[fe80::1]/",
        "http://[fd00::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[64:ff9b::a9fe:a9fe]/",
        "http://[2002:7f00:1::]/",
    ],
)
def test_internal_addresses_refused_before_connecting(url, no_connect):
    err = fetch_error(url)
    assert err.code == "blocked_address"
    assert "private or internal" in err.message


def test_any_internal_address_among_several_is_refused(monkeypatch, no_connect):
    public = netpolicy.ipaddress.ip_address("93.184.216.34")
    private = netpolicy.ipaddress.ip_address("10.1.2.3")
    monkeypatch.setattr(netpolicy, "_resolve", lambda host, port: [public, private])
    assert fetch_error("https://mixed.example.com/").code == "blocked_address"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "gopher://127.0.0.1:70/_GET",
        "ftp://example.com/file.txt",
        "javascript:alert(1)",
        "example.com/page",
    ],
)
def test_non_http_schemes_refused(url, no_connect):
    err = fetch_error(url)
    assert err.code == "bad_scheme"
    assert "http://" in err.message


@pytest.mark.parametrize(
    "url",
    ["http://user:pass@example.com/", "http://user@127.0.0.1/", "http://example.com@10.0.0.1/"],
)
def test_userinfo_refused(url, no_connect):
    err = fetch_error(url)
    assert err.code == "bad_url"
    assert "user name or password" in err.message


def test_non_standard_port_refused(server, no_connect):
    assert fetch_error("http://example.com:22/").code == "blocked_port"
    assert fetch_error(server.url()).code == "blocked_port"
    assert server.hits == []


def test_unresolvable_host_has_clear_message_and_no_dns(monkeypatch):
    lookups = []
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: lookups.append(a) or [])
    err = fetch_error("https://no-such-clinic.invalid/landing")
    assert err.code == "unresolvable"
    assert "could not be found" in err.message
    assert lookups == []


def test_resolver_failure_is_unresolvable(monkeypatch):
    def fail(host, port):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(netpolicy, "_resolve", fail)
    assert fetch_error("https://nxdomain.example.com/").code == "unresolvable"


# --------------------------------------------------------------------------- allow list and success


def test_allow_listed_host_is_fetched(server, allow):
    server.routes["/"] = page()
    got = fetch_url(server.url("/#frag"), allow_hosts=allow)
    assert isinstance(got, FetchedPage)
    assert got.status == 200
    assert got.body == HTML
    assert got.content_type == "text/html"
    assert got.charset == "utf-8"
    assert got.url == server.url("/#frag")
    assert got.final_url == server.url("/")
    assert server.hits == ["/"]


def test_allow_list_host_without_port_allows_any_port(server):
    server.routes["/"] = page(b"plain words", ctype="text/plain")
    got = fetch_url(server.url(), allow_hosts="127.0.0.1")
    assert (got.content_type, got.charset, got.body) == ("text/plain", None, b"plain words")


def test_allow_list_entry_for_another_port_does_not_allow(server):
    err = fetch_error(server.url(), allow_hosts=(f"127.0.0.1:{server.port + 1}",))
    assert err.code == "blocked_port"
    assert server.hits == []


def test_allow_hosts_from_env(monkeypatch):
    monkeypatch.setenv(fetch.ALLOW_HOSTS_ENV, " 127.0.0.1:8080, intranet.example ,, ")
    assert allow_hosts_from_env() == ("127.0.0.1:8080", "intranet.example")
    assert allow_hosts_from_env({}) == ()


def test_gzip_page_is_decoded(server, allow):
    server.routes["/"] = page(gzip.compress(HTML), headers=[("Content-Encoding", "gzip")])
    assert fetch_url(server.url(), allow_hosts=allow).body == HTML


# --------------------------------------------------------------------------- redirects


def test_redirects_are_followed_up_to_five(server, allow):
    for i in range(1, 6):
        server.routes[f"/r{i}"] = redirect(f"/r{i + 1}" if i < 5 else "/final", 301 + i % 3)
    server.routes["/final"] = page()
    got = fetch_url(server.url("/r1"), allow_hosts=allow)
    assert got.final_url == server.url("/final")
    assert len(server.hits) == 6


def test_redirect_loop_stops_after_five_hops(server, allow):
    server.routes["/loop"] = redirect("/loop")
    err = fetch_error(server.url("/loop"), allow_hosts=allow)
    assert err.code == "too_many_redirects"
    assert "more than 5 times" in err.message
    assert len(server.hits) == 6  # the first request plus 5 redirects


def test_redirect_to_internal_address_is_refused(server, internal, allow, monkeypatch):
    # Let the internal server's port pass the port rule, so the address check is what stops it.
    monkeypatch.setattr(netpolicy, "_ALLOWED_PORTS", frozenset({80, 443, internal.port}))
    for path, target in [("/", internal.url("/secret")), ("/l", f"http://localhost:{internal.port}/")]:
        server.routes[path] = redirect(target)
        err = fetch_error(server.url(path), allow_hosts=allow)
        assert err.code == "blocked_address"
    assert internal.hits == []
    assert server.hits == ["/", "/l"]


def test_connection_is_pinned_to_checked_address(server, internal, allow, monkeypatch):
    """If the pre-check were fooled (DNS rebinding), requests-hardened still refuses."""
    monkeypatch.setattr(netpolicy, "_ALLOWED_PORTS", frozenset({80, 443, internal.port}))
    monkeypatch.setattr(netpolicy, "_check_address", lambda host, port: None)
    server.routes["/"] = redirect(internal.url("/secret"))
    assert fetch_error(server.url(), allow_hosts=allow).code == "blocked_address"
    assert internal.hits == []


def test_redirect_to_file_scheme_is_refused(server, allow):
    server.routes["/"] = redirect("file:///etc/passwd")
    assert fetch_error(server.url(), allow_hosts=allow).code == "bad_scheme"


def test_environment_proxy_is_ignored(server, internal, allow, monkeypatch):
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, internal.url())
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    server.routes["/"] = page()
    assert fetch_url(server.url(), allow_hosts=allow).body == HTML
    assert internal.hits == []


# --------------------------------------------------------------------------- responses refused


def test_http_error_status(server, allow):
    err = fetch_error(server.url("/missing"), allow_hosts=allow)
    assert err.code == "http_error"
    assert "HTTP 404" in err.message


@pytest.mark.parametrize("ctype", ["application/pdf", "image/png", ""])
def test_content_type_not_a_page_refused(server, allow, ctype):
    server.routes["/doc"] = page(b"%PDF-1.7 ...", ctype=ctype)
    err = fetch_error(server.url("/doc"), allow_hosts=allow)
    assert err.code == "bad_content_type"
    assert "upload the file or paste the text" in err.message


def test_oversized_content_length_refused_up_front(server, allow):
    def handler(h):
        send_head(h, Content_Length="10000000")
        h.wfile.write(b"<p>x</p>")
        server.stop.wait(5)  # reading the body would hit the timeout instead

    server.routes["/"] = handler
    start = time.monotonic()
    err = fetch_error(server.url(), allow_hosts=allow, max_bytes=1_000_000, timeout=(1, 1))
    assert err.code == "too_large"
    assert time.monotonic() - start < 0.9


def test_oversized_chunked_body_stops_at_cap(server, allow):
    sent = []

    def handler(h):
        send_head(h, Transfer_Encoding="chunked")
        chunk = b"a" * 65536
        for _ in range(64):  # 4 MiB unless the client hangs up
            h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent.append(len(chunk))
        h.wfile.write(b"0\r\n\r\n")

    server.routes["/"] = handler
    err = fetch_error(server.url(), allow_hosts=allow, max_bytes=1_000_000)
    assert err.code == "too_large"
    assert "1,000 KB" in err.message


@functools.lru_cache(maxsize=1)
def gzip_bomb() -> bytes:
    return gzip.compress(b"\0" * 40_000_000, compresslevel=9)  # ~40 KB on the wire


def test_gzip_bomb_stops_at_cap(server, allow):
    bomb = gzip_bomb()
    assert len(bomb) < 100_000
    server.routes["/"] = page(bomb, headers=[("Content-Encoding", "gzip")])
    err = fetch_error(server.url(), allow_hosts=allow, max_bytes=1_000_000)
    assert err.code == "too_large"


def test_stalled_server_hits_read_timeout(server, allow):
    def handler(h):
        send_head(h, Content_Length="1000")
        h.wfile.write(b"<p>start")
        h.wfile.flush()
        server.stop.wait(5)

    server.routes["/"] = handler
    start = time.monotonic()
    err = fetch_error(server.url(), allow_hosts=allow, timeout=(1, 0.5), deadline=5)
    assert err.code == "timeout"
    assert "stopped sending" in err.message
    assert time.monotonic() - start < 2


def test_server_that_never_answers_hits_read_timeout(server, allow):
    server.routes["/"] = lambda h: server.stop.wait(5)
    start = time.monotonic()
    err = fetch_error(server.url(), allow_hosts=allow, timeout=(1, 0.5), deadline=5)
    assert err.code == "timeout"
    assert time.monotonic() - start < 2


def test_slow_drip_hits_overall_deadline(server, allow):
    def handler(h):
        send_head(h, Content_Length="100")
        for _ in range(100):  # one byte every 0.1 s: never idle long enough for the read timeout
            h.wfile.write(b"x")
            h.wfile.flush()
            if server.stop.wait(0.1):
                return

    server.routes["/"] = handler
    start = time.monotonic()
    err = fetch_error(server.url(), allow_hosts=allow, timeout=(1, 1), deadline=1.0)
    elapsed = time.monotonic() - start
    assert err.code == "timeout"
    assert "longer than 1 second to download" in err.message
    assert 0.9 <= elapsed < 1.8


def test_truncated_body_is_connection_failed(server, allow):
    def handler(h):
        send_head(h, Content_Length="1000")
        h.wfile.write(b"<p>cut short")

    server.routes["/"] = handler
    assert fetch_error(server.url(), allow_hosts=allow).code == "connection_failed"


def test_connection_refused(allow):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    err = fetch_error(f"http://127.0.0.1:{port}/", allow_hosts=(f"127.0.0.1:{port}",))
    assert err.code == "connection_failed"
    assert "Could not connect" in err.message
