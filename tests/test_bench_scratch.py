"""Benchmarks leave nothing behind in /tmp: their scratch folders go when the run ends."""
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_a_scratch_folder_is_removed_when_the_process_ends(tmp_path):
    script = ("import sys; sys.path.insert(0, 'bench'); from scratch import scratch_dir; "
              "d = scratch_dir('kb-scratch-test-'); (d / 'index').mkdir(); (d / 'index' / 'seg').write_text('x'); "
              "print(d)")
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    folder = Path(out.stdout.strip())
    assert folder.name.startswith("kb-scratch-test-")
    assert not folder.exists()


def test_no_benchmark_makes_a_temporary_folder_of_its_own():
    # A folder from tempfile.mkdtemp outlives the run unless the script removes it itself; scratch_dir does.
    makers = [p.name for p in sorted((REPO / "bench").glob("*.py"))
              if p.name != "scratch.py" and "mkdtemp(" in p.read_text(encoding="utf-8")]
    assert makers == []
