"""Wordings that the frames read as a claim and the labels do not give it (sixtieth pass, precision; each veto's comment in
kb/claims/ gives its counts on the tuning pages): an approval's reach or whom a treatment suits is not suicidal thoughts
relieved, nor are suicide attempts; a short-acting anaesthetic or being monitored is not brief dissociation; how long the
ketamine experience, a consultation or an intramuscular session lasts is not the infusion's 40 to 60 minutes, nor is a
half-hour session; "pathways to healing" and the illness's harm to connections are not neuroplasticity; weekly sessions
are not a course of six infusions; glutamate as a cause of the illness is not the drug's mechanism; withdrawal and
tolerance are not the spray's monitoring. The claims' own wordings still hold.

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
])
def test_the_wording_does_not_make_the_claim(real_engine, sentence, claim_id):
    assert claim_id not in ids_on(real_engine, sentence + "\n", sentence)


@pytest.mark.parametrize("sentence, claim_id", [
    ("Ketamine rapidly reduces suicidal thoughts.", "reduces-suicidal-ideation"),
    ("A ketamine infusion takes about 40 minutes.", "infusion-40-60-min"),
    ("The dissociation from ketamine is brief and wears off within an hour.", "dissociation-brief"),
    ("Ketamine helps the brain form new synapses.", "neuroplasticity-synaptogenesis"),
])
def test_the_claims_own_wording_still_does(real_engine, sentence, claim_id):
    assert claim_id in ids_on(real_engine, sentence + "\n", sentence)
