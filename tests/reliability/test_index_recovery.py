"""Issue 12, points 6, 8-12, 14 (rebuild race): records refused cheaply with file:line, a damaged index detected
and repaired while the last good build serves, crash-safe clean-up, a broken KB validated once, clear messages
instead of tracebacks, and start-up that rebuilds first. Real loader, real engine, real index folders.
"""
from __future__ import annotations

import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from indexer import engine as engine_module
from indexer.engine import Engine, fingerprint
from indexer.store import IndexStore
from kb.cli import main
from kb.loader import load

from tests.kb_edits import CLAIM, set_statement


def problems_of(kbdir: Path) -> list[str]:
    return [str(p) for p in load(kbdir).problems if p.severity == "error"]


# --------------------------------------------------------------------------- points 6 and 11: records


def test_alias_bomb_is_refused_at_its_line_cheaply(kbdir):
    bomb = 'x0: &a0 ["k","k","k","k","k","k","k","k","k","k"]\n' + "".join(
        f"x{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 8))
    (kbdir / CLAIM).write_text((kbdir / CLAIM).read_text() + bomb)
    started = time.process_time()
    found = problems_of(kbdir)
    assert time.process_time() - started < 5  # expanding it took 68 s and 2.3 GB
    assert any("fixture-claim.yaml:" in p and "aliases" in p for p in found), found


@pytest.mark.parametrize("date", ["2026-02-30", "2026-13-45", "2020-00-01"])
def test_impossible_date_is_a_problem_with_its_line(kbdir, date, capsys):
    text = (kbdir / CLAIM).read_text()
    (kbdir / CLAIM).write_text(text.replace("last_reviewed:", f"last_reviewed: {date}\nold_reviewed:", 1))
    found = problems_of(kbdir)
    assert any(f"invalid date '{date}'" in p and "fixture-claim.yaml:" in p for p in found), found
    assert main(["--kb-dir", str(kbdir), "validate"]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_deep_nesting_is_a_problem_not_a_recursion_error(kbdir, capsys):
    with open(kbdir / CLAIM, "a") as fh:
        fh.write("extra: " + "[" * 5000 + "]" * 5000 + "\n")
    found = problems_of(kbdir)
    assert any("nested more than" in p and "fixture-claim.yaml:" in p for p in found), found
    assert main(["--kb-dir", str(kbdir), "validate"]) == 1


# --------------------------------------------------------------------------- point 8: a damaged index


def two_builds(kbdir: Path, index: Path) -> tuple[Path, Path]:
    engine = Engine(kbdir, index, auto_refresh=False)
    engine.rebuild()
    older = engine.store.current_path()
    set_statement(kbdir, "Zebrafish milk is minimal.")
    engine.rebuild()
    return older, engine.store.current_path()


def damage_segment(build: Path) -> None:
    seg = next(build.glob("*.seg"))
    os.truncate(seg, 1000)


def test_damaged_current_build_is_detected_and_an_older_one_served(kbdir, tmp_path):
    older, current = two_builds(kbdir, tmp_path / "idx")
    damage_segment(current)
    engine = Engine(kbdir, tmp_path / "idx", auto_refresh=False)
    snap = engine.snapshot()
    assert snap.path == older  # verified before serving: the damaged build is never searched
    assert engine.search("milk").total >= 1
    health = engine.health()
    assert health["status"] == "degraded" and "damaged" in health["problem"]


def test_damaged_build_is_repaired_by_a_rebuild_in_a_server(kbdir, tmp_path):
    older, current = two_builds(kbdir, tmp_path / "idx")
    damage_segment(current)
    engine = Engine(kbdir, tmp_path / "idx", refresh_interval=0.0)
    assert engine.snapshot().path == older  # served meanwhile
    engine.wait_for_rebuild(60)
    engine.snapshot()
    assert engine.snapshot().path not in (older, current)
    assert engine.search("zebrafish").total == 1  # the repaired build has the latest records
    assert engine.health()["status"] == "ok"


def test_truncated_records_file_does_not_stop_the_cli_or_the_server(kbdir, tmp_path, capsys):
    index = tmp_path / "idx"
    Engine(kbdir, index, auto_refresh=False).rebuild()
    records = IndexStore(index).current_path() / "records.json"
    os.truncate(records, 100)
    assert main(["--kb-dir", str(kbdir), "--index-dir", str(index), "search", "milk"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    from webui.commands import _prepare

    engine = Engine(kbdir, index, auto_refresh=False)
    assert _prepare(engine) is None  # `kb serve` starts: it rebuilds the damaged build first
    assert engine.search("milk").total >= 1


def test_search_failing_inside_whoosh_marks_the_index_broken_and_repairs_it(kbdir, tmp_path, monkeypatch):
    engine = Engine(kbdir, tmp_path / "idx", refresh_interval=0.0)
    engine.search("milk")
    broken = engine.snapshot().path

    def explode(*args, **kwargs):
        raise EOFError("Ran out of input (simulated damaged posting file)")

    monkeypatch.setattr(engine_module, "search", explode)
    with pytest.raises(engine_module.IndexUnavailable):
        engine.search("zebra")
    assert engine.health()["status"] == "degraded"
    monkeypatch.undo()
    engine.wait_for_rebuild(60)
    assert engine.search("milk").total >= 1
    assert engine.snapshot().path != broken


# --------------------------------------------------------------------------- point 9: crash-safe clean-up


def test_a_crashed_build_never_becomes_current_and_never_costs_the_good_one(kbdir, tmp_path):
    index = tmp_path / "idx"
    older, good = two_builds(kbdir, index)
    partial = index / f"build-{time.time_ns()}"  # newer than every good build, as a kill -9 leaves it
    partial.mkdir()
    (partial / "MAIN_WRITELOCK").write_text("")
    set_statement(kbdir, "Only a little drug reaches breast milk, again.")
    engine = Engine(kbdir, index, auto_refresh=False)
    engine.rebuild()
    current = engine.store.current_path()
    left = {p.name for p in index.glob("build-*")}
    assert current not in (good, partial)
    assert partial.name not in left  # garbage removed
    assert good.name in left  # the previous good build kept for rollback
    assert current.name in left


# --------------------------------------------------------------------------- point 10: validate once


def test_a_broken_kb_is_validated_once_not_every_refresh(kbdir, tmp_path, monkeypatch):
    engine = Engine(kbdir, tmp_path / "idx", refresh_interval=0.0)
    engine.search("milk")
    calls = []
    real_validate = engine_module.validate
    monkeypatch.setattr(engine_module, "validate", lambda root: calls.append(1) or real_validate(root))
    (kbdir / CLAIM).write_text((kbdir / CLAIM).read_text().replace("verdict: supported", "verdict: [broken"))
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        engine.search("milk")
        engine.wait_for_rebuild(10)
    assert len(calls) == 1, len(calls)
    set_statement(kbdir, "Zebrafish milk is minimal.")  # still broken, but changed: validated again
    (kbdir / CLAIM).write_text((kbdir / CLAIM).read_text().replace("verdict: supported", "verdict: [broken"))
    time.sleep(0.05)
    engine.search("milk")
    engine.wait_for_rebuild(10)
    assert len(calls) == 2


def test_refresh_check_starts_one_rebuild_however_many_threads_ask(kbdir, tmp_path, monkeypatch):
    engine = Engine(kbdir, tmp_path / "idx", refresh_interval=0.0)
    engine.search("milk")
    started = []
    real_start = Engine._start_rebuild
    monkeypatch.setattr(Engine, "_start_rebuild", lambda self, force=False: started.append(1) or real_start(self, force))
    set_statement(kbdir, "Zebrafish milk is minimal.")
    threads = [threading.Thread(target=engine.snapshot) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    engine.wait_for_rebuild(30)
    assert len(started) == 1


# --------------------------------------------------------------------------- point 11: unwritable index folder


def test_unwritable_index_folder_is_a_clear_message(kbdir, tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the index folder should be")
    assert main(["--kb-dir", str(kbdir), "--index-dir", str(blocker / "idx"), "build"]) == 1
    err = capsys.readouterr().err
    assert "cannot write the index folder" in err and str(blocker) in err and "Traceback" not in err


def test_full_disk_keeps_current_and_the_cli_uses_it(kbdir, tmp_path, capsys, monkeypatch):
    import errno

    from indexer import store

    index = tmp_path / "idx"
    assert main(["--kb-dir", str(kbdir), "--index-dir", str(index), "build"]) == 0
    good = IndexStore(index).current_path()
    set_statement(kbdir, "Zebrafish milk is minimal.")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "verify_build", full)
    capsys.readouterr()
    assert main(["--kb-dir", str(kbdir), "--index-dir", str(index), "build"]) == 1
    assert "disk is full" in capsys.readouterr().err
    assert main(["--kb-dir", str(kbdir), "--index-dir", str(index), "search", "milk"]) == 0
    captured = capsys.readouterr()
    assert "using the last good index" in captured.err and "Traceback" not in captured.err
    assert IndexStore(index).current_path() == good
    assert [p.name for p in index.glob("build-*")] == [good.name]


def test_read_only_setting_uses_the_index_as_it_is(kbdir, tmp_path, capsys, monkeypatch):
    index = tmp_path / "idx"
    assert main(["--kb-dir", str(kbdir), "--index-dir", str(index), "build"]) == 0
    set_statement(kbdir, "Zebrafish milk is minimal.")  # stale now
    monkeypatch.setenv("EVIDENCE_KB_READONLY", "1")
    builds = sorted(p.name for p in index.glob("build-*"))
    assert main(["--kb-dir", str(kbdir), "--index-dir", str(index), "search", "zebrafish"]) == 0
    assert sorted(p.name for p in index.glob("build-*")) == builds  # nothing written


def test_serve_on_a_broken_kb_lists_every_problem(kbdir, tmp_path, capsys):
    for name in ("claims/fixture-claim.yaml",):
        path = kbdir / name
        path.write_text(path.read_text().replace("last_reviewed:", "last_reviewed: 2026-02-30\nold:", 1)
                        + "bad: [unclosed\n")
    other = next((kbdir / "studies").glob("*.yaml"))
    other.write_text(other.read_text() + "unknown_field: 1\n")
    expected = problems_of(kbdir)
    assert len(expected) >= 2
    code = main(["--kb-dir", str(kbdir), "--index-dir", str(tmp_path / "empty"), "serve", "--port", "0"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    for problem in expected:
        assert problem in err


# --------------------------------------------------------------------------- point 12: start-up


def test_serve_rebuilds_a_stale_index_before_it_listens(kbdir, tmp_path):
    from webui.commands import _prepare

    index = tmp_path / "idx"
    Engine(kbdir, index, auto_refresh=False).rebuild()
    set_statement(kbdir, "Zebrafish milk is minimal.")
    engine = Engine(kbdir, index, rebuild_in_subprocess=True)
    assert _prepare(engine) is None
    assert engine.snapshot().fingerprint == fingerprint(kbdir)
    assert engine.search("zebrafish").total == 1  # the first request already sees the edit


def test_an_older_build_swapped_in_by_another_process_is_rebuilt_not_served(kbdir, tmp_path):
    """Two builders (this server's and a `kb build` of records read before an edit): the one that read first
    can swap last. The server must notice that the build it picked up is older than the files, even though no
    file changed since it last looked."""
    from webui.commands import _prepare

    index = tmp_path / "idx"
    earlier = shutil.copytree(kbdir, tmp_path / "kb-as-read-earlier")
    set_statement(kbdir, "Zebrafish milk is minimal.")
    engine = Engine(kbdir, index, refresh_interval=0.0)
    assert _prepare(engine) is None  # as `kb serve` starts: built, and the records looked at
    assert engine.search("zebrafish").total == 1
    Engine(earlier, index, auto_refresh=False).rebuild()  # the other builder swaps in the older records
    engine.search("milk")  # picks up the swapped-in build, and must look at the records again
    engine.wait_for_rebuild(60)
    assert engine.search("zebrafish").total == 1
    assert engine.snapshot().fingerprint == fingerprint(kbdir)


def test_background_rebuild_runs_in_a_child_process(kbdir, tmp_path):
    engine = Engine(kbdir, tmp_path / "idx", refresh_interval=0.0, rebuild_in_subprocess=True)
    engine.search("milk")
    set_statement(kbdir, "Zebrafish milk is minimal.")
    engine.search("milk")
    engine.wait_for_rebuild(120)
    assert engine.search("zebrafish").total == 1
    meta = json.loads((engine.store.current_path() / "meta.json").read_text())
    assert meta["fingerprint"] == fingerprint(kbdir)
