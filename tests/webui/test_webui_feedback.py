"""Report a problem: the form (CSRF, bounds, rate limit), its JSON twin, and `kb feedback list|show|close`.

Real SQLite on a temporary file, the real Flask test client with Flask-Limiter switched on, and the real
`kb` command line (in-process, and once as a subprocess).
"""
from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kb.cli import main as kb_main
from webui import create_app

_addresses = (f"203.0.113.{i}" for i in itertools.count(1))  # one client address per test: limits do not leak


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "kb.sqlite3"


@pytest.fixture
def client(db_path, engine):
    app = create_app({"TESTING": True, "ENGINE": engine, "RATELIMIT_ENABLED": True, "SECRET_KEY": "s",
                      "DATABASE": db_path, "FEEDBACK_RATE_LIMIT": "5/hour"})
    c = app.test_client()
    c.environ_base["REMOTE_ADDR"] = next(_addresses)
    return c


def csrf_token(client, path) -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def send(client, query="claim=milk-transfer-minimal", **data):
    token = csrf_token(client, f"/feedback?{query}")
    return client.post(f"/feedback?{query}", data={"csrf_token": token, **data})


def kb(capsys, *args) -> tuple[int, str]:
    status = kb_main(["feedback", *args])
    return status, capsys.readouterr().out


def test_form_names_the_claim_and_has_csrf(client):
    r = client.get("/feedback?claim=milk-transfer-minimal")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and 'name="csrf_token"' in html
    assert 'href="/claims/milk-transfer-minimal"' in html
    for field in ("message", "source", "email"):
        assert f'<label for="{field}">' in html
    assert 'maxlength="2000"' in html
    assert client.get("/feedback?study=wolfson-2023-ketamine-milk").status_code == 200


def test_unknown_target_is_404(client):
    r = client.get("/feedback?claim=no-such-claim")
    assert r.status_code == 404 and "no-such-claim" in r.get_data(as_text=True)


def test_report_is_stored_then_listed_shown_and_closed_from_the_command_line(client, db_path, capsys):
    r = send(client, message="The RID is 0.5%, not 5%.\nSee table 2.", source="PMID 35880962",
             email="reader@example.org")
    assert r.status_code == 303 and r.headers["Location"].endswith("/feedback/thanks?claim=milk-transfer-minimal")
    thanks = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "Thank you" in thanks and 'href="/claims/milk-transfer-minimal"' in thanks

    status, out = kb(capsys, "--db", str(db_path), "list", "--json")
    items = json.loads(out)
    assert status == 0 and len(items) == 1
    item = items[0]
    assert item["target_kind"] == "claim" and item["target_id"] == "milk-transfer-minimal"
    assert item["message"] == "The RID is 0.5%, not 5%.\nSee table 2." and item["source"] == "PMID 35880962"
    assert item["email"] == "reader@example.org" and item["status"] == "open"

    status, out = kb(capsys, "--db", str(db_path), "list")
    assert status == 0 and f"#{item['id']}" in out and "claim milk-transfer-minimal" in out
    status, out = kb(capsys, "--db", str(db_path), "show", str(item["id"]))
    assert status == 0 and "See table 2." in out and "source: PMID 35880962" in out

    status, out = kb(capsys, "--db", str(db_path), "close", str(item["id"]), "--note", "fixed the RID", "--json")
    closed = json.loads(out)
    assert status == 0 and closed["status"] == "closed" and closed["note"] == "fixed the RID" and closed["closed"]
    assert kb(capsys, "--db", str(db_path), "list", "--json") == (0, "[]\n")
    status, out = kb(capsys, "--db", str(db_path), "list", "--status", "closed", "--json")
    assert [i["id"] for i in json.loads(out)] == [item["id"]]
    assert kb_main(["feedback", "--db", str(db_path), "show", "999"]) == 1
    assert "no problem report #999" in capsys.readouterr().err


def test_kb_feedback_as_a_subprocess(client, db_path, repo_root):
    assert send(client, query="study=wolfson-2023-ketamine-milk", message="Wrong journal issue.").status_code == 303
    out = subprocess.run([sys.executable, "-m", "kb.cli", "feedback", "--db", str(db_path), "list"], cwd=repo_root,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "study wolfson-2023-ketamine-milk" in out.stdout and "Wrong journal issue." in out.stdout


def test_missing_or_too_long_message_is_400_with_the_reason(client, db_path, capsys):
    r = send(client, message="   ")
    assert r.status_code == 400 and "Say what is wrong." in r.get_data(as_text=True)
    r = send(client, message="x" * 2001)
    assert r.status_code == 400 and "Keep it to 2,000 characters" in r.get_data(as_text=True)
    r = send(client, message="Wrong.", email="not an address")
    assert r.status_code == 400 and "Enter an e-mail address" in r.get_data(as_text=True)
    assert "Wrong." in r.get_data(as_text=True)  # what was typed is kept
    assert kb(capsys, "--db", str(db_path), "list", "--json") == (0, "[]\n")


def test_missing_csrf_token_is_400(client):
    r = client.post("/feedback?claim=milk-transfer-minimal", data={"message": "Wrong number."})
    assert r.status_code == 400 and "form could not be accepted" in r.get_data(as_text=True)


def test_oversized_request_is_413(client):
    r = client.post("/feedback", data={"message": "x" * (3 * 1024 * 1024)})
    assert r.status_code == 413


def test_a_flood_of_reports_is_rate_limited(client, db_path, capsys):
    statuses = [send(client, message=f"Report {i}.").status_code for i in range(5)]
    assert statuses == [303] * 5
    r = send(client, message="Report 6.")
    assert r.status_code == 429 and "Too many requests" in r.get_data(as_text=True)
    api = client.post("/api/feedback", json={"message": "and through the API"})  # one limit for both routes
    assert api.status_code == 429 and api.json["error"]["code"] == "rate_limited"
    status, out = kb(capsys, "--db", str(db_path), "list", "--json")
    assert len(json.loads(out)) == 5


def test_json_twin(client, db_path, capsys):
    r = client.post("/api/feedback", json={"message": "The CI is wrong.", "study": "wolfson-2023-ketamine-milk"})
    assert r.status_code == 200 and r.json["status"] == "open"
    assert r.json["about"] == {"kind": "study", "id": "wolfson-2023-ketamine-milk"}
    status, out = kb(capsys, "--db", str(db_path), "show", str(r.json["id"]), "--json")
    assert json.loads(out)["message"] == "The CI is wrong."
    bad = client.post("/api/feedback", data="message=hi", content_type="application/x-www-form-urlencoded")
    assert bad.status_code == 415 and bad.json["error"]["code"] == "unsupported_media_type"
    bad = client.post("/api/feedback", json={"message": ""})
    assert bad.status_code == 400 and "Say what is wrong" in bad.json["error"]["message"]
    bad = client.post("/api/feedback", json={"message": "x", "claim": "nope"})
    assert bad.status_code == 404 and bad.json["error"]["code"] == "not_found"


def test_inbox_cap(db_path, engine):
    app = create_app({"TESTING": True, "ENGINE": engine, "RATELIMIT_ENABLED": False, "SECRET_KEY": "s",
                      "DATABASE": db_path, "FEEDBACK_MAX_OPEN": 1})
    c = app.test_client()
    assert c.post("/api/feedback", json={"message": "one"}).status_code == 200
    r = c.post("/api/feedback", json={"message": "two"})
    assert r.status_code == 503 and "Too many problem reports" in r.json["error"]["message"]


def test_json_twin_matches_its_openapi_schema(client):
    import jsonschema_rs  # ships with schemathesis, a test dependency

    doc = client.get("/api/openapi.json").json
    for status, body in (("200", {"message": "Wrong CI.", "claim": "milk-transfer-minimal"}), ("400", {"message": ""})):
        schema = doc["paths"]["/api/feedback"]["post"]["responses"][status]["content"]["application/json"]["schema"]
        r = client.post("/api/feedback", json=body)
        assert str(r.status_code) == status
        jsonschema_rs.Draft202012Validator({**schema, "components": doc["components"]}).validate(r.json)


@pytest.mark.parametrize("page, about", [("/claims/milk-transfer-minimal", "claim=milk-transfer-minimal"),
                                         ("/studies/wolfson-2023-ketamine-milk", "study=wolfson-2023-ketamine-milk")])
def test_claim_and_study_pages_link_to_the_form(client, page, about):
    html = client.get(page).get_data(as_text=True)
    assert f'href="/feedback?{about}"' in html
    assert client.get(f"/feedback?{about}").status_code == 200
