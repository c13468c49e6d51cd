"""Pain named as what the drug relieves in anyone ("used for decades in surgery and pain management", "its anesthetic
properties provide pain relief") is its analgesic use, not a pain condition treated (`ketamine-other-indications`):
`other-conditions`' `not_within` words in kb/concepts.yaml. A condition named inside them still counts ("relieve
chronic pain": a word may stand between a phrase's words, and only a one-word term is the guard's own word).

Every sentence tested here is invented, not copied from any page. The frames alone are tested."""
from __future__ import annotations

import pytest

from flagged import ids_on

pytestmark = pytest.mark.frames_only


@pytest.mark.parametrize("sentence", [
    "Ketamine has long been used in surgery and pain management.",
    "Ketamine was developed as an anesthetic and is still used for pain relief in emergency rooms.",
    "Doctors have used ketamine for decades to manage pain during operations.",
])
def test_the_drugs_analgesic_use_is_no_other_indication(real_engine, sentence):
    assert "ketamine-other-indications" not in ids_on(real_engine, sentence + "\n", sentence)


@pytest.mark.parametrize("sentence", [
    "Our clinic uses ketamine to treat depression, PTSD and chronic pain.",
    "Low-dose ketamine infusions can relieve chronic pain as well as depression.",
    "Ketamine infusions are also offered for fibromyalgia and other pain conditions.",
])
def test_a_pain_condition_treated_still_is(real_engine, sentence):
    assert "ketamine-other-indications" in ids_on(real_engine, sentence + "\n", sentence)


def test_an_illness_hard_to_treat_is_still_no_benefit(real_engine):
    sentence = "Depression in teenagers can be difficult to treat."
    assert "trd-effective" not in ids_on(real_engine, sentence + "\n", sentence)
