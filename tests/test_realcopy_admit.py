"""A fresh round joins the corpus only whole and only clean: no overwritten page, no used or test site, no copy."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import realcopy  # noqa: E402
import realcopy_admit  # noqa: E402

# Two texts long enough to have word runs of their own; the second is the first reworded at its edges only.
ARTICLE = ("Ketamine was first approved as an anaesthetic and is now given in clinics as an infusion for depression "
           "that has not lifted after two or more antidepressants, and some patients describe feeling better within a "
           "day of the first session while others notice little change until the third or fourth one of the course.")
FROZEN = ("Esketamine is a nasal spray taken under supervision in a certified office, and the patient stays for two "
          "hours afterwards until the sleepiness and the odd detached feeling that can follow a dose have worn off.")
OTHER = ("The postpartum period brings sleep loss and new routines, and a mother who feels low for more than two "
         "weeks after the birth should talk to her midwife or doctor rather than wait for it to pass on its own.")


def _site(part: str, start: int = 0) -> str:
    return next(f"https://site{i}.example/page" for i in range(start, 400)
                if realcopy.split_of(f"https://site{i}.example/") == part)


def _page(path: Path, url: str, text: str, label: str | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    label = text.split(",")[0] if label is None else label
    path.write_text(f"url: {url}\nread: 2026-12-05\nkind: clinic\ntext: {text}\n"
                    f"sentences:\n  - text: {label}\n    claims: []\n    checkworthy: true\n")
    return path


@pytest.fixture
def root(tmp_path, monkeypatch):
    """A repository root with a one-page development part, a one-page test part and an empty held-aside list."""
    monkeypatch.setattr(realcopy, "RESERVED", tmp_path / "reserved-pages.txt")
    (tmp_path / "reserved-pages.txt").write_text("https://reserved.example/kept\n")
    corpus = tmp_path / realcopy_admit.CORPUS
    _page(corpus / "dev" / "used-clinic.yaml", _site("dev"), OTHER)
    _page(corpus / "test" / "frozen-page.yaml", _site("test"), FROZEN)
    for folder, n in (("mined", 5), ("mined_held_aside", 6)):  # the mined sentences' sources: sites 5 and 6
        (corpus / folder).mkdir(parents=True)
        (corpus / folder / "check.yaml").write_text(
            f"sentences:\n  - url: {_fresh_site(tmp_path, n).replace('/fresh', '/blog/post')}\n    read: 2026-12-05\n"
            "    text: Ketamine works.\n    claims: {}\n")
    (tmp_path / realcopy_admit.LISTS).mkdir(parents=True)
    (tmp_path / realcopy_admit.LISTS / "realcopy_held_aside.txt").write_text("")
    return tmp_path


def _fresh_site(root: Path, n: int = 0) -> str:
    """A development-split site with no corpus page (the n-th; the fixture's mined sentences come from sites 5 and 6)."""
    used = {realcopy.site_of(_site("dev")), realcopy.site_of(_site("test"))}
    sites = [f"https://site{i}.example/fresh" for i in range(400)
             if realcopy.split_of(f"https://site{i}.example/") == "dev" and f"site{i}.example" not in used]
    return sites[n]


def test_a_clean_round_is_copied_listed_and_held_aside(root, tmp_path):
    fresh = _page(tmp_path / "round" / "new-clinic.yaml", _fresh_site(root), ARTICLE)
    written = realcopy_admit.admit([fresh], 47, root)
    assert written == ["tests/data/realcopy/dev/new-clinic.yaml"]
    assert (root / written[0]).read_text() == fresh.read_text()
    assert (root / "bench/data/realcopy_round47.txt").read_text() == written[0] + "\n"
    assert (root / "bench/data/realcopy_held_aside.txt").read_text() == written[0] + "\n"


@pytest.mark.parametrize("make, reason", [
    (lambda root, d: _page(d / "used-clinic.yaml", _fresh_site(root), ARTICLE), "already a corpus page's file name"),
    (lambda root, d: _page(d / "b.yaml", _site("dev").replace("/page", "/other"), ARTICLE), "already has a corpus page"),
    (lambda root, d: _page(d / "c.yaml", _site("test", 200), ARTICLE), "belongs in test/"),
    (lambda root, d: _page(d / "d.yaml", "https://www.reserved.example/another", ARTICLE), "reserved"),
    (lambda root, d: _page(d / "e.yaml", _fresh_site(root), "Reprinted from a clinic. " + OTHER), "copies used-clinic.yaml"),
    (lambda root, d: _page(d / "f.yaml", _fresh_site(root), "A mirror. " + FROZEN.upper()), "copies frozen-page.yaml"),
    (lambda root, d: _page(d / "g.yaml", _fresh_site(root), ARTICLE, label="not in the page"), "not verbatim"),
    (lambda root, d: _page(d / "h.yaml", _fresh_site(root, 5).replace("://", "://www."), ARTICLE), "source of mined sentences"),
    (lambda root, d: _page(d / "i.yaml", _fresh_site(root, 6).replace(".example/", ".example./"), ARTICLE),
     "source of mined sentences"),
])
def test_a_candidate_that_would_spoil_the_corpus_is_refused(root, tmp_path, make, reason):
    bad = make(root, tmp_path / "round")
    why = realcopy_admit.refusals([bad], root)[bad]
    assert any(reason in w for w in why), why


def test_two_candidates_of_one_site_or_one_text_are_refused_together(root, tmp_path):
    first = _page(tmp_path / "round" / "a.yaml", _fresh_site(root, 0), ARTICLE)
    same_site = _page(tmp_path / "round" / "b.yaml", _fresh_site(root, 0).replace("fresh", "faq"), OTHER[::-1])
    same_text = _page(tmp_path / "round" / "c.yaml", _fresh_site(root, 1), ARTICLE.replace("Ketamine", "It"), "It was")
    why = realcopy_admit.refusals([first, same_site, same_text], root)
    assert why[first] == []
    assert any("already has a page in this round (a.yaml)" in w for w in why[same_site])
    assert any("copies a.yaml, a candidate page" in w for w in why[same_text])


def test_one_refusal_keeps_the_whole_round_out(root, tmp_path):
    good = _page(tmp_path / "round" / "good.yaml", _fresh_site(root, 0), ARTICLE)
    bad = _page(tmp_path / "round" / "used-clinic.yaml", _fresh_site(root, 1), "Something else entirely, said once.")
    with pytest.raises(SystemExit, match="1 of 2 refused; nothing copied"):
        realcopy_admit.admit([good, bad], 47, root)
    assert not (root / "tests/data/realcopy/dev/good.yaml").exists()
    assert not (root / "bench/data/realcopy_round47.txt").exists()
    assert (root / "bench/data/realcopy_held_aside.txt").read_text() == ""


def test_a_file_that_does_not_parse_is_refused_with_its_reason(root, tmp_path):
    broken = tmp_path / "round" / "broken.yaml"
    broken.parent.mkdir()
    broken.write_text("url: [unclosed\n")
    assert realcopy_admit.refusals([broken], root)[broken][0].startswith("does not load:")


def test_validate_names_a_development_page_copying_a_test_page(root):
    corpus = root / realcopy_admit.CORPUS
    _page(corpus / "dev" / "mirror.yaml", _fresh_site(root), "Mirror. " + FROZEN.upper())
    pages = [realcopy.load_page(p) for part in ("dev", "test") for p in sorted((corpus / part).glob("*.yaml"))]
    assert realcopy.copies_across_parts(pages) == [
        "mirror.yaml (dev) copies frozen-page.yaml (test): a mirror or reprint across the split"]


def test_pages_sharing_a_sentence_or_two_are_not_copies():
    """Clinics built on one FAQ template share a sentence or two; that is not a reprint."""
    shared = "Ketamine is given by a trained clinician in a calm room while your heart rate and blood pressure are watched"
    a = realcopy.word_runs(shared + ". " + ARTICLE)
    b = realcopy.word_runs(shared + ". " + OTHER + " " + OTHER[::-1])
    assert 0 < len(a & b) < 25
    assert not realcopy.copies(a, b)


def test_a_subdomain_is_the_site_it_sits_under(root, tmp_path):
    used_dev, used_test = _site("dev"), _site("test")
    unused_test = next(f"https://blog.site{i}.example/x" for i in range(400)
                       if realcopy.split_of(f"https://site{i}.example/") == "test"
                       and realcopy.split_of(f"https://blog.site{i}.example/") == "dev"
                       and f"site{i}.example" != realcopy.site_of(used_test))
    cases = {
        "a.yaml": (used_dev.replace("://", "://albany."), "already has a page in the corpus's dev part"),
        "b.yaml": (used_test.replace("://", "://blog."), "already has a page in the corpus's test part"),
        "c.yaml": (unused_test, "belongs to the frozen test part"),
    }
    for name, (url, reason) in cases.items():
        page = _page(tmp_path / "round" / name, url, ARTICLE)
        why = realcopy_admit.refusals([page], root)[page]
        assert any(reason in w for w in why), (url, why)


@pytest.mark.parametrize("url, domain", [
    ("https://albany.clinic-one.example/faq", "clinic-one.example"),
    ("https://www.clinic.co.uk/ketamine", "clinic.co.uk"),
    ("https://news.health.gov.au/a", "health.gov.au"),
    ("https://clinic.com/a", "clinic.com"),
])
def test_the_domain_of_a_page_is_its_registered_domain(url, domain):
    assert realcopy_admit.domain_of(url) == domain
