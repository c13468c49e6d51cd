"""Pass 18: the checker brought in line with written labelling rules it did not yet follow (the guide and
docs/labelling-decisions.md). Every sentence here is invented, not copied from any page; each test fails without the
change it names, and has a negative example beside it where the wording could misfire."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py
from indexer.copycheck.figures import fills_slot, measure_readings


def test_a_response_figure_is_about_seventy_only_from_two_thirds_to_three_quarters(real_engine):
    """A single response figure counts as about 70% from two thirds to three quarters, a range by its middle ("60-80%"
    is, "40-80%" is not); "up to 80%" or "89%" is another figure, which still says the drug works."""
    for sentence in ("About 70% of patients improve after ketamine infusions.",
                     "Ketamine infusions help 60-80% of patients with depression.",
                     "Two-thirds of patients respond to ketamine."):
        assert (sentence, "response-rate-70pct", "asserts") in flags(real_engine, sentence), sentence
    for sentence in ("Up to 80% of patients respond to ketamine infusions.",
                     "Almost 89% of ketamine patients reported improvements.",
                     "Ketamine infusions relieve depression for 40-80% of patients."):
        ids = claim_ids(real_engine, sentence)
        assert "response-rate-70pct" not in ids, sentence
        assert "ketamine-effective-depression" in ids, sentence
    sentence = "A majority of patients respond very well to ketamine."
    assert "response-rate-70pct" not in claim_ids(real_engine, sentence)


def test_another_response_figure_is_not_the_standard_drugs_failure_read_as_benefit(real_engine):
    """The response figure frame of general efficacy leaves the standard treatments' non-response alone."""
    sentence = "About 30% of people don't respond to current antidepressants, so ketamine is worth a look."
    assert "ketamine-effective-depression" not in claim_ids(real_engine, sentence)


def test_figure_measures_say_how_a_range_is_read():
    """A response range is read by its middle, a prevalence range by its top, a course of sessions whole, anything else by
    overlap."""
    readings = measure_readings()
    assert readings["response-rate"] == "middle" and readings["prevalence"] == "top"
    assert fills_slot(60, 80, 65, 77, "response-rate") and not fills_slot(40, 80, 65, 77, "response-rate")
    assert fills_slot(6.5, 20, 19.5, 20.5, "prevalence") and not fills_slot(11, 20, 12.6, 13.5, "prevalence")
    assert fills_slot(40, 80, 65, 77, "course-length") and not fills_slot(10, 20, 65, 77, None)
    assert set(readings.values()) <= {"overlap", "top", "middle", "within"}
    # a course of sessions is read whole (pass 27): 6-8 is about six, 3-6 and 4-8 reach outside it
    assert readings["sessions"] == "within"
    assert fills_slot(6, 8, 5, 8, "sessions") and not fills_slot(3, 6, 5, 8, "sessions") and not fills_slot(4, 8, 5, 8, "sessions")


def test_people_named_by_their_suicidal_thoughts_are_whom_it_is_for(real_engine):
    """"valuable for those struggling with suicidal ideation", "management of suicidal patients": the group named, no
    thoughts said to be relieved (labelling decisions, review of l14 rule 2); thoughts said to be eased still are."""
    for sentence in ("Treating someone who is struggling with suicidal ideation can be challenging, even with ketamine.",
                     "Its speed makes ketamine especially valuable for those struggling with suicidal ideation."):
        assert "reduces-suicidal-ideation" not in claim_ids(real_engine, sentence), sentence
    sentence = "Ketamine can ease suicidal thoughts within hours."
    assert (sentence, "reduces-suicidal-ideation", "asserts") in flags(real_engine, sentence)


def test_an_anaesthetic_approval_in_other_words_is_not_the_sprays(real_engine):
    """Approval "as a short-acting anesthetic" in the 1970s is the anaesthetic's (guide), not esketamine's."""
    text = "Spravato is a nasal spray for depression. Spravato was approved as a short-acting anesthetic by the FDA."
    assert "esketamine-fda-approved" not in claim_ids(real_engine, text)
    sentence = "Spravato was approved by the FDA in 2019 for treatment-resistant depression."
    assert (sentence, "esketamine-fda-approved", "asserts") in flags(real_engine, sentence)


def test_a_how_headline_in_statement_order_presupposes_what_it_says(real_engine):
    """"How Ketamine Infusions Can Help People With Severe Depression" states that it helps; "How ketamine works",
    "How does it work?" and "How long does it last" ask."""
    heading = "How Ketamine Infusions Can Help People With Severe Depression"
    assert "ketamine-effective-depression" in claim_ids(real_engine, heading + "\n\nInfusions are given in a clinic.")
    for heading in ("How Ketamine Works for Severe Depression", "How does ketamine help severe depression?",
                    "How long does ketamine help severe depression", "How to treat severe depression with ketamine"):
        assert "ketamine-effective-depression" not in claim_ids(real_engine, heading + "\n\nInfusions are given in a clinic."), heading


def test_beating_the_standard_drugs_is_a_benefit(real_engine):
    """The guide's asserting title, "Why ketamine beats antidepressants for new moms", as a sentence; a heart beat is
    no benefit."""
    sentence = "Ketamine beats antidepressants for postpartum depression."
    assert (sentence, "ketamine-treats-ppd", "asserts") in flags(real_engine, sentence)
    sentence = "Ketamine can cause an irregular heart beat in some mothers with postpartum depression."
    assert "ketamine-treats-ppd" not in claim_ids(real_engine, sentence)


def test_side_effects_said_to_be_rare_are_safety_in_general(real_engine):
    """"Side effects of ketamine are rare" is general safety (labelling decisions, safety rule 12); the nursing baby's
    safety is another claim."""
    for sentence in ("Side effects of ketamine are rare.", "Complications from ketamine infusions are extremely rare."):
        assert (sentence, "ketamine-safe-well-tolerated", "asserts") in flags(real_engine, sentence), sentence
    sentence = "Side effects in the breastfed baby are rare after ketamine."
    assert "ketamine-safe-well-tolerated" not in claim_ids(real_engine, sentence)


def test_a_capacity_to_cause_side_effects_names_them(real_engine):
    """"is capable of causing dizziness" names side effects it brings on, as "can cause" does; a potential to relieve
    depression is no side effect."""
    sentence = "Spravato is capable of causing dizziness and sedation."
    assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, sentence)
    sentence = "Ketamine has the potential to reduce depression."
    assert "ketamine-common-side-effects" not in claim_ids(real_engine, sentence)


def test_use_outside_the_law_is_misuse(real_engine):
    """"it is also used illicitly" names ketamine as a drug of misuse, taking "it" from the sentence before; a law
    against possessing it without authority says nothing of its misuse."""
    text = "Ketamine was developed as an anesthetic. This means it is also used illicitly."
    assert ("This means it is also used illicitly.", "abuse-potential", "asserts") in flags(real_engine, text)
    sentence = "It is illegal to possess ketamine without a licence."
    assert "abuse-potential" not in claim_ids(real_engine, sentence)


def test_a_list_on_pasted_paragraphs_takes_the_treatment_the_lead_names(real_engine):
    """Pasted copy without a heading: the bare items of a list far below take their treatment from the page's lead, as
    they would from a title (the issue's "Advantages include: • faster relief than pills • safe for nursing moms").
    A sentence that is no list item keeps to its neighbours."""
    text = ("Our clinic offers ketamine therapy. We are a caring team. Our clinic opened in 2015.\n\n"
            "Parking is free. We accept most insurance plans.\n\n"
            "Advantages include:\n• faster relief than pills\n• safe for nursing moms\n")
    found = flags(real_engine, text)
    assert ("faster relief than pills", "ketamine-rapid-onset", "asserts") in found
    assert ("safe for nursing moms", "breastfeeding-compatible", "asserts") in found
    text = ("Our clinic offers ketamine therapy. We are a caring team. Our clinic opened in 2015.\n\n"
            "Parking is free. We accept most insurance plans.\n\nMany mothers say it is safe for nursing moms.\n")
    assert "breastfeeding-compatible" not in claim_ids(real_engine, text)


def test_a_report_rejected_in_the_next_clause_is_denied(real_engine):
    """"Some clinics claim X, but the evidence does not support this" and "Ads say X; that is not proven" report X to
    reject it (guide: reported-then-rejected statements do not assert); a gap about something else after "but" leaves
    the first clause's claim asserted."""
    for sentence, claim in (("Some clinics claim that ketamine works within hours, but the evidence does not support this.",
                             "onset-within-hours"),
                            ("Ads say ketamine is safe while breastfeeding; that is not proven.", "breastfeeding-compatible")):
        assert (sentence, claim, "denies") in flags(real_engine, sentence), sentence
    sentence = "Ketamine is safe while breastfeeding, but the evidence on sleep in infants is thin."
    assert (sentence, "breastfeeding-compatible", "asserts") in flags(real_engine, sentence)


def test_what_has_not_been_shown_is_an_evidence_gap(real_engine):
    """"Trials have not shown a benefit of ketamine in postpartum depression" and "hasn't been shown to prevent suicides"
    are evidence gaps, asserting nothing (labelling decisions, round 8 (l11/l12) rule 2); "patients who have not benefited
    from antidepressants" still names the treatment-resistant group."""
    for sentence in ("Trials have not shown a benefit of ketamine in postpartum depression.",
                     "Spravato hasn't been shown to be more effective than a placebo or to prevent suicides."):
        assert not flags(real_engine, sentence), sentence
    sentence = "Ketamine helps patients who have not benefited from antidepressants."
    assert (sentence, "trd-effective", "asserts") in flags(real_engine, sentence)


def test_effects_said_to_last_a_long_time_or_not_long(real_engine):
    """"The effects last a long time" is durability without a figure; "don't last long" denies it; side effects that
    don't last long are the side effects' claim."""
    sentence = "Ketamine's effects last a long time."
    assert (sentence, "effects-last-long", "asserts") in flags(real_engine, sentence)
    sentence = "The effects of ketamine don't last long."
    assert (sentence, "effects-last-long", "denies") in flags(real_engine, sentence)
    sentence = "The side effects of ketamine don't last long."
    assert "effects-last-long" not in claim_ids(real_engine, sentence)


def test_a_wait_denied_is_no_failure(real_engine):
    """"ketamine doesn't take weeks to work" says it works sooner: nothing about its working is denied."""
    text = "Ketamine can treat postpartum depression. Unlike SSRIs, ketamine doesn't take weeks to work."
    assert not any(stance == "denies" for _, _, stance in flags(real_engine, text))


def test_the_nursing_baby_watched_is_not_the_rems_observation(real_engine):
    """A breastfed infant monitored for sedation, on a page about esketamine, is the infant-monitoring claim, not the
    patient's REMS observation; the patient monitored for two hours after the dose still is."""
    text = "Esketamine is not recommended while breastfeeding. Breastfed infants should be monitored for sedation."
    found = flags(real_engine, text)
    assert ("Breastfed infants should be monitored for sedation.", "breastfed-infant-monitoring", "asserts") in found
    assert "esketamine-rems-monitoring" not in {cid for _, cid, _ in found}
    sentence = "After each Spravato dose you are monitored for two hours."
    assert (sentence, "esketamine-rems-monitoring", "asserts") in flags(real_engine, sentence)
