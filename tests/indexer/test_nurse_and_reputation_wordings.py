"""Two readings mended in the sixtieth pass. The `breastfeeding` concept's "nurse" is the verb, not the profession: "a nurse
practitioner" or "doctors and nurses" neither makes a breastfeeding claim nor vetoes a safety claim whose `unless` names
"@breastfeeding" (the concept's `not_within` words now guard such an `unless` list too). And "a reputation as a party drug"
is the copy saying the drug is misused, as "known as a party drug" is (labelling decisions round 2 rule 7), not a belief
it only reports.

Every sentence tested here is invented, not copied from any page. The frames alone are tested."""
from __future__ import annotations

import pytest

from flagged import flags, ids_on

pytestmark = pytest.mark.frames_only


@pytest.mark.parametrize("sentence, claim_id", [
    ("Ketamine infusions are safe when given and watched over by a physician or nurse practitioner.",
     "ketamine-safe-well-tolerated"),
    ("Ketamine is safe when given by doctors and nurses.", "ketamine-safe-well-tolerated"),
    ("Ketamine has a reputation as a party drug.", "abuse-potential"),
    ("Despite its reputation as a club drug, ketamine is now given in clinics.", "abuse-potential"),
    # the verb still names breastfeeding
    ("Ketamine is considered safe for nursing mothers.", "breastfeeding-compatible"),
])
def test_the_wording_makes_the_claim(real_engine, sentence, claim_id):
    assert claim_id in ids_on(real_engine, sentence + "\n", sentence)


@pytest.mark.parametrize("sentence, claim_id", [
    ("Ketamine is safe when given by doctors and nurses.", "breastfeeding-compatible"),
    ("A nurse practitioner confirms that ketamine is safe for you.", "breastfeeding-compatible"),
    # a safety claim about the nursing baby is still not the claim of safety in general
    ("Ketamine is considered safe for nursing mothers.", "ketamine-safe-well-tolerated"),
])
def test_the_wording_does_not(real_engine, sentence, claim_id):
    assert claim_id not in ids_on(real_engine, sentence + "\n", sentence)


def test_the_reputation_is_asserted_not_reported(real_engine):
    text = "Ketamine earned a reputation as a street drug in the 1990s.\n"
    assert ("Ketamine earned a reputation as a street drug in the 1990s.", "abuse-potential", "asserts") \
        in flags(real_engine, text)
