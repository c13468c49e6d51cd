"""What is NOT check-worthy, pass 10 (issue 10): general kinds of sentence the learned model marks although the
labelling guide rules them out (a story in the first person, a clinic's own service and payment, a name or class
given, admission criteria, a pending decision, popularity, what is not yet known, symptoms and feelings described,
generic advice, a session's logistics, a study's design). Each kind is a `hard_exclude` entry of
indexer/copycheck/checkworthy.yaml, with an `unless` where a real claim would be caught; none is a word for one page.

The sentences are invented; they run through the real engine and the stored model, and each names no catalog
claim, so the check-worthy step decides. Every sentence below the model marks check-worthy on its own (so each
test fails without its exclusion); the last test's sentences are the exclusions' `unless` cases."""
from __future__ import annotations

import pytest

from checkworthy_cases import RETRAINED_925_MISS, RETRAINED_1362_MISS, exclusion_tests, only_sentence  # tests/indexer/checkworthy_cases.py
from indexer.copycheck.checkworthy import hard_excluded


NOT_CHECK_WORTHY = [
    # first_person_voice: the writer's own story, wherever "I", "me" or "my" stands
    ("first_person_voice", "My psychiatrist prescribed ketamine for my depression a week after the baby arrived."),
    ("first_person_voice", "In my practice, ketamine is prescribed as a lozenge that dissolves under the tongue."),
    # clinic_voice: the clinic's own service and payment
    ("clinic_voice", "At Riverbend Wellness, every ketamine infusion is prescribed and monitored by a board-certified "
                     "anesthesiologist."),
    # (an insurance sentence stood here; the model retrained on 325 pages no longer marks it, so it tested nothing)
    # definition_by_name: a name, class or type given
    ("definition_by_name", "Zuranolone is sold under the brand name Zurzuvae and is taken for fourteen days."),
    # eligibility_criteria: whom a treatment is for, by how many antidepressants failed
    ("eligibility_criteria", "Adults whose depression has not responded to two or more antidepressants may qualify "
                             "for esketamine treatment."),
    ("eligibility_criteria", "Ketamine infusions are reserved for patients with severe depression or suicidal thoughts."),
    ("eligibility_criteria", "For adults with depression and suicidal thoughts, alongside an oral antidepressant."),
    # pending_decision: a decision still to come
    ("pending_decision", "The FDA is scheduled to make its decision on the new antidepressant nasal spray in March."),
    # attention_and_interest: popularity and hype
    ("attention_and_interest", "Ketamine for depression has received a lot of media attention since the FDA decision."),
    # session 30: the first model retrained on 893 pages no longer marks "You've likely heard about esketamine as a
    # treatment for depression in the news", so that case no longer needed the entry; this wording it still marks
    ("attention_and_interest", "You've probably heard about ketamine being used to treat depression."),
    # not_yet_known: what is not known yet, in words evidence_gap does not list
    ("not_yet_known", "Harm to the breastfed infant from esketamine cannot be ruled out."),
    ("not_yet_known", "Long-term effects of esketamine on the developing brain have not been studied."),
    # symptom_items: the illness's symptoms listed, or a bare symptom item
    ("symptom_items", "Symptoms can range from tearfulness and trouble sleeping to thoughts of harming the baby or "
                      "suicide."),
    ("symptom_items", "Persistent thoughts of death or suicide after giving birth"),
    # importance_advice: generic advice ("treat early")
    ("importance_advice", "It is crucial to get treatment for depression during pregnancy to protect the baby."),
    # session_logistics: what happens at the session, addressed to the patient
    ("session_logistics", "You will be monitored closely by a licensed nurse during each ketamine infusion."),
    # study_design: a study's design without its finding
    ("study_design", "The women were injected with esketamine or saline within an hour of the caesarean delivery."),
    # feelings_described: what the illness feels like
    ("feelings_described", "Women with postpartum depression may feel intense sadness, shame and guilt about harming the "
                           "baby."),
]


test_these_kinds_are_not_check_worthy, test_each_case_needs_its_own_exclusion = exclusion_tests(NOT_CHECK_WORTHY)


@pytest.mark.parametrize("text", [
    # a general statement inside a first-person text (first_person_voice's unless)
    "In my view as a psychiatrist, ketamine is less dangerous than alcohol for most adults.",
    # a Roman numeral is no first person (first_person_voice's match)
    "Schedule I drugs such as psilocybin are not approved for any medical use.",
    # an approval stated beside what is not yet studied (not_yet_known's unless)
    "Esketamine has not been studied in children and is not approved for anyone under 18.",
    # a treatment's effect on feelings (symptom_items' unless); sertraline, since zuranolone's benefit is a claim (pass 20)
    "Sertraline may reduce feelings of anxiety and sadness in new mothers within days.",
    # an approval for the group named by failed antidepressants (eligibility_criteria's unless)
    "The nasal spray is approved for adults who have not responded to at least two antidepressants.",
    # a dose, a relapse rate or an effect with its time frame beside the kind (the shared end of the unless)
    # (zuranolone's dose, since brexanolone's 60-hour infusion is a claim of pass 21)
    "Zuranolone, sold under the brand name Zurzuvae, is taken as a 50 mg dose each evening for 14 days.",
    "In my experience, about half of patients relapse within a month of their last infusion.",
    "Zuranolone is an investigational drug that cut depression scores within three days in trials.",
    # a prevalence figure reported from a study (study_design's unless)
    "About 1 in 6 new mothers had depression in a study of 5,000 women after childbirth.",  # 1 in 8 is a claim (pass 22)
])
def test_a_claim_beside_an_excluded_kind_stays_check_worthy(real_engine, text):
    assert only_sentence(real_engine, text).checkworthy is True
    assert not hard_excluded(text)


DRUG_USERS_SYMPTOMS = [
    # symptoms a drug brings on in its long-term users are its harms, not the illness's symptoms (symptom_list's unless)
    # (in a wording the bladder-damage claim of pass 20 does not take: "have been reported" now makes that claim)
    "Bladder symptoms such as pain and frequent urination are widespread among long-term ketamine users.",
    "Urinary symptoms such as pain and bleeding are common among heavy ketamine users.",
]


@pytest.mark.parametrize("text", [
    pytest.param(DRUG_USERS_SYMPTOMS[0], marks=RETRAINED_1362_MISS),
    pytest.param(DRUG_USERS_SYMPTOMS[1], marks=RETRAINED_925_MISS),
])
def test_symptoms_of_a_drugs_users_stay_check_worthy(real_engine, text):
    assert only_sentence(real_engine, text).checkworthy is True


@pytest.mark.parametrize("text", DRUG_USERS_SYMPTOMS)
def test_symptoms_of_a_drugs_users_are_not_excluded_as_the_illnesss_symptoms(text):
    # the rule's half of the test above, whatever the retrained models read: symptom_list's unless keeps them in
    assert not hard_excluded(text)
