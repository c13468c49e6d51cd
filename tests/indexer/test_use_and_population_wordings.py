"""Words that name a use, the patients a treatment is for, or the illness itself are not the claims they sit beside:
"other medications" is not treatment resistance; "to treat depression" or "treating depression" is a use
or a clinic's work, not a result; relief "where antidepressants have failed" says whom a treatment is for, not how often
the drugs fail; "persistent low mood" and "lasting changes in the brain" are no relief that lasts; a "treatment option
for" resistant depression is an option, not its treatment working; a course's length without its count is not the course
of six (docs/checker.md, fifty-eighth pass). Each claim's own wording still makes it.

Every sentence tested here is invented, not copied from any page."""
from __future__ import annotations

import pytest

from flagged import ids_on, line_claims, with_and_without_model


@pytest.mark.parametrize("sentence, claim", with_and_without_model([
    ("Like other medications, ketamine is used for many conditions.", "trd-effective"),
    ("Esketamine is a nasal spray that our clinic now uses to treat depression in a dozen patients.", "ketamine-effective-depression"),
    ("Clinics are opening across the country to treat depression with ketamine.", "ketamine-effective-depression"),
    ("Ketamine can offer relief where antidepressants have failed.", "ssri-often-fail"),
    ("Research suggests ketamine can cause lasting changes in the brain.", "effects-last-long"),
    ("Depression is marked by persistent low mood, changes in appetite and fatigue, and ketamine is one treatment.", "effects-last-long"),
    ("A typical ketamine course is several treatments spread over two to four weeks.", "six-infusions-course"),
    ("Most patients start with a two-week series of ketamine treatments.", "six-infusions-course"),
]))
def test_a_use_a_population_or_the_illness_is_not_the_claim(real_engine, sentence, claim):
    assert claim not in ids_on(real_engine, sentence, sentence)


@pytest.mark.parametrize("line", with_and_without_model([
    "Our psychiatrists have long experience in treating depression.",
]))
def test_treating_the_illness_named_as_a_clinics_work_is_not_the_drug_working(real_engine, line):
    assert "ketamine-effective-depression" not in line_claims(real_engine, line, heading="Ketamine therapy")


@pytest.mark.frames_only
def test_an_option_offered_is_not_the_treatment_working(real_engine):
    sentence = "Ketamine infusion therapy is a treatment option for people with treatment-resistant depression."
    assert "trd-effective" not in ids_on(real_engine, sentence, sentence)


@pytest.mark.frames_only
@pytest.mark.parametrize("sentence, claim", [
    ("Ketamine is an effective treatment for treatment-resistant depression.", "trd-effective"),
    ("Ketamine helps patients whose depression has not responded to other medications.", "trd-effective"),
    ("Ketamine may treat depression in older adults.", "ketamine-effective-depression"),
    ("Antidepressants fail for many patients.", "ssri-often-fail"),
    ("The relief from a ketamine infusion can last for weeks.", "effects-last-long"),
    # a rate and a span that make six
    ("Ketamine infusions are given on Monday, Wednesday and Friday for two weeks.", "six-infusions-course"),
    ("The patient returns for ketamine treatment three times per week over the course of two weeks.", "six-infusions-course"),
    ("Typically the ketamine course involves two sessions per week for three weeks.", "six-infusions-course"),
])
def test_the_claims_own_wording_still_makes_it(real_engine, sentence, claim):
    assert claim in ids_on(real_engine, sentence, sentence)
