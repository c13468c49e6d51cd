"""The complement of the 70% response rate ("30% of patients don't respond to the infusions") is ketamine's claim; how
many people do not respond to "treatment" in general, or to a standard or first one, is how often depression resists
treatment, not how many patients ketamine leaves unhelped (kb/claims/response-rate-70pct.yaml, second frame, session 51).

Every sentence here is invented, not copied from any page. The frames alone are tested."""
from __future__ import annotations

import pytest

from flagged import line_claims as claims_on

pytestmark = pytest.mark.frames_only


def test_a_share_not_helped_by_the_infusions_is_the_response_rates_complement(real_engine):
    line = "About 30% of patients don't respond to the infusions."
    assert claims_on(real_engine, line).get("response-rate-70pct") == "asserts"


@pytest.mark.parametrize("line", [
    "About one in three adults don't respond to treatment.",
    "Roughly 30% of people will not respond fully to treatment.",
    "Some 30% of patients do not respond to standard treatment methods.",
])
def test_a_share_not_helped_by_treatment_in_general_is_no_ketamine_response_rate(real_engine, line):
    assert "response-rate-70pct" not in claims_on(real_engine, line)
