"""Check-worthiness, pass 11 (session 11): hard exclusions and their `unless` lists, measured out of fold (5 folds
grouped by site over the 325 tuning pages, bench/train_checkworthy.py cv --group site).

The sentences are invented; they run through the real engine and the stored model, and each names no catalog claim,
so the check-worthy step decides.

1. A claim beside an excluded kind that the `unless` lists missed: where a treatment stands in the order of care
   ("not a first-line option", "the first line of treatment is ...") beside eligibility criteria or a name given, and
   how many an illness affects ("affects many new mothers") beside the feelings it brings. Each case is taken by its
   kind's `match` (so without the `unless` it is excluded) and the stored model marks it.
2. Kinds the guide rules out that the model marked out of fold on several sites: someone's story told in the third
   person, a study's aim or design without its finding, what is not yet known ("more work is needed", "is currently
   unknown"), generic advice ("early intervention is crucial", "should be consulted") and a call to action in other
   words ("click here", "take advantage of", "find care near you", "call emergency services"). The stored model marks
   every sentence of NOT_CHECK_WORTHY on its own, and the entry named is the only exclusion that takes it (so each test
   fails without it); the last tests' sentences are the entries' `unless` cases."""
from __future__ import annotations

import pytest
import yaml

from checkworthy_cases import SECOND_STAGE_MISS, THRESHOLD_MISS, exclusion_tests, exclusions_taking, model_marks, only_sentence  # tests/indexer/checkworthy_cases.py
from indexer.copycheck.checkworthy import RULES_FILE, hard_excluded, rules


def _match_of(kind):
    """The `match` pattern of the `hard_exclude` entry named."""
    names = list(yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))["hard_exclude"])
    return rules().hard_exclude[names.index(kind)][0]


CLAIM_BESIDE_THE_KIND = [
    # eligibility_criteria: where the treatment stands in the order of care
    ("eligibility_criteria", "This is not a first-line option, and it is reserved for people who have tried at least "
                             "two antidepressants."),
    # definition_by_name: the usual first treatment, named by its class
    pytest.param("definition_by_name", "The usual first-line choice for panic disorder is a group of medicines known as SNRIs.",
                 marks=SECOND_STAGE_MISS),
    pytest.param("definition_by_name", "The first line of treatment for bipolar depression is usually a class of drugs "
                 "known as mood stabilizers.", marks=THRESHOLD_MISS),
    # feelings_described: how many the illness affects
    pytest.param("feelings_described", "Perinatal anxiety affects many pregnant women, leaving them feeling tense and overwhelmed.",
                 marks=SECOND_STAGE_MISS),
]


@pytest.mark.parametrize("kind,text", CLAIM_BESIDE_THE_KIND)
def test_a_claim_beside_the_kind_stays_check_worthy(real_engine, kind, text):
    assert _match_of(kind).search(text), "the kind's match no longer takes it: the case tests no unless"
    assert exclusions_taking(text) == []
    assert model_marks(real_engine, text), "the stored model no longer marks it: the case tests nothing"
    assert only_sentence(real_engine, text).checkworthy is True


@pytest.mark.parametrize("kind,text", [
    # "first line" of a text is no place in the order of care
    ("definition_by_name", "The first line of the leaflet gives the brand name, Zurzuvae."),
    # the feelings alone, with no share of those affected
    ("feelings_described", "New mothers often feel sad, anxious and overwhelmed, and many feel guilty about it."),
    # eligibility alone
    ("eligibility_criteria", "Treatment-resistant depression is a term for people who have tried at least two "
                             "antidepressants."),
])
def test_the_kind_alone_stays_excluded(real_engine, kind, text):
    assert exclusions_taking(text) == [kind]
    assert hard_excluded(text)
    assert only_sentence(real_engine, text).checkworthy is False


NOT_CHECK_WORTHY = [
    # third_person_story_told: someone's story, with the story's own doses, durations and figures
    ("third_person_story_told", "In her battle with postpartum depression, she's been suicidal, hospitalized and tried "
                                "five different medications."),
    ("third_person_story_told", "The singer revealed that he uses ketamine every other week to manage his depression."),
    ("third_person_story_told", "Last spring she was prescribed esketamine twice a week for her treatment-resistant "
                                "depression."),
    ("third_person_story_told", "Searching for a way out of depression, she bought ketamine online and used it every "
                                "night for a month."),
    # study_without_finding: an aim or a design, no finding
    ("study_without_finding", "Most studies have looked at how long the antidepressant effect of one ketamine infusion "
                              "lasts."),
    ("study_without_finding", "A phase 2 study provided new insights into how zuranolone passes into breast milk."),
    ("study_without_finding", "The first study saw four women with severe postpartum depression given brexanolone over "
                              "60 hours."),
    # evidence_gap: what is not yet known, in the words added
    ("evidence_gap", "Further work is needed on how ketamine affects the developing brain of breastfed infants."),
    ("evidence_gap", "The exact mechanism of ketamine-induced cystitis is currently unknown."),
    # importance_advice: generic advice in the words added
    ("importance_advice", "Early diagnosis is crucial to avoid long-term consequences for mother and child."),
    ("importance_advice", "Only a licensed medical professional should be consulted when considering ketamine for "
                          "postpartum depression."),
    # call_to_action_in_other_words: an offer, a referral, a link
    ("call_to_action_in_other_words", "Take advantage of 30% off your first ketamine infusion for depression!"),
    ("call_to_action_in_other_words", "Find care near you in 15 minutes with a quick online depression assessment."),
    ("call_to_action_in_other_words", "If you or someone else is in immediate danger after taking ketamine, call "
                                      "emergency services now."),
]


test_these_kinds_are_not_check_worthy, test_each_case_needs_its_own_exclusion = exclusion_tests(NOT_CHECK_WORTHY)


@pytest.mark.parametrize("kind,text", [
    # an effect stated inside the story
    ("third_person_story_told", "She tried the nasal spray, and her anxiety eased within a week."),
    # a rate stated beside the design
    ("study_without_finding", "The study divided 200 mothers into two groups, and 40% fewer mothers in the infusion "
                              "group developed depression."),
    # a finding after "but" beside the gap (evidence_gap's unless)
    ("evidence_gap", "The cause of ketamine cystitis is currently unknown, but heavy users often develop bladder pain."),
    # a risk stated beside the advice (claim_beside)
    ("importance_advice", "Early treatment is crucial, since untreated depression raises the risk of suicide in new "
                          "mothers."),
])
def test_a_claim_beside_these_kinds_stays_check_worthy(real_engine, kind, text):
    assert _match_of(kind).search(text), "the kind's match no longer takes it: the case tests no unless"
    assert not hard_excluded(text)
    assert only_sentence(real_engine, text).checkworthy is True


def test_a_harm_beside_a_call_to_action_is_not_excluded():
    text = "Click here to read how heavy ketamine use can damage the bladder."
    assert _match_of("call_to_action_in_other_words").search(text)
    assert exclusions_taking(text) == []


@pytest.mark.parametrize("text,taken", [
    # a name ending in "-I" (CBT-I, cognitive behavioural therapy for insomnia) is no first person
    ("CBT-I is a form of talk therapy for sleep problems after childbirth.", False),
    ("I remember the first weeks at home with the baby.", True),
])
def test_first_person_voice_is_the_pronoun_only(text, taken):
    assert ("first_person_voice" in exclusions_taking(text)) is taken
