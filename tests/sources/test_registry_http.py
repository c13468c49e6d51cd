"""The polite session: retries and back-off, Retry-After, timeouts, offline, rate limiting, cache."""
from __future__ import annotations

import threading

import pytest
import requests

from sources.http import (NetworkUnreachable, PoliteSession, RateLimited, RateLimiter, ServerError, cache_setting,
                          retry_after_seconds)
from sources.pubmed import PubmedClient

from registry_testutil import EFETCH, fixture_bytes, isolated, mocked, sleeps  # noqa: F401 (fixtures)

URL = "https://registry.invalid/item"


def session(**kw) -> PoliteSession:
    return PoliteSession("Test registry", rate=1000, cache=None, **kw)


def test_429_then_success_honours_retry_after(mocked, sleeps):
    mocked.get(URL, status=429, headers={"Retry-After": "7"})
    mocked.get(URL, body="fine")
    response = session().get(URL)
    assert response.text == "fine" and len(mocked.calls) == 2
    assert 7.0 in sleeps  # asked to pause exactly what the server said


def test_5xx_is_retried_with_exponential_backoff(mocked, sleeps):
    for _ in range(3):
        mocked.get(URL, status=503)
    mocked.get(URL, body="fine")
    assert session(backoff_base=1.0).get(URL).text == "fine"
    assert [s for s in sleeps if s >= 1] == [1.0, 2.0, 4.0]


def test_429_on_every_attempt_is_rate_limited_after_capped_retries(mocked, sleeps):
    mocked.get(URL, status=429)
    with pytest.raises(RateLimited, match=r"still rate limiting us \(HTTP 429\) after 5 attempts"):
        session(max_retries=4).get(URL)
    assert len(mocked.calls) == 5


def test_too_long_retry_after_fails_fast(mocked, sleeps):
    mocked.get(URL, status=429, headers={"Retry-After": "3600"})
    with pytest.raises(RateLimited, match="asks to wait 3600 s"):
        session().get(URL)
    assert len(mocked.calls) == 1


def test_server_error_after_retries(mocked, sleeps):
    mocked.get(URL, status=502)
    with pytest.raises(ServerError, match="HTTP 502 on all 3 attempts"):
        session(max_retries=2).get(URL)


def test_404_is_returned_not_retried(mocked, sleeps):
    mocked.get(URL, status=404)
    assert session().get(URL).status_code == 404 and len(mocked.calls) == 1


def test_timeout_on_every_attempt_is_a_clear_message(mocked, sleeps):
    mocked.get(URL, body=requests.exceptions.ReadTimeout("read timed out"))
    with pytest.raises(NetworkUnreachable, match=r"timed out \(ReadTimeout; limits 5 s to connect, 60 s to read\)"):
        session().get(URL)
    assert len(mocked.calls) == 5


def test_connection_error_then_success(mocked, sleeps):
    mocked.get(URL, body=requests.exceptions.ConnectionError("No route to host"))
    mocked.get(URL, body="back")
    assert session().get(URL).text == "back"


def test_default_timeouts_are_passed(mocked):
    mocked.get(URL, body="x")
    session().get(URL)
    assert mocked.calls[0].request.req_kwargs["timeout"] == (5, 60)


def test_retry_after_http_date():
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == pytest.approx(10.0)
    assert retry_after_seconds("garbage") is None and retry_after_seconds(None) is None


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.stamps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_rate_limiter_spaces_calls_evenly():
    clock = FakeClock()
    limiter = RateLimiter(3, clock=clock, sleep=clock.sleep)
    for _ in range(7):
        limiter.wait()
        clock.stamps.append(clock.now)
    gaps = [b - a for a, b in zip(clock.stamps, clock.stamps[1:])]
    assert gaps == pytest.approx([1 / 3] * 6)
    assert clock.stamps[-1] - clock.stamps[0] == pytest.approx(2.0)  # 7 calls take 2 s at 3/s


def test_rate_limiter_does_not_wait_after_a_pause():
    clock = FakeClock()
    limiter = RateLimiter(9, clock=clock, sleep=clock.sleep)
    limiter.wait()
    clock.now += 5
    before = clock.now
    limiter.wait()
    assert clock.now == before


def test_rate_limiter_is_thread_safe():
    clock, lock = FakeClock(), threading.Lock()

    def sleep(seconds):
        with lock:
            clock.now += seconds

    limiter = RateLimiter(10, clock=clock, sleep=sleep)
    stamps: list[float] = []

    def worker():
        for _ in range(5):
            limiter.wait()
            stamps.append(clock.now)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stamps.sort()
    assert len(stamps) == 20
    assert min(b - a for a, b in zip(stamps, stamps[1:])) == pytest.approx(0.1)


def test_cache_hit_on_second_call_makes_no_second_request(mocked, tmp_path, monkeypatch):
    monkeypatch.setenv("EVIDENCE_KB_HTTP_CACHE", str(tmp_path / "cache" / "http.sqlite"))
    mocked.post(EFETCH, body=fixture_bytes("efetch_set.xml"), content_type="text/xml")
    first = PubmedClient().fetch(["99000001"])
    second = PubmedClient().fetch(["99000001"])  # a new client, as on a second run
    assert len(mocked.calls) == 1
    assert second.records["99000001"] == first.records["99000001"]
    assert (tmp_path / "cache" / "http.sqlite").is_file()


def test_cache_key_ignores_the_email_and_stores_no_api_key(mocked, monkeypatch):
    monkeypatch.setenv("EVIDENCE_KB_HTTP_CACHE", "memory")
    mocked.post(EFETCH, body=fixture_bytes("efetch_set.xml"), content_type="text/xml")
    client = PubmedClient(email="one@example.org", api_key="secret-key")
    client.fetch(["99000001"])
    client.email = "two@example.org"
    client.fetch(["99000001"])
    assert len(mocked.calls) == 1
    stored = list(client.session.session.cache.responses.values())[0]
    assert b"secret-key" not in stored.request.body and b"one@example.org" not in stored.request.body


def test_malformed_answer_is_not_served_from_cache_again(mocked, monkeypatch):
    monkeypatch.setenv("EVIDENCE_KB_HTTP_CACHE", "memory")
    mocked.post(EFETCH, body=fixture_bytes("efetch_truncated.xml"), content_type="text/xml")
    client = PubmedClient()
    for _ in range(2):
        with pytest.raises(Exception, match="malformed XML"):
            client.fetch(["99000001"])
    assert len(mocked.calls) == 2


def test_cache_setting_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("EVIDENCE_KB_HTTP_CACHE", "off")
    assert cache_setting() is None
    monkeypatch.setenv("EVIDENCE_KB_HTTP_CACHE", str(tmp_path / "c.sqlite"))
    assert cache_setting() == tmp_path / "c.sqlite"
    monkeypatch.delenv("EVIDENCE_KB_HTTP_CACHE")
    assert str(cache_setting()).endswith("http-cache.sqlite")


def test_offline_message_names_the_reason(mocked, sleeps):
    mocked.get(URL, body=requests.exceptions.ConnectionError(
        "HTTPSConnectionPool(host='registry.invalid', port=443): Max retries exceeded (Caused by NameResolutionError(...))"))
    with pytest.raises(NetworkUnreachable) as info:
        session().get(URL)
    assert str(info.value) == ("Test registry is unreachable: could not connect (the host name does not resolve) "
                               "on all 5 attempts (are you offline?)")
    assert [s for s in sleeps if s >= 0.5] == [1.0, 2.0, 4.0, 8.0]  # back-off (not rate-limit pauses)
