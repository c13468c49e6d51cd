"""Wordings that the frames read as an efficacy, safety, approval or misuse claim and the labels do not give it (sixtieth
pass, precision; the vetoes are concepts in kb/concepts.yaml or words in kb/claims/, each with its counts on the tuning
pages): hype reported, a long history of use, a trial's aim, a subsidy listing, a list of uses, the search for relief,
the anaesthetic's sedation, a panel's vote, the general practice of off-label prescribing, interest in other uses, the
drug's acute effects lasting minutes. The claims' own wordings still hold.

Every sentence tested here is invented, not copied from any page. The frames alone are tested."""
from __future__ import annotations

import pytest

from flagged import ids_on

pytestmark = pytest.mark.frames_only


@pytest.mark.parametrize("sentence, claim_id", [
    ("Ketamine has been touted as an effective therapy for depression.", "ketamine-effective-depression"),
    ("Ketamine has gained attention for its potential to relieve depression.", "ketamine-effective-depression"),
    ("A new trial will test ketamine to help with depression.", "ketamine-effective-depression"),
    ("Clinics give ketamine for treating various mental health conditions.", "ketamine-effective-depression"),
    ("Esketamine is now listed on the Pharmaceutical Benefits Scheme for adults with treatment-resistant depression.",
     "trd-effective"),
    ("Ketamine was used on the battlefield as a fast, go-to anesthetic.", "ketamine-rapid-onset"),
    ("The effects of the drug itself last only about 40 minutes.", "effects-last-long"),
    ("Ketamine is widely used for procedural sedation in emergency rooms.", "ketamine-common-side-effects"),
    ("An FDA advisory panel voted to back the esketamine nasal spray.", "esketamine-fda-approved"),
    ("Off-label use of medications is legal and very common.", "ketamine-off-label-depression"),
    ("There is growing interest in experimenting with ketamine for PTSD and anxiety.", "ketamine-other-indications"),
])
def test_the_wording_does_not_make_the_claim(real_engine, sentence, claim_id):
    assert claim_id not in ids_on(real_engine, sentence + "\n", sentence)


@pytest.mark.parametrize("sentence, claim_id", [
    ("Ketamine is an effective treatment for depression.", "ketamine-effective-depression"),
    # the subsidy listing's words are not the broadcaster's name
    ("A PBS documentary shows that ketamine can help with depression.", "ketamine-effective-depression"),
    ("Ketamine is a rapid-acting antidepressant.", "ketamine-rapid-onset"),
    ("The FDA approved esketamine nasal spray for treatment-resistant depression in 2019.", "esketamine-fda-approved"),
    ("Ketamine is used off-label to treat depression.", "ketamine-off-label-depression"),
    ("Ketamine can cause nausea and dizziness.", "ketamine-common-side-effects"),
])
def test_the_claims_own_wording_still_does(real_engine, sentence, claim_id):
    assert claim_id in ids_on(real_engine, sentence + "\n", sentence)
