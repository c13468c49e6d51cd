"""A record broken on disk while the server runs: named by `kb validate`, logged, and never served.

A real waitress server on loopback over a copy of the KB, with the engine's auto refresh on (a
short interval so the test is quick). Breaking a record must not change a single answer; fixing
it must bring the new content in without a restart.
"""
from __future__ import annotations

import logging
import re
import time

import pytest
import requests

from reliability_helpers import copy_kb, serve

CLAIM = "milk-transfer-minimal"
QUERY = {"q": "ketamine breast milk"}
PHRASE = "zanzibarine"  # a word no record has


@pytest.fixture
def live(tmp_path, real_kb_dir):
    from indexer.engine import Engine
    from webui import create_app

    kb = copy_kb(real_kb_dir, tmp_path / "kb")
    engine = Engine(kb, tmp_path / "index", auto_refresh=True, refresh_interval=0.2)
    engine.snapshot()
    app = create_app({"ENGINE": engine, "RATELIMIT_ENABLED": False, "SECRET_KEY": "broken-record"})
    with serve(app) as base:
        yield {"base": base, "kb": kb, "engine": engine}


def search(base: str, **params) -> dict:
    r = requests.get(base + "/api/search", params=params, timeout=30)
    assert r.status_code == 200, r.text[:300]
    return r.json()


def wait_for(predicate, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_broken_record_is_named_logged_and_not_served(live, caplog, capsys):
    from kb.cli import main

    base, kb, engine = live["base"], live["kb"], live["engine"]
    before = search(base, **QUERY)
    health = requests.get(base + "/healthz", timeout=30).json()
    path = kb / "claims" / f"{CLAIM}.yaml"
    good = path.read_text(encoding="utf-8")

    # Break it: a bad YAML line in the middle of the record.
    lines = good.splitlines()
    lines.insert(5, "verdict: [supported, {unclosed")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    assert main(["--kb-dir", str(kb), "validate"]) == 1
    err = capsys.readouterr().err
    assert re.search(rf"claims/{CLAIM}\.yaml:\d+:", err), err

    caplog.set_level(logging.INFO, logger="evidence_kb.engine")
    deadline = time.monotonic() + 2.0  # ten refresh intervals: the engine notices and tries to rebuild
    while time.monotonic() < deadline:
        assert search(base, **QUERY) == before
        assert requests.get(base + f"/claims/{CLAIM}", timeout=30).status_code == 200
    engine.wait_for_rebuild(30)
    assert search(base, **QUERY) == before
    broken = requests.get(base + "/healthz", timeout=30).json()
    assert (broken["kb_fingerprint"], broken["index"]) == (health["kb_fingerprint"], health["index"])
    assert "do not validate" in broken["index_state"]["records"]  # health says so; the log has the details
    wait_for(lambda: any("does not validate" in r.getMessage() for r in caplog.records))
    problems = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any(f"{CLAIM}.yaml" in m for m in problems), problems
    # Validated (and logged) once, not on every refresh while the files stay as they are.
    time.sleep(1.0)
    assert sum("does not validate" in r.getMessage() for r in caplog.records) == 1

    # Fix it, with new content: the new content is served without a restart.
    path.write_text(good.replace("bottom_line: >-\n", f"bottom_line: >-\n  {PHRASE.capitalize()} marker.\n", 1),
                    encoding="utf-8")
    found = wait_for(lambda: [h["id"] for h in search(base, q=PHRASE)["results"]])
    assert found == [CLAIM]
    assert PHRASE.capitalize() in requests.get(base + f"/api/claims/{CLAIM}", timeout=30).json()["bottom_line"]
    after = requests.get(base + "/healthz", timeout=30).json()
    assert after["kb_fingerprint"] != health["kb_fingerprint"]
    assert after["index"]["build"] != health["index"]["build"]
    assert after["index"]["documents"] == health["index"]["documents"] == health["claims"] + health["studies"]
