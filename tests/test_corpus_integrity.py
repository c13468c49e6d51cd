"""The real-copy corpus stays honest: verbatim labels, the split fixed by site, no reserved site."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import realcopy  # noqa: E402


def test_corpus_pages_validate():
    problems: list[str] = []
    pages = realcopy.load_corpus(problems=problems)
    assert pages, "the real-copy corpus is empty"
    assert problems == []


def test_no_site_is_in_both_parts():
    pages = realcopy.load_corpus()
    dev = {realcopy.site_of(p.url) for p in pages if p.part == "dev"}
    test = {realcopy.site_of(p.url) for p in pages if p.part == "test"}
    assert dev.isdisjoint(test)


def test_no_reserved_host_appears_anywhere_under_tests(shared_dir):
    hosts = realcopy.reserved_sites()
    assert hosts, "reserved-pages.txt lists no page"
    offenders = []
    for path in (REPO / "tests").rglob("*"):
        if path.is_file() and path.suffix not in {".pyc", ".png", ".docx", ".zip"}:
            text = path.read_text(encoding="utf-8", errors="ignore").lower()
            offenders += [f"{path.relative_to(REPO)}: {h}" for h in hosts if h in text]
    assert offenders == []


def test_split_rule_is_by_site():
    assert realcopy.split_of("https://www.example.org/a") == realcopy.split_of("https://example.org/b")
    parts = {realcopy.split_of(f"https://site{i}.example/") for i in range(40)}
    assert parts == {"dev", "test"}


@pytest.mark.parametrize("bad", ["not verbatim at all"])
def test_validator_rejects_a_label_that_is_not_in_the_page(tmp_path, bad):
    page = tmp_path / "dev" / "p.yaml"
    page.parent.mkdir()
    url = next(f"https://site{i}.example/" for i in range(100) if realcopy.split_of(f"https://site{i}.example/") == "dev")
    page.write_text(f"url: {url}\nread: 2026-12-01\nkind: clinic\ntext: Ketamine works within hours.\n"
                    f"sentences:\n  - text: {bad}\n    claims: []\n    checkworthy: true\n")
    problems: list[str] = []
    realcopy.load_page(page, problems)
    assert any("not verbatim" in p for p in problems)


def test_held_aside_pages_are_development_pages_left_out_of_tuning():
    aside = realcopy.held_aside()
    assert all(path.startswith("tests/data/realcopy/dev/") and (REPO / path).exists() for path in aside)
    tuning = {str(p.path.relative_to(REPO)) for p in realcopy.tuning_pages()}
    assert not tuning & aside
    assert len(tuning) + len(aside) == len(realcopy.load_corpus(("dev",)))


def test_the_unmined_held_aside_pages_are_those_of_sites_no_mined_sentence_comes_from():
    import realcopy_admit
    mined = {realcopy_admit.domain_of(url) for url in realcopy_admit.mined_urls()}
    unmined = {page.path for page in realcopy.unmined_held_aside_pages()}
    assert unmined
    for page in realcopy.held_aside_pages():
        assert (page.path in unmined) == (realcopy_admit.domain_of(page.url) not in mined), page.path
    # every round admitted since the admission check refuses mined sites (round 51 on) is wholly unmined while held aside
    aside = realcopy.held_aside()
    for listed in sorted(realcopy.HELD_ASIDE.parent.glob("realcopy_round*.txt")):
        number = listed.stem.removeprefix("realcopy_round")
        if number.isdigit() and int(number) >= 51:  # (not the _tune lists of early rounds)
            for line in filter(None, map(str.strip, listed.read_text().splitlines())):
                if line in aside:
                    assert REPO / line in unmined, line


def test_the_second_labelling_still_agrees_with_the_corpus_labels():
    """bench/data/realcopy_second_labels holds a blind second labelling of 23 dev pages (docs/benchmarks.md):
    the two agreed at sentence F1 0.927 when made. A corpus label edited against the written rules on one of
    those pages, or a page text changed under its labels, shows up here."""
    import label_agreement

    pairs = label_agreement.pairs()
    assert len(pairs) == 23
    corpus = [a for a, _ in pairs]
    reports = {b.text: label_agreement.as_report(b) for _, b in pairs}
    scores = realcopy.score(corpus, reports.__getitem__)
    assert scores["sentence"]["f1"] >= 0.90
    assert scores["page"]["f1"] >= 0.93


def test_the_guide_only_labellings_load_whole_agree_with_each_other_and_keep_their_distance_from_the_corpus():
    """bench/data/realcopy_guide_only_labels and _b hold 60 tuning pages labelled blind twice, from the guide and the
    catalog alone (docs/benchmarks.md, sixty-first pass): every label verbatim on its page, catalog ids only. When made,
    the two agreed with each other at sentence F1 0.940, and each with the corpus labels at about 0.84. A page text
    changed under its labels, a label that no longer lands, or the corpus labels moving further from the guide's plain
    reading shows up here."""
    import label_agreement

    catalog = realcopy.catalog_claim_ids()
    both = {}
    for folder in (label_agreement.GUIDE_ONLY, label_agreement.GUIDE_ONLY_B):
        problems: list[str] = []
        for path in sorted(folder.glob("*.yaml")):
            realcopy.load_page(path, problems, claim_ids=catalog)
        assert [p for p in problems if "belongs in" not in p] == []  # (the folder is not a corpus part)
        pairs = label_agreement.pairs(folder)
        assert len(pairs) == 60
        assert all(a.text == b.text for a, b in pairs)
        assert all(c in catalog for a, b in pairs for page in (a, b) for lab in page.labels for c, _ in lab.claims)
        reports = {b.text: label_agreement.as_report(b) for _, b in pairs}
        scores = realcopy.score([a for a, _ in pairs], reports.__getitem__)
        assert scores["sentence"]["f1"] >= 0.80
        assert scores["page"]["f1"] >= 0.88
        both[folder] = [b for _, b in pairs]
    first, second = both.values()
    reports = {b.text: label_agreement.as_report(b) for b in second}
    scores = realcopy.score(first, reports.__getitem__)
    assert scores["sentence"]["f1"] >= 0.90
    assert scores["page"]["f1"] >= 0.93


def _one_page_corpus(tmp_path, claims_yaml: str):
    page = tmp_path / "dev" / "p.yaml"
    page.parent.mkdir()
    url = next(f"https://site{i}.example/" for i in range(100) if realcopy.split_of(f"https://site{i}.example/") == "dev")
    page.write_text(f"url: {url}\nread: 2026-12-01\nkind: clinic\ntext: Ketamine works within hours and is safe.\n"
                    f"sentences:\n  - text: Ketamine works within hours and is safe.\n    claims: {claims_yaml}\n"
                    f"    checkworthy: true\n")
    return [realcopy.load_page(page)]


def _report(*ids):
    return {"sentences": [{"text": "Ketamine works within hours and is safe.", "start": 0, "end": 40,
                           "checkworthy": False, "claims": [{"id": i, "stance": "asserts"} for i in ids]}]}


def test_catalog_view_ignores_added_claims_on_both_sides(tmp_path):
    """`--ids catalog`: a flag of an added claim neither scores nor costs; its sentence counts as marked."""
    pages = _one_page_corpus(tmp_path, "[{id: onset-within-hours, stance: asserts}, "
                                       "{id: ketamine-safe-well-tolerated, stance: asserts}]")
    catalog = {"onset-within-hours"}
    scores = realcopy.score(*realcopy.restricted(pages, lambda t: _report("onset-within-hours", "ketamine-safe-well-tolerated"),
                                                 catalog, flags_too=True))
    assert (scores["sentence"]["tp"], scores["sentence"]["fp"], scores["sentence"]["fn"]) == (1, 0, 0)
    only_added = realcopy.score(*realcopy.restricted(pages, lambda t: _report("ketamine-safe-well-tolerated"),
                                                     catalog, flags_too=True))
    assert only_added["sentence"]["fn"] == 1 and only_added["sentence"]["fp"] == 0


def test_catalog_labels_view_counts_added_flags_as_wrong(tmp_path):
    """`--ids catalog-labels`: labels carry only catalog ids and every flag counts, as a scorer unaware of added claims."""
    pages = _one_page_corpus(tmp_path, "[{id: onset-within-hours, stance: asserts}, "
                                       "{id: ketamine-safe-well-tolerated, stance: asserts}]")
    scores = realcopy.score(*realcopy.restricted(pages, lambda t: _report("onset-within-hours", "ketamine-safe-well-tolerated"),
                                                 {"onset-within-hours"}, flags_too=False))
    assert (scores["sentence"]["tp"], scores["sentence"]["fp"], scores["sentence"]["fn"]) == (1, 1, 0)


def test_the_catalog_ids_are_read_from_the_shared_catalog(shared_dir):
    ids = realcopy.catalog_claim_ids()
    assert len(ids) == 37 and "milk-transfer-minimal" in ids and "id" not in ids
