"""Claims curated from the uncovered slugs that recur most on real pages (session 15, docs/uncovered-claims.md):
`esketamine-with-oral-antidepressant` and `ketamine-subanesthetic-dose`. Each sentence runs through the real engine
over the repository's KB. A sentence making one of them is flagged with it, marked check-worthy and no longer listed
as not in the knowledge base; the neighbouring sentences the labels give to other claims are not flagged with it
(docs/labelling-decisions.md, "Claims curated from slugs, session 15")."""
from __future__ import annotations

import pytest

from flagged import claim_ids, flags  # tests/indexer/flagged.py

WITH_ORAL = "esketamine-with-oral-antidepressant"
SUBANESTHETIC = "ketamine-subanesthetic-dose"


@pytest.mark.parametrize("text", [
    "Esketamine nasal spray must be used together with an oral antidepressant.",
    "The nasal spray is taken alongside an oral antidepressant such as sertraline.",
    "Spravato is used along with an antidepressant taken by mouth.",
    "Patients prescribed Spravato must also be taking an oral antidepressant.",
])
def test_the_spray_taken_with_an_oral_antidepressant_is_the_curated_claim(real_engine, text):
    report = real_engine.check(text)
    (sentence,) = report.sentences
    assert WITH_ORAL in {c.id for c in sentence.claims}
    assert sentence.checkworthy is True and sentence.uncovered is False
    (claim,) = [c for c in sentence.claims if c.id == WITH_ORAL]
    assert claim.stance == "asserts" and claim.verdict == "partly-supported"


@pytest.mark.parametrize("text", [
    # an approval stated with its terms is the approval claim's (the labels read it so)
    "Spravato is FDA-approved for use in combination with an oral antidepressant to treat treatment-resistant depression.",
    "In 2019 the FDA approved esketamine as an adjunct to oral antidepressants.",
    # the two drugs compared, or the other drug as a hazard
    "Esketamine worked faster than oral antidepressants in the trial.",
    "Esketamine may interact with some antidepressants, such as MAOIs.",
])
def test_an_approval_or_a_comparison_is_not_the_combined_use(real_engine, text):
    assert WITH_ORAL not in claim_ids(real_engine, text)


@pytest.mark.parametrize("text", [
    "We administer sub-anesthetic doses of ketamine.",
    "The dose used for ketamine-assisted psychotherapy is much lower than anesthetic doses.",
    "The dose that is infused is a subanesthetic dose.",
])
def test_the_dose_as_the_point_is_the_subanesthetic_claim(real_engine, text):
    found = flags(real_engine, text)
    assert (SUBANESTHETIC, "asserts") in {(cid, stance) for _, cid, stance in found}


@pytest.mark.parametrize("text", [
    # the dose only qualifies what ketamine does: the efficacy or indication claim
    "Research suggests that low-dose ketamine infusions may offer rapid antidepressant effects.",
    "In sub-anesthetic doses, ketamine can provide relief for chronic pain conditions.",
    # animal studies at anaesthetic doses
    "Ketamine given to pregnant rats at high anesthetic doses caused neuronal cell death.",
])
def test_a_dose_that_only_qualifies_an_effect_is_not_the_dose_claim(real_engine, text):
    assert SUBANESTHETIC not in claim_ids(real_engine, text)
