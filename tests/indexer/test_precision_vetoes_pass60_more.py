"""More wordings that the frames read as a claim and the labels do not give it (sixtieth pass, precision, second round;
each veto's comment in kb/claims/ or its concept's note in kb/concepts.yaml gives its counts on the tuning pages): a page
announcing what it will cover, doubts raised, misuse as the setting of an effect, supervision as the reason for it, a
definition of resistance in other words, how quickly a dose works, a dose's altered state, a review still pending,
depression's own lethality, a long history called safe, monotherapy, concerns about safety, the path to healing, the REMS
beside the anaesthetic's approval, an inpatient stay. The claims' own wordings still hold.

Every sentence tested here is invented, not copied from any page. The frames alone are tested."""
from __future__ import annotations

import pytest

from flagged import ids_on

pytestmark = pytest.mark.frames_only


@pytest.mark.parametrize("sentence, claim_id", [
    ("This article explores how ketamine relieves depression.", "ketamine-effective-depression"),
    ("Critics have raised reservations about how well ketamine treats depression.", "ketamine-effective-depression"),
    ("People who abuse ketamine often report nausea and confusion.", "ketamine-common-side-effects"),
    ("Because it can cause dizziness, ketamine must be administered in a clinic under supervision.",
     "ketamine-common-side-effects"),
    ("Treatment-resistant depression refers to depression that has not responded to two antidepressants.",
     "ssri-often-fail"),
    ("Ketamine works quickly to lift mood, and patients feel the effects within a day.", "side-effects-mild-transient"),
    ("At higher doses ketamine produces a dissociative state and hallucinations.", "ketamine-subanesthetic-dose"),
    ("Depression can be a fatal illness, and untreated it can end in suicide.", "ketamine-abuse-harms"),
    ("Esketamine can now be used as a standalone treatment, with or without an oral antidepressant.",
     "esketamine-with-oral-antidepressant"),
    ("Some patients feel hesitation because of safety concerns about ketamine's history as an anesthetic.",
     "ketamine-anesthetic-history-safe"),
    ("Ketamine-assisted therapy can open a path to healing and personal growth.", "dissociation-linked-efficacy"),
])
def test_the_wording_does_not_make_the_claim(real_engine, sentence, claim_id):
    assert claim_id not in ids_on(real_engine, sentence + "\n", sentence)


@pytest.mark.parametrize("sentence, claim_id", [
    ("Ketamine can cause nausea, dizziness and confusion.", "ketamine-common-side-effects"),
    ("Esketamine nasal spray is used together with an oral antidepressant.", "esketamine-with-oral-antidepressant"),
    ("Ketamine for depression is given at low, subanesthetic doses.", "ketamine-subanesthetic-dose"),
    ("The side effects of ketamine are mild and pass within an hour or two.", "side-effects-mild-transient"),
])
def test_the_claims_own_wording_still_does(real_engine, sentence, claim_id):
    assert claim_id in ids_on(real_engine, sentence + "\n", sentence)
