"""Fixtures shared by every test area: where the repository, the real KB and shared/ are."""
from __future__ import annotations

from pathlib import Path

import shutil

import pytest

REPO = Path(__file__).resolve().parents[1]
MINIMAL_KB = REPO / "tests" / "kb" / "fixtures" / "minimal"


@pytest.fixture(scope="session", autouse=True)
def private_database(tmp_path_factory):
    """Stored check reports and problem reports go to a throwaway SQLite file, never the user's own."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EVIDENCE_KB_DB", str(tmp_path_factory.mktemp("database") / "evidence-kb.sqlite3"))
        yield


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def real_kb_dir() -> Path:
    return REPO / "kb"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout, as on developer machines and in CI."""
    path = REPO.parent / "shared"
    if not path.is_dir():
        # The product runs without shared/ (the verified dossier, the catalog, the reserved pages):
        # only the tests that compare the KB with that material need it.
        pytest.skip(f"needs the project's shared material at {path} (the verified dossier and catalog)")
    return path


@pytest.fixture(scope="session")
def real_engine(tmp_path_factory, real_kb_dir):
    """The search engine over the real KB, built once into a temporary index folder."""
    from indexer.engine import Engine

    engine = Engine(real_kb_dir, tmp_path_factory.mktemp("index"), auto_refresh=False)
    engine.rebuild()
    return engine


@pytest.fixture(scope="session")
def cli_index_dir(tmp_path_factory, real_engine) -> Path:
    """An index folder of its own for tests that run the `kb` command over the real KB. The command
    rebuilds a stale index where it is pointed; pointed at real_engine's folder, an edit to kb/ during
    a run would have it write builds under the session's shared engine. A copy of that build costs
    nothing to make (`current` is a relative symlink)."""
    folder = tmp_path_factory.mktemp("cli-index")
    shutil.copytree(real_engine.store.root, folder, symlinks=True, dirs_exist_ok=True)
    return folder


@pytest.fixture
def kbdir(tmp_path) -> Path:
    """A writable copy of the minimal fixture KB (one claim, one study), to break or edit."""
    root = tmp_path / "kb"
    shutil.copytree(MINIMAL_KB, root)
    return root


_METRICS: list[str] = []


@pytest.fixture
def report_metric():
    """Record a measured figure; every one recorded is printed in the terminal summary."""
    return _METRICS.append


def pytest_terminal_summary(terminalreporter):
    if _METRICS:
        terminalreporter.section("measured quality")
        for line in _METRICS:
            terminalreporter.write_line(line)


@pytest.fixture(autouse=True)
def _frames_only(request, monkeypatch, tmp_path_factory):
    """Tests marked `frames_only` pin a rule of the claim frames on invented copy where the claim model (trained on real
    pages, judged on unseen real pages: docs/checker.md) adds a claim the rule excludes; they run without the model, so
    that the rule itself stays tested. The model's own tests are tests/indexer/test_claim_model.py."""
    if request.node.get_closest_marker("frames_only") is None:
        yield
        return
    from indexer.copycheck import claim_model
    monkeypatch.setenv(claim_model.MODEL_ENV, str(tmp_path_factory.mktemp("no-claim-model") / "absent.json"))
    claim_model.load.cache_clear()
    yield
    claim_model.load.cache_clear()
