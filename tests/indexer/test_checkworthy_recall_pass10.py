"""Check-worthy sentences no catalog claim covers that the learned model missed, pass 10 (issue 10: recall). Each kind
is general vocabulary in a pattern group of indexer/copycheck/checkworthy.yaml (a feature of the model), chosen from the
out-of-fold misses on the tuning pages and kept only where cross-validation grouped by site rose: how a treatment is
given or combined (the new `protocol` group), a regulator's action short of an approval (`approval`), side effects named
by the body part or the reaction, interactions and contraindications (`safety`), the illness's burden in words
(`epidemiology`), comparisons between forms and the lack of other options (`efficacy`), how a drug enters and leaves
the body (`pharmacokinetics`) and the spacing of sessions (`dosing`).

The sentences are invented; they run through the real engine and the stored model, and each names no catalog claim, so
the check-worthy step decides. Every sentence of the first test was not marked by the model and groups before this
pass (so each fails without the change); the pattern tests pin what the new vocabulary does and does not catch."""
from __future__ import annotations

import pytest

from checkworthy_cases import RETRAINED_1067_MISS, RETRAINED_1103_MISS, RETRAINED_1208_MISS, RETRAINED_793_MISS, RETRAINED_925_MISS, RETRAINED_MISS, SECOND_STAGE_MISS, only_sentence  # tests/indexer/checkworthy_cases.py
from indexer.copycheck.checkworthy import rules


MISSED_BEFORE = [
    # protocol: used together with / alongside / in combination with another medicine, how it is given
    # (the spray taken with an oral antidepressant was a case here until it became the claim
    # esketamine-with-oral-antidepressant in session 15: tests/indexer/test_curated_from_slugs.py)
    pytest.param("protocol", "Zuranolone is taken in combination with a fatty meal.", marks=RETRAINED_1103_MISS),
    # approval: what a regulator or its committee did, short of an approval
    ("approval", "The UK medicines regulator licenses a new brain stimulation device for depression."),  # the spray licensed abroad is a claim (pass 22)
    pytest.param("approval", "An advisory committee voted 11 to 2 in favour of the new antidepressant.", marks=SECOND_STAGE_MISS),
    ("approval", "The nasal spray is not recommended by NICE for treatment-resistant depression."),
    ("approval", "Esketamine is labelled for use in adults only."),
    # safety: side effects named by the reaction or the organ, interactions, contraindications
    pytest.param("safety", "Esketamine nasal spray can bring on psychotic symptoms in vulnerable people.", marks=RETRAINED_793_MISS),
    ("safety", "Esketamine may bring on drowsiness, confusion or nausea."),
    ("safety", "Ketamine can trouble the liver when it is used heavily."),
    ("safety", "Esketamine can be dangerous for people with heart disease or a history of stroke."),  # interactions: a claim since pass 21
    pytest.param("safety", "Patients can continue taking their regular medications during ketamine treatment.",
                 marks=SECOND_STAGE_MISS),
    ("safety", "Brexanolone is not recommended for people with kidney failure."),  # ketamine's contraindications are a claim (pass 22)
    ("safety", "Zuranolone should be avoided in people with severe liver disease."),
    # epidemiology: the illness's burden said in words
    ("epidemiology", "Depression affects tens of millions of adults each year."),
    pytest.param("epidemiology", "Rates of depression among new mothers are on the rise.", marks=RETRAINED_1208_MISS),
    # efficacy: a comparison between forms or routes, few other options
    pytest.param("efficacy", "Intranasal esketamine is more convenient than an intravenous ketamine infusion.",
                 marks=RETRAINED_MISS),
    pytest.param("efficacy", "Studies found little to no difference between oral and intravenous ketamine.",
                 marks=RETRAINED_925_MISS),
    pytest.param("efficacy", "People with treatment-resistant depression have few options besides electroconvulsive therapy.",
                 marks=RETRAINED_1067_MISS),
]


@pytest.mark.parametrize("group,text", MISSED_BEFORE)
def test_uncovered_claims_of_these_kinds_are_check_worthy(real_engine, group, text):
    assert rules().predicates[group].search(text), group
    assert only_sentence(real_engine, text).checkworthy is True


@pytest.mark.parametrize("group,text", [
    ("protocol", "Brexanolone is given through a vein over two and a half days."),
    ("protocol", "Ketamine for depression is usually given intravenously over forty minutes."),
    ("protocol", "Zuranolone should not be combined with alcohol or opioids."),
    ("approval", "Canada greenlights a pill for postpartum depression."),
    ("approval", "The European regulator rejected the application, and NICE did not recommend the spray."),
    ("safety", "Long-term ketamine users may develop bladder inflammation and kidney problems."),
    ("safety", "Laryngospasm is a rare reaction to ketamine at anaesthetic doses."),
    ("epidemiology", "Postpartum depression is a leading cause of maternal death in the first year after birth."),
    ("pharmacokinetics", "Most of the drug is excreted by the kidneys."),
    ("pharmacokinetics", "Ketamine leaves the body within a day."),
    ("pharmacokinetics", "Esketamine is absorbed quickly through the lining of the nose."),
    ("dosing", "Ketamine infusions are usually given three days apart."),
    ("dosing", "Treatment is typically repeated two times a month."),
])
def test_the_new_vocabulary_fires(group, text):
    assert rules().predicates[group].search(text)


@pytest.mark.parametrize("group,text", [
    # the agency's acronym, not the adjective; a licence as a noun is no regulator's action
    ("approval", "It is nice to have a quiet room after the session."),
    ("approval", "This article is distributed under a Creative Commons licence."),
    # being given a leaflet is no route of administration; a clinic's team is not "in combination with" a drug
    ("protocol", "You will be given a leaflet to take home."),
    ("protocol", "Our team works together to plan your visit."),
    # a euphoric time is no side effect
    ("safety", "For many women, pregnancy is a euphoric time."),
])
def test_the_new_vocabulary_does_not_fire(group, text):
    assert not rules().predicates[group].search(text)


def test_the_stored_model_weighs_the_protocol_group():
    # the new group is a feature of the stored model (retrained after the groups changed), weighing towards a claim
    from indexer.copycheck import checkworthy_model
    assert checkworthy_model.load()["weights"].get("pred:protocol", 0.0) > 0.3
