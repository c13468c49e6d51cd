"""Key generation, design guessing, topic suggestion and the YAML a draft is written as."""
from __future__ import annotations

import pytest

from kb.loader import load
from sources import drafts
from sources.pubmed import MeshHeading, parse_efetch

from registry_testutil import fixture_bytes, isolated, kb_root  # noqa: F401 (fixtures)


@pytest.mark.parametrize("author, surname, expected", [
    ("Müller K", "Müller", "muller"),
    ("Ðặng VH", "Ðặng", "dang"),
    ("O'Sample-Núñez MJ", "O'Sample-Núñez", "osamplenunez"),
    ("van der Berg J", "van der Berg", "vanderberg"),
    ("The Perinatal Ketamine Study Group", "The Perinatal Ketamine Study Group", "perinatal"),
    ("Strauß Ø", "Strauß", "strauss"),
])
def test_key_surname_is_ascii_folded(author, surname, expected):
    assert drafts.key_surname(author, surname) == expected


def test_key_from_significant_title_words():
    taken: set[str] = set()
    key = drafts.make_key("Example AB", "Example", 2024,
                          "The pharmacokinetics of ketamine in the breast milk of lactating women", taken)
    assert key == "example-2024-pharmacokinetics-ketamine-breast"
    assert drafts.make_key("Example AB", "Example", None, "A randomized trial of ketamine", set()) == \
        "example-nd-randomized-trial-ketamine"  # too few significant words: generic ones are allowed back


def test_keys_are_unique():
    taken = {"example-2024-ketamine-milk"}
    keys = [drafts.make_key("Example A", "Example", 2024, "Ketamine milk", taken) for _ in range(3)]
    assert keys == ["example-2024-ketamine-milk-2", "example-2024-ketamine-milk-3", "example-2024-ketamine-milk-4"]


def test_taken_keys_include_files_that_do_not_load(kb_root):
    (kb_root / "studies" / "broken-2020-record.yaml").write_text("key: [unclosed\n")
    assert "broken-2020-record" in drafts.taken_keys(load(kb_root))


@pytest.mark.parametrize("types, mesh, design", [
    (["Journal Article", "Randomized Controlled Trial"], [], "rct"),
    (["Review", "Systematic Review", "Meta-Analysis"], [], "meta-analysis"),
    (["Review", "Systematic Review"], [], "systematic-review"),
    (["Case Reports"], [], "case-report"),
    (["Review"], [], "narrative-review"),
    (["Observational Study"], [], "cohort"),
    (["Observational Study"], ["Cross-Sectional Studies"], "cross-sectional"),
    (["Clinical Trial"], [], "other"),
    (["Practice Guideline"], [], "guideline"),
    (["Journal Article"], ["Animals"], "preclinical"),
    (["Journal Article"], [], "other"),
])
def test_design_from_publication_types(types, mesh, design):
    assert drafts.design_from_pubmed(types, [MeshHeading(m) for m in mesh])[0] == design


def test_design_from_crossref():
    assert drafts.design_from_crossref("journal-article", "A systematic review of X")[0] == "systematic-review"
    assert drafts.design_from_crossref("journal-article", "Randomised placebo-controlled trial of Y")[0] == "rct"
    assert drafts.design_from_crossref("posted-content", "A randomized trial")[0] == "other"
    assert drafts.design_from_crossref("journal-article", "On ketamine")[0] == "other"


def test_topics_only_known_slugs_from_vocabulary(kb_root):
    matcher = drafts.TopicMatcher(load(kb_root).vocabulary)
    assert matcher.suggest("Ketamine in human milk of lactating mothers") == ["breast-milk-transfer"]
    assert matcher.suggest("prevention & control", "Cesarean Section") == ["csection-prophylaxis"]
    assert matcher.suggest("prevention of pain") == []  # "at" parts need both sides
    assert matcher.suggest("Suicidal Ideation") == ["suicidality"]
    assert drafts.TopicMatcher(None).suggest("breastfeeding") == []


def test_draft_yaml_quotes_identifiers_and_loads(kb_root):
    rec = parse_efetch(fixture_bytes("efetch_set.xml"))["99000002"]
    study, _ = drafts.draft_from_pubmed(rec, load(kb_root), set())
    path = drafts.write_draft(study, kb_root, drafts.header_comment("PubMed", rec.pmid))
    text = path.read_text(encoding="utf-8")
    assert 'pmid: "99000002"' in text and 'doi: "10.5555/irpp.2019.e1001"' in text
    assert 'authors: ["Perinatal Ketamine Study Group", "Ðặng VH"]' in text  # UTF-8, not escaped
    assert text.startswith("# Draft from PubMed 99000002")
    kb = load(kb_root)
    assert kb.problems == [] and kb.studies[study.key] == study
    assert oct(path.stat().st_mode & 0o777) == "0o644"
    assert [p.name for p in (kb_root / "studies").iterdir()] == [path.name]  # no temp file left


def test_write_never_overwrites(kb_root):
    target = kb_root / "studies" / "x.yaml"
    target.write_text("original\n")
    with pytest.raises(drafts.DraftError, match="already exists"):
        drafts.write_new(target, "new\n")
    assert target.read_text() == "original\n"
    assert [p.name for p in (kb_root / "studies").iterdir()] == ["x.yaml"]
