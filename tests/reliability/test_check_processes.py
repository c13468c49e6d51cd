"""Checks run in lower-priority worker processes under `kb serve` (webui/checkprocs.py): the same
answers as on a thread, intake errors carried back, niceness applied, and a killed worker replaced."""
from __future__ import annotations

import io
import os
import re
import signal
import time

import pytest

TEXT = ("Only trace amounts of ketamine pass into breast milk, so you can keep nursing. "
        "A single dose after a cesarean prevents postpartum depression.")


def _form_post(client, **data):
    html = client.get("/check").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    return client.post("/check", data={"csrf_token": token, **data}, content_type="multipart/form-data")


@pytest.fixture(scope="module")
def in_processes(real_engine):
    from webui import create_app
    from webui.inputs import PROCS_KEY

    app = create_app({"ENGINE": real_engine, "SECRET_KEY": "procs-tests", "RATELIMIT_ENABLED": False,
                      "WORK_IN_PROCESSES": True})
    yield app
    app.extensions[PROCS_KEY].shutdown()


def _claims(report):
    return [(s["text"], [(c["id"], c["stance"], c["verdict"]) for c in s["claims"]]) for s in report["sentences"]]


def test_a_check_in_a_worker_process_answers_as_one_on_a_thread(in_processes, real_engine):
    from webui import create_app
    from webui.inputs import PROCS_KEY

    on_thread = create_app({"ENGINE": real_engine, "SECRET_KEY": "procs-tests", "RATELIMIT_ENABLED": False})
    a = in_processes.test_client().post("/api/check", json={"text": TEXT})
    b = on_thread.test_client().post("/api/check", json={"text": TEXT})
    assert a.status_code == b.status_code == 200
    assert _claims(a.json) == _claims(b.json) and any(claims for _, claims in _claims(a.json))
    assert a.json["summary"] == b.json["summary"]
    workers = list(in_processes.extensions[PROCS_KEY]._pool()._processes.values())
    assert workers and all(p.is_alive() for p in workers)  # it really ran in a worker process
    if hasattr(os, "getpriority"):
        mine = os.getpriority(os.PRIO_PROCESS, 0)
        assert any(os.getpriority(os.PRIO_PROCESS, p.pid) >= min(mine + 10, 19) for p in workers)


def test_uploads_and_their_refusals_cross_the_process_boundary(in_processes):
    c = in_processes.test_client()
    r = _form_post(c, document=(io.BytesIO(b"Ketamine barely passes into breast milk."), "copy.md"))
    assert r.status_code == 303
    assert "/claims/milk-transfer-minimal" in c.get(r.headers["Location"]).get_data(as_text=True)
    r = _form_post(c, document=(io.BytesIO(b"MZ"), "virus.exe"))  # IntakeError raised in the worker
    assert r.status_code == 415 and ".exe files cannot be checked" in r.get_data(as_text=True)


def test_a_killed_worker_is_answered_503_and_replaced(in_processes):
    from webui.inputs import PROCS_KEY

    c = in_processes.test_client()
    assert c.post("/api/check", json={"text": TEXT}).status_code == 200
    for p in list(in_processes.extensions[PROCS_KEY]._pool()._processes.values()):
        os.kill(p.pid, signal.SIGKILL)
    time.sleep(0.5)
    r = c.post("/api/check", json={"text": TEXT})
    assert r.status_code == 503 and r.headers["Retry-After"] == "5"
    assert "stopped unexpectedly" in r.get_data(as_text=True)
    r = c.post("/api/check", json={"text": TEXT})  # new workers
    assert r.status_code == 200 and r.json["sentences"]
