"""The copy checker on the efficacy, onset, mechanism, approval and protocol claims, residual misses of pass 10
(issue 10): general ways any page words these claims that the checker missed on the 256 tuning pages. Every sentence
here is invented (none is copied from a page); each test fails without the wording it names, and each wording has a
negative example beside it."""
from __future__ import annotations

from flagged import claim_ids  # tests/indexer/flagged.py


def test_twice_weekly_for_the_first_four_weeks_is_the_spray_schedule(real_engine):
    """The induction phase given with its span ("for the first four weeks", "in weeks 1-4") or its frequency written
    "each week" / "two times per week" states the spray's schedule, as "twice a week for the first month" does."""
    for text in ("Spravato is given twice a week for the first four weeks.",
                 "Spravato: two sessions a week in weeks 1-4.",
                 "During the induction phase, Spravato is given twice each week.",
                 "Esketamine is usually given two times per week during the first month."):
        assert "esketamine-dosing-schedule" in claim_ids(real_engine, text), text
    # the span alone is no frequency ("the first four weeks after delivery"), an infusion course given "two to three
    # times per week" is not twice, and a lozenge or infusion schedule is not the spray's
    for text in ("Spravato is a nasal spray. Most cases begin within the first four weeks after delivery.",
                 "Spravato is given two to three times per week for the first four weeks.",
                 "Our ketamine infusions are given twice a week for the first two weeks.",
                 "Treatment with ketamine lozenges is twice a week for the first four weeks."):
        assert "esketamine-dosing-schedule" not in claim_ids(real_engine, text), text


def test_a_medicine_for_treatment_resistant_depression_presents_it_as_treating_it(real_engine):
    """The drug named by what it is for, right before the illness ("a nasal spray medication for TRD", "a therapy for
    treatment-resistant depression") is "a treatment for TRD" (labelling decisions, round 7 rule 11)."""
    for text in ("Spravato: The Newest Nasal Spray Medication for Treatment-Resistant Depression",
                 "Esketamine is a prescription drug for treatment-resistant depression in adults.",
                 "Ketamine infusions are a newer therapy for TRD."):
        assert "trd-effective" in claim_ids(real_engine, text), text
    # the drugs tried before ("tried other medications for depression"), a withheld recommendation, the label's quoted
    # indication and a hospital's credential to give it are no treatment of TRD
    for text in ("Our clinic offers ketamine. Many patients tried other medications for treatment-resistant depression before coming to us.",
                 "Nasal spray medication for treatment-resistant depression not recommended by the health service",
                 "Spravato is \u201ca nasal spray for treatment-resistant depression in adults, in conjunction with an oral antidepressant.\u201d",
                 "Our hospital is one of few in the region qualified to supply this medicine for treatment-resistant depression."):
        assert "trd-effective" not in claim_ids(real_engine, text), text
