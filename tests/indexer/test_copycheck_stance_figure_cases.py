"""Stance and figure cases of the copy checker (issue 10, pass 8): general causes in how the checker reads a
question embedded in a statement, an exclusion list, and a range of percentages. Every sentence here is
invented; each test fails without the change it names."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py

from indexer.copycheck import figures
from indexer.copycheck.stance import SILENT, find_triggers


def _percents(text):
    return [(f.text, f.low, f.high) for f in figures.extract(text) if f.kind == "percent"]


def _verdicts(engine, text, claim_id):
    """(copy figure, verdict) for every figure the report compares for one claim."""
    return {(f.copy, f.verdict) for s in engine.check(text).sentences for c in s.claims if c.id == claim_id
            for f in c.figures}


# --- ranges of percentages ---------------------------------------------------------------------------------

def test_a_range_with_the_unit_at_both_ends_is_one_range():
    """'25% – 45%', '15 percent to 35 percent', 'between 30% and 50%' are one range each, not two endpoints."""
    assert _percents("Roughly 25% – 45% of people see no benefit from a first antidepressant.") == [("25% – 45%", 25, 45)]
    assert _percents("Some 15 percent to 35 percent of mothers stop nursing early.") == \
        [("15 percent to 35 percent", 15, 35)]
    assert _percents("It fails in between 30% and 50% of patients.") == [("30% and 50%", 30, 50)]
    assert _percents("Relief was seen in 55%-65% of those treated.") == [("55%-65%", 55, 65)]


def test_two_values_and_a_change_are_not_a_range():
    """A bare 'and' joins two figures ('41.5% and 18.2%', '5.5 and 21.3 percent ... respectively'), and 'fell
    from 30% to 8%' gives a change's two ends: none of them is a range from the one to the other."""
    assert _percents("Response and remission were 41.5% and 18.2% at one week.") == \
        [("41.5%", 41.5, 41.5), ("18.2%", 18.2, 18.2)]
    assert _percents("Episodes occurred in 5.5 and 21.3 percent of the two groups, respectively.") == \
        [("5.5", 5.5, 5.5), ("21.3 percent", 21.3, 21.3)]
    assert _percents("Rates fell from 30% to 8% after the infusion.") == [("30%", 30, 30), ("8%", 8, 8)]
    # "anywhere from" and "ranging from" open a range, not a change
    assert _percents("Anywhere from 35% to 75% of new mothers feel low for a few days.") == [("35% to 75%", 35, 75)]


def test_a_range_overlapping_the_evidence_is_not_outside_it(real_engine):
    """'30% – 40% fail' overlaps the SSRI remission-failure evidence: its top alone is not 'outside' it."""
    text = "It is estimated that 30% – 40% of people fail to recover on SSRIs."
    verdicts = _verdicts(real_engine, text, "ssri-often-fail")
    assert verdicts and all(v != "outside" for _, v in verdicts), verdicts
    assert ("30% – 40%", "ok") in verdicts or ("30% – 40%", "caution") in verdicts


def test_a_confidence_level_is_not_a_figure():
    """'95% confidence interval', '95% CI' give an interval's confidence, not a rate the copy reports."""
    assert _percents("Depression fell (odds ratio 0.41, 95% confidence interval 0.2 to 0.8).") == []
    assert _percents("The risk ratio was 0.3 (95% CI 0.1-0.6) in 12% of mothers.") == [("12%", 12, 12)]


def test_a_bound_is_compared_as_the_open_range_it_states(real_engine):
    """'disappeared within 24 hours' is at most a day: evidence of a few hours agrees with it; 'at least two weeks'
    and 'a month or more' are at least that long. The figure keeps its value for the claims' figure slots."""
    within = figures.extract("The dizziness disappeared within 24 hours.")[0]
    assert (within.low, within.high, within.bound) == (1440, 1440, "at-most")
    assert figures.extract("Relief can last for a month or more.")[0].bound == "at-least"
    assert figures.extract("Relief lasts at least two weeks.")[0].bound == "at-least"
    assert figures.extract("Each session is infused over 40 minutes.")[0].bound == ""
    text = "Relief from one ketamine infusion can last for a month or more."
    verdicts = _verdicts(real_engine, text, "effects-last-long")
    assert verdicts and all(v != "outside" for _, v in verdicts), verdicts
    # a ceiling below the evidence is still outside it: "relief within 1 hour" is sooner than trials showed
    assert ("1 hour", "outside") in _verdicts(real_engine, "Ketamine relieves depression within 1 hour.", "onset-within-hours")


def test_a_relative_change_is_not_compared_with_the_rates_in_each_group(real_engine):
    """'reduced the risk by about three quarters' is relative to placebo: not a rate to set beside 6.7% and 25.4%."""
    assert [f.measure for f in figures.extract("It cut the risk of postpartum depression by about three quarters.")] == \
        ["relative-change"]
    assert [f.measure for f in figures.extract("A 75% risk reduction was seen.")] == ["relative-change"]
    text = ("A single low dose of esketamine given to mothers after childbirth reduced the risk of major depression "
            "by about three quarters at 42 days.")
    found = {(f.copy, f.verdict) for s in real_engine.check(text).sentences for c in s.claims for f in c.figures}
    assert not any(copy == "three quarters" and verdict == "outside" for copy, verdict in found), found


# --- questions embedded in statements ---------------------------------------------------------------------

def test_an_if_after_a_verb_of_asking_or_knowing_opens_a_question(real_engine):
    """'ask your doctor if it is safe while breastfeeding' asks; it asserts nothing, as 'whether' does not."""
    for text in ("Ask your provider if ketamine is safe while breastfeeding.",
                 "Experts question if ketamine is safe while breastfeeding.",
                 "Check with your doctor to see if ketamine is safe for you while breastfeeding.",
                 "Nobody can say yet if ketamine is safe for breastfeeding mothers."):
        assert not flags(real_engine, text), text
    # only whom one asks stands between the verb and the "if": a condition later in a statement leaves it asserted
    text = "Most patients see relief within hours if they respond to ketamine."
    assert (text, "onset-within-hours", "asserts") in flags(real_engine, text)


def test_regardless_of_whether_leaves_nothing_open(real_engine):
    """'Regardless of whether ..., ketamine relieves depression within hours': the main clause holds either way."""
    text = "Regardless of whether it is given by infusion or as a spray, ketamine relieves depression within hours."
    assert (text, "onset-within-hours", "asserts") in flags(real_engine, text)
    assert "onset-within-hours" not in claim_ids(real_engine, "Doctors are unsure whether ketamine relieves depression within hours.")


def test_an_opening_choice_of_alternatives_leaves_the_main_clause_asserted(real_engine):
    """'Whether you are a new mother or have struggled for years, ketamine can relieve depression within hours': the
    'whether ... or ...,' clause is a choice of cases, not an open question over the main clause."""
    text = "Whether you are a new mother or have struggled for years, ketamine can relieve depression within hours."
    assert (text, "onset-within-hours", "asserts") in flags(real_engine, text)
    # a whether-clause as the subject is still an open question
    assert not flags(real_engine, "Whether ketamine relieves depression within hours is still debated.")


# --- exclusions and the populations they name ----------------------------------------------------------------

def test_an_exclusion_names_whom_the_drug_is_not_for_and_denies_nothing_of_them(real_engine):
    """'not recommended for people with heart disease, psychosis or substance use problems' is a contraindication:
    it denies no use of ketamine and none of its side effects, and asserts the contraindication claim. A claim whose own
    words are the exclusion ('not suitable ... who are pregnant', pregnancy-avoid) still takes it."""
    text = "Ketamine is not recommended for people with heart disease, psychosis, or substance use problems."
    assert flags(real_engine, text) == {(text, "ketamine-contraindications", "asserts")}
    # a contraindication is still worth checking: the exclusion is none of the categories that mark a sentence as
    # making no claim at all (an evidence gap, a pending outcome), which check-worthiness reads
    triggers = find_triggers(text)
    assert any(t.category == "excluded" for t in triggers) and not any(t.category in SILENT for t in triggers)
    text = "Ketamine is not suitable for everyone, including people with uncontrolled blood pressure or those who are pregnant."
    assert flags(real_engine, text) == {(text, "pregnancy-avoid", "asserts")}
    text = "Spravato is not recommended in women who could become pregnant and are not using contraception."
    assert (text, "esketamine-contraception-advice", "denies") not in flags(real_engine, text)
    assert (text, "pregnancy-avoid", "asserts") in flags(real_engine, text)
    # a plain denial of safety is no exclusion: it still denies
    text = "Ketamine is not safe for breastfeeding mothers."
    assert (text, "breastfeeding-compatible", "denies") in flags(real_engine, text)


def test_a_negation_in_a_relative_clause_describes_the_population(real_engine):
    """'mothers who don't want to stop breastfeeding can still receive ketamine' asserts compatibility: the
    relative clause's 'don't' says whom the sentence is about, not what it denies."""
    text = "Mothers who don't want to stop breastfeeding can still receive ketamine."
    assert flags(real_engine, text) == {(text, "breastfeeding-compatible", "asserts")}
    text = "Pregnant women and those who are not using birth control cannot take part in ketamine treatment."
    assert (text, "pregnancy-avoid", "denies") not in flags(real_engine, text)


# --- limits ---------------------------------------------------------------------------------------------------

def test_a_limit_bounds_a_claim_without_denying_it(real_engine):
    """'there is no guarantee that it will relieve your depression', 'the relief isn't permanent': a limit of the
    claim, not its denial (labelling decisions: limits of response); a plain denial still denies."""
    text = "There is no guarantee that ketamine will relieve your depression."
    assert not any(stance == "denies" for _, _, stance in flags(real_engine, text))
    text = "Many mothers feel better after a few ketamine treatments, though the benefits aren't permanent."
    assert (text, "effects-last-long", "denies") not in flags(real_engine, text)
    text = "Ketamine does not relieve depression."
    assert (text, "ketamine-effective-depression", "denies") in flags(real_engine, text)
    # the limit is check-worthy, as an exclusion is: not a category that marks a sentence as making no claim
    assert not any(t.category in SILENT for t in find_triggers("There is no guarantee that ketamine will relieve your depression."))


# --- a study's subject in the present tense; a comparison of more or less ----------------------------------

def test_a_review_that_examines_a_question_states_no_finding(real_engine):
    """'This course examines the efficacy of ...' says what a text is about, as 'examined the' already did."""
    text = "This short review evaluates the efficacy of ketamine in treatment-resistant depression."
    assert "trd-effective" not in claim_ids(real_engine, text)
    assert "trd-effective" in claim_ids(real_engine, "Ketamine is effective in treatment-resistant depression.")


def test_not_more_effective_compares_and_denies_nothing(real_engine):
    """'won't be any more effective' sets one way of taking a drug against another; it denies no effect."""
    text = "Having ketamine every single day won't be any more effective against depression."
    assert (text, "ketamine-effective-depression", "denies") not in flags(real_engine, text)
    denial = "Ketamine is not effective against depression."
    assert (denial, "ketamine-effective-depression", "denies") in flags(real_engine, denial)
