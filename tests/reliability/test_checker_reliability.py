"""The copy checker under load and hostile input (issue 12, points 13, 14 and 18).

13: concurrent `kb check` processes share an index folder without interfering.
14: the speller's memory is bounded: a page of junk words does not grow its cache without limit.
18: invisible characters (soft hyphens, zero-width spaces) and Cyrillic look-alike letters do not
    hide a claim, and the reported offsets still point into the text as the user gave it.
"""
from __future__ import annotations

import pytest

import json
import os
import random
import string
import subprocess
import sys
from pathlib import Path

from indexer.copycheck.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]


def test_six_concurrent_kb_check_processes_all_succeed(real_engine, tmp_path):
    page = tmp_path / "copy.txt"
    page.write_text("Ketamine relief\nMost patients feel better within hours of their first infusion.\n")
    index_dir = tmp_path / "shared-index"  # empty: the first processes race to build it
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "kb.cli", "--kb-dir", str(real_engine.kb_dir), "--index-dir", str(index_dir),
           "check", str(page), "--json"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path)
             for _ in range(6)]
    results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in procs]
    for code, out, err in results:
        assert code == 0, err.decode()[-2000:]
        report = json.loads(out)
        assert "onset-within-hours" in {c["id"] for s in report["sentences"] for c in s["claims"]}
    assert len({out for _, out, _ in results}) == 1  # every process gave the same report


def test_speller_cache_stays_bounded_on_junk(real_engine):
    speller = real_engine.checker(real_engine.snapshot()).speller
    rng = random.Random(14)
    junk = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(6, 12))) for _ in range(3000)]
    for i in range(0, len(junk), 50):
        speller.correct(" ".join(junk[i:i + 50]))
    assert speller.cached() <= speller.cache_size
    report = real_engine.check(" ".join(junk[:300]) + ". Ketamine relieves depression within hours.")
    assert report.sentences[-1].claims  # still works after the junk


# frames alone: the claim model's veto (session 32, docs/checker.md) drops the claim in a terse invented sentence here
@pytest.mark.frames_only
def test_invisible_characters_and_look_alikes_do_not_hide_a_claim(real_engine):
    plain = "Ketamine relieves depression within hours."
    hostile = "Ket\u00adamine re\u200blieves dеpression with\u200din hоurs."  # soft hyphen, ZWSP, ZWJ, Cyrillic е and о
    prefix = "Our clinic.\n"
    text = prefix + hostile
    report = real_engine.check(text)
    flagged = [s for s in report.sentences if s.claims]
    assert [c.id for c in flagged[0].claims] == [c.id for s in real_engine.check(plain).sentences for c in s.claims]
    s = flagged[0]
    assert text[s.start:s.end] == hostile == s.text  # offsets into the original, characters untouched


def test_normalize_maps_every_character_back():
    original = "a\u00adb\u200bc ﬁne Кetamine"
    norm = normalize(original)
    assert norm.text == "abc fine Ketamine"
    start = norm.text.index("fine")
    a, b = norm.to_original(start, start + 4)
    assert original[a:b] == "ﬁne"
    k = norm.text.index("Ketamine")
    assert original[slice(*norm.to_original(k, k + 8))] == "Кetamine"
