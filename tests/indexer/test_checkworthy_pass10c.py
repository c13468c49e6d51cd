"""What is NOT check-worthy, pass 10c (issue 10): kinds of sentence the learned model marked out of fold (5 site folds
over the 325 tuning pages) although the labelling guide rules them out: how to use a nasal spray device, what a drug's
"label" is, and a health insurer's coverage rules (the brief's "Many insurers cover ketamine infusions when prior
authorization is approved", which the clinic_voice entry's "insurance" did not reach). Each kind is a `hard_exclude`
entry of indexer/copycheck/checkworthy.yaml with an `unless` where a real claim would be caught.

The sentences are invented; they run through the real engine and the stored model, and each names no catalog claim,
so the check-worthy step decides. The stored model marks every sentence of NOT_CHECK_WORTHY on its own (so each test
fails without its exclusion); the last test's sentences are the exclusions' `unless` cases."""
from __future__ import annotations

import pytest

from checkworthy_cases import exclusion_tests, only_sentence  # tests/indexer/checkworthy_cases.py
from indexer.copycheck.checkworthy import hard_excluded

NOT_CHECK_WORTHY = [
    # nasal_spray_instructions: how to use the device, with the instruction's own wait in minutes
    ("nasal_spray_instructions", "Tilt your head back slightly and wait 5 minutes before using the second device."),
    ("nasal_spray_instructions", "Do not blow your nose for at least 10 minutes after each dose of the nasal spray."),
    # definition_of_a_term: what a drug's "label" is
    ("definition_of_a_term", "Once a medicine is approved, the drug company writes a label that explains how it should "
                             "be used."),
    # clinic_voice: an insurer's coverage rules
    ("clinic_voice", "Many insurers cover ketamine infusions when prior authorization is approved."),
]


test_these_kinds_are_not_check_worthy, test_each_case_needs_its_own_exclusion = exclusion_tests(NOT_CHECK_WORTHY)


@pytest.mark.parametrize("text", [
    # an effect or a harm beside the device instructions (nasal_spray_instructions' unless)
    "Blowing your nose right after a dose can reduce how much of the medicine is absorbed.",
    "Patients tilt their head back for each spray, and dissociation often starts within 40 minutes.",
    # a finding beside the label (the shared `finding` unless)
    "The label explains that in two trials the pill was found to improve sleep in older adults.",
    # coverage that rests on an FDA approval (clinic_voice's unless); no illness named: with one, the spray's approval is
    # the catalog claim esketamine-fda-approved (pass 37), and the check-worthy step no longer decides
    "Because the nasal spray is FDA-approved, most insurers now cover it.",
])
def test_a_claim_beside_an_excluded_kind_stays_check_worthy(real_engine, text):
    assert not hard_excluded(text)
    assert only_sentence(real_engine, text).checkworthy is True
