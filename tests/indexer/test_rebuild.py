"""Index lifecycle: built on first use, rebuilt when records change, swapped atomically under load."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from indexer import store as store_module
from indexer.engine import Engine, KnowledgeBaseInvalid

from tests.kb_edits import CLAIM, set_statement


def test_index_is_built_on_first_use(kbdir, tmp_path):
    engine = Engine(kbdir, tmp_path / "idx", auto_refresh=False)
    assert engine.store.current_path() is None
    assert engine.search("milk").total > 0
    assert engine.store.current_path() is not None
    assert not engine.is_stale()


def test_a_second_engine_reuses_the_build(kbdir, tmp_path):
    first = Engine(kbdir, tmp_path / "idx", auto_refresh=False)
    first.snapshot()
    built = first.store.current_path()
    second = Engine(kbdir, tmp_path / "idx", auto_refresh=False)
    assert second.snapshot().path == built


def test_changed_records_are_picked_up_automatically(kbdir, tmp_path):
    engine = Engine(kbdir, tmp_path / "idx", refresh_interval=0.0)
    assert engine.search("zebrafish").total == 0
    set_statement(kbdir, "Zebrafish milk is minimal.")
    engine.search("milk")  # notices the change and rebuilds in the background
    engine.wait_for_rebuild()
    assert engine.search("zebrafish").total == 1


def test_broken_record_keeps_serving_the_last_good_index(kbdir, tmp_path, caplog):
    engine = Engine(kbdir, tmp_path / "idx", refresh_interval=0.0)
    before = engine.search("milk").total
    good = engine.snapshot().path
    (kbdir / CLAIM).write_text((kbdir / CLAIM).read_text().replace("verdict: supported", "verdict: [broken"))
    with caplog.at_level("ERROR", logger="evidence_kb.engine"):
        engine.search("milk")
        engine.wait_for_rebuild()
        assert engine.search("milk").total == before
    assert engine.snapshot().path == good
    assert any("does not validate" in r.message for r in caplog.records)
    assert any("fixture-claim.yaml:" in r.getMessage() for r in caplog.records)
    with pytest.raises(KnowledgeBaseInvalid):
        engine.rebuild()


def test_crash_mid_build_leaves_the_old_index_working(kbdir, tmp_path, monkeypatch):
    engine = Engine(kbdir, tmp_path / "idx", auto_refresh=False)
    engine.rebuild()
    good = engine.store.current_path()
    set_statement(kbdir, "Zebrafish milk is minimal.")

    def explode(*args, **kwargs):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(store_module.IndexStore, "_swap_to", explode)
    with pytest.raises(OSError):
        engine.rebuild()
    monkeypatch.undo()
    fresh = Engine(kbdir, tmp_path / "idx", auto_refresh=False)
    assert fresh.store.current_path() == good
    assert fresh.search("milk").total > 0
    assert sorted(p.name for p in (tmp_path / "idx").glob("build-*")) == [good.name]


def test_rebuilds_during_concurrent_searches_never_fail_or_mix(kbdir, tmp_path):
    """Searches run in threads while the index is rebuilt and swapped repeatedly."""
    engine = Engine(kbdir, tmp_path / "idx", auto_refresh=False, cache_size=0)
    engine.rebuild()
    errors: list[BaseException] = []
    seen: set[int] = set()
    stop = threading.Event()

    def searcher():
        while not stop.is_set():
            try:
                r = engine.search("milk")
                # every build holds exactly one document about milk: the fixture claim
                assert r.total == 1, r.total
                assert r.results[0].id == "fixture-claim"
                seen.add(id(engine.snapshot()))
            except BaseException as exc:  # collected and re-raised below
                errors.append(exc)
                return
            # Pace the readers like requests: a repeated search is answered from the per-build caches
            # in microseconds, and four threads spinning on it starve the rebuild of the interpreter
            # lock until a search outlives its 1 s time limit.
            time.sleep(0.005)

    threads = [threading.Thread(target=searcher) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        for i in range(6):
            set_statement(kbdir, f"Only a little drug reaches breast milk, version {i}.")
            engine.rebuild()
            time.sleep(0.05)
    finally:
        stop.set()
        for t in threads:
            t.join(10)
    assert not errors, errors[0]
    assert len(seen) > 1  # searches really spanned several builds
    assert engine.search('"version 5"').total == 1
    # old builds are pruned, one kept for readers still on it
    assert len(list((tmp_path / "idx").glob("build-*"))) <= 2


def test_kb_build_command_reports_what_it_indexed(kbdir, tmp_path, capsys):
    from kb.cli import main

    assert main(["--kb-dir", str(kbdir), "--index-dir", str(tmp_path / "idx"), "build"]) == 0
    out = capsys.readouterr().out
    assert "indexed 1 claims and 1 curated studies (0 drafts left out)" in out
    assert main(["--kb-dir", str(kbdir), "--index-dir", str(tmp_path / "idx"), "build", "--if-stale"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_read_only_servers_never_rebuild(kbdir, tmp_path, monkeypatch):
    Engine(kbdir, tmp_path / "idx", auto_refresh=False).rebuild()
    monkeypatch.setenv("EVIDENCE_KB_READONLY", "1")
    engine = Engine(kbdir, tmp_path / "idx", refresh_interval=0.0)
    assert engine.auto_refresh is False
    built = engine.snapshot().path
    set_statement(kbdir, "Zebrafish milk is minimal.")
    assert engine.search("zebrafish").total == 0
    engine.wait_for_rebuild()
    assert engine.snapshot().path == built
