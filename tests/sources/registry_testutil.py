"""Fixtures and helpers for the registry tests (PubMed, Crossref, `kb add`, `kb audit-citations`).

A uniquely named module rather than a conftest.py: tests/sources/ is shared with the page-fetch
tests, and these fixtures must not apply to them. Test modules import what they use.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import responses

import sources.http
from kb.loader import DEFAULT_ROOT

FIXTURES = Path(__file__).parent / "fixtures"
EFETCH = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi"
CROSSREF = "https://api.crossref.org/works/"
TEST_DOI_PREFIX = "10.5555/"  # every fixture DOI; must never show up in the shipped KB


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    """Every test: HTTP cache off (unless a test sets it), fixed contact email, no API key, KB dir in tmp."""
    monkeypatch.setenv("EVIDENCE_KB_HTTP_CACHE", "off")
    monkeypatch.setenv("EVIDENCE_KB_EMAIL", "curator@example.org")
    monkeypatch.delenv("NCBI_API_KEY", raising=False)
    monkeypatch.setenv("EVIDENCE_KB_DIR", str(tmp_path / "not-the-shipped-kb"))
    yield
    shipped = DEFAULT_ROOT / "studies"
    for path in shipped.glob("*.yaml") if shipped.is_dir() else []:
        assert TEST_DOI_PREFIX not in path.read_text(encoding="utf-8", errors="replace"), f"a test wrote {path}"


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:
    """Pauses the code asked for (retry back-off, Retry-After, rate limiting), recorded instead of slept."""
    asked: list[float] = []
    monkeypatch.setattr(sources.http, "_sleep", asked.append)
    return asked


@pytest.fixture
def mocked(sleeps):
    """`responses` for every test that talks HTTP; unregistered URLs raise ConnectionError."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps


@pytest.fixture
def kb_root(tmp_path) -> Path:
    """A minimal KB: the shipped topics.yaml and empty studies/ and claims/."""
    root = tmp_path / "kb"
    (root / "studies").mkdir(parents=True)
    (root / "claims").mkdir()
    shutil.copy(DEFAULT_ROOT / "topics.yaml", root / "topics.yaml")
    return root
