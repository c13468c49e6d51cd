"""Checks run in lower-priority worker processes under `kb serve` (webui/checkprocs.py): the same
answers as on a thread, intake errors carried back, niceness applied, and a killed worker replaced."""
from __future__ import annotations

import io
import os
import re
import signal
import time
from pathlib import Path

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


def test_workers_end_when_the_server_is_killed(tmp_path):
    """`kb serve` killed with SIGKILL (no clean-up at all): its check workers do not outlive it."""
    import subprocess
    import sys

    import requests

    repo = Path(__file__).resolve().parents[2]
    port = _free_port()
    env = {**os.environ, "EVIDENCE_KB_INDEX_DIR": str(tmp_path / "index"), "EVIDENCE_KB_DB": str(tmp_path / "db.sqlite3")}
    server = subprocess.Popen([sys.executable, "-m", "kb.cli", "serve", "--port", str(port)], cwd=repo, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if requests.get(base + "/healthz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.5)
        assert requests.post(base + "/api/check", json={"text": TEXT}, timeout=60).status_code == 200
        workers = _children(server.pid)
        assert workers  # the check ran in worker processes
    finally:
        server.kill()
        server.wait(10)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.25)
    assert not any(_alive(pid) for pid in workers)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
