"""SSRF: what tests/sources/test_fetch.py leaves out, and the refusal through the web layer.

test_fetch.py already proves refusals of loopback, private, link-local, metadata and mapped
addresses given directly, of non-http schemes, of redirects to an internal host and to file:,
and the size and time limits. Added here: redirects into the cloud-metadata address, into
private and link-local ranges and into other schemes; and a URL check through /check and
/api/check that points at a live loopback server, which must be refused (400, a clear message)
with no hit on that server.

Every socket connect is guarded: anything but loopback fails the test, so a regression can never
send traffic off the machine.
"""
from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from reliability_helpers import csrf_token
from sources.fetch import FetchError, fetch_url


class Recorder:
    """A loopback HTTP server that records every hit and answers from `routes` (path -> (status, headers, body))."""

    def __init__(self):
        self.hits: list[str] = []
        self.routes: dict[str, tuple[int, dict, bytes]] = {}
        rec = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                rec.hits.append(self.path)
                status, headers, body = rec.routes.get(self.path, (200, {"Content-Type": "text/html"}, b"<p>secret</p>"))
                self.send_response(status)
                for k, v in {**headers, "Content-Length": str(len(body)), "Connection": "close"}.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        self.hostport = f"127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str = "/") -> str:
        return f"http://{self.hostport}{path}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def loopback_only(monkeypatch):
    """Refuse (and record) any connect to an address that is not loopback."""
    attempts = []
    real_connect = socket.socket.connect

    def guarded(sock, address):
        host = address[0] if isinstance(address, tuple) else str(address)
        if not (host.startswith("127.") or host == "::1"):
            attempts.append(address)
            raise AssertionError(f"connection attempted to {address!r}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield attempts
    assert attempts == []


@pytest.fixture
def recorder():
    r = Recorder()
    yield r
    r.close()


@pytest.mark.parametrize("target, code", [
    ("http://169.254.169.254/latest/meta-data/iam/security-credentials/", "blocked_address"),
    ("http://[fd00:ec2::254]/latest/meta-data/", "blocked_address"),
    ("http://metadata.google.internal.localhost/computeMetadata/v1/", "blocked_address"),
    ("http://10.0.0.1/admin", "blocked_address"),
    ("http://192.168.0.1/", "blocked_address"),
    ("http://[fe80::1]/", "blocked_address"),
    ("http://169.254.1.1/", "blocked_address"),
    ("gopher://127.0.0.1:6379/_FLUSHALL", "bad_scheme"),
    ("ftp://internal.example/file", "bad_scheme"),
    ("dict://127.0.0.1:11211/stat", "bad_scheme"),
    ("javascript:alert(1)", "bad_scheme"),
])
def test_redirect_into_internal_targets_is_refused(loopback_only, recorder, target, code):
    recorder.routes["/go"] = (302, {"Location": target}, b"")
    with pytest.raises(FetchError) as info:
        fetch_url(recorder.url("/go"), allow_hosts=(recorder.hostport,))
    assert info.value.code == code
    assert info.value.message.endswith(".")
    assert recorder.hits == ["/go"]


@pytest.fixture
def web(real_app, monkeypatch):
    monkeypatch.delenv("EVIDENCE_KB_FETCH_ALLOW_HOSTS", raising=False)
    real_app.config["RATELIMIT_ENABLED"] = False
    client = real_app.test_client()
    yield client
    real_app.config["RATELIMIT_ENABLED"] = True


def loopback_urls(recorder: Recorder, monkeypatch) -> list[str]:
    """Addresses of the live loopback server; its port is allowed, so only the address rule can refuse."""
    import sources.netpolicy as netpolicy

    port = recorder.hostport.split(":")[1]
    monkeypatch.setattr(netpolicy, "_ALLOWED_PORTS", frozenset({80, 443, int(port)}))
    return [recorder.url("/"), f"http://localhost:{port}/", f"http://[::ffff:127.0.0.1]:{port}/", "http://127.0.0.1/",
            "http://169.254.169.254/latest/meta-data/"]


def test_check_form_refuses_a_loopback_url(loopback_only, recorder, web, monkeypatch):
    for url in loopback_urls(recorder, monkeypatch):
        token = csrf_token(web.get("/check").get_data(as_text=True))
        r = web.post("/check", data={"csrf_token": token, "url": url})
        assert r.status_code == 400, (url, r.status_code)
        assert r.mimetype == "text/html"
        html = r.get_data(as_text=True)
        assert "private or internal network address, so it cannot be fetched" in html, html[-800:]
    assert recorder.hits == []


def test_api_check_refuses_a_loopback_url(loopback_only, recorder, web, monkeypatch):
    for url in loopback_urls(recorder, monkeypatch):
        r = web.post("/api/check", json={"url": url})
        assert r.status_code == 400, (url, r.status_code)
        err = r.get_json()["error"]
        assert err["code"] == "bad_request" and "private or internal" in err["message"], err
    assert recorder.hits == []
