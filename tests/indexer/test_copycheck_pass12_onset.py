"""Pass 12 (helper E12b): onset, duration and comparison claims on first-contact copy. Every sentence here is invented,
not copied from any page; each test fails without the change it names, and has a negative example beside it where the
wording could misfire."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_seen_as_soon_as_is_a_time_not_a_reputation(real_engine):
    """"seen as soon as 30 minutes after the dose", "described as early as the first day": an as-...-as comparison of time,
    not the "seen as"/"described as" of a reputation, which reports without asserting; the reputation still does."""
    for sentence in ("Improvement is seen as soon as 30 minutes after the infusion.",
                     "Relief was seen as early as two hours after the first dose."):
        assert (sentence, "onset-within-hours", "asserts") in flags(real_engine, sentence), sentence
    sentence = "Ketamine is often seen as a dangerous party drug."
    assert "abuse-potential" not in claim_ids(real_engine, sentence)


def test_time_frame_on_driving_is_not_onset(real_engine):
    """A time frame on driving or machinery ("avoid driving for a few hours", "not able to drive, work, or operate heavy
    equipment until the next day") is the after-session restriction, not relief within hours, and a span after "for" is
    how long something lasts; relief within hours beside it, or noticed "until the next day", still is onset."""
    for sentence in ("She was asked to avoid driving for a few hours and could return to work afterwards.",
                     "You will not be able to drive, work, or use heavy machinery until the next day."):
        assert "onset-within-hours" not in claim_ids(real_engine, sentence), sentence
    for sentence in ("Some people may not feel any change in mood until the next day.",
                     "Most patients notice relief within a few hours of the session."):
        assert (sentence, "onset-within-hours", "asserts") in flags(real_engine, sentence), sentence


def test_self_contained_speed_words_are_rapid_onset(real_engine):
    """A word that itself says the effect comes fast ("a fast-acting nasal spray", "a rapidly acting antidepressant",
    "a quicker onset of relief", "a quicker path to feeling better") is ketamine-rapid-onset without a separate effect word;
    the anaesthetic's speed and a route's uptake are not."""
    for sentence in ("Spravato is a fast-acting nasal spray made from one half of the ketamine molecule.",
                     "Esketamine is a rapidly acting antidepressant.",
                     "The quick-acting nature of ketamine makes it useful in a crisis.",
                     "Compared with pills, ketamine gives a quicker onset of relief.",
                     "Ketamine therapy can offer a quicker path to feeling better."):
        assert (sentence, "ketamine-rapid-onset", "asserts") in flags(real_engine, sentence), sentence
    for sentence in ("Ketamine is a fast-acting general anesthetic used in surgery.",
                     "Its fast-acting properties make ketamine ideal for emergency procedures.",
                     "IV ketamine offers fast absorption into the bloodstream, providing quicker effects.",
                     "Mothers with PPD now have FDA-approved, fast-acting medications made for them."):
        assert "ketamine-rapid-onset" not in claim_ids(real_engine, sentence), sentence


def test_poor_response_to_standard_drugs_is_ssri_often_fail(real_engine):
    """A share of patients, "some" included, responding poorly to the standard drugs ("have suboptimal responses", "don't
    respond well to these medications"), or not responding to a count of them ("to two or more medications"), and the
    drugs called "not the best fit for everyone" are ssri-often-fail; the population "who do not respond well" is who a
    treatment is for, and poor response to ketamine is not the claim."""
    for sentence in ("Although SSRIs are the usual first step, about a third of patients have suboptimal responses.",
                     "Antidepressants help many, but some people don't respond well to these medications.",
                     "Roughly 30% of patients will not respond to two or more medications.",
                     "Antidepressants are widely used, yet they are not the best fit for everyone."):
        assert (sentence, "ssri-often-fail", "asserts") in flags(real_engine, sentence), sentence
    for sentence in ("Ketamine can help mothers who do not respond well to antidepressants.",
                     "Some people don't respond well to ketamine infusions."):
        assert "ssri-often-fail" not in claim_ids(real_engine, sentence), sentence


def test_non_response_to_several_treatments_is_not_ketamine_response_rate(real_engine):
    """"A third of patients will not respond to two or more medications" is treatment resistance (the standard drugs'
    failure), not the complement of ketamine's response rate; ketamine's own non-response still is."""
    for sentence in ("About a third of patients will not respond to two or more medications.",
                     "Around 30% of people do not respond to at least 2 consecutive treatments."):
        assert "response-rate-70pct" not in claim_ids(real_engine, sentence), sentence
    sentence = "Ketamine does not work for about 30% of patients."
    assert (sentence, "response-rate-70pct", "asserts") in flags(real_engine, sentence)


def test_depression_drugs_taking_weeks_is_ssri_onset_weeks(real_engine):
    """The standard drugs named by what they are for ("other depression drugs", "medications for depression") taking weeks
    to work is ssri-onset-weeks; a course taken for two weeks is no delay."""
    for sentence in ("Other depression drugs can take 3-6 weeks to begin working.",
                     "Medications for depression may take several weeks to kick in."):
        assert (sentence, "ssri-onset-weeks", "asserts") in flags(real_engine, sentence), sentence
    sentence = "The new depression drug is taken once a day for two weeks."
    assert "ssri-onset-weeks" not in claim_ids(real_engine, sentence)


def test_last_only_and_a_study_named_by_its_aim_are_not_lasting_effects(real_engine):
    """"it may last only a few days" bounds the effect (as "only lasts" does), and a study named by its aim ("a long-term
    relapse prevention study") reports no finding: neither is effects-last-long; a relapse risk reduced in that study, and
    benefits that last for weeks, still are."""
    for sentence in ("Ketamine can lift depression quickly, but the improvement may last only a few days.",
                     "The company presented results from a long-term relapse prevention study of esketamine."):
        assert "effects-last-long" not in claim_ids(real_engine, sentence), sentence
    for sentence in ("Esketamine reduced the risk of relapse by half in a relapse prevention trial.",
                     "The benefits of ketamine can last for several weeks."):
        assert (sentence, "effects-last-long", "asserts") in flags(real_engine, sentence), sentence


def test_major_depressive_disorder_is_no_share_of_patients(real_engine):
    """"major depressive disorder" is no "majority": a definition of treatment resistance ("cases of major depressive
    disorder that do not respond to ... two antidepressants") states no share failing, while "the majority of patients do
    not respond" still does."""
    sentence = "TRD refers to cases of major depressive disorder that do not respond adequately to trials of at least two antidepressants."
    assert "ssri-often-fail" not in claim_ids(real_engine, sentence)
    sentence = "The majority of patients do not respond to their first antidepressant."
    assert (sentence, "ssri-often-fail", "asserts") in flags(real_engine, sentence)


def test_speed_of_adoption_is_not_rapid_onset(real_engine):
    """How fast a treatment spreads ("is quickly becoming a popular option", "rapidly gaining popularity", "quickly evolving
    into an available option") is adoption, not the speed of its effect; "works quickly" beside it still is."""
    for sentence in ("Ketamine therapy is quickly becoming a popular option for depression.",
                     "Ketamine infusions are rapidly gaining popularity as a treatment for depression.",
                     "Ketamine treatment is quickly evolving into a mainstream treatment option."):
        assert "ketamine-rapid-onset" not in claim_ids(real_engine, sentence), sentence
    sentence = "Ketamine works quickly, which is why it is rapidly becoming popular."
    assert (sentence, "ketamine-rapid-onset", "asserts") in flags(real_engine, sentence)


def test_effects_lasting_much_longer_are_lasting(real_engine):
    """Effects said to last much (far) longer, or a prolonged benefit, are effects-last-long; a plain "lasts longer than in
    bipolar depression" only compares, infusions given "so that" the benefit lasts longer name the series' aim, and a
    prolonged use is no benefit."""
    for sentence in ("Ketamine leaves the body within hours, but its antidepressant effects can last far longer.",
                     "With ketamine the relief lasts much longer than with older antidepressants.",
                     "Despite its short half-life, ketamine has a prolonged beneficial effect on mood."):
        assert (sentence, "effects-last-long", "asserts") in flags(real_engine, sentence), sentence
    for sentence in ("Improvement tends to last longer in unipolar than in bipolar depression.",
                     "Several infusions are given so that the improvement lasts much longer.",
                     "Prolonged use of ketamine can harm the bladder."):
        assert "effects-last-long" not in claim_ids(real_engine, sentence), sentence
