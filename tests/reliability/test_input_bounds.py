"""Issue 12, points 1, 5, 15, 16: bounded document reading, truncation reported on every path, bad JSON and
text answered 400/200 (never 500), cross-site posts to the JSON API refused. Real extractors, real engine.
"""
from __future__ import annotations

import io
import time
import zipfile

import docx
import pytest

from kb import limits
from sources import documents
from sources.documents import UnsupportedDocument, extract_docx
from sources.intake import IntakeError, read_file, read_source, read_text

CLAIM = "Ketamine is safe while breastfeeding."
FILLER = "Our clinic is open on weekdays. "


def docx_with_body(body_xml: str, prolog: str = "") -> bytes:
    """A real Word file (python-docx) whose document.xml body is replaced by `body_xml`."""
    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    parts = {n: src.read(n) for n in src.namelist()}
    head = parts["word/document.xml"].decode().split("<w:body>")[0] + "<w:body>"
    parts["word/document.xml"] = (prolog + head + body_xml + "</w:body></w:document>").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


# --------------------------------------------------------------------------- point 1: .docx bounds


def test_docx_with_many_paragraphs_is_read_without_per_paragraph_cost():
    # 16,000 paragraphs cost 16 s with python-docx (a style lookup per paragraph); the streaming
    # reader stops at the text limit and says so instead of reading on.
    data = docx_with_body(para(FILLER + CLAIM) * 16_000)
    started = time.process_time()
    extracted = extract_docx(data)
    assert extracted.truncated  # more text than CHECK_MAX_CHARS: the reader stopped
    assert CLAIM in extracted.text
    assert time.process_time() - started < 10  # generous: the old reader took 16 s of CPU here


def test_docx_element_bound(monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOCX_ELEMENTS", 1_000)
    with pytest.raises(UnsupportedDocument, match="too complex"):
        extract_docx(docx_with_body("<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 2_000))


def test_docx_unpacked_size_is_measured_not_declared(monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOCX_UNZIPPED_BYTES", 200_000)
    # mostly markup with no text, so the text limit does not stop reading first
    with pytest.raises(UnsupportedDocument, match="too large to read once unpacked"):
        extract_docx(docx_with_body("<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>" * 20_000))


def test_docx_time_bound(monkeypatch):
    monkeypatch.setattr(documents, "EXTRACT_MAX_SECONDS", 0.0)
    with pytest.raises(UnsupportedDocument, match="too complex"):
        extract_docx(docx_with_body(para("word") * 10_000))


def test_docx_with_a_doctype_is_refused():
    data = docx_with_body(para("x"), prolog="<!DOCTYPE x [<!ENTITY a 'b'>]>")
    with pytest.raises(UnsupportedDocument):
        extract_docx(data)


# --------------------------------------------------------------------------- point 1/5: one text limit, reported


def long_copy(limit: int = limits.CHECK_MAX_CHARS) -> str:
    return FILLER * (limit // len(FILLER) + 200) + CLAIM


@pytest.fixture
def small_check_limit(monkeypatch) -> int:
    """The check limit lowered to 5,000 characters, so the checks behind these tests take a moment, not 40 s."""
    from sources import intake

    monkeypatch.setattr(intake, "CHECK_MAX_CHARS", 5_000)
    return 5_000


@pytest.mark.parametrize("path", ["text", "txt", "md", "html", "docx"])
def test_every_input_path_applies_the_one_text_limit(path):
    text = long_copy()
    if path == "text":
        intake = read_text(text)
    elif path == "docx":
        intake = read_file("copy.docx", docx_with_body(para(text)))
    elif path == "html":
        intake = read_file("copy.html", f"<html><body><p>{text}</p></body></html>".encode())
    else:
        intake = read_file(f"copy.{path}", text.encode())
    assert intake.truncated
    assert len(intake.extracted.text) <= limits.CHECK_MAX_CHARS
    assert intake.extracted.original_chars >= len(text) - 1000


def test_truncation_is_reported_by_the_cli_and_its_exit_status(cli_index_dir, tmp_path, real_kb_dir, real_engine, capsys,
                                                               small_check_limit):
    from kb.cli import EXIT_TRUNCATED, main

    path = tmp_path / "tail.txt"
    path.write_text(long_copy(small_check_limit), encoding="utf-8")
    index_dir = str(cli_index_dir)
    assert main(["--kb-dir", str(real_kb_dir), "--index-dir", index_dir, "check", str(path), "--json"]) == EXIT_TRUNCATED
    captured = capsys.readouterr()
    assert '"truncated": true' in captured.out
    assert "Only the first" in captured.err and "were checked" in captured.err
    short = tmp_path / "short.txt"
    short.write_text(CLAIM, encoding="utf-8")
    assert main(["--kb-dir", str(real_kb_dir), "--index-dir", index_dir, "check", str(short), "--json"]) == 0
    assert '"truncated": false' in capsys.readouterr().out


def test_truncation_is_reported_by_the_api(real_app, small_check_limit):
    client = real_app.test_client()
    r = client.post("/api/check", json={"text": long_copy(small_check_limit)})
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    report = r.get_json()
    assert report["truncated"] is True
    assert "Only the first" in report["truncation"]


def test_upload_over_the_limit_is_checked_up_to_it_and_says_so(real_app, small_check_limit):
    client = real_app.test_client()
    data = docx_with_body(para(long_copy(small_check_limit)))
    r = client.post("/api/check", data={"file": (io.BytesIO(data), "long.docx")}, content_type="multipart/form-data")
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    assert r.get_json()["truncated"] is True


def test_cli_and_web_read_a_plain_text_page_into_the_same_units(monkeypatch):
    from sources import fetch
    from sources.fetch import FetchedPage
    from webui.inputs import CheckInput, read_input

    body = b"Ketamine Relief\nFeel better within hours, not weeks\nOur clinic offers infusions."
    monkeypatch.setattr(fetch, "fetch_url", lambda url, allow_hosts=(): FetchedPage(url, url, 200, "text/plain",
                                                                                   "utf-8", body))
    cli = read_source("https://clinic.example/")
    web = read_input(CheckInput("url", "https://clinic.example/", url="https://clinic.example/"), ())
    assert cli.extracted.unit_texts() == web.extracted.unit_texts()
    assert len(cli.extracted.units) == 3  # three lines, three units: not one run-on sentence


def test_empty_and_unreadable_inputs_are_intake_errors(tmp_path):
    with pytest.raises(IntakeError) as empty:
        read_text("   ")
    assert empty.value.reason == "empty"
    with pytest.raises(IntakeError) as missing:
        read_source(str(tmp_path / "nope.txt"))
    assert missing.value.reason == "not_found"


# --------------------------------------------------------------------------- point 15: bad JSON and text


def test_lone_surrogate_in_the_text_is_answered_not_500(real_app):
    body = '{"text": "ketamine \\ud800 is safe while breastfeeding"}'
    r = real_app.test_client().post("/api/check", data=body, content_type="application/json")
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    r.get_data().decode("utf-8")  # valid UTF-8 all the way


def test_deeply_nested_json_is_400_with_a_reason(real_app):
    body = '{"text":' + "[" * 100_000 + "]" * 100_000 + "}"
    r = real_app.test_client().post("/api/check", data=body, content_type="application/json")
    assert r.status_code == 400
    assert "nested too deeply" in r.get_json()["error"]["message"]


# --------------------------------------------------------------------------- point 16: CSRF on the JSON API


@pytest.mark.parametrize("headers", [
    {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    {"Origin": "https://evil.example"},
    {"Sec-Fetch-Site": "cross-site"},
    {"Origin": "null"},
])
def test_cross_site_multipart_post_to_the_api_is_refused(real_app, headers):
    r = real_app.test_client().post("/api/check", data={"text": CLAIM}, headers=headers,
                                    content_type="multipart/form-data")
    assert r.status_code == 403
    assert "refused" in r.get_json()["error"]["message"]


def test_same_origin_and_programs_are_accepted(real_app):
    client = real_app.test_client()
    assert client.post("/api/check", json={"text": CLAIM}).status_code == 200  # curl: no Origin
    r = client.post("/api/check", json={"text": CLAIM},
                    headers={"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 200
