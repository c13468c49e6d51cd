"""Wordings that the frames read as a claim and the labels do not give it (sixtieth pass, precision; each veto's comment in
kb/claims/, or its concept's note in kb/concepts.yaml, gives its counts on the tuning pages): hype reported, a long history
of use, a trial's aim, a subsidy listing, a list of uses, the search for relief, a page announcing what it will cover,
doubts raised, misuse or supervision as the setting of an effect, sedation as anaesthesia, a panel's vote, off-label
prescribing in general, interest in other uses, an approval's reach, suicide attempts, the ketamine experience's or an
intramuscular session's length, weekly sessions, a definition of resistance, a dose's altered state, depression's own
lethality, concerns beside safety, monotherapy, the path to healing. The claims' own wordings still hold.

Every sentence tested here is invented, not copied from any page. The frames alone are tested."""
from __future__ import annotations

import pytest

from flagged import ids_on

pytestmark = pytest.mark.frames_only


@pytest.mark.parametrize("sentence, claim_id", [
    ("The new approval means the spray can be given to adults with suicidal thoughts.", "reduces-suicidal-ideation"),
    ("Ketamine therapy is especially helpful for anyone living with suicidal thoughts.", "reduces-suicidal-ideation"),
    ("Ketamine cannot completely prevent suicide attempts.", "reduces-suicidal-ideation"),
    ("Ketamine is a short-acting anesthetic that can cause dissociation.", "dissociation-brief"),
    ("Your ketamine experience lasts about 45 minutes in the chair.", "infusion-40-60-min"),
    ("An intramuscular ketamine session takes about an hour.", "infusion-40-60-min"),
    ("Ketamine infusion sessions generally last about 20 minutes.", "infusion-40-60-min"),
    ("Depression is linked to lost connections between brain cells.", "neuroplasticity-synaptogenesis"),
    ("Patients come for ketamine infusions once a week for six weeks.", "six-infusions-course"),
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
    ("Ketamine rapidly reduces suicidal thoughts.", "reduces-suicidal-ideation"),
    ("A ketamine infusion takes about 40 minutes.", "infusion-40-60-min"),
    ("The dissociation from ketamine is brief and wears off within an hour.", "dissociation-brief"),
    ("Ketamine helps the brain form new synapses.", "neuroplasticity-synaptogenesis"),
    ("Ketamine is an effective treatment for depression.", "ketamine-effective-depression"),
    # the subsidy listing's words are not the broadcaster's name
    ("A PBS documentary shows that ketamine can help with depression.", "ketamine-effective-depression"),
    ("Ketamine is a rapid-acting antidepressant.", "ketamine-rapid-onset"),
    ("The FDA approved esketamine nasal spray for treatment-resistant depression in 2019.", "esketamine-fda-approved"),
    ("Ketamine is used off-label to treat depression.", "ketamine-off-label-depression"),
    ("Ketamine can cause nausea and dizziness.", "ketamine-common-side-effects"),
    ("Ketamine can cause nausea, dizziness and confusion.", "ketamine-common-side-effects"),
    ("Esketamine nasal spray is used together with an oral antidepressant.", "esketamine-with-oral-antidepressant"),
    ("Ketamine for depression is given at low, subanesthetic doses.", "ketamine-subanesthetic-dose"),
    ("The side effects of ketamine are mild and pass within an hour or two.", "side-effects-mild-transient"),
])
def test_the_claims_own_wording_still_does(real_engine, sentence, claim_id):
    assert claim_id in ids_on(real_engine, sentence + "\n", sentence)
