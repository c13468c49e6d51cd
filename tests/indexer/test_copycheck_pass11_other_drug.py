"""The copy checker's page drug, pass 11 (helper C11b): on a page about another drug (brexanolone, zuranolone), a sentence
that names no treatment but speaks of "the drug", "a single infusion", "this" is about that drug, so that drug's claims
whose frames let it come from context (`carry: true`) take it. Every sentence here is invented (none is copied from a
page); the positive tests fail without the change, and the negatives show where it must not reach."""
from __future__ import annotations

import pytest

from flagged import claim_ids  # tests/indexer/flagged.py

# A page about brexanolone whose title does not name it and whose later paragraph is far from the sentences that do
FILLER = ("Many mothers struggle in the months after birth. Family support matters a great deal. "
          "Sleep is hard to come by with a newborn. Partners can share the night feeds.\n\n")
BREXANOLONE_PAGE = ("A New Option for Mothers\n\nZulresso is a new medicine for postpartum depression. "
                    "Zulresso is given through a vein in a certified hospital.\n\n" + FILLER)
ZURANOLONE_PAGE = ("A New Option for Mothers\n\nZurzuvae is a new medicine for postpartum depression. "
                   "Zurzuvae is taken at home for two weeks.\n\n" + FILLER)


def _last(engine, text):
    """The claim ids flagged in the text's last sentence."""
    return {c.id for c in engine.check(text).sentences[-1].claims}


def test_generic_words_on_a_page_about_another_drug_are_that_drug(real_engine):
    for tail in ("The drug brings mothers fast relief.", "A single infusion gives mothers fast relief."):
        assert "brexanolone-efficacy" in _last(real_engine, BREXANOLONE_PAGE + tail), tail
    # a neurosteroid claim takes brexanolone too (the neurosteroids include it), and zuranolone on its own page
    for page in (BREXANOLONE_PAGE, ZURANOLONE_PAGE):
        assert "fda-approved-ppd-drugs" in _last(real_engine, page + "Until then, the only other option was a hospital stay."), page


@pytest.mark.frames_only  # the rule, without the claim model: retrained on 827 pages it reads "the relief is fast" on a brexanolone page as its efficacy (session 28)
def test_the_page_drug_does_not_reach_what_is_not_it(real_engine):
    # a sentence naming another treatment is that treatment's
    assert "brexanolone-efficacy" not in _last(real_engine, BREXANOLONE_PAGE + "SSRIs bring relief, but only after weeks.")
    # a sentence without a word for the drug says nothing of it
    assert "fda-approved-ppd-drugs" not in _last(real_engine, BREXANOLONE_PAGE + "View the FDA announcement here.")
    assert "brexanolone-efficacy" not in _last(real_engine, BREXANOLONE_PAGE + "Mothers feel better quickly, and the relief is fast.")
    # zuranolone's page does not lend brexanolone to its sentences
    assert "brexanolone-efficacy" not in _last(real_engine, ZURANOLONE_PAGE + "The drug brings mothers fast relief.")


def test_a_page_shared_by_two_drugs_or_about_ketamine_has_no_page_drug(real_engine):
    both = ("A New Option for Mothers\n\nZulresso is given through a vein in a hospital. Zurzuvae is taken at home. "
            "Zulresso takes sixty hours. Zurzuvae takes two weeks.\n\n" + FILLER)
    assert "brexanolone-efficacy" not in _last(real_engine, both + "The drug brings mothers fast relief.")
    ketamine = ("A New Option for Mothers\n\nKetamine is a new option for postpartum depression. "
                "Ketamine is given through a vein in a clinic.\n\n" + FILLER)
    for tail in ("The drug brings mothers fast relief.", "Until then, the only other option was a hospital stay."):
        ids = _last(real_engine, ketamine + tail)
        assert "brexanolone-efficacy" not in ids and "fda-approved-ppd-drugs" not in ids, tail
