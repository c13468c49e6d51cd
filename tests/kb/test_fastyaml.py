"""The fast record reader (kb/fastyaml.py) agrees with the careful parser or declines to answer."""
from __future__ import annotations

from pathlib import Path

import pytest

from kb import fastyaml
from kb.loader import load, plain, yaml_parser

REPO = Path(__file__).resolve().parents[2]
RECORDS = sorted((REPO / "kb").rglob("*.yaml")) + sorted((REPO / "tests").rglob("*.yaml"))


def careful(text: str):
    return plain(yaml_parser().load(text))


def test_every_shipped_record_and_fixture_reads_the_same_as_the_careful_parser():
    read = 0
    for path in RECORDS:
        text = path.read_text(encoding="utf-8")
        try:
            fast = fastyaml.read(text)
        except fastyaml.Declined:
            continue
        slow = careful(text)
        assert fast == slow and repr(fast) == repr(slow), path  # repr: True is not 1, a date not a string
        read += 1
    assert read >= 0.9 * len(RECORDS)  # the fast path is the common one


@pytest.mark.parametrize("text", [
    "a: &x [1, 2]\nb: *x\n",  # alias: the careful parser refuses it with its line
    "a: !!str 123\n",  # explicit tag
    "a: 0777\n", "a: 0x1F\n", "a: 1_000\n", "a: 12:30\n", "a: .inf\n", "a: 2026-01-01 10:00:00\n",
    "a: 1\na: 2\n",  # duplicate key
    "a: 2026-02-30\n",  # impossible date
    "- just\n- a list\n", "", "a: [unclosed\n",
    "k: " + "[" * 200 + "]" * 200 + "\n",  # deep nesting: refused by the careful parser's depth limit
])
def test_unusual_or_ambiguous_text_is_left_to_the_careful_parser(text):
    with pytest.raises(fastyaml.Declined):
        fastyaml.read(text)


@pytest.mark.parametrize("text, expected", [
    ("a: no\nb: off\nc: yes\n", {"a": "no", "b": "off", "c": "yes"}),  # YAML 1.2: strings, as with ruamel
    ("a: true\nb: 12\nc: -3.5\nd: ~\ne: 2026-01-02\nf: 'x'\n", None),
    ("text: |\n  two\n  lines\n", {"text": "two\nlines\n"}),
])
def test_plain_values_are_typed_as_yaml_1_2_types_them(text, expected):
    fast = fastyaml.read(text)
    assert fast == careful(text)
    assert repr(fast) == repr(careful(text))
    if expected is not None:
        assert fast == expected


def test_a_problem_in_a_fast_read_record_still_names_its_line(tmp_path):
    import shutil

    kb_dir = tmp_path / "kb"
    shutil.copytree(REPO / "tests" / "kb" / "fixtures" / "minimal", kb_dir)
    claim = next((kb_dir / "claims").glob("*.yaml"))
    lines = claim.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "unknown_field: 1")  # fast reader accepts the YAML; the model refuses the field
    claim.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert fastyaml.read(claim.read_text(encoding="utf-8"))  # read by the fast path
    problems = [p for p in load(kb_dir).problems if p.path.endswith(claim.name)]
    assert any(p.line == 4 and "unknown_field" in p.message for p in problems), problems
