"""Issue 12, points 2, 3, 4, 7: the bounded work pool, waitress's connection and request limits, bodies refused
by Content-Length, one check-rate budget per client. Real waitress on loopback (webui/server.py), real app.

A slow check is made by injecting a pause into the engine's check (failure injection); everything else is real.
"""
from __future__ import annotations

import socket
import threading
import time

import pytest
import requests

from reliability_helpers import csrf_token, serve
from webui.workpool import PoolBusy, PoolTimeout, WorkPool

CLAIM = "Ketamine is safe while breastfeeding."


# --------------------------------------------------------------------------- point 2: the pool itself


def test_pool_gives_each_client_its_share_and_refuses_when_full():
    pool = WorkPool(workers=1, queue=1, per_client=1, deadline=5)
    release = threading.Event()
    results = []
    first = threading.Thread(target=lambda: results.append(pool.run("a", release.wait)))
    first.start()
    time.sleep(0.1)
    with pytest.raises(PoolBusy, match="already have a check running"):
        pool.run("a", lambda: None)  # the same client: its share is taken
    second = threading.Thread(target=lambda: results.append(pool.run("b", lambda: "b done")))
    second.start()  # waits in the queue behind "a"
    time.sleep(0.1)
    with pytest.raises(PoolBusy, match="busy"):
        pool.run("c", lambda: None)  # 1 running + 1 waiting: full
    release.set()
    first.join(5), second.join(5)
    assert sorted(map(str, results)) == ["True", "b done"]
    assert pool.stats()["in_flight"] == 0


def test_pool_deadline_frees_the_request_thread_but_keeps_the_bound():
    pool = WorkPool(workers=1, queue=0, per_client=1, deadline=0.2)
    release = threading.Event()
    started = time.monotonic()
    with pytest.raises(PoolTimeout):
        pool.run("a", release.wait)
    assert time.monotonic() - started < 2
    with pytest.raises(PoolBusy):  # the abandoned job still holds its worker and its client's share
        pool.run("b", lambda: None)
    release.set()
    time.sleep(0.2)
    assert pool.run("b", lambda: "ok") == "ok"


# --------------------------------------------------------------------------- point 2: through the server


@pytest.fixture
def slow_server(real_engine, monkeypatch):
    """The real app and server, with a check that waits for the test to release it."""
    from webui import create_app

    release = threading.Event()
    original = real_engine.check

    def slow_check(text, source="text", **kwargs):
        release.wait(20)
        return original(text, source=source, **kwargs)

    monkeypatch.setattr(real_engine, "check", slow_check)
    app = create_app({"ENGINE": real_engine, "SECRET_KEY": "slow", "CHECK_RATE_LIMIT": "1000/minute",
                      "WORK_POOL_WORKERS": 2, "WORK_POOL_QUEUE": 2, "WORK_PER_CLIENT": 1})
    with serve(app, threads=8) as base:
        yield base, release
    release.set()


def test_one_client_cannot_take_every_thread_and_health_keeps_answering(slow_server):
    base, release = slow_server
    codes: list[int] = []

    def post():
        codes.append(requests.post(base + "/api/check", json={"text": CLAIM}, timeout=30).status_code)

    clients = [threading.Thread(target=post) for _ in range(8)]  # one client, eight concurrent checks
    for t in clients:
        t.start()
    time.sleep(0.5)
    for _ in range(5):  # all the while, pages and health answer at once
        started = time.monotonic()
        assert requests.get(base + "/healthz", timeout=5).status_code == 200
        assert requests.get(base + "/search?q=ketamine", timeout=5).status_code == 200
        assert time.monotonic() - started < 2
    release.set()
    for t in clients:
        t.join(30)
    assert codes.count(200) == 1 and codes.count(503) == 7, codes


def test_busy_answer_has_retry_after_and_a_reason(slow_server):
    base, release = slow_server
    first = threading.Thread(target=lambda: requests.post(base + "/api/check", json={"text": CLAIM}, timeout=30))
    first.start()
    time.sleep(0.3)
    r = requests.post(base + "/api/check", json={"text": CLAIM}, timeout=10)
    release.set()
    first.join(30)
    assert r.status_code == 503 and int(r.headers["Retry-After"]) > 0
    assert "already have a check running" in r.json()["error"]["message"]


# --------------------------------------------------------------------------- points 3 and 4: waitress


def raw_request(base: str, data: bytes, wait: float = 5.0) -> bytes:
    host, port = base.rsplit("//", 1)[1].split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as s:
        s.sendall(data)
        return s.recv(200)


def test_too_large_body_is_refused_by_content_length_before_it_is_sent(real_server):
    started = time.monotonic()
    head = (b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 300000000\r\n\r\n")
    answer = raw_request(real_server, head)  # no body sent at all: the answer comes from the headers
    assert answer.startswith(b"HTTP/1.1 413"), answer
    assert time.monotonic() - started < 5


def test_one_client_cannot_use_up_the_connection_limit(real_app, monkeypatch):
    from kb import limits
    from webui import server as server_module

    monkeypatch.setitem(limits.BY_NAME, "CONNECTIONS_PER_CLIENT",
                        limits.Limit("CONNECTIONS_PER_CLIENT", 5, "connections", "test"))
    with serve(real_app) as base:
        port = int(base.rsplit(":", 1)[1])
        hogs = [socket.create_connection(("127.0.0.1", port)) for _ in range(12)]
        time.sleep(0.5)
        closed = 0
        for s in hogs:
            s.settimeout(0.5)
            try:
                closed += s.recv(1) == b""
            except socket.timeout:
                pass
        assert closed >= 6  # connections beyond the share were closed at once
        other = socket.socket()
        other.bind(("127.0.0.2", 0))  # another client address on loopback
        other.settimeout(5)
        other.connect(("127.0.0.1", port))
        other.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert other.recv(20).startswith(b"HTTP/1.1 200")
        for s in hogs + [other]:
            s.close()
    assert server_module  # imported for the limits it reads


def test_slow_sender_is_cut_off_at_the_request_deadline(real_app, monkeypatch):
    from kb import limits

    monkeypatch.setitem(limits.BY_NAME, "REQUEST_READ_TIMEOUT_S",
                        limits.Limit("REQUEST_READ_TIMEOUT_S", 1.0, "seconds", "test"))
    with serve(real_app) as base:
        port = int(base.rsplit(":", 1)[1])
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n")
        started = time.monotonic()
        try:
            while time.monotonic() - started < 8:  # a byte every 0.3 s: never idle, never done
                s.sendall(b"a")
                time.sleep(0.3)
            cut = False
        except OSError:
            cut = True
        s.close()
        assert cut and time.monotonic() - started < 6


# --------------------------------------------------------------------------- point 7: one check budget


def test_check_rate_limit_is_shared_by_the_form_and_the_api(real_engine):
    from webui import create_app

    app = create_app({"ENGINE": real_engine, "SECRET_KEY": "rate", "CHECK_RATE_LIMIT": "3/minute"})
    with serve(app) as base:
        for _ in range(3):
            assert requests.post(base + "/api/check", json={"text": CLAIM}, timeout=30).status_code == 200
        s = requests.Session()
        token = csrf_token(s.get(base + "/check", timeout=30).text)
        r = s.post(base + "/check", data={"csrf_token": token, "text": CLAIM}, timeout=30, allow_redirects=False)
        assert r.status_code == 429, r.status_code  # the fourth check, through the other door
        assert int(r.headers["Retry-After"]) > 0
