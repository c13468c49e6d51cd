"""Pipeline cases of the copy checker (issue 10, round 4): general causes found in the development errors
that need a rule or code change in one step of the pipeline (figures, stance, context), not vocabulary.
Every sentence here is invented; each test fails without the change it names."""
from __future__ import annotations

import pytest

from flagged import flags  # tests/indexer/flagged.py

from indexer.copycheck import figures


def _figure_copies(engine, text, claim_id):
    """The copy figures the report compares for one claim, as written in the copy."""
    return {f.copy for s in engine.check(text).sentences for c in s.claims if c.id == claim_id for f in c.figures}


def _duration(text):
    return [(f.text, f.low, f.high, f.measure) for f in figures.extract(text) if f.kind == "duration"]


def test_durations_written_in_words_are_read_like_digits():
    """'up to a year', 'a couple of hours', 'two or three weeks', 'a week or two' are durations."""
    assert _duration("Relief can last up to a year.") == [("a year", 525600, 525600, "effect-duration")]
    assert _duration("Most of it fades within a couple of hours.") == [("a couple of hours", 120, 120, "effect-duration")]
    assert _duration("Pills need two or three weeks to work.")[0][:3] == ("two or three weeks", 20160, 30240)
    assert _duration("The glow lasts a week or two.") == [("a week or two", 10080, 20160, "effect-duration")]
    assert _duration("Benefits were seen for 3 years.")[0][:3] == ("3 years", 3 * 525600, 3 * 525600)
    # a vague number is one typical value, not a span that touches every neighbouring range
    assert _duration("It lasted for several hours.") == [("several hours", 300, 300, "effect-duration")]
    # "several days to weeks" has no upper end: no figure rather than a week-long one
    assert _duration("Relief may persist for several days to weeks.") == []
    # "as little as" inside "last for as little as" times how long relief lasts, not its onset
    assert _duration("Relief can last for as little as a few hours.")[0][3] == "effect-duration"


def test_a_claim_compares_the_durations_copy_writes_in_words(real_engine):
    text = "Relief from a single ketamine infusion can last up to a year."
    assert ("Relief from a single ketamine infusion can last up to a year.", "effects-last-long", "asserts") \
        in flags(real_engine, text)
    assert "a year" in _figure_copies(real_engine, text, "effects-last-long")
    text = "For many patients, ketamine relief can last for several months."
    assert "several months" in _figure_copies(real_engine, text, "effects-last-long")


def test_a_reputation_for_working_is_asserted_and_a_reputation_as_a_party_drug_is_reported(real_engine):
    """'known as an effective treatment' vouches for the claim (the copy's own); 'known as a party drug' reports."""
    assert ("Ketamine is known as an effective treatment for depression.", "ketamine-effective-depression", "asserts") \
        in flags(real_engine, "Ketamine is known as an effective treatment for depression.")
    text = "Ketamine is widely regarded as a safe and effective treatment for depression."
    assert {(text, "ketamine-effective-depression", "asserts"), (text, "ketamine-safe-well-tolerated", "asserts")} \
        <= flags(real_engine, text)
    # pass 10c: "known as a party drug" states the misuse (labelling decisions round 2 rule 7, round 7 rule 12);
    # having heard of it as one still only reports the reputation
    assert not flags(real_engine, "Many people have heard of ketamine as a party drug.")


def test_a_denial_stops_where_a_new_predicate_of_the_list_begins(real_engine):
    """'little to no relief, may cause weight gain' denies the relief, not the side effects."""
    text = "Antidepressants often give little to no relief, may cause weight gain and sexual side effects, and take weeks to work."
    found = flags(real_engine, text)
    assert (text, "ssri-side-effects", "asserts") in found and (text, "ssri-side-effects", "denies") not in found
    text = "SSRIs bring no improvement for many mothers, can cause nausea and insomnia, and take a month to work."
    assert (text, "ssri-side-effects", "asserts") in flags(real_engine, text)
    # a denial over a list without a new predicate still reaches every member
    text = "Ketamine is not addictive or habit-forming at the doses clinics use."
    assert (text, "abuse-potential", "denies") in flags(real_engine, text)


def test_not_being_aware_of_evidence_is_an_evidence_gap_over_the_whole_list(real_engine):
    text = ("Regulators said they are not aware of evidence that compounded ketamine is safer, more effective, "
            "or faster acting than approved drugs.")
    assert not flags(real_engine, text)


def test_and_opening_a_predicate_with_its_own_verb_ends_a_denial(real_engine):
    """A screening line: the patients 'aren't pregnant' and 'are using contraception' (asserted, not denied)."""
    text = "Before each esketamine dose, staff confirm that patients aren't pregnant and are using reliable contraception."
    found = flags(real_engine, text)
    assert (text, "esketamine-contraception-advice", "asserts") in found
    assert (text, "esketamine-contraception-advice", "denies") not in found


ZURANOLONE_PAGE = """Zurzuvae: a new pill for postpartum depression

Zuranolone is the first oral drug approved for postpartum depression. Unlike ketamine or brexanolone, zuranolone does not need an infusion.

How fast does it work?

Many women felt better within hours of the first dose. Side effects of zuranolone were mostly mild and temporary.
"""

KETAMINE_PAGE = """Ketamine for postpartum depression

Ketamine is an option when SSRIs fall short. SSRIs are the usual first treatment. Sertraline is the SSRI most often prescribed.
Ketamine infusions are given in our clinic.

How fast does it work?

Many mothers felt better within hours of the first infusion.
"""


@pytest.mark.frames_only
def test_a_page_about_another_drug_that_names_ketamine_once_is_still_about_that_drug(real_engine):
    """The page's own drug is the subject of its sentences that name none: 'the first dose' is zuranolone's."""
    found = flags(real_engine, ZURANOLONE_PAGE)
    assert not any(cid in ("onset-within-hours", "side-effects-mild-transient") for _, cid, _ in found)
    # a ketamine page that names another drug a few times is still about ketamine
    assert ("Many mothers felt better within hours of the first infusion.", "onset-within-hours", "asserts") \
        in flags(real_engine, KETAMINE_PAGE)


def test_how_often_is_not_how_long(real_engine):
    """'once a day', 'every two hours', 'twice a week' give a frequency: no duration to compare."""
    assert _duration("Take it once a day for 14 days.") == [("14 days", 20160, 20160, "unknown")]
    assert _duration("Nurses check on you every two hours.") == []
    assert [f for f, *_ in _duration("Infusions twice a week for 3 weeks.")] == ["3 weeks"]
    assert _duration("Relief within a day.") == [("a day", 1440, 1440, "time-to-onset")]
    # (said available: a bare course is no longer the approval claim, labelling decisions round 6 rule 3)
    copies = _figure_copies(real_engine, "Zuranolone is now available as a pill taken once a day for two weeks.", "fda-approved-ppd-drugs")
    assert "two weeks" in copies and "a day" not in copies


def test_a_comparison_of_degree_is_not_a_denial(real_engine):
    """'isn't as addictive as some drugs' still says it can be addictive; 'isn't addictive' denies."""
    text = "Although esketamine isn't as addictive as opioids, misuse is possible."
    assert (text, "abuse-potential", "asserts") in flags(real_engine, text)
    assert ("Esketamine is not addictive.", "abuse-potential", "denies") in flags(real_engine, "Esketamine is not addictive.")


def test_whom_a_sentence_is_for_and_more_often_than_not_deny_nothing(real_engine):
    text = "For mothers who can't take antidepressants while breastfeeding, TMS offers a drug-free option."
    assert (text, "tms-effective-ppd", "asserts") in flags(real_engine, text)
    text = "More often than not, the side effects of ketamine are mild and short-lived."
    assert (text, "side-effects-mild-transient", "asserts") in flags(real_engine, text)


def test_symptoms_for_a_span_time_how_long_not_how_soon(real_engine):
    """'improvement in symptoms for 4-10 weeks': the nearer 'symptoms for' beats the onset signal 'improvement in'."""
    assert _duration("Patients report improvement in symptoms for 4-10 weeks.")[0][3] == "effect-duration"
    assert _duration("Improvement in symptoms within 2 hours.")[0][3] == "time-to-onset"
    text = "After a ketamine series, patients usually report improvement in symptoms for 4-10 weeks."
    assert (text, "effects-last-long", "asserts") in flags(real_engine, text)


def test_a_share_of_non_responders_is_a_rate_not_a_denial_of_efficacy(real_engine):
    """Labelling decisions: 'not effective for 20% to 40% of patients' asserts the response rate it implies."""
    text = "Ketamine is not effective for about 30% of people with depression."
    found = flags(real_engine, text)
    assert (text, "response-rate-70pct", "asserts") in found
    assert (text, "ketamine-effective-depression", "denies") not in found
    text = "Ketamine is not effective for depression."
    assert (text, "ketamine-effective-depression", "denies") in flags(real_engine, text)


def test_an_age_is_not_a_duration():
    assert _duration("A 35-year-old mother was treated.") == []
    assert _duration("Her six-week-old baby was breastfed.") == []
    assert _duration("Relief lasted for 3 years.")[0][:3] == ("3 years", 3 * 525600, 3 * 525600)
