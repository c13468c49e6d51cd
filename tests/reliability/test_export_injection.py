"""Issue 12 point 17: a newline (or another line break) inside a record field cannot split an RIS record, close
a BibTeX value or break CSL-JSON. Real records, the real writers (webui/citations.py, owned by the citations work),
a hostile title and journal as a contributor could write them in YAML."""
from __future__ import annotations

import json

import pytest

from kb.loader import load

INJECTION = "A title\nER  - \nTY  - JOUR\nTI  - INJECTED RIS RECORD\u2028AU  - Nobody"


@pytest.fixture(scope="module")
def hostile_study(real_kb_dir):
    kb = load(real_kb_dir)
    study = next(s for s in kb.studies.values() if s.is_curated and s.title and s.journal)
    return study.model_copy(update={"title": INJECTION, "journal": "Journal\r\nTY  - BOOK"})


def test_ris_keeps_one_record_per_study(hostile_study):
    from webui.citations import to_ris

    text = to_ris([hostile_study])
    lines = text.splitlines()
    assert sum(line.startswith("TY  -") for line in lines) == 1
    assert sum(line.startswith("ER  -") for line in lines) == 1
    assert not any(line.startswith(("TI  - INJECTED", "AU  - Nobody")) for line in lines)


def test_bibtex_keeps_one_entry_and_balanced_braces(hostile_study):
    from webui.citations import to_bibtex

    text = to_bibtex([hostile_study.model_copy(update={"title": "x} , note = {INJECTED\n@article{evil,"})])
    assert sum(line.startswith("@") for line in text.splitlines()) == 1  # one entry; "@" inside a value is text
    assert text.count("{") == text.count("}")
    assert "note = {INJECTED" not in text


def test_csl_json_round_trips(hostile_study):
    from webui.citations import to_csl_json

    items = json.loads(to_csl_json([hostile_study]))
    assert len(items) == 1 and "\n" not in items[0]["title"]
