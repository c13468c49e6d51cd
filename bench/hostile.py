"""One hostile client for bench/load.py --hostile: issue 12's points 1-4 at once, from one address.

It runs beside the 8-client mix, from 127.0.0.2 (the normal clients each have their own loopback
address, 127.0.0.10+, as separate users would), with bounded loops only:

* docx:      Word files whose document.xml unpacks to 10 MB (a 73 KB upload that cost 78 s of CPU);
* flood:     eight threads sending 150,000-character pastes and URL checks of a slow 60 kB page at once
             (they held every waitress thread for ~140 s);
* slowloris: 110 connections that send headers and then one body byte every few seconds;
* huge body: requests declaring Content-Length 300 MB and sending it in 1 MiB chunks.

Meanwhile a prober (127.0.0.9) asks /healthz every 0.25 s and records how long each answer takes.
The hostile requests are expected to be refused (413, 503, closed connections); they are counted by
outcome, never as errors of the other clients.
"""
from __future__ import annotations

import http.server
import io
import socket
import threading
import time
import zipfile
from collections import Counter
from typing import Any

import requests
from requests.adapters import HTTPAdapter

HOSTILE_IP = "127.0.0.2"
PROBE_IP = "127.0.0.9"
PAGE_IP = "127.0.0.5"
CLAIM = "A single dose of esketamine during caesarean section prevents postpartum depression in most mothers. "


class SourceAddressAdapter(HTTPAdapter):
    """Connections from a chosen loopback address, so the server sees distinct clients."""

    def __init__(self, source_ip: str, **kwargs: Any):
        self.source_ip = source_ip
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["source_address"] = (self.source_ip, 0)
        super().init_poolmanager(*args, **kwargs)


def session_from(ip: str) -> requests.Session:
    s = requests.Session()
    adapter = SourceAddressAdapter(ip)
    s.mount("http://", adapter)
    return s


def docx_bomb(xml_bytes: int = 10_000_000) -> bytes:
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    parts = {n: src.read(n) for n in src.namelist()}
    head = parts["word/document.xml"].decode().split("<w:body>")[0] + "<w:body>"
    p = f"<w:p><w:r><w:t>{CLAIM}</w:t></w:r></w:p>"
    parts["word/document.xml"] = (head + p * (xml_bytes // len(p)) + "</w:body></w:document>").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


class SlowPage:
    """A loopback page the URL checker is allowed to fetch (EVIDENCE_KB_FETCH_ALLOW_HOSTS): 60 kB after 3 s."""

    def __init__(self) -> None:
        body = ("<html><body><article>" + "<p>" + CLAIM * 6 + "</p>" * 1 + "</article></body></html>") * 100

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                time.sleep(3)
                data = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer((PAGE_IP, 0), Handler)
        self.host = f"{PAGE_IP}:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "SlowPage":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()


class Hostile:
    def __init__(self, base: str, page_host: str | None):
        self.base, self.page_host = base, page_host
        host, port = base.rsplit("//", 1)[1].split(":")
        self.addr = (host, int(port))
        self.outcomes: Counter = Counter()
        self.lock = threading.Lock()
        self.health: list[float] = []
        self.health_failures = 0
        self.bomb = docx_bomb()

    def count(self, what: str) -> None:
        with self.lock:
            self.outcomes[what] += 1

    # -- the four attacks ------------------------------------------------------------------
    def docx_loop(self, deadline: float) -> None:
        with session_from(HOSTILE_IP) as s:
            while time.monotonic() < deadline:
                try:
                    r = s.post(self.base + "/api/check", files={"file": ("bomb.docx", self.bomb)}, timeout=60)
                    self.count(f"docx {r.status_code}")
                except requests.RequestException as exc:
                    self.count(f"docx {type(exc).__name__}")
                time.sleep(0.2)

    def flood_loop(self, deadline: float, n: int) -> None:
        paste = CLAIM * 1500  # ~150,000 characters
        with session_from(HOSTILE_IP) as s:
            while time.monotonic() < deadline:
                body = {"url": f"http://{self.page_host}/page"} if (self.page_host and n % 2) else {"text": paste}
                kind = "url" if "url" in body else "paste"
                try:
                    r = s.post(self.base + "/api/check", json=body, timeout=60)
                    self.count(f"{kind} {r.status_code}")
                except requests.RequestException as exc:
                    self.count(f"{kind} {type(exc).__name__}")
                time.sleep(0.1)

    def _open_slow(self) -> socket.socket | None:
        try:
            s = socket.socket()
            s.bind((HOSTILE_IP, 0))
            s.settimeout(2)
            s.connect(self.addr)
            s.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 100000\r\n\r\n")
            return s
        except OSError:
            self.count("slowloris connection refused or reset")
            return None

    def slowloris(self, deadline: float, connections: int = 110) -> None:
        socks: list[socket.socket] = []
        while time.monotonic() < deadline:
            while len(socks) < connections and time.monotonic() < deadline:  # (re)open up to the target
                s = self._open_slow()
                if s is not None:
                    socks.append(s)
                    self.count("slowloris opened")
            for s in list(socks):  # one body byte each: never idle, never complete
                try:
                    s.sendall(b"a")
                except OSError:
                    socks.remove(s)
                    s.close()
                    self.count("slowloris closed by server")
            time.sleep(3)
        for s in socks:
            s.close()

    def huge_body_loop(self, deadline: float) -> None:
        chunk = b"a" * (1 << 20)
        while time.monotonic() < deadline:
            sent = 0
            try:
                with socket.socket() as s:
                    s.bind((HOSTILE_IP, 0))
                    s.settimeout(10)
                    s.connect(self.addr)
                    s.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                              b"Content-Length: 300000000\r\n\r\n")
                    while sent < 300_000_000 and time.monotonic() < deadline:
                        s.sendall(chunk)
                        sent += len(chunk)
                    answer = s.recv(40)
                    self.count(f"huge body answered {answer[:12]!r} after {sent >> 20} MiB")
            except OSError:
                self.count(f"huge body cut off after {sent >> 20} MiB")
            time.sleep(0.5)

    def probe_health(self, deadline: float) -> None:
        with session_from(PROBE_IP) as s:
            while time.monotonic() < deadline:
                t0 = time.perf_counter()
                try:
                    ok = s.get(self.base + "/healthz", timeout=10).status_code == 200
                except requests.RequestException:
                    ok = False
                dt = time.perf_counter() - t0
                with self.lock:
                    self.health.append(dt)
                    self.health_failures += not ok
                time.sleep(0.25)

    def run(self, deadline: float) -> list[threading.Thread]:
        jobs = [(self.docx_loop, (deadline,)), (self.slowloris, (deadline,)), (self.huge_body_loop, (deadline,)),
                (self.probe_health, (deadline,))] + [(self.flood_loop, (deadline, i)) for i in range(8)]
        threads = [threading.Thread(target=fn, args=args, daemon=True, name=f"hostile-{fn.__name__}")
                   for fn, args in jobs]
        for t in threads:
            t.start()
        return threads

    def summary(self) -> dict[str, Any]:
        h = sorted(self.health)
        return {"healthz_probes": len(h), "healthz_failures": self.health_failures,
                "healthz_max_ms": round(h[-1] * 1000, 1) if h else None,
                "healthz_p95_ms": round(h[min(len(h) - 1, int(0.95 * len(h)))] * 1000, 1) if h else None,
                "hostile_outcomes": dict(sorted(self.outcomes.items()))}
