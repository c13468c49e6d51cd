"""Wordings the labels give `side-effects-mild-transient` and `ketamine-safe-well-tolerated` that the frames missed, and
two they read wrongly (fifty-ninth pass; each frame's comment in kb/claims/ gives its counts on the tuning pages): the
effects said to fade or to last minutes, the experience enjoyed, the drug "shown to be safe"; not the bare pair "safety
and efficacy" a study looked at, nor the anaesthetic's battlefield record, nor the antidepressant effect fading.

Every sentence tested here is invented, not copied from any page. The frames alone are tested."""
from __future__ import annotations

import pytest

from flagged import ids_on

pytestmark = pytest.mark.frames_only


@pytest.mark.parametrize("sentence, claim_id", [
    ("These effects usually fade within half an hour after the session.", "side-effects-mild-transient"),
    ("The effects of a low dose last about 40 minutes.", "side-effects-mild-transient"),
    ("Most patients enjoy this experience.", "side-effects-mild-transient"),
    ("Ketamine has been shown to be safe for adults in clinical use.", "ketamine-safe-well-tolerated"),
])
def test_the_wording_makes_the_claim(real_engine, sentence, claim_id):
    assert claim_id in ids_on(real_engine, sentence + "\n", sentence)


@pytest.mark.parametrize("sentence, claim_id", [
    ("Researchers studied the safety and efficacy of ketamine in older adults.", "ketamine-safe-well-tolerated"),
    ("Its use on the battlefield had few side effects.", "side-effects-mild-transient"),
    ("The antidepressant effects fade after about a week.", "side-effects-mild-transient"),
])
def test_the_wording_does_not(real_engine, sentence, claim_id):
    assert claim_id not in ids_on(real_engine, sentence + "\n", sentence)
