"""Pass 10 cases of the copy checker (issue 10): general causes of reading found on the tuning pages (tunable7) that
need a change in one step of the pipeline (context, stance, sentences), not vocabulary. Every sentence here is
invented; each test fails without the change it names."""
from __future__ import annotations

import pytest

from flagged import claim_ids, flags  # tests/indexer/flagged.py

from indexer.copycheck.sentences import split_sentences


def test_a_headline_that_keeps_the_drugs_name_for_later_takes_it_from_the_lead(real_engine):
    """A news headline naming only 'a drug' / 'a new treatment' is about the drug its lead names (context: lead)."""
    text = ("FDA clears 1st standalone drug for treatment-resistant depression\n\n"
            "The agency approved Spravato nasal spray on its own for adults whose depression resisted other medicines.")
    found = flags(real_engine, text)
    headline = "FDA clears 1st standalone drug for treatment-resistant depression"
    assert (headline, "esketamine-fda-approved", "asserts") in found


def test_a_news_opening_introducing_a_new_treatment_takes_it_from_the_next_sentence(real_engine):
    text = ("Regulators have approved a new treatment for adults with severe depression. "
            "The medicine, esketamine, is sprayed into the nose in a clinic.")
    found = flags(real_engine, text)
    assert ("Regulators have approved a new treatment for adults with severe depression.",
            "esketamine-fda-approved", "asserts") in found


@pytest.mark.frames_only
def test_a_definite_generic_treatment_in_a_topic_title_takes_nothing_from_the_lead(real_engine):
    """'the drug' is one already known, not one the lead is about to name."""
    text = "Approval of the Drug\n\nEsketamine is approved by the FDA for treatment-resistant depression."
    found = flags(real_engine, text)
    assert not any(sentence == "Approval of the Drug" for sentence, _, _ in found)
    assert ("Esketamine is approved by the FDA for treatment-resistant depression.", "esketamine-fda-approved", "asserts") in found


def test_an_approval_still_ahead_is_pending_not_asserted(real_engine):
    """'could be headed for FDA approval' (stance: hypothetical) is no approval."""
    text = "An experimental spray for depression could be headed for FDA approval, its maker says. The spray contains esketamine."
    assert "esketamine-fda-approved" not in claim_ids(real_engine, text)


def test_a_statement_joined_to_a_question_still_states_and_only_its_question_part_asks(real_engine):
    """'X works fast, but is it safe?': the statement asserts; what the question part holds is asked (stance: question)."""
    text = "Ketamine relieves depression within hours, but is it safe for a nursing mother?"
    found = flags(real_engine, text)
    assert (text, "onset-within-hours", "asserts") in found
    assert not any(cid == "breastfeeding-compatible" for _, cid, _ in found)
    # the same statement on a line after another question ("Could ...? X ..., but what ...?") is not a question block
    text = ("Could a spray end the wait? The FDA's approval of Spravato for treatment-resistant depression is a milestone"
            " - but what do its trials really show?")
    assert "esketamine-fda-approved" in claim_ids(real_engine, text)


def test_a_topic_or_a_condition_before_a_question_asks_as_a_whole(real_engine):
    """No verb before the question ('The promise of ketamine for PPD - is it real?'), or an if-clause: a question."""
    for text in ("The promise of ketamine for postpartum depression - is it real without evidence?",
                 "For new mothers with postpartum depression, is ketamine an effective treatment?",
                 "If ketamine relieves depression within hours, why do so few clinics offer it?"):
        assert not flags(real_engine, text), text


def test_a_failed_trial_result_denies_the_efficacy_it_tested(real_engine):
    """'missed its primary endpoint' / 'did not separate from placebo' deny (round 6 rule 1), never assert."""
    text = "Esketamine missed its primary endpoint of improving treatment-resistant depression."
    found = flags(real_engine, text)
    assert (text, "trd-effective", "denies") in found
    assert not any(stance == "asserts" for _, _, stance in found)


def test_a_finding_the_study_failed_to_make_is_not_masked_as_its_finding(real_engine):
    """'The trial failed to show that ...': the study-finding pseudo-trigger must not swallow the failure."""
    text = "The trial failed to show that ketamine relieves depression."
    found = flags(real_engine, text)
    assert found and all(stance == "denies" for _, _, stance in found)
    text = "The study found that ketamine relieves depression."
    assert (text, "ketamine-effective-depression", "asserts") in flags(real_engine, text)


def test_a_schedule_line_whose_label_has_a_figure_is_one_sentence():
    """'Later phase: weeks 9 onward. 1 dose every other week' is one statement, not a label and a stray fragment."""
    line = "Later phase: weeks 9 onward. 1 dose every other week for 2 hours."
    assert [s.text for s in split_sentences(line)] == [line]
    # a label without a figure, or a full sentence, still ends at its stop
    assert len(split_sentences("Warning: do not drive. Ketamine causes drowsiness.")) == 2
    assert len(split_sentences("The trial ran for 4 weeks. 2 patients left early.")) == 2


def test_a_schedule_lines_later_phase_takes_its_span_from_its_label(real_engine):
    text = ("Spravato dosing\n\nYour schedule:\n  • Later phase: weeks 9 onward. 1 treatment every other week for 2 hours.")
    assert "esketamine-dosing-schedule" in claim_ids(real_engine, text)


@pytest.mark.frames_only
def test_a_second_predicate_after_a_definition_is_said_of_the_thing_defined(real_engine):
    """'X is defined as Y and affects one in seven': the definition explains Y; the prevalence is stated (rule `until`)."""
    text = "Postpartum depression is defined as a depressive episode after giving birth and affects about one in seven mothers."
    assert (text, "ppd-prevalence-1-in-7", "asserts") in flags(real_engine, text)
    # inside the definition it is only explained
    text = "Postpartum depression is defined as a depressive episode after giving birth that affects about one in seven mothers."
    assert not flags(real_engine, text)


def test_a_drug_named_only_to_set_the_subject_apart_leaves_the_page_drug_its_subject(real_engine):
    """'sets it apart from IV ketamine' / 'in union with an oral antidepressant' name a compared or companion drug, not the
    clause's own subject (COMPARED_RE): 'it' is still the drug before."""
    lead = "Spravato is a nasal spray. "
    text = "Since its FDA approval, it has a routine that sets it apart from IV ketamine."
    assert "esketamine-fda-approved" in claim_ids(real_engine, lead + text)
    text = "It is indicated, in union with an oral antidepressant, for treatment-resistant depression in adults."
    assert "esketamine-fda-approved" in claim_ids(real_engine, lead + text)


def test_a_null_result_denies_what_it_measured(real_engine):
    """'remained null' / 'null results for X' deny (round 6 rule 1); a null result for the comparator denies nothing of X."""
    for text in ("The relief ketamine gave from depression remained null at six months.",
                 "The trial reported null results for ketamine in relieving depression."):
        assert (text, "ketamine-effective-depression", "denies") in flags(real_engine, text), text
    text = "The trial found that ketamine relieved depression, a null result for placebo."
    assert (text, "ketamine-effective-depression", "asserts") in flags(real_engine, text)


def test_what_to_know_about_a_topic_is_a_title_not_a_question(real_engine):
    """'What to know about X, the first approved drug for PPD' names a topic that states; it asks nothing (HEADING_ASKS)."""
    text = "What to know about Zulresso, the first FDA-approved drug for postpartum depression\n\nThe clinic explains more."
    assert "fda-approved-ppd-drugs" in claim_ids(real_engine, text)
    # a bare topic still states nothing
    assert not flags(real_engine, "What you need to know about ketamine side effects\n\nThe clinic explains more.")


def test_a_trials_null_depression_outcome_denies_the_efficacy_it_tested(real_engine):
    """A reported null result on the depression outcome names no benefit word; the outcome measure stands in for it and
    the negation denies it (labelling decisions, round 6 rule 1). A null difference in harms is not the efficacy claim's."""
    for text in ("Ketamine for inpatients\nIn the trial of ketamine against midazolam, no difference was found on the "
                 "primary depression rating scale at four weeks.",
                 "Ketamine trial\nDepressive symptoms did not differ between the ketamine and saline groups after two weeks."):
        found = flags(real_engine, text)
        assert any(cid == "ketamine-effective-depression" and stance == "denies" for _, cid, stance in found), (text, found)
    for text in ("Ketamine trial\nNo difference was found in side effects between the ketamine and placebo groups.",
                 "Ketamine trial\nA clear difference emerged on the primary depression scale, in favour of ketamine."):
        found = flags(real_engine, text)
        assert not any(cid == "ketamine-effective-depression" and stance == "denies" for _, cid, stance in found), (text, found)
