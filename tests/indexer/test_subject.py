"""Search reads a query that names no other treatment as being about the KB's subject (indexer/subject.py)."""
from __future__ import annotations

import pytest

from indexer.meaning import CloserFirst
from indexer.subject import OTHER_TREATMENT_SCALE, SubjectLens, SubjectPreferred
from kb.loader import load


@pytest.fixture(scope="module")
def lens(real_kb_dir):
    return SubjectLens(load(real_kb_dir))


def test_claims_about_other_treatments_come_from_their_frames(lens):
    assert {"ssri-side-effects", "zuranolone-efficacy", "tms-effective-ppd", "brexanolone-withdrawn"} <= lens.other_claims
    # the subject's own claims, and those that name another treatment only beside it, are not
    assert not {"ketamine-common-side-effects", "ketamine-plus-psychotherapy", "safer-than-approved-drugs",
                "esketamine-with-oral-antidepressant", "ketamine-fda-anesthetic-approval"} & lens.other_claims
    assert {"ketamine", "esketamine", "racemic-ketamine"} <= lens.family
    # studies only such claims cite are about another treatment too; a study a ketamine claim also cites is not
    assert {"ferguson-2001-ssri-adverse-effects", "myczkowski-2012-rtms-ppd-rct"} <= lens.other_studies
    assert "short-2018-ketamine-side-effects" not in lens.other_studies
    assert ("study", "ferguson-2001-ssri-adverse-effects") in lens.other_documents
    assert ("claim", "ssri-side-effects") in lens.other_documents
    assert "antidepressant" in lens.others and "psychotherapy" not in lens.others


@pytest.mark.parametrize("text, other", [
    ("Are there side effects?", False),
    ("How long does esketamine nasal spray last", False),
    ("ketamine-assisted psychotherapy", False),
    ("side effects of SSRIs", True),
    ("What is Zurzuvae prescribed for?", True),
    ("Can I stop taking my antidepressant?", True),
    ("TMS or ketamine for postpartum depression", True),
])
def test_a_query_names_another_treatment_or_not(lens, text, other):
    assert lens.names_other(text) is other


def test_naming_no_treatment_ranks_the_subject_s_claims_first(real_engine):
    got = [h.id for h in real_engine.search("side effects", type="claim", per_page=5).results]
    assert got[0] != "ssri-side-effects"
    assert {"ketamine-common-side-effects", "side-effects-mild-transient"} <= set(got[:3])
    assert "ssri-side-effects" in got  # reordered, not dropped


def test_naming_no_treatment_ranks_the_subject_s_studies_first_too(real_engine):
    got = [h.id for h in real_engine.search("side effects", type="study", per_page=10).results]
    assert got[0] != "ferguson-2001-ssri-adverse-effects"
    assert got.index("short-2018-ketamine-side-effects") < got.index("ferguson-2001-ssri-adverse-effects")
    named = [h.id for h in real_engine.search("SSRI side effects", type="study", per_page=3).results]
    assert named[0] == "ferguson-2001-ssri-adverse-effects", named


def test_naming_the_other_treatment_keeps_its_claims_first(real_engine):
    assert real_engine.search("side effects of SSRIs", type="claim", per_page=1).results[0].id == "ssri-side-effects"
    assert real_engine.search("zuranolone sedation", type="claim", per_page=1).results[0].id == "zuranolone-sedation-risk"


def test_the_preference_reorders_and_never_changes_what_matches(real_engine):
    """The same total and facet counts as the plain query; the other treatment's claim scored down by the scale."""
    snap = real_engine.snapshot()
    q = snap.builder.build("side effects")
    q = q.child if isinstance(q, CloserFirst) else q  # under the meaning lens (indexer/meaning.py)
    assert isinstance(q, SubjectPreferred)
    with snap.ix.searcher() as s:
        plain = {d: sc for d, sc in _scored(s, q.child)}
        preferred = dict(_scored(s, q))
        assert set(plain) == set(preferred)
        ssri = s.document_number(id="ssri-side-effects")
        assert preferred[ssri] == pytest.approx(plain[ssri] * OTHER_TREATMENT_SCALE)
        common = s.document_number(id="ketamine-common-side-effects")
        assert preferred[common] == pytest.approx(plain[common])


def _scored(searcher, q):
    results = searcher.search(q, limit=None)
    return [(hit.docnum, hit.score) for hit in results]
