"""Issue 14 (b, c) and issue 12 point 19: one limits table and one settings table that the docs, `kb --help` and
every front end agree with (Datasette's test_docs habit); Host-header safety; did-you-mean off for syntax."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kb import limits, settings

REPO = Path(__file__).resolve().parents[2]


def test_readme_configuration_table_lists_every_setting():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    missing = [s.name for s in settings.SETTINGS if f"`{s.name}`" not in section]
    assert not missing, f"README's configuration table lacks {missing}"


def test_kb_help_lists_every_setting():
    out = subprocess.run([sys.executable, "-m", "kb.cli", "--help"], capture_output=True, text=True, cwd=REPO,
                         timeout=60).stdout
    missing = [s.name for s in settings.SETTINGS if s.name not in out]
    assert not missing, f"kb --help lacks {missing}"


def test_no_module_reads_a_setting_behind_the_tables_back():
    readers = []
    for path in [*REPO.glob("kb/*.py"), *REPO.glob("sources/*.py"), *REPO.glob("indexer/**/*.py"),
                 *REPO.glob("webui/**/*.py")]:
        if path.name == "settings.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"os\.environ(\.get)?\s*[\[(]\s*[\"'](EVIDENCE_KB|NCBI)_", text) or \
                re.search(r"os\.(environ\.get|getenv)\(\s*[A-Z_]*ENV\b", text):
            readers.append(str(path.relative_to(REPO)))
    assert not readers, f"read through kb.settings.value instead: {readers}"


def test_limits_doc_lists_every_limit_with_its_value():
    doc = (REPO / "docs" / "limits.md").read_text(encoding="utf-8")
    for lim in limits.LIMITS:
        row = next((line for line in doc.splitlines() if f"`{lim.name}`" in line), None)
        assert row is not None, f"docs/limits.md lacks {lim.name}"
        value = f"{lim.value:,g}" if not float(lim.value).is_integer() else f"{int(lim.value):,}"
        assert f"| {value} |" in row, f"docs/limits.md shows another value for {lim.name}: {row}"


def test_web_config_comes_from_the_tables(monkeypatch):
    from webui import create_app

    monkeypatch.setenv("EVIDENCE_KB_CHECK_RATE_LIMIT", "7/minute")
    app = create_app({"ENGINE": object()})
    assert app.config["CHECK_RATE_LIMIT"] == "7/minute"
    assert app.config["CHECK_MAX_CHARS"] == limits.CHECK_MAX_CHARS
    assert app.config["QUERY_MAX_CHARS"] == limits.QUERY_MAX_CHARS
    assert app.config["MAX_CONTENT_LENGTH"] == limits.REQUEST_MAX_BYTES


# --------------------------------------------------------------------------- the same answer everywhere


def test_long_query_gets_the_same_cut_and_message_on_the_cli_and_the_web(cli_index_dir, real_app, real_kb_dir, real_engine,
                                                                          capsys):
    from kb.cli import main

    query = "ketamine breastfeeding " * 20  # 460 characters
    web = real_app.test_client().get("/api/search", query_string={"q": query})
    assert web.status_code == 200
    assert main(["--kb-dir", str(real_kb_dir), "--index-dir", str(cli_index_dir), "search", query,
                 "--json"]) == 0
    import json

    cli = json.loads(capsys.readouterr().out)
    assert web.get_json()["message"] == cli["message"]
    assert f"only the first {len(cli['query'])}" in cli["message"]
    assert len(cli["query"]) <= limits.QUERY_MAX_CHARS


def test_search_page_cap_is_the_same_for_the_engine_and_the_web(real_app):
    r = real_app.test_client().get("/api/search", query_string={"q": "ketamine", "page": 5000})
    assert r.status_code == 200
    assert r.get_json()["page"] <= limits.SEARCH_MAX_PAGE


# --------------------------------------------------------------------------- point 19: Host header and cookies


def test_unknown_host_header_is_refused(real_app):
    r = real_app.test_client().get("/api/openapi.json", headers={"Host": "evil.example"})
    assert r.status_code == 400


def test_links_come_from_the_public_url_not_the_host_header(real_engine):
    from webui import create_app

    app = create_app({"ENGINE": real_engine, "PUBLIC_URL": "https://evidence.example.org", "SECRET_KEY": "pub"})
    client = app.test_client()
    doc = client.get("/api/openapi.json", headers={"Host": "evidence.example.org"}).get_json()
    assert doc["servers"][0]["url"].startswith("https://evidence.example.org")
    page = client.get("/claims", headers={"Host": "evil.example"}).get_data(as_text=True)
    assert "evil.example" not in page
    r = client.get("/check")
    assert "Secure" in r.headers.get("Set-Cookie", ""), r.headers.get("Set-Cookie")


@pytest.mark.parametrize("query", ["ket*", "ketamin~", "foo:bar", "ket?mine"])
def test_did_you_mean_is_not_offered_for_query_syntax(real_engine, query):
    assert real_engine.search(query).suggestion is None


def test_did_you_mean_still_corrects_plain_words(real_engine):
    assert real_engine.search("ketamin breastfeding").suggestion
