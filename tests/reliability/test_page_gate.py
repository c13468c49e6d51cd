"""Pages render a few at a time (webui/pagegate.py); health checks and checks never wait in that line."""
from __future__ import annotations

import threading
import time

import requests

from reliability_helpers import serve


def test_pages_wait_in_line_but_health_and_checks_do_not(real_engine):
    from webui import create_app

    app = create_app({"ENGINE": real_engine, "SECRET_KEY": "gate-tests", "RATELIMIT_ENABLED": False})
    inside, release = threading.Event(), threading.Event()

    def slow_page():  # holds the one page slot until the test lets it go
        inside.set()
        release.wait(10)
        return "done"

    app.add_url_rule("/slow-page-for-test", view_func=slow_page)
    with serve(app, threads=6, page_slots=1, page_slot_wait_s=0.5) as base:
        held = {}
        first = threading.Thread(target=lambda: held.update(r=requests.get(base + "/slow-page-for-test", timeout=20)))
        first.start()
        try:
            assert inside.wait(10)
            t0 = time.monotonic()
            assert requests.get(base + "/healthz", timeout=5).status_code == 200
            assert time.monotonic() - t0 < 0.4  # not in the line
            r = requests.post(base + "/api/check", json={"text": "Ketamine works within hours."}, timeout=20)
            assert r.status_code == 200 and r.json()["sentences"]  # checks go to the work pool, not the line
            t0 = time.monotonic()
            r = requests.get(base + "/method", timeout=5)
            assert r.status_code == 503 and r.headers["Retry-After"] == "5" and "busy" in r.text
            assert 0.4 < time.monotonic() - t0 < 3  # it waited its turn for PAGE_SLOT_WAIT_S, then gave up
        finally:
            release.set()
            first.join(20)
        assert held["r"].status_code == 200 and held["r"].text == "done"
        assert requests.get(base + "/method", timeout=5).status_code == 200  # the slot was given back
        for _ in range(5):  # and is given back every time, errors included
            assert requests.get(base + "/claims/no-such-claim", timeout=5).status_code == 404
        assert requests.get(base + "/method", timeout=5).status_code == 200
