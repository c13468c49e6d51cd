"""Fixtures for the web UI tests (flaskr style): app, client and runner over the real engine.

The engine is the product's own (indexer.engine.Engine) over the small fixture KB in fixture_kb/,
built once per session into a throwaway index folder; a test that needs a failure injects it itself
(monkeypatch on the engine or a small subclass in that test).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.engine import Engine
from webui import create_app

FIXTURE_KB = Path(__file__).parent / "fixture_kb"


@pytest.fixture(scope="session")
def fixture_kb_dir() -> Path:
    return FIXTURE_KB


@pytest.fixture(scope="session")
def make_engine(tmp_path_factory):
    """A real engine over a records folder (the fixture KB unless given), its index built now."""
    def make(kb_dir: Path = FIXTURE_KB) -> Engine:
        engine = Engine(kb_dir, tmp_path_factory.mktemp("fixture-index"), auto_refresh=False)
        engine.snapshot()  # builds the index; raises KnowledgeBaseInvalid if the records do not validate
        return engine
    return make


@pytest.fixture(scope="session")
def engine(make_engine) -> Engine:
    return make_engine()


@pytest.fixture
def app(engine):
    app = create_app({
        "TESTING": True,
        "ENGINE": engine,
        "WTF_CSRF_ENABLED": True,
        "RATELIMIT_ENABLED": False,
        "SECRET_KEY": "test-secret",
        "SERVER_NAME": None,
    })
    yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


# ---- browser (e2e) fixtures: the real app, real engine, real records, served by waitress ----------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def valid_records_copy(root):
    """A copy of the shipped records (kb/, or $EVIDENCE_KB_DIR) in `root`/kb that validates.

    Curators may be saving records while the tests start: copy again (a few times) until the copy
    validates, then fail with its problems if it never does."""
    import shutil
    import time

    from kb import settings
    from kb.validate import validate

    for attempt in range(12):
        records = root / f"kb-{attempt}"
        shutil.copytree(settings.kb_dir(), records, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
        errors = [p for p in validate(records).problems if p.severity == "error"]
        if not errors:
            return records
        time.sleep(5)
    raise AssertionError(f"the records do not validate: {errors[:3]}")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The real app and engine over a validated copy of the real records, on a free 127.0.0.1 port."""
    import os
    import threading

    from waitress import create_server

    from webui.engine import build_engine

    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed")
    root = tmp_path_factory.mktemp("e2e")
    engine = build_engine(valid_records_copy(root), root / "index")
    engine.snapshot()  # builds the index
    app = create_app({"ENGINE": engine, "RATELIMIT_ENABLED": False, "DATABASE": str(root / "evidence-kb.sqlite3")})
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True, name="e2e-waitress")
    thread.start()
    host, port = server.effective_host, server.effective_port
    yield {"url": f"http://{host}:{port}", "engine": engine, "app": app}
    server.close()


@pytest.fixture(scope="session")
def browser():
    import os

    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server["url"], accept_downloads=True, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


@pytest.fixture(scope="session")
def artifacts_dir():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path
