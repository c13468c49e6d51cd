"""The copy checker on the efficacy, onset, approval and protocol claims, residual misses of round 7's tuning pages
(issue 10): general ways any page words these claims that the checker missed. Every sentence here is invented (none
is copied from a page); each test fails without the wording it names, and each wording has a negative example."""
from __future__ import annotations

import pytest

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_promise_as_an_antidepressant_is_efficacy_in_depression(real_engine):
    """'has shown promise as an antidepressant' asserts the effect, hedged (round 2 rule 12, clinic rule 8)."""
    text = "In early trials, ketamine has shown real promise as an antidepressant."
    assert "ketamine-effective-depression" in claim_ids(real_engine, text)
    # used as an antidepressant states a use, no benefit
    text = "Ketamine is sometimes given as an antidepressant in private clinics."
    assert "ketamine-effective-depression" not in claim_ids(real_engine, text)


def test_evidence_said_to_support_its_efficacy_is_efficacy(real_engine):
    """Studies or reviews said to support, underscore or confirm its efficacy assert the efficacy they back."""
    for text in ("Dozens of trials over twenty years support its efficacy, ketamine's advocates say.",
                 "Several pooled analyses have underscored ketamine's efficacy in adults.",
                 "Researchers are still debating what explains ketamine's efficacy against depression."):
        assert "ketamine-effective-depression" in claim_ids(real_engine, text), text
    # research that only looks at its efficacy reports no finding
    text = "A new trial will look at ketamine's efficacy over twelve months."
    assert "ketamine-effective-depression" not in claim_ids(real_engine, text)


def test_a_fast_acting_therapy_for_an_illness_is_rapid_onset(real_engine):
    """'a fast-acting therapy for X' / 'a fast-acting depression drug' says it works fast against the illness."""
    for text in ("Esketamine is marketed as a fast-acting therapy for hard-to-treat depression.",
                 "Ketamine has been called a fast-acting depression treatment."):
        assert "ketamine-rapid-onset" in claim_ids(real_engine, text), text
    # a fast-acting anaesthetic is the drug's anaesthetic onset
    text = "Ketamine is a fast-acting anaesthetic that is widely used in emergency rooms."
    assert "ketamine-rapid-onset" not in claim_ids(real_engine, text)


def test_used_for_people_whom_other_treatments_failed_is_trd_efficacy(real_engine):
    """'used for the treatment of depression in adults who have not responded to other treatments' is the TRD use
    (consistency rule 2: 'used to treat TRD' asserts trd-effective), the population named by its failed treatments."""
    text = "The spray is a medicine used for the treatment of depression in people who have not responded to two other drugs."
    assert "trd-effective" in claim_ids(real_engine, text)
    # the same use stated as a licence is the approval claim only
    text = "The spray is approved for the treatment of depression in people who have not responded to two other drugs."
    assert "trd-effective" not in claim_ids(real_engine, text)


def test_benefits_named_as_a_topic_or_the_writers_help_state_no_efficacy(real_engine):
    """'weigh the benefits and risks', 'the pros and cons', and the writer's 'I can help' name no effect of the drug."""
    for text in ("Talk to a psychiatrist to weigh the possible benefits and risks of ketamine for depression.",
                 "Below we set out the pros and cons of ketamine for depression.",
                 "I can help you read the research on ketamine for depression before you decide."):
        assert "ketamine-effective-depression" not in claim_ids(real_engine, text), text
    # the benefit stated still is efficacy
    text = "For many patients, ketamine can help treat depression that other drugs left untouched."
    assert "ketamine-effective-depression" in claim_ids(real_engine, text)


def test_relapse_kept_away_by_continued_dosing_is_maintenance_not_durability(real_engine):
    """Relapse prevented while ketamine is continued (labelling decisions, round 6 rule 12) is maintenance-may-be-needed;
    since the guide-only reading (sixty-first pass) it is not effects-last-long, the effect outlasting a course."""
    text = "Over a year of follow-up, continuing ketamine lowers the risk of relapse for many patients."
    ids = claim_ids(real_engine, text)
    assert "maintenance-may-be-needed" in ids and "effects-last-long" not in ids, ids
    # relapse in another illness is not this claim
    text = "Some researchers think ketamine may help prevent relapse in heavy drinking."
    ids = claim_ids(real_engine, text)
    assert "maintenance-may-be-needed" not in ids and "effects-last-long" not in ids, ids


@pytest.mark.frames_only
def test_a_delayed_relapse_with_no_continued_treatment_named_is_durability(real_engine):
    """A delayed relapse with no continued treatment named is durability only (round 5 rule 7), and trd-effective where
    the sentence is in TRD. Frames alone: the claim model retrained on the guide-only labels (sixty-first pass) vetoes
    effects-last-long on this terse invented sentence."""
    text = "In adults with treatment-resistant depression, the spray delayed relapse compared with placebo."
    ids = claim_ids(real_engine, "Esketamine is a nasal spray. " + text)
    assert "trd-effective" in ids and "effects-last-long" in ids and "maintenance-may-be-needed" not in ids, ids


def test_research_into_sustaining_the_effect_shows_no_lasting_effect(real_engine):
    """'investigations into maintenance protocols to sustain the effect' is research, no need or durability shown."""
    text = "Early results have led to investigations into booster infusions of ketamine to sustain the benefit for months."
    ids = claim_ids(real_engine, text)
    assert "maintenance-may-be-needed" not in ids and "effects-last-long" not in ids, ids
    # the need stated outright still is the claim
    text = "Many patients need booster infusions of ketamine to sustain the benefit for months."
    assert "maintenance-may-be-needed" in claim_ids(real_engine, text)


def test_an_approved_treatment_plan_is_no_drug_approval(real_engine):
    """A plan agreed for a patient ('the approved treatment plan for postpartum depression') approves no PPD drug."""
    text = "Your approved treatment plan for postpartum depression may combine therapy and medication."
    assert "fda-approved-ppd-drugs" not in claim_ids(real_engine, text)
    text = "An approved treatment for postpartum depression is now on the market."
    assert "fda-approved-ppd-drugs" in claim_ids(real_engine, text)


def test_what_the_fdas_decision_rests_on_and_an_approved_rems_are_not_the_approval(real_engine):
    """'The FDA's decision was based on ... data' says what the approval rests on (as 'the approval was based on');
    an approved REMS is the REMS, not the drug's approval."""
    text = "The FDA's decision was based on two positive trials showing that Spravato works as a monotherapy."
    assert "esketamine-fda-approved" not in claim_ids(real_engine, text)
    text = "The FDA approved a REMS for Spravato so that every dose is watched in a clinic."
    assert "esketamine-fda-approved" not in claim_ids(real_engine, text)
    # the approval itself still is
    text = "The FDA approved Spravato for use on its own last January."
    assert "esketamine-fda-approved" in claim_ids(real_engine, text)


def test_an_approval_named_by_the_drugs_kinship_to_ketamine_is_the_approval_not_efficacy(real_engine):
    """'The FDA approved a new drug to treat depression, a derivative of ketamine' is the approval headline: the
    esketamine approval, not a claim that ketamine works (the indication, as 'approves')."""
    text = "Regulators have approved a new medicine for severe depression that is a derivative of the party drug ketamine."
    ids = claim_ids(real_engine, text)
    assert "esketamine-fda-approved" in ids, ids
    text = "The FDA has approved a new drug to treat severe depression, made from a derivative of the anaesthetic ketamine."
    assert "ketamine-effective-depression" not in claim_ids(real_engine, text)
    # a derivative with no approval is no approval
    text = "Researchers are testing a derivative of ketamine in mice."
    assert "esketamine-fda-approved" not in claim_ids(real_engine, text)


def test_symptoms_relieved_in_people_with_suicidal_thoughts_are_not_the_thoughts_relieved(real_engine):
    """'reduces depressive symptoms in people with serious suicidal thoughts' names whom the result is for."""
    text = "The spray was shown to ease depressive symptoms in adults with suicidal thoughts within a day."
    assert "reduces-suicidal-ideation" not in claim_ids(real_engine, "Esketamine is a nasal spray. " + text)
    text = "Ketamine can ease suicidal thoughts within hours, even in patients with suicidal depression."
    assert "reduces-suicidal-ideation" in claim_ids(real_engine, text)


def test_buzz_about_its_value_is_hype_not_efficacy(real_engine):
    """'a lot of buzz about its value in treating depression' reports hype (labelling guide: hype is not efficacy)."""
    text = "Lately there has been much buzz about ketamine's value in treating depression."
    assert "ketamine-effective-depression" not in claim_ids(real_engine, text)
    text = "Lately ketamine has proven its value in treating depression."
    assert "ketamine-effective-depression" in claim_ids(real_engine, text)


def test_depression_that_resisted_other_treatment_is_treatment_resistant_and_a_viable_option_claims_nothing(real_engine):
    """Depression 'that has resisted all other treatment' is treatment-resistant; a 'viable option' for it is an
    evaluative option, no efficacy claim (round 6 rule 8)."""
    text = "Ketamine helps people whose depression has resisted every other medication."
    assert "trd-effective" in claim_ids(real_engine, text)
    text = "Ketamine has become a viable option for people whose depression has resisted every other medication."
    ids = claim_ids(real_engine, text)
    assert "trd-effective" not in ids and "ketamine-effective-depression" not in ids, ids


def test_other_drugs_failing_and_the_search_for_a_treatment_are_not_trd_efficacy(real_engine):
    """'tried antidepressants without finding relief', 'these drugs give little to no improvement' and 'the journey to
    find effective treatment' describe the illness and the other drugs' failure (ssri-often-fail), not the drug working."""
    lead = "Esketamine is a nasal spray for treatment-resistant depression. "
    for text in ("Many people with treatment-resistant depression have tried three antidepressants without finding relief.",
                 "For people with treatment-resistant depression, standard pills often bring little to no improvement.",
                 "For people with treatment-resistant depression, the search to find effective treatment can take years."):
        # only the sentence under test: the lead itself ("a nasal spray for TRD") is a treatment for TRD (round 7 rule 11)
        found = {cid for sentence, cid, _ in flags(real_engine, lead + text) if sentence == text}
        assert "trd-effective" not in found, text
    # relief found with the drug still is the claim
    text = "People with treatment-resistant depression often find relief with esketamine."
    assert "trd-effective" in claim_ids(real_engine, text)
