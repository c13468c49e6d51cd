"""Every study in the real knowledge base renders as a reference a clinician can paste, in both
styles, and every export format reads back with the fields it was given (rispy, bibtexparser, json)."""
from __future__ import annotations

import html
import json
import re

import bibtexparser
import pytest
import rispy
from bibtexparser.bparser import BibTexParser
from bibtexparser.customization import convert_to_unicode

from kb.loader import load
from webui.citations import csl_item, to_bibtex, to_csl_json, to_ris
from webui.references import STYLES, format_reference, format_reference_html

# The NLM/Vancouver style's own medium designator for web sources (Citing Medicine); not a note of ours.
STYLE_DESIGNATORS = re.compile(r" \[Internet\]")


@pytest.fixture(scope="module")
def studies(real_kb_dir):
    kb = load(real_kb_dir)
    assert not kb.errors, kb.errors[:3]
    return sorted(kb.studies.values(), key=lambda s: s.key)


@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_reference_is_clean(studies, style):
    problems = []
    for s in studies:
        text = format_reference(s, style)
        if "[" in STYLE_DESIGNATORS.sub("", text):
            problems.append(f"{s.key}: bracketed note: {text}")
        if not re.match(r"\w", text):
            problems.append(f"{s.key}: starts with punctuation: {text}")
        if not s.authors and not text.startswith("Authors not recorded."):
            problems.append(f"{s.key}: no authors and does not say so: {text}")
        if s.authors and not text.startswith(re.split(r"[ ,]", s.authors[0])[0]):
            problems.append(f"{s.key}: does not start with the first author: {text}")
        if s.authors_truncated and "et al." not in text:
            problems.append(f"{s.key}: truncated author list without et al.: {text}")
        if "Published online" in text:  # AMA's reading of a missing volume; ours means "not recorded"
            problems.append(f"{s.key}: claims online-only publication: {text}")
        if s.label and s.label in text:
            problems.append(f"{s.key}: our label shown as a title: {text}")
        if s.doi and s.doi not in text:
            problems.append(f"{s.key}: DOI missing: {text}")
        plain_from_html = html.unescape(re.sub(r"<[^>]+>", "", str(format_reference_html(s, style))))
        if plain_from_html != text:
            problems.append(f"{s.key}: HTML and text renderings differ")
    assert not problems, "\n".join(problems)


def test_truncation_is_marked_where_the_dossier_cut_lists(studies):
    truncated = [s for s in studies if s.authors_truncated]
    assert len(truncated) >= 60
    assert all(s.authors for s in truncated)  # a mark on an empty list would be meaningless


def test_no_title_holds_a_curator_note(studies):
    for s in studies:
        assert s.title is None or not re.search(r"\[|not shown|descriptive label|reproduction of", s.title), s.key
        assert s.title or s.label, s.key


def test_ris_round_trip(studies):
    entries = rispy.loads(to_ris(studies))
    assert [e["id"] for e in entries] == [s.key for s in studies]
    for s, e in zip(studies, entries):
        item = csl_item(s)
        assert e.get("title") == item.get("title"), s.key
        assert e.get("authors", []) == [a.get("literal") or ", ".join(filter(None, (a.get("family"), a.get("given"))))
                                for a in item.get("author", [])], s.key
        assert e.get("journal_name") == item.get("container-title"), s.key
        assert e.get("year") == (str(s.year) if s.year else None), s.key
        assert e.get("doi") == s.doi and e.get("accession_number") == s.pmid, s.key
        assert e.get("volume") == s.volume and e.get("number") == s.issue, s.key
        if s.authors_truncated or not s.authors:
            assert e["notes"] == [item["note"]], s.key


def test_bibtex_round_trip(studies):
    parser = BibTexParser(common_strings=True)
    parser.customization = convert_to_unicode
    text = to_bibtex(studies)
    db = bibtexparser.loads(text, parser=parser)
    raw = {e["ID"]: e for e in bibtexparser.loads(text).entries}
    assert [e["ID"] for e in db.entries] == [s.key for s in studies]
    for s, e in zip(studies, db.entries):
        assert e.get("year") == (str(s.year) if s.year else None), s.key
        assert e.get("doi") == s.doi and e.get("pmid") == s.pmid, s.key
        if s.title and not re.search(r"[\\{}<>^~]", s.title):
            assert e["title"] == " ".join(s.title.split()), s.key
        names = _bibtex_names(raw[s.key].get("author", ""))
        assert len(names) == len(s.authors) + (1 if s.authors_truncated else 0), s.key
        assert (bool(names) and names[-1] == "others") == s.authors_truncated, s.key


def _bibtex_names(field: str) -> list[str]:
    """BibTeX's own rule: split on " and " outside braces (a braced organisation is one name)."""
    names, depth, start = [], 0, 0
    for i, ch in enumerate(field):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and field.startswith(" and ", i):
            names.append(field[start:i])
            start = i + 5
    return [n.strip() for n in [*names, field[start:]] if n.strip()]


def test_csl_json_round_trip(studies):
    items = json.loads(to_csl_json(studies))
    assert items == [csl_item(s) for s in studies]
    for s, item in zip(studies, items):
        assert item.get("title") == (" ".join(s.title.split()) if s.title else None), s.key
        assert item.get("DOI") == s.doi and item.get("PMID") == s.pmid, s.key
        assert len(item.get("author", [])) == len(s.authors), s.key
