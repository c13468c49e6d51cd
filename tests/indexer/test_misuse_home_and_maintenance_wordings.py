"""Wordings the labels give a claim that the frames missed, and one they read wrongly (fifty-ninth pass; each frame's
comment in kb/claims/ gives its counts on the tuning pages):

- the therapy that follows a session (`ketamine-plus-psychotherapy`);
- a schedule's second phase, "then once a week", "after the first four weeks" (`maintenance-may-be-needed`);
- the drug's abuse named as such, whatever harm follows (`abuse-potential`), and not a myth the page answers;
- use with little oversight and self-medicating (`ketamine-at-home-risk`), and home use called safe, which denies it.

Every sentence tested here is invented, not copied from any page. The frames alone are tested."""
from __future__ import annotations

import pytest

from flagged import ids_on

pytestmark = pytest.mark.frames_only

MADE = [
    ("Because ketamine opens a window for change, the therapy that follows becomes more productive.", "ketamine-plus-psychotherapy"),
    ("For the first month you come twice a week, then once a week for the next four weeks.", "maintenance-may-be-needed"),
    ("After the first four weeks, the spray is taken once a week for another month.", "maintenance-may-be-needed"),
    ("Long-term ketamine abuse is linked to bladder damage.", "abuse-potential"),
    ("Some online services send lozenges to patients with little medical oversight.", "ketamine-at-home-risk"),
    ("Self-medicating with ketamine is dangerous.", "ketamine-at-home-risk"),
]


@pytest.mark.parametrize("sentence, claim_id", MADE)
def test_the_wording_makes_the_claim(real_engine, sentence, claim_id):
    assert claim_id in ids_on(real_engine, sentence + "\n", sentence)


def test_a_myth_the_page_answers_is_no_misuse_claim(real_engine):
    sentence = "Myth: Ketamine is just a party drug."
    assert "abuse-potential" not in ids_on(real_engine, sentence + "\n", sentence)


def test_home_use_called_safe_denies_the_home_risk(real_engine):
    sentence = "Our at-home ketamine program is safe and effective for most adults."
    report = real_engine.check(sentence + "\n")
    stances = {c.id: c.stance for s in report.sentences for c in s.claims}
    assert stances.get("ketamine-at-home-risk") == "denies"
