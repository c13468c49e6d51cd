"""Request limits through the real server (waitress, production settings, real records and extractors).

tests/webui covers the same status codes in-process with a fake engine and lowered limits; these
prove them end to end at the shipped limits: 2 MiB bodies, 300-character queries, real uploads.
"""
from __future__ import annotations

import io

import pytest
import requests

from reliability_helpers import csrf_token

MIB = 1024 * 1024


def api_error(r: requests.Response, status: int) -> str:
    assert r.status_code == status, r.text[:300]
    assert r.headers["Content-Type"].startswith("application/json")
    err = r.json()["error"]
    assert err["code"] and err["message"] and "Traceback" not in err["message"]
    return err["message"]


def html_error(r: requests.Response, status: int) -> str:
    assert r.status_code == status, r.text[:300]
    assert r.headers["Content-Type"].startswith("text/html")
    assert "Traceback" not in r.text
    return r.text


def form_session(base: str) -> tuple[requests.Session, str]:
    s = requests.Session()
    return s, csrf_token(s.get(base + "/check", timeout=30).text)


def test_oversized_json_body_is_413_json(real_server):
    # Just over Flask's 2 MiB: the app answers, in JSON.
    r = requests.post(real_server + "/api/check", json={"text": "Ketamine works. " * (MIB // 16 * 2 + 1000)}, timeout=60)
    assert "2 MiB" in api_error(r, 413)
    # Far over it: waitress answers from the Content-Length alone, before reading (or spooling) the body.
    r = requests.post(real_server + "/api/check", json={"text": "Ketamine works. " * (3 * MIB // 16)}, timeout=60)
    assert r.status_code == 413


def test_oversized_upload_is_413(real_server):
    big = ("Ketamine works within hours.\n" * (MIB // 29 * 2 + 1000)).encode()  # over 2 MiB, under waitress's cap
    r = requests.post(real_server + "/api/check", files={"file": ("copy.txt", big, "text/plain")}, timeout=60)
    assert "2 MiB" in api_error(r, 413)
    s, token = form_session(real_server)
    r = s.post(real_server + "/check", data={"csrf_token": token}, files={"document": ("copy.txt", big)}, timeout=60)
    assert "Too large" in html_error(r, 413)


def test_text_over_the_check_limit_is_checked_up_to_it_and_says_so(real_server, monkeypatch):
    from sources import intake

    monkeypatch.setattr(intake, "CHECK_MAX_CHARS", 5_000)  # the same code path; a 200,000-character check takes 40 s
    text = "Ketamine works within hours. " * 300  # 8,700 characters, over the (lowered) limit
    r = requests.post(real_server + "/api/check", json={"text": text}, timeout=120)
    assert r.status_code == 200, r.text[:300]
    assert r.json()["truncated"] is True and "Only the first" in r.json()["truncation"]


@pytest.mark.parametrize("name, data, ctype, says", [
    ("leaflet.pdf", b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF", "application/pdf", "paste it instead"),
    ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00" + bytes(200), "application/octet-stream", ".docx"),
])
def test_unsupported_upload_is_415(real_server, name, data, ctype, says):
    msg = api_error(requests.post(real_server + "/api/check", files={"file": (name, data, ctype)}, timeout=30), 415)
    assert says in msg, msg
    s, token = form_session(real_server)
    r = s.post(real_server + "/check", data={"csrf_token": token}, files={"document": (name, io.BytesIO(data), ctype)},
               timeout=30)
    assert says in html_error(r, 415)


@pytest.mark.parametrize("path", ["/search", "/api/search"])
def test_long_query_is_cut_with_a_message(real_server, path):
    r = requests.get(real_server + path, params={"q": "ketamine " * 3_000}, timeout=30)  # 27 kB: cut, answered
    assert r.status_code == 200
    assert "only the first" in (r.json()["message"] if path.startswith("/api/") else r.text)


def test_100kb_query_is_refused_before_the_app(real_server):
    r = requests.get(real_server + "/search", params={"q": "ketamine " * 12_000}, timeout=30)  # 108 kB
    assert r.status_code == 431  # over HEADER_MAX_BYTES: waitress refuses the request line itself


def test_50kb_filter_value_is_refused_cleanly(real_server):
    r = requests.get(real_server + "/api/search", params={"q": "ketamine", "topic": "x" * 50_000}, timeout=30)
    assert "not valid" in api_error(r, 400)


@pytest.mark.parametrize("method, path", [
    ("DELETE", "/api/claims"), ("PUT", "/api/search"), ("GET", "/api/check"), ("POST", "/api/claims/ketamine-treats-ppd"),
    ("PATCH", "/api/studies"), ("POST", "/api/openapi.json"), ("PUT", "/api/check/abc"),
])
def test_wrong_method_is_405_json(real_server, method, path):
    r = requests.request(method, real_server + path, timeout=30)
    api_error(r, 405)
    assert r.headers["Allow"]


def test_wrong_method_on_a_page_is_405_html(real_server):
    html_error(requests.delete(real_server + "/claims", timeout=30), 405)
