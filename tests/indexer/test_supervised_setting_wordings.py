"""Esketamine named with where each dose is given, a supervised clinical setting, is its REMS
(`esketamine-rems-monitoring`) even when the copy states no rule ("Administered in a clinical setting, the spray is
paired with ..."). On the tuning pages 104 sentences naming the spray, its giving and such a setting were labelled with
the claim and 1 was not (docs/checker.md, fifty-ninth pass). Ketamine given in a clinic, or the setting without the
spray, is not the claim.

Every sentence tested here is invented, not copied from any page. The frames alone are tested."""
from __future__ import annotations

import pytest

from flagged import ids_on

pytestmark = pytest.mark.frames_only


@pytest.mark.parametrize("sentence", [
    "Administered in a clinical setting, Spravato works alongside your daily antidepressant.",
    "Patients receive esketamine at a doctor's office twice a week.",
    "Esketamine is given in a certified clinic by our nursing staff.",
])
def test_the_spray_given_in_a_supervised_setting_is_the_rems_claim(real_engine, sentence):
    assert "esketamine-rems-monitoring" in ids_on(real_engine, sentence + "\n", sentence)


@pytest.mark.parametrize("sentence", [
    "Ketamine infusions are administered in a clinical setting.",
    "Esketamine works differently from older antidepressants.",
    "Some clinics offer esketamine outside of the clinical setting it was approved for.",
])
def test_ketamine_in_a_clinic_or_the_spray_alone_is_not(real_engine, sentence):
    assert "esketamine-rems-monitoring" not in ids_on(real_engine, sentence + "\n", sentence)
